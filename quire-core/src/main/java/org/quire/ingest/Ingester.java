package org.quire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.quire.model.Chapter;
import org.quire.model.IngestProblem;
import org.quire.model.TextFormat;
import org.quire.model.Work;
import org.quire.text.WordCounter;

/**
 * The front door of ingest: a story file in, a {@link Work} out (not yet analysed or stored).
 *
 * <p>Reads plain text ({@code .txt}, no extension), Markdown ({@code .md}), HTML (AO3 downloads and
 * other pages), EPUB, Word ({@code .docx}) and OpenDocument text ({@code .odt}). Formats Quire
 * cannot read yet are refused with a message naming the file and the format, never guessed at.
 */
public final class Ingester {
  /** Default largest file accepted: far above any real story, small enough to fit in memory. */
  public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

  private final long maxBytes;

  /**
   * @param maxBytes the largest file accepted, in bytes
   */
  public Ingester(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be > 0; got " + maxBytes + ".");
    }
    this.maxBytes = maxBytes;
  }

  public Ingester() {
    this(DEFAULT_MAX_BYTES);
  }

  /** Whether this ingester reads files with the given name (judged by extension). */
  public static boolean accepts(Path file) {
    return accepts(file.getFileName().toString());
  }

  /**
   * Whether a file is a story in a format Quire refuses (PDF, RTF, Word 97, Kindle): met in a
   * walked folder it is reported as failed with the reason, not passed over in silence.
   */
  public static boolean refusedFormat(String fileName) {
    return REFUSED.contains(extension(fileName));
  }

  /** Story formats Quire cannot read yet: PDF, RTF, Word 97 and Kindle books. */
  private static final List<String> REFUSED = List.of("pdf", "rtf", "doc", "mobi", "azw", "azw3");

  /** Whether this ingester reads files with the given name (judged by extension). */
  public static boolean accepts(String fileName) {
    String ext = extension(fileName);
    return ext.isEmpty()
        || ext.equals("txt")
        || ext.equals("text")
        || ext.equals("md")
        || ext.equals("markdown")
        || ext.equals("html")
        || ext.equals("htm")
        || ext.equals("xhtml")
        || ext.equals("epub")
        || ext.equals("docx")
        || ext.equals("odt")
        || ext.equals("zip");
  }

  /**
   * Reads one story file.
   *
   * @throws IngestException when the file cannot be read or is not a story Quire can import
   */
  public Work read(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try {
      if (Files.isDirectory(file)) {
        throw new IngestException(name, "is a directory, not a file.");
      }
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new IngestException(name, tooLarge(size));
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 16));
      }
      return read(name, bytes);
    } catch (NoSuchFileException e) {
      throw new IngestException(name, "no such file.");
    } catch (IOException e) {
      throw new IngestException(name, "could not be read: " + e.getMessage());
    }
  }

  /**
   * Reads one story from its bytes.
   *
   * @param fileName the file's name, used for its format and in messages
   * @param bytes the whole file
   * @throws IngestException when the bytes are not a story Quire can import
   */
  public Work read(String fileName, byte[] bytes) {
    if (bytes.length > maxBytes) {
      throw new IngestException(fileName, tooLarge(bytes.length));
    }
    String ext = extension(fileName);
    if (REFUSED.contains(ext)) {
      throw new IngestException(
          fileName,
          "."
              + ext
              + " files cannot be imported yet; Quire reads .txt, .md, .html, .epub, .docx"
              + " and .odt files.");
    }
    switch (ext) {
      case "epub" -> {
        return zipped(fileName, bytes, EpubReader::read);
      }
      case "docx" -> {
        return zipped(fileName, bytes, OfficeReader::docx);
      }
      case "odt" -> {
        return zipped(fileName, bytes, OfficeReader::odt);
      }
      case "zip" ->
          throw new IngestException(
              fileName, "is a .zip archive; 'quire import' reads the stories inside it.");
      default -> {}
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(fileName, bytes);
    String head = decoded.text().stripLeading();
    boolean html =
        ext.equals("html")
            || ext.equals("htm")
            || ext.equals("xhtml")
            || head.regionMatches(true, 0, "<!doctype html", 0, 14)
            || head.regionMatches(true, 0, "<html", 0, 5);
    boolean markdown = html || ext.equals("md") || ext.equals("markdown");
    StoryParser.Parsed p =
        html ? HtmlReader.read(decoded.text()) : StoryParser.parse(decoded.text(), markdown);
    return work(fileName, bytes, p, decoded.problems(), markdown);
  }

  /** Reads a zip-based format (EPUB, Word, OpenDocument). */
  private Work zipped(
      String fileName,
      byte[] bytes,
      java.util.function.Function<byte[], StoryParser.Parsed> reader) {
    StoryParser.Parsed p;
    try {
      p = reader.apply(bytes);
    } catch (SafeZip.Refused e) {
      throw new IngestException(fileName, e.getMessage());
    }
    return work(fileName, bytes, p, List.of(), true);
  }

  private static Work work(
      String fileName,
      byte[] bytes,
      StoryParser.Parsed p,
      List<IngestProblem> decodeProblems,
      boolean markdown) {
    if (p.chapters().isEmpty() || p.chapters().stream().allMatch(c -> c.text().isBlank())) {
      throw new IngestException(fileName, "it holds no story text.");
    }
    List<IngestProblem> problems = new ArrayList<>(decodeProblems);
    problems.addAll(p.problems());
    int words = 0;
    for (Chapter c : p.chapters()) {
      words += WordCounter.count(c.text());
    }
    return new Work(
        0,
        p.title(),
        p.titleGenerated(),
        p.authors(),
        p.summary(),
        p.notes(),
        p.endNotes(),
        p.chapters(),
        p.language(),
        p.complete(),
        words,
        markdown ? TextFormat.MARKDOWN : TextFormat.PLAIN,
        new Work.Source(fileName, sha256(bytes)),
        // A work first posted elsewhere keeps that day as its posted date ("Published: …").
        p.published() != null ? p.published() : Instant.now(),
        p.tags(),
        problems,
        p.expectedChapters());
  }

  private String tooLarge(long size) {
    return "the file is "
        + (size / (1024 * 1024))
        + " MiB, larger than the limit of "
        + (maxBytes / (1024 * 1024))
        + " MiB (ingest.max-file-mb in the config file, or QUIRE_MAX_FILE_MB).";
  }

  /**
   * The files in a {@code .zip} of stories, by path, within the same limits as an EPUB's (no zip
   * bombs, no paths outside the archive).
   *
   * @throws IngestException naming the file when it is too large or not a safe zip archive
   */
  public java.util.Map<String, byte[]> unzip(Path file) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        throw new IngestException(name, tooLarge(size));
      }
      return SafeZip.unzip(Files.readAllBytes(file));
    } catch (SafeZip.Refused e) {
      throw new IngestException(name, e.getMessage());
    } catch (IOException e) {
      throw new IngestException(name, "could not be read: " + e.getMessage());
    }
  }

  /** Hex SHA-256 of the bytes: the identity of an imported file. */
  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static String extension(String name) {
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    String base = name.substring(slash + 1);
    int dot = base.lastIndexOf('.');
    return dot <= 0 ? "" : base.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}

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
 * <p>Reads plain text ({@code .txt}, no extension) and Markdown ({@code .md}). Formats Quire cannot
 * read yet are refused with a message naming the file and the format, never guessed at.
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
    String ext = extension(file.getFileName().toString());
    return ext.isEmpty()
        || ext.equals("txt")
        || ext.equals("text")
        || ext.equals("md")
        || ext.equals("markdown");
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
    switch (ext) {
      case "html",
          "htm",
          "xhtml",
          "epub",
          "zip",
          "docx",
          "odt",
          "pdf",
          "rtf",
          "doc",
          "mobi",
          "azw3" ->
          throw new IngestException(
              fileName,
              "." + ext + " files cannot be imported yet; Quire reads .txt and .md files.");
      default -> {}
    }
    TextDecoder.Decoded decoded = TextDecoder.decode(fileName, bytes);
    String head = decoded.text().stripLeading();
    if (head.regionMatches(true, 0, "<!doctype html", 0, 14)
        || head.regionMatches(true, 0, "<html", 0, 5)) {
      throw new IngestException(fileName, "this is an HTML page; Quire reads .txt and .md files.");
    }
    boolean markdown = ext.equals("md") || ext.equals("markdown");
    StoryParser.Parsed p = StoryParser.parse(decoded.text(), markdown);
    List<IngestProblem> problems = new ArrayList<>(decoded.problems());
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
        words,
        markdown ? TextFormat.MARKDOWN : TextFormat.PLAIN,
        new Work.Source(fileName, sha256(bytes)),
        Instant.now(),
        p.tags(),
        problems);
  }

  private String tooLarge(long size) {
    return "the file is "
        + (size / (1024 * 1024))
        + " MiB, larger than the limit of "
        + (maxBytes / (1024 * 1024))
        + " MiB (ingest.maxFileBytes).";
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

package org.quire.export;

import static org.quire.export.ChapterRenderer.escape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Work;

/**
 * Writes a work as an EPUB 3 book that also carries EPUB 2's NCX for older readers: a title page, a
 * metadata page with every tag type kept apart (the same {@code dl.tags} block AO3 uses, so Quire
 * and other tools can read the tags back), the chapters with their notes, the end notes, a
 * navigation document, and the tags as {@code dc:subject}s. Chapter HTML is the reader's sanitised
 * HTML, re-serialised as XHTML.
 */
public final class EpubWriter {
  private EpubWriter() {}

  /**
   * The book's bytes.
   *
   * @param w the work
   * @param sourceUrl the work's address in the archive, for {@code dc:source}, or null
   * @param modified the time written into {@code dcterms:modified}
   */
  public static byte[] write(Work w, String sourceUrl, Instant modified) {
    return write(w, sourceUrl, modified, null);
  }

  /** A work's place in a series, written as calibre's series metadata and EPUB 3's collection. */
  public record SeriesPart(String name, int position) {
    /** The work's place among the series' works in order, or null if it is not among them. */
    public static SeriesPart of(String name, List<Long> workIds, long workId) {
      int i = workIds.indexOf(workId);
      return i < 0 ? null : new SeriesPart(name, i + 1);
    }
  }

  /**
   * The book's bytes, with the series it belongs to.
   *
   * @param series the work's series and its place there, or null
   */
  public static byte[] write(Work w, String sourceUrl, Instant modified, SeriesPart series) {
    Book b = new Book(w, sourceUrl, modified, series);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
      // The mimetype comes first and uncompressed, so readers can sniff the format.
      byte[] mime = "application/epub+zip".getBytes(StandardCharsets.US_ASCII);
      ZipEntry m = new ZipEntry("mimetype");
      m.setMethod(ZipEntry.STORED);
      m.setSize(mime.length);
      m.setCompressedSize(mime.length);
      CRC32 crc = new CRC32();
      crc.update(mime);
      m.setCrc(crc.getValue());
      zip.putNextEntry(m);
      zip.write(mime);
      zip.closeEntry();
      put(zip, "META-INF/container.xml", CONTAINER);
      put(zip, "EPUB/package.opf", b.opf());
      put(zip, "EPUB/nav.xhtml", b.nav());
      put(zip, "EPUB/toc.ncx", b.ncx());
      put(zip, "EPUB/style.css", CSS);
      zip.putNextEntry(new ZipEntry("EPUB/" + b.cover.file()));
      zip.write(b.cover.bytes());
      zip.closeEntry();
      for (Page p : b.pages) {
        put(zip, "EPUB/" + p.file(), p.xhtml());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  private static final String CONTAINER =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
        <rootfiles>
          <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
      </container>
      """;

  private static final String CSS =
      """
      body { font-family: serif; line-height: 1.5; margin: 0 5%; }
      section.cover { text-align: center; }
      section.cover img { max-width: 100%; max-height: 95vh; }
      h1, h2 { font-family: sans-serif; }
      p { margin: 0 0 0.8em; }
      hr.scene-break { border: none; text-align: center; margin: 1.5em 0; }
      hr.scene-break::after { content: "* * *"; }
      dl.tags dt { font-weight: bold; margin-top: 0.4em; }
      dl.tags dd { margin-left: 1.5em; }
      blockquote { margin: 0.5em 1.5em; font-style: italic; }
      .byline { font-style: italic; }
      """;

  /** One XHTML document of the book. */
  private record Page(String id, String file, String label, String xhtml) {}

  private static final class Book {
    final Work w;
    final String lang;
    final String dir;
    final String uid;
    final String sourceUrl;
    final String modified;
    final SeriesPart series;
    final Cover.Image cover;
    final List<Page> pages = new ArrayList<>();

    Book(Work w, String sourceUrl, Instant modified, SeriesPart series) {
      this.w = w;
      this.series = series;
      this.lang = Languages.tag(w.language());
      this.dir = Languages.dir(w.language());
      String key =
          w.source() != null && w.source().sha256() != null ? w.source().sha256() : w.title();
      this.uid =
          "urn:uuid:" + UUID.nameUUIDFromBytes(("quire:" + key).getBytes(StandardCharsets.UTF_8));
      this.sourceUrl = sourceUrl;
      this.modified = modified.truncatedTo(ChronoUnit.SECONDS).toString();
      WorkHtml h = new WorkHtml(w);
      this.cover = Cover.of(w);
      String alt =
          "Cover: "
              + w.title()
              + (w.authors().isEmpty() ? "" : ", by " + String.join(", ", w.authors()));
      pages.add(
          new Page(
              "cover",
              "cover.xhtml",
              "Cover",
              doc(
                  "Cover",
                  "<section epub:type=\"cover\" class=\"cover\">\n<img src=\""
                      + cover.file()
                      + "\" alt=\""
                      + escape(alt)
                      + "\"/>\n</section>\n")));
      pages.add(new Page("title", "title.xhtml", w.title(), doc(w.title(), h.titlePage())));
      pages.add(
          new Page(
              "preface", "preface.xhtml", "About this work", doc("About this work", h.preface())));
      for (Chapter c : w.chapters()) {
        String label = WorkHtml.label(c);
        pages.add(
            new Page(
                "chapter-" + c.number(),
                "chapter-" + c.number() + ".xhtml",
                label,
                doc(label, h.chapter(c))));
      }
      if (present(w.endNotes())) {
        pages.add(
            new Page("afterword", "afterword.xhtml", "End Notes", doc("End Notes", h.afterword())));
      }
    }

    String doc(String title, String body) {
      return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n"
          + "<html xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\""
          + " xml:lang=\""
          + lang
          + "\" lang=\""
          + lang
          + "\" dir=\""
          + dir
          + "\">\n<head>\n<meta charset=\"UTF-8\"/>\n"
          + "<title>"
          + escape(title)
          + "</title>\n"
          + "<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n<body>\n"
          + body
          + "</body>\n</html>\n";
    }

    String opf() {
      StringBuilder b = new StringBuilder();
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append("<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\"")
          .append(" unique-identifier=\"uid\" xml:lang=\"")
          .append(lang)
          .append("\">\n")
          .append("<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
          .append("<dc:identifier id=\"uid\">")
          .append(uid)
          .append("</dc:identifier>\n")
          .append("<dc:title>")
          .append(escape(w.title()))
          .append("</dc:title>\n");
      for (String a : w.authors()) {
        b.append("<dc:creator>").append(escape(a)).append("</dc:creator>\n");
      }
      b.append("<dc:language>").append(lang).append("</dc:language>\n");
      if (present(w.summary())) {
        b.append("<dc:description>").append(escape(w.summary())).append("</dc:description>\n");
      }
      for (TagType t : TagType.values()) {
        for (Tag tag : w.tags(t)) {
          b.append("<dc:subject>").append(escape(tag.name())).append("</dc:subject>\n");
        }
      }
      if (sourceUrl != null) {
        b.append("<dc:source>").append(escape(sourceUrl)).append("</dc:source>\n");
      }
      b.append("<dc:publisher>Quire</dc:publisher>\n")
          // EPUB 2 readers (and calibre) find the cover image by this name.
          .append("<meta name=\"cover\" content=\"cover-image\"/>\n")
          .append("<meta property=\"dcterms:modified\">")
          .append(modified)
          .append("</meta>\n");
      if (series != null && present(series.name())) {
        // EPUB 3's collection for reading systems, calibre's own names for calibre and the many
        // apps that read them.
        b.append("<meta property=\"belongs-to-collection\" id=\"series\">")
            .append(escape(series.name()))
            .append("</meta>\n")
            .append("<meta refines=\"#series\" property=\"collection-type\">series</meta>\n")
            .append("<meta refines=\"#series\" property=\"group-position\">")
            .append(series.position())
            .append("</meta>\n")
            .append("<meta name=\"calibre:series\" content=\"")
            .append(escape(series.name()))
            .append("\"/>\n")
            .append("<meta name=\"calibre:series_index\" content=\"")
            .append(series.position())
            .append("\"/>\n");
      }
      b.append("</metadata>\n<manifest>\n")
          .append(
              "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>\n")
          .append("<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>\n")
          .append("<item id=\"css\" href=\"style.css\" media-type=\"text/css\"/>\n")
          .append("<item id=\"cover-image\" href=\"")
          .append(cover.file())
          .append("\" media-type=\"")
          .append(cover.mediaType())
          .append("\" properties=\"cover-image\"/>\n");
      for (Page p : pages) {
        b.append("<item id=\"")
            .append(p.id())
            .append("\" href=\"")
            .append(p.file())
            .append("\" media-type=\"application/xhtml+xml\"/>\n");
      }
      // A right-to-left book turns its pages the other way.
      b.append("</manifest>\n<spine toc=\"ncx\"")
          .append(dir.equals("rtl") ? " page-progression-direction=\"rtl\"" : "")
          .append(">\n");
      for (Page p : pages) {
        b.append("<itemref idref=\"").append(p.id()).append("\"/>\n");
      }
      return b.append("</spine>\n</package>\n").toString();
    }

    String nav() {
      StringBuilder b =
          new StringBuilder("<nav epub:type=\"toc\" id=\"toc\">\n<h1>Contents</h1>\n<ol>\n");
      for (Page p : pages) {
        b.append("<li><a href=\"")
            .append(p.file())
            .append("\">")
            .append(escape(p.label()))
            .append("</a></li>\n");
      }
      b.append("</ol>\n</nav>\n");
      // Landmarks let reading systems open at the cover or the story itself.
      b.append("<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n")
          .append("<h2>Landmarks</h2>\n<ol>\n")
          .append("<li><a epub:type=\"cover\" href=\"cover.xhtml\">Cover</a></li>\n")
          .append("<li><a epub:type=\"bodymatter\" href=\"chapter-")
          .append(w.chapters().getFirst().number())
          .append(".xhtml\">Start reading</a></li>\n</ol>\n</nav>\n");
      return doc("Contents", b.toString());
    }

    String ncx() {
      StringBuilder b = new StringBuilder();
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append(
              "<ncx xmlns=\"http://www.daisy.org/z3986/2005/ncx/\" version=\"2005-1\">\n<head>\n")
          .append("<meta name=\"dtb:uid\" content=\"")
          .append(uid)
          .append("\"/>\n")
          .append("<meta name=\"dtb:depth\" content=\"1\"/>\n")
          .append("<meta name=\"dtb:totalPageCount\" content=\"0\"/>\n")
          .append("<meta name=\"dtb:maxPageNumber\" content=\"0\"/>\n</head>\n")
          .append("<docTitle><text>")
          .append(escape(w.title()))
          .append("</text></docTitle>\n<navMap>\n");
      int order = 1;
      for (Page p : pages) {
        b.append("<navPoint id=\"np-")
            .append(p.id())
            .append("\" playOrder=\"")
            .append(order++)
            .append("\"><navLabel><text>")
            .append(escape(p.label()))
            .append("</text></navLabel>")
            .append("<content src=\"")
            .append(p.file())
            .append("\"/></navPoint>\n");
      }
      return b.append("</navMap>\n</ncx>\n").toString();
    }
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }
}

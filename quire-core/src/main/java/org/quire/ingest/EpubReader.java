package org.quire.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.quire.model.Chapter;
import org.quire.model.IngestProblem;
import org.quire.model.Tag;
import org.quire.model.TagType;

/**
 * Reads EPUB 2 and 3 books: AO3 downloads, FanFicFare and calibre output. Metadata comes from the
 * package document (title, creators, language, subjects, description, source, calibre series) and,
 * when present, from an AO3 preface or a FanFicFare title page inside the book; chapters are the
 * spine's documents, each titled by its first heading.
 *
 * <p>Hostile archives are refused before anything is parsed: too many entries, too many bytes once
 * inflated, a suspicious compression ratio (zip bombs), and paths that climb out of the book
 * ({@code ../}, absolute paths). XML is read with jsoup's XML parser, which neither fetches
 * external entities nor expands declared ones (no XXE, no "billion laughs").
 */
final class EpubReader {
  static final int MAX_ENTRIES = 5_000;
  static final long MAX_INFLATED = 256L * 1024 * 1024;
  static final int MAX_RATIO = 100;

  private static final List<String> NOT_CHAPTERS =
      List.of("cover", "title", "toc", "nav", "preface", "afterword", "info", "log_page", "jacket");

  private EpubReader() {}

  /** Why a file was refused; the ingester adds the file's name. */
  static final class Refused extends RuntimeException {
    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  static StoryParser.Parsed read(byte[] bytes) {
    Map<String, byte[]> files = unzip(bytes);
    byte[] container = files.get("META-INF/container.xml");
    if (container == null) {
      throw new Refused("not an EPUB: META-INF/container.xml is missing.");
    }
    Element rootfile = xml(container).selectFirst("rootfile[full-path]");
    if (rootfile == null) {
      throw new Refused("not an EPUB: the container names no package document.");
    }
    String opfPath = normalise("", rootfile.attr("full-path"));
    byte[] opfBytes = files.get(opfPath);
    if (opfBytes == null) {
      throw new Refused("the package document " + opfPath + " is missing from the book.");
    }
    Document opf = xml(opfBytes);
    String base = opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";

    List<Tag> tags = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<IngestProblem> problems = new ArrayList<>();
    String title = text(opf.selectFirst("metadata > title, metadata > dc|title"));
    List<String> authors = new ArrayList<>();
    for (Element c : opf.select("metadata > creator, metadata > dc|creator")) {
      String role = c.attr("opf:role");
      if (role.isEmpty() || role.equals("aut")) {
        String a = c.text().strip();
        if (!a.isEmpty() && !authors.contains(a)) {
          authors.add(a);
        }
      }
    }
    String language = text(opf.selectFirst("metadata > language, metadata > dc|language"));
    String summary = null;
    Element description = opf.selectFirst("metadata > description, metadata > dc|description");
    if (description != null && !description.text().isBlank()) {
      // Descriptions are often escaped HTML; read them as HTML so no markup is kept.
      summary = HtmlText.markdown(Jsoup.parse(description.text()).body());
    }
    for (Element s : opf.select("metadata > subject, metadata > dc|subject")) {
      subject(s.text().strip(), tags);
    }
    Element source = opf.selectFirst("metadata > source, metadata > dc|source");
    if (source != null && !source.text().isBlank()) {
      notes.add("Source: " + source.text().strip());
    }
    Element series = opf.selectFirst("meta[name=calibre:series]");
    if (series != null && !series.attr("content").isBlank()) {
      Element index = opf.selectFirst("meta[name=calibre:series_index]");
      notes.add(
          "Series: "
              + series.attr("content").strip()
              + (index == null ? "" : ", part " + index.attr("content").strip()));
    }

    Map<String, String> manifest = new LinkedHashMap<>();
    for (Element item : opf.select("manifest > item")) {
      manifest.put(item.attr("id"), normalise(base, item.attr("href")));
    }
    boolean complete = true;
    String endNotes = null;
    List<Chapter> chapters = new ArrayList<>();
    boolean metaFromBook = false;
    for (Element ref : opf.select("spine > itemref")) {
      String path = manifest.get(ref.attr("idref"));
      byte[] doc = path == null ? null : files.get(path);
      if (doc == null) {
        problems.add(new IngestProblem(0, "the spine names a missing document: " + path));
        continue;
      }
      Document page = Jsoup.parse(new String(doc, StandardCharsets.UTF_8));
      Element dl = page.selectFirst("dl.tags");
      if (dl != null) {
        // An AO3 preface: its tags are richer than the flattened dc:subject list.
        HtmlReader.Meta meta = HtmlReader.meta(dl);
        if (!metaFromBook) {
          tags.clear();
          metaFromBook = true;
        }
        tags.addAll(meta.tags);
        notes.addAll(meta.noteLines);
        complete = meta.complete;
        language = meta.language != null ? meta.language : language;
        String s = HtmlReader.labelled(page.body(), "summary");
        summary = s != null ? s : summary;
        String n = HtmlReader.labelled(page.body(), "notes");
        if (n != null) {
          notes.add(n);
        }
        continue;
      }
      String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
      Element endnotes = page.selectFirst("#endnotes");
      if (endnotes != null) {
        endNotes = HtmlReader.labelled(endnotes, "end notes");
        continue;
      }
      if (isTitlePage(name)) {
        Boolean c = titlePage(page, tags, notes);
        complete = c == null ? complete : c;
        continue;
      }
      if (NOT_CHAPTERS.stream().anyMatch(name::startsWith) || page.selectFirst("nav") != null) {
        continue;
      }
      Element body = page.body();
      if (body == null) {
        continue;
      }
      Element userstuff = body.selectFirst("div.userstuff");
      if (userstuff != null) {
        // AO3-style chapter page (Quire's own export among them): heading, notes, then the text.
        Element h = body.selectFirst("h2.heading, h2, h3");
        String t = h == null || h.hasClass("generated") ? null : h.text().strip();
        Element meta = body.selectFirst("div.meta");
        String chapterNotes = meta == null ? null : HtmlReader.labelled(meta, "chapter notes");
        String text = HtmlText.markdown(userstuff);
        if (!text.isBlank()) {
          chapters.add(new Chapter(chapters.size() + 1, t, text, chapterNotes));
        }
        continue;
      }
      Element heading = body.selectFirst("h1, h2, h3");
      String chapterTitle = null;
      if (heading != null) {
        chapterTitle = heading.text().strip();
        heading.remove();
      }
      String text = HtmlText.markdown(body);
      if (text.isBlank()) {
        continue;
      }
      chapters.add(new Chapter(chapters.size() + 1, chapterTitle, text, null));
    }
    if (chapters.isEmpty()) {
      throw new Refused("the book has no readable chapters.");
    }
    boolean generated = title == null || title.isBlank();
    return new StoryParser.Parsed(
        generated ? StoryParser.generatedTitle(chapters.getFirst().text()) : title.strip(),
        generated,
        authors,
        summary == null || summary.isBlank() ? null : summary,
        notes.isEmpty() ? null : String.join("\n\n", notes),
        endNotes,
        chapters,
        language == null || language.isBlank() ? null : language,
        complete,
        dedupe(tags),
        problems);
  }

  /** FanFicFare's title page: "Label: value" lines in a page called title_page. */
  private static boolean isTitlePage(String name) {
    return name.startsWith("title_page") || name.startsWith("titlepage");
  }

  /** Reads "Label: value" lines of a title page; returns what its status says, if anything. */
  private static Boolean titlePage(Document page, List<Tag> tags, List<String> notes) {
    Boolean complete = null;
    String text = HtmlText.markdown(page.body()).replace("*", "").replace("\\", "");
    for (String line : text.split("\n")) {
      HeaderField.Line h = HeaderField.parse(line.strip());
      if (h == null || h.value().isBlank()) {
        continue;
      }
      switch (h.field()) {
        case STATUS -> complete = StoryParser.completeFrom(h.label(), h.value());
        case NOTE_LINE -> notes.add(h.label() + ": " + h.value());
        case TITLE, AUTHOR, SUMMARY, DISCLAIMER, LANGUAGE, IGNORED -> {}
        default -> AuthorTags.add(h.field(), h.value(), tags);
      }
    }
    return complete;
  }

  /** A {@code dc:subject}: an AO3 rating, warning or category where it is one, else a tag. */
  private static void subject(String s, List<Tag> tags) {
    if (s.isEmpty() || s.length() > 200) {
      return;
    }
    if (isOneOf(s, List.of("F/F", "F/M", "Gen", "M/M", "Multi", "Other"))) {
      tags.add(Tag.byAuthor(TagType.CATEGORY, s));
      return;
    }
    if (isOneOf(s, AuthorTags.RATING_NAMES)) {
      tags.add(Tag.byAuthor(TagType.RATING, s));
      return;
    }
    List<Tag> probe = new ArrayList<>();
    AuthorTags.add(HeaderField.WARNINGS, s, probe);
    if (!probe.isEmpty() && probe.getFirst().type() == TagType.ARCHIVE_WARNING) {
      tags.add(probe.getFirst());
      return;
    }
    tags.add(Tag.byAuthor(TagType.ADDITIONAL, s));
  }

  private static boolean isOneOf(String s, List<String> values) {
    return values.stream().anyMatch(v -> v.equalsIgnoreCase(s));
  }

  private static List<Tag> dedupe(List<Tag> tags) {
    Map<String, Tag> out = new LinkedHashMap<>();
    for (Tag t : tags) {
      out.putIfAbsent(t.type() + "\u0000" + t.name().toLowerCase(Locale.ROOT), t);
    }
    return new ArrayList<>(out.values());
  }

  private static String text(Element e) {
    return e == null ? null : e.text().strip();
  }

  private static Document xml(byte[] bytes) {
    return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
  }

  /**
   * Resolves an href against a directory inside the book. Refuses paths that climb out of it:
   * nothing is ever written to disk, but a book that tries this is not a book to trust.
   */
  static String normalise(String base, String href) {
    String h = java.net.URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
    int hash = h.indexOf('#');
    if (hash >= 0) {
      h = h.substring(0, hash);
    }
    if (h.startsWith("/") || h.contains("\\") || h.matches("^[A-Za-z]:.*")) {
      throw new Refused("it names a path outside the book (" + abbreviate(href) + ").");
    }
    List<String> parts = new ArrayList<>();
    for (String p : (base + h).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          throw new Refused("it names a path outside the book (" + abbreviate(href) + ").");
        }
        parts.removeLast();
      } else {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }

  /** The book's files by path, within the limits; refuses archives that break them. */
  static Map<String, byte[]> unzip(byte[] bytes) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    long inflated = 0;
    long budget = Math.min(MAX_INFLATED, Math.max(1L << 20, (long) bytes.length * MAX_RATIO));
    try (ZipInputStream zin = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry e;
      while ((e = zin.getNextEntry()) != null) {
        if (files.size() >= MAX_ENTRIES) {
          throw new Refused("it holds more than " + MAX_ENTRIES + " files.");
        }
        String name = normalise("", e.getName());
        if (e.isDirectory()) {
          continue;
        }
        byte[] data = zin.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, budget - inflated + 1));
        inflated += data.length;
        if (inflated > budget) {
          throw new Refused(
              "it inflates to more than "
                  + (budget / (1024 * 1024))
                  + " MiB (a zip bomb, or far larger than any story).");
        }
        files.put(name, data);
      }
    } catch (IOException | IllegalArgumentException ex) {
      throw new Refused("it is not a readable zip archive (" + ex.getMessage() + ").");
    }
    if (files.isEmpty()) {
      throw new Refused("it is not a readable zip archive (no entries).");
    }
    return files;
  }
}

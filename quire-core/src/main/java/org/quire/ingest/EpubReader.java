package org.quire.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>Hostile archives are refused by {@link SafeZip} before anything is parsed. XML is read with
 * jsoup's XML parser, which neither fetches external entities nor expands declared ones (no XXE, no
 * "billion laughs").
 */
final class EpubReader {
  private static final List<String> NOT_CHAPTERS =
      List.of("cover", "title", "toc", "nav", "preface", "afterword", "info", "log_page", "jacket");

  private EpubReader() {}

  static StoryParser.Parsed read(byte[] bytes) {
    Map<String, byte[]> files = SafeZip.unzip(bytes);
    byte[] container = files.get("META-INF/container.xml");
    if (container == null) {
      throw new SafeZip.Refused("not an EPUB: META-INF/container.xml is missing.");
    }
    Element rootfile = xml(container).selectFirst("rootfile[full-path]");
    if (rootfile == null) {
      throw new SafeZip.Refused("not an EPUB: the container names no package document.");
    }
    String opfPath = SafeZip.normalise("", rootfile.attr("full-path"));
    byte[] opfBytes = files.get(opfPath);
    if (opfBytes == null) {
      throw new SafeZip.Refused("the package document " + opfPath + " is missing from the book.");
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
      summary = HtmlText.noteMarkdown(Jsoup.parse(description.text()).body());
    }
    Boolean subjectStatus = null;
    for (Element s : opf.select("metadata > subject, metadata > dc|subject")) {
      Boolean st = subject(s.text().strip(), tags);
      subjectStatus = st != null ? st : subjectStatus;
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
      manifest.put(item.attr("id"), SafeZip.normalise(base, item.attr("href")));
    }
    boolean complete = subjectStatus == null || subjectStatus;
    int expected = 0;
    String endNotes = null;
    List<Chapter> chapters = new ArrayList<>();
    boolean metaFromBook = false;
    // A header page set aside; should no chapter follow, it was the story after all.
    StoryParser.Parsed header = null;
    java.time.Instant published = null;
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
        expected = meta.expected;
        published = meta.published != null ? meta.published : published;
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
        TitlePage t = titlePage(page, tags, notes);
        complete = t.complete() == null ? complete : t.complete();
        published = published != null ? published : t.published();
        continue;
      }
      if (NOT_CHAPTERS.stream().anyMatch(name::startsWith) || page.selectFirst("nav") != null) {
        continue;
      }
      Element body = page.body();
      if (body == null) {
        continue;
      }
      Element preface = body.selectFirst("#preface");
      if (preface != null) {
        // AO3's preface, as calibre splits it onto a page of its own: the summary and notes,
        // never a chapter.
        String s = HtmlReader.labelled(preface, "summary");
        summary = s != null ? s : summary;
        String n = HtmlReader.labelled(preface, "notes");
        if (n != null && !notes.contains(n)) {
          notes.add(n);
        }
        preface.remove();
        if (body.text().isBlank()) {
          continue;
        }
      }
      String md = chapters.isEmpty() ? headerPage(body, title, authors) : null;
      if (md != null) {
        // A converted text's or page's header (calibre puts it on a page of its own): read as a
        // header block is, for its summary, notes and tags.
        StoryParser.Parsed head = StoryParser.parse(md, true);
        header = head;
        summary = summary != null ? summary : head.summary();
        if (head.notes() != null && !notes.contains(head.notes())) {
          notes.add(head.notes());
        }
        if (!metaFromBook) {
          tags.addAll(head.tags());
        }
        if (authors.isEmpty()) {
          authors.addAll(head.authors());
        }
        // A short first chapter under the title and byline is story: kept as the chapter it is.
        // (With a header only, the parser keeps the whole page, title first, as its one chapter:
        // that is no story.)
        String firstLine = md.strip().lines().findFirst().orElse("").strip();
        for (Chapter c : head.chapters()) {
          if (org.quire.text.WordCounter.count(c.text()) >= 40
              && !c.text().strip().startsWith(firstLine)) {
            chapters.add(
                new Chapter(chapters.size() + 1, c.title(), c.text(), c.notes(), c.endNotes()));
          }
        }
        continue;
      }
      Element userstuff = body.selectFirst("div.userstuff");
      if (userstuff != null) {
        // AO3-style chapter page (Quire's own export among them): heading, notes, then the text.
        Element h = body.selectFirst("h2.heading, h2, h3");
        String t = h == null || h.hasClass("generated") ? null : h.text().strip();
        t = chapterTitle(t, chapters.size() + 1);
        Element meta = body.selectFirst("div.meta");
        String chapterNotes = meta == null ? null : HtmlReader.labelled(meta, "chapter notes");
        Element after = body.selectFirst("div.endnotes, div[id~=^endnotes\\d+$]");
        String chapterEnd = after == null ? null : HtmlReader.labelled(after, "chapter end notes");
        String text = HtmlText.markdown(userstuff);
        if (!text.isBlank()) {
          Chapter c = new Chapter(chapters.size() + 1, t, text, chapterNotes);
          chapters.add(chapterEnd == null ? c : HtmlReader.withEndNotes(c, chapterEnd));
        }
        continue;
      }
      Element heading = body.selectFirst("h1, h2, h3");
      String chapterTitle = null;
      if (heading != null) {
        chapterTitle = chapterTitle(heading.text().strip(), chapters.size() + 1);
        heading.remove();
      }
      // Quire's and AO3's chapter notes, after a tool that rewrote the book renamed their classes.
      String chapterNotes = HtmlReader.labelled(body, "chapter notes", true);
      String chapterEnd = HtmlReader.labelled(body, "chapter end notes", true);
      String text = HtmlText.markdown(body);
      if (text.isBlank()) {
        continue;
      }
      Chapter c = new Chapter(chapters.size() + 1, chapterTitle, text, chapterNotes);
      c = chapterEnd == null ? c : HtmlReader.withEndNotes(c, chapterEnd);
      // Notes the page does not mark (FanFicFare's "A/N: …" paragraphs) as a text file's are.
      chapters.add(StoryParser.notesApart(c, true));
    }
    if (chapters.isEmpty() && header != null) {
      chapters.addAll(header.chapters());
    }
    if (chapters.isEmpty()) {
      throw new SafeZip.Refused("the book has no readable chapters.");
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
        language == null || language.isBlank() ? null : languageName(language),
        complete,
        dedupe(tags),
        problems,
        expected,
        published != null ? published : header == null ? null : header.published());
  }

  /**
   * A chapter's heading as its title: "Chapter 2" on the second chapter is the label every reader
   * gives an untitled chapter, not a title (Quire marks its own as generated, but tools that
   * rewrite the book, calibre among them, drop the mark).
   */
  private static String chapterTitle(String heading, int number) {
    return heading == null || heading.equalsIgnoreCase("Chapter " + number) ? null : heading;
  }

  /**
   * A page that is the story's header, not its first chapter, as Markdown (else null): short,
   * opening with the book's title or carrying a byline ("by VulcanSalute42", the book's author when
   * the book names one; not "By the light of the moon"), no chapter heading and no AO3 chapter text
   * in it.
   */
  static String headerPage(Element body, String bookTitle, List<String> bookAuthors) {
    if (body.selectFirst("div.userstuff") != null) {
      return null;
    }
    String md = HtmlText.markdown(body);
    if (md.isBlank() || org.quire.text.WordCounter.count(md) > 250) {
      return null;
    }
    List<String> lines =
        md.lines()
            .map(l -> StoryParser.undecorated(l.strip().replaceFirst("^#+\\s*", "")))
            .toList();
    lines = lines.stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty() || lines.stream().anyMatch(StoryParser::isChapterHeading)) {
      return null;
    }
    String first = StoryParser.plainTitle(lines.getFirst()).replaceAll("\\s+", " ");
    boolean titled =
        bookTitle != null && first.equalsIgnoreCase(bookTitle.strip().replaceAll("\\s+", " "));
    boolean byline = lines.stream().limit(4).anyMatch(l -> isByline(l, bookAuthors));
    return titled || byline ? md : null;
  }

  /** "by Baker St. Irregular": a line that is only a byline, of the book's author if it has one. */
  private static final java.util.regex.Pattern BYLINE =
      java.util.regex.Pattern.compile("(?i)by\\s+(.{1,60}?)\\.?");

  private static boolean isByline(String line, List<String> bookAuthors) {
    java.util.regex.Matcher m = BYLINE.matcher(line.strip());
    if (!m.matches()) {
      return false;
    }
    String name = m.group(1).strip();
    if (!bookAuthors.isEmpty()) {
      return bookAuthors.stream().anyMatch(name::equalsIgnoreCase);
    }
    // A name: a few words, each capitalised or not a plain word ("VulcanSalute42", "inkwell_9").
    String[] words = name.split("\\s+");
    return words.length <= 4
        && java.util.Arrays.stream(words)
            .allMatch(w -> Character.isUpperCase(w.codePointAt(0)) || !w.matches("\\p{L}+"));
  }

  /** FanFicFare's title page: "Label: value" lines in a page called title_page. */
  private static boolean isTitlePage(String name) {
    return name.startsWith("title_page") || name.startsWith("titlepage");
  }

  /**
   * What a title page says beside its tags and notes: whether the work is complete, if it says, and
   * the day it was first posted, or null.
   */
  private record TitlePage(Boolean complete, java.time.Instant published) {}

  /** Reads "Label: value" lines of a title page into its tags and notes. */
  private static TitlePage titlePage(Document page, List<Tag> tags, List<String> notes) {
    Boolean complete = null;
    java.time.Instant published = null;
    List<String> otherCategories = new ArrayList<>();
    String text = HtmlText.markdown(page.body()).replace("*", "").replace("\\", "");
    for (String line : text.split("\n")) {
      HeaderField.Line h = HeaderField.parse(line.strip());
      if (h == null || h.value().isBlank()) {
        continue;
      }
      switch (h.field()) {
        case STATUS -> {
          // "Status: In-Progress" then "Chapters: 2": a line that says nothing changes nothing.
          Boolean c = StoryParser.completeFrom(h.label(), h.value());
          complete = c != null ? c : complete;
        }
        case NOTE_LINE -> notes.add(h.label() + ": " + h.value());
        case PUBLISHED -> published = StoryParser.publishedOn(h.value());
        case TITLE, AUTHOR, SUMMARY, DISCLAIMER, LANGUAGE, IGNORED -> {}
        case CATEGORY -> AuthorTags.categories(h.value(), tags, otherCategories);
        default -> AuthorTags.add(h.field(), h.value(), tags);
      }
    }
    AuthorTags.fileOtherCategories(otherCategories, tags);
    return new TitlePage(complete, published);
  }

  /** Sites FanFicFare and calibre name among a book's subjects: where it came from, not a tag. */
  private static final java.util.Set<String> SITES =
      java.util.Set.of(
          "fanfiction.net",
          "fanfiction",
          "archive of our own",
          "archiveofourown.org",
          "ao3",
          "fictionpress.com",
          "wattpad",
          "livejournal",
          "dreamwidth");

  /**
   * A {@code dc:subject}: an AO3 rating, warning or category where it is one, else a tag. A status
   * ("In-Progress", "Completed", as FanFicFare lists them) is returned, not tagged.
   */
  private static Boolean subject(String s, List<Tag> tags) {
    if (s.isEmpty() || s.length() > 200 || SITES.contains(s.toLowerCase(Locale.ROOT))) {
      return null;
    }
    if (s.matches("(?i)in[- ]progress|wip|completed?")) {
      return s.toLowerCase(Locale.ROOT).startsWith("complete");
    }
    if (isOneOf(s, org.quire.model.FixedTags.CATEGORIES)) {
      tags.add(Tag.byAuthor(TagType.CATEGORY, s));
      return null;
    }
    if (isOneOf(s, AuthorTags.RATING_NAMES)) {
      tags.add(Tag.byAuthor(TagType.RATING, s));
      return null;
    }
    List<Tag> probe = new ArrayList<>();
    AuthorTags.add(HeaderField.WARNINGS, s, probe);
    if (!probe.isEmpty() && probe.getFirst().type() == TagType.ARCHIVE_WARNING) {
      tags.add(probe.getFirst());
      return null;
    }
    tags.add(Tag.byAuthor(TagType.ADDITIONAL, s));
    return null;
  }

  private static boolean isOneOf(String s, List<String> values) {
    return values.stream().anyMatch(v -> v.equalsIgnoreCase(s));
  }

  private static List<Tag> dedupe(List<Tag> tags) {
    Map<String, Tag> out = new LinkedHashMap<>();
    java.util.Set<String> typed = new java.util.HashSet<>();
    for (Tag t : tags) {
      if (t.type() != TagType.ADDITIONAL) {
        typed.add(t.name().toLowerCase(Locale.ROOT));
      }
    }
    for (Tag t : tags) {
      // A subject that the title page files as a fandom (or another kind) is that tag only.
      if (t.type() == TagType.ADDITIONAL && typed.contains(t.name().toLowerCase(Locale.ROOT))) {
        continue;
      }
      out.putIfAbsent(t.type() + "\u0000" + t.name().toLowerCase(Locale.ROOT), t);
    }
    return new ArrayList<>(out.values());
  }

  /**
   * A package's language as Quire files languages, by English name: EPUBs give a BCP 47 tag ("en",
   * "pt-BR"), AO3 pages and Quire's own guess a name ("English"), and filters and facets need one
   * spelling. A tag Java cannot name is kept as given.
   */
  static String languageName(String language) {
    String l = language.strip();
    if (l.equalsIgnoreCase("und") || l.equalsIgnoreCase("zxx")) {
      return null; // "undetermined", "no linguistic content": no language to file it under
    }
    if (!l.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*")) {
      return l;
    }
    String name =
        java.util.Locale.forLanguageTag(l.replace('_', '-'))
            .getDisplayLanguage(java.util.Locale.ENGLISH);
    return name.isEmpty() || name.equalsIgnoreCase(l) ? l : name;
  }

  private static String text(Element e) {
    return e == null ? null : e.text().strip();
  }

  private static Document xml(byte[] bytes) {
    return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
  }
}

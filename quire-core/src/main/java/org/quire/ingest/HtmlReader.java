package org.quire.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.quire.model.Chapter;
import org.quire.model.Tag;

/**
 * Reads stories saved as HTML: AO3's "Download → HTML" files, with their metadata block taken as
 * the author's tags, and any other page, whose text goes through the same structure rules as
 * Markdown. The story's markup is turned into Markdown (see {@link HtmlText}); nothing of the
 * page's HTML is kept.
 */
final class HtmlReader {
  private HtmlReader() {}

  static StoryParser.Parsed read(String html) {
    Document doc = Jsoup.parse(html);
    Element page = doc.selectFirst("dl.work.meta");
    if (page != null && doc.selectFirst("#workskin #chapters") != null) {
      StoryParser.Parsed p = ao3Page(doc, page);
      if (p != null) {
        return p;
      }
    }
    Element tags = doc.selectFirst("dl.tags");
    if (tags != null && doc.selectFirst("#chapters") != null) {
      return ao3(doc, tags);
    }
    return generic(doc);
  }

  /** Any page: its text, with the page title as the story's title when no heading gives one. */
  static StoryParser.Parsed generic(Document doc) {
    Element body = doc.body();
    String md = body == null ? "" : HtmlText.markdown(body);
    String title = doc.title().strip();
    // The page's title names the story unless the text opens with a title heading of its own.
    String first = md.lines().findFirst().orElse("");
    boolean titled = first.startsWith("# ") && !StoryParser.isChapterHeading(first.substring(2));
    // A page that repeats its title as its first line, in bold or centred: that line is the
    // title heading (once, not twice). Only a short line is compared.
    boolean repeated =
        !title.isEmpty()
            && !titled
            && first.length() <= title.length() + 40
            && StoryParser.plainTitle(StoryParser.undecorated(first.strip()))
                .equalsIgnoreCase(title.replaceAll("\\s+", " "));
    if (repeated) {
      md = md.substring(Math.min(md.length(), first.length())).stripLeading();
    }
    if (!title.isEmpty() && !titled) {
      md = "# " + HtmlText.escape(title) + "\n\n" + md;
    }
    return StoryParser.parse(md, true);
  }

  /** What an AO3 metadata block ({@code dl.tags}) says. */
  static final class Meta {
    final List<Tag> tags = new ArrayList<>();
    final List<String> noteLines = new ArrayList<>();
    String language;
    boolean complete = true;
    int expected;
    java.time.Instant published;
  }

  private static final java.util.regex.Pattern PUBLISHED_STAT =
      java.util.regex.Pattern.compile("Published:\\s*(\\S+)");

  /** Reads AO3's {@code <dt>Label:</dt><dd>tags</dd>} pairs. */
  static Meta meta(Element dl) {
    Meta m = new Meta();
    for (Element dt : dl.select("dt")) {
      Element dd = dt.nextElementSibling();
      if (dd == null || !dd.normalName().equals("dd")) {
        continue;
      }
      String label = dt.text().replace(":", "").strip().toLowerCase(Locale.ROOT);
      List<String> values = new ArrayList<>();
      var marked = dd.select(".tag");
      (marked.isEmpty() ? dd.select("a") : marked).forEach(a -> values.add(a.text().strip()));
      if (values.isEmpty()) {
        values.add(dd.text().strip());
      }
      HeaderField field =
          switch (label) {
            case "rating", "ratings" -> HeaderField.RATING;
            case "archive warning", "archive warnings", "warning", "warnings" ->
                HeaderField.WARNINGS;
            case "category", "categories" -> HeaderField.CATEGORY;
            case "fandom", "fandoms" -> HeaderField.FANDOM;
            case "relationship", "relationships" -> HeaderField.RELATIONSHIP;
            case "character", "characters" -> HeaderField.CHARACTERS;
            case "additional tags", "additional tag", "freeform", "freeforms", "tags" ->
                HeaderField.TAGS;
            default -> null;
          };
      if (label.startsWith("content warning")) {
        values.stream()
            .filter(v -> !v.isEmpty())
            .forEach(v -> m.tags.add(Tag.byAuthor(org.quire.model.TagType.CONTENT_WARNING, v)));
      } else if (field != null) {
        for (String v : values) {
          if (!v.isEmpty()) {
            AuthorTags.add(field, v, m.tags);
          }
        }
      } else if (label.equals("language")) {
        m.language = dd.text().strip();
      } else if (label.equals("stats")) {
        String stats = dd.text();
        var chapters = java.util.regex.Pattern.compile("Chapters:\\s*(\\S+)").matcher(stats);
        if (chapters.find()) {
          Boolean c = StoryParser.completeFrom("Chapters", chapters.group(1));
          m.complete = c == null || c;
          m.expected = StoryParser.expectedFrom(chapters.group(1));
        }
        var published = PUBLISHED_STAT.matcher(stats);
        if (published.find()) {
          m.published = StoryParser.publishedOn(published.group(1));
        }
      } else if (label.equals("series") || label.equals("collections")) {
        m.noteLines.add(dt.text().replace(":", "").strip() + ": " + dd.text().strip());
      }
    }
    return m;
  }

  private static StoryParser.Parsed ao3(Document doc, Element dl) {
    Meta meta = meta(dl);
    Element preface = doc.selectFirst("#preface");
    Element scope = preface == null ? doc.body() : preface;
    Element h1 = scope.selectFirst("h1");
    String title = h1 == null ? doc.title().strip() : h1.text().strip();
    List<String> authors = new ArrayList<>();
    scope.select(".byline a[rel=author], a[rel=author]").forEach(a -> addOnce(authors, a.text()));
    String summary = labelled(scope, "summary");
    List<String> notes = new ArrayList<>(meta.noteLines);
    String n = labelled(scope, "notes");
    if (n != null) {
      notes.add(n);
    }
    List<Chapter> chapters = chapters(doc.selectFirst("#chapters"));
    Element after = doc.selectFirst("#afterword");
    String endNotes = after == null ? null : labelled(after, "end notes");
    if (chapters.isEmpty()) {
      // A metadata block without the chapters AO3 puts beside it: read it as any other page.
      return generic(doc);
    }
    return parsed(title, authors, summary, notes, endNotes, chapters, meta);
  }

  /** An AO3 work as read, its title made from its first words when it has none. */
  private static StoryParser.Parsed parsed(
      String title,
      List<String> authors,
      String summary,
      List<String> notes,
      String endNotes,
      List<Chapter> chapters,
      Meta meta) {
    boolean generated = title.isEmpty();
    return new StoryParser.Parsed(
        generated ? StoryParser.generatedTitle(chapters.getFirst().text()) : title,
        generated,
        authors,
        summary,
        notes.isEmpty() ? null : String.join("\n\n", notes),
        endNotes,
        chapters,
        meta.language,
        meta.complete,
        meta.tags,
        new ArrayList<>(),
        meta.expected,
        meta.published);
  }

  /**
   * A work's page saved from AO3 in a browser ("Save page as"): the site's menus, kudos and
   * comments around the work are left out; the tags come from its {@code dl.work.meta}, the title,
   * authors, summary and notes from the work's preface, and each chapter's title, notes, text and
   * end notes from its own blocks. Null when no chapter text is found.
   */
  private static StoryParser.Parsed ao3Page(Document doc, Element dl) {
    Meta meta = meta(dl);
    Element skin = doc.selectFirst("#workskin");
    Element preface = skin.selectFirst("> div.preface.group:not(.chapter)");
    String title = "";
    List<String> authors = new ArrayList<>();
    String summary = null;
    List<String> notes = new ArrayList<>(meta.noteLines);
    if (preface != null) {
      Element h = preface.selectFirst("h2.title");
      title = h == null ? "" : h.text().strip();
      preface.select(".byline a[rel=author]").forEach(a -> addOnce(authors, a.text()));
      summary = quoted(preface.selectFirst("div.summary blockquote.userstuff"));
      String n = quoted(preface.selectFirst("div.notes blockquote.userstuff"));
      if (n != null) {
        notes.add(n);
      }
    }
    Element all = skin.selectFirst("#chapters");
    List<Element> parts = all.select("> div.chapter");
    List<Chapter> chapters = new ArrayList<>();
    for (Element part : parts.isEmpty() ? List.of(all) : parts) {
      Element text = part.selectFirst("div.userstuff");
      if (text == null) {
        continue;
      }
      Element h = part.selectFirst("div.chapter.preface h3.title");
      String heading = h == null ? null : h.text().strip();
      List<String> opening = new ArrayList<>();
      String chapterEnd = null;
      // AO3 keeps a chapter's summary beside its notes; both open the chapter, as downloads have.
      String chapterSummary = quoted(part.selectFirst("div.summary blockquote.userstuff"));
      if (chapterSummary != null) {
        opening.add(chapterSummary);
      }
      for (Element block : part.select("div.notes")) {
        String v = quoted(block.selectFirst("blockquote.userstuff"));
        if (block.hasClass("end")) {
          chapterEnd = v;
        } else if (v != null) {
          opening.add(v);
        }
      }
      String chapterNotes = opening.isEmpty() ? null : String.join("\n\n", opening);
      Element body = text.clone();
      // "Chapter Text", the heading AO3 keeps for screen readers.
      body.select("h3.landmark").remove();
      String md = HtmlText.markdown(body);
      if (!md.isBlank()) {
        chapters.add(new Chapter(chapters.size() + 1, heading, md, chapterNotes, chapterEnd));
      }
    }
    if (chapters.isEmpty()) {
      return null;
    }
    String endNotes = quoted(skin.selectFirst("#work_endnotes blockquote.userstuff"));
    return parsed(title, authors, summary, notes, endNotes, chapters, meta);
  }

  /** A note's or summary's block quote as Markdown; null when absent or empty. */
  private static String quoted(Element blockquote) {
    if (blockquote == null) {
      return null;
    }
    String md = HtmlText.noteMarkdown(blockquote);
    return md.isBlank() ? null : md;
  }

  private static void addOnce(List<String> list, String s) {
    String t = s.strip();
    if (!t.isEmpty() && !list.contains(t)) {
      list.add(t);
    }
  }

  /**
   * The block quote after a label paragraph such as {@code <p>Summary</p>} (AO3 writes "Summary",
   * "Notes", "Chapter Notes", "End Notes"), as Markdown; null when absent.
   */
  static String labelled(Element scope, String label) {
    return labelled(scope, label, false);
  }

  /**
   * The same, and removes the label and its block from the page, so they are not read again as the
   * text.
   */
  static String labelled(Element scope, String label, boolean remove) {
    for (Element p : scope.select("p, h2, h3, div.heading")) {
      String t = p.text().replace(":", "").strip().toLowerCase(Locale.ROOT);
      if (!t.equals(label)) {
        continue;
      }
      Element next = p.nextElementSibling();
      if (next != null && next.normalName().equals("blockquote")) {
        String md = HtmlText.noteMarkdown(next);
        if (remove) {
          p.remove();
          next.remove();
        }
        return md.isBlank() ? null : md;
      }
    }
    return null;
  }

  /**
   * A chapter's end notes after its text: AO3's downloads write {@code <div class="meta"
   * id="endnotes2">}, older ones and Quire's own export {@code class="endnotes"}; any block without
   * a heading whose label says so counts too.
   */
  private static boolean isChapterEndNotes(Element e) {
    return e.hasClass("endnotes")
        || e.id().matches("endnotes\\d+")
        || !e.hasClass("userstuff")
            && e.selectFirst("h1, h2, h3") == null
            && labelled(e, "chapter end notes") != null;
  }

  /** A chapter with end notes added after any it has. */
  static Chapter withEndNotes(Chapter c, String endNotes) {
    String merged = c.endNotes() == null ? endNotes : c.endNotes() + "\n\n" + endNotes;
    return new Chapter(c.number(), c.title(), c.text(), c.notes(), merged);
  }

  /**
   * AO3's chapters: each starts with a {@code div.meta} holding an {@code h2.heading} and the
   * chapter's notes, followed by the {@code div.userstuff} text. A one-chapter work has only the
   * text.
   */
  static List<Chapter> chapters(Element root) {
    List<Chapter> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    String heading = null;
    String notes = null;
    List<Element> parts = new ArrayList<>();
    for (Element c : root.children()) {
      // Chapters wrapped in <section> (as Quire's own export writes them) count the same.
      if (c.normalName().equals("section") || c.normalName().equals("article")) {
        parts.addAll(c.children());
      } else {
        parts.add(c);
      }
    }
    for (Element e : parts) {
      if (isChapterEndNotes(e)) {
        String v = labelled(e, "chapter end notes");
        if (v != null && !out.isEmpty()) {
          out.add(withEndNotes(out.removeLast(), v));
        }
      } else if (e.hasClass("meta")
          || e.selectFirst("h2.heading") != null && !e.hasClass("userstuff")) {
        Element h = e.selectFirst("h2, h3");
        heading = h == null ? null : h.text().strip();
        List<String> ns = new ArrayList<>();
        for (String label : List.of("chapter summary", "chapter notes", "notes")) {
          String v = labelled(e, label);
          if (v != null) {
            ns.add(v);
          }
        }
        notes = ns.isEmpty() ? null : String.join("\n\n", ns);
      } else if (e.hasClass("userstuff")) {
        out.add(new Chapter(out.size() + 1, heading, HtmlText.markdown(e), notes));
        heading = null;
        notes = null;
      }
    }
    if (out.isEmpty() && !HtmlText.markdown(root).isBlank()) {
      out.add(new Chapter(1, null, HtmlText.markdown(root), null));
    }
    return out;
  }
}

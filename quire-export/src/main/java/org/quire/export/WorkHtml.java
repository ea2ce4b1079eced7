package org.quire.export;

import static org.quire.export.ChapterRenderer.escape;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Work;

/**
 * The XHTML fragments every export shares: title page, the metadata page with every tag type kept
 * apart (AO3's {@code dl.tags} block, which Quire's importers read back), chapters with their
 * notes, and end notes. Everything is escaped or sanitised, and well-formed XML.
 */
final class WorkHtml {
  private final Work w;
  private final boolean blank;

  WorkHtml(Work w) {
    this.w = w;
    this.blank = ChapterRenderer.blankSeparated(w);
  }

  /**
   * A chapter's own heading, or "Chapter N"; a heading that numbers its chapter ("Chapter 3:
   * Embers" from the file) gives the chapter's number now, which differs once chapters moved.
   */
  static String label(Chapter c) {
    if (c.title() == null) {
      return "Chapter " + c.number();
    }
    return c.title().strip().equals(c.ownTitle()) ? c.title() : c.heading();
  }

  String titlePage() {
    StringBuilder b = new StringBuilder("<section epub:type=\"titlepage\" class=\"titlepage\">\n");
    b.append("<h1>").append(escape(w.title())).append("</h1>\n");
    if (!w.authors().isEmpty()) {
      b.append("<p class=\"byline\">by ")
          .append(escape(String.join(", ", w.authors())))
          .append("</p>\n");
    }
    List<String> fandoms = w.tagNames(TagType.FANDOM);
    if (!fandoms.isEmpty()) {
      b.append("<p>").append(escape(String.join(", ", fandoms))).append("</p>\n");
    }
    return b.append("</section>\n").toString();
  }

  String preface() {
    StringBuilder b = new StringBuilder("<div id=\"preface\">\n<dl class=\"tags\">\n");
    for (TagType t : TagType.values()) {
      List<Tag> tags = w.tags(t);
      if (tags.isEmpty()) {
        continue;
      }
      b.append("<dt>").append(escape(t.label())).append(":</dt>\n<dd>");
      for (int i = 0; i < tags.size(); i++) {
        b.append(i == 0 ? "" : ", ")
            .append("<span class=\"tag\">")
            .append(escape(tags.get(i).name()))
            .append("</span>");
      }
      b.append("</dd>\n");
    }
    if (present(w.language())) {
      b.append("<dt>Language:</dt>\n<dd>").append(escape(w.language())).append("</dd>\n");
    }
    b.append("<dt>Stats:</dt>\n<dd>Words: ")
        .append(w.wordCount())
        .append(" Chapters: ")
        .append(Work.chapterLine(w.chapters().size(), w.complete(), w.expectedChapters()))
        .append("</dd>\n</dl>\n");
    b.append("<h1>").append(escape(w.title())).append("</h1>\n");
    if (!w.authors().isEmpty()) {
      b.append("<p class=\"byline\">by ")
          .append(escape(String.join(", ", w.authors())))
          .append("</p>\n");
    }
    labelled(b, "Summary", w.summary());
    labelled(b, "Notes", w.notes());
    return b.append("</div>\n").toString();
  }

  void labelled(StringBuilder b, String label, String markdown) {
    if (present(markdown)) {
      b.append("<p>")
          .append(label)
          .append("</p>\n<blockquote class=\"userstuff\">")
          .append(xhtml(ChapterRenderer.noteHtml(markdown)))
          .append("</blockquote>\n");
    }
  }

  String chapter(Chapter c) {
    String label = label(c);
    StringBuilder b = new StringBuilder("<section epub:type=\"chapter\">\n<div class=\"meta\">\n");
    // A heading Quire made up is marked, so reading the book back keeps the chapter untitled.
    b.append("<h2 class=\"heading")
        .append(c.title() == null ? " generated" : "")
        .append("\">")
        .append(escape(label))
        .append("</h2>\n");
    labelled(b, "Chapter Notes", c.notes());
    b.append("</div>\n<div class=\"userstuff\">\n")
        .append(xhtml(ChapterRenderer.html(c.text(), w.format(), blank)))
        .append("</div>\n");
    if (present(c.endNotes())) {
      b.append("<div class=\"endnotes\">\n");
      labelled(b, "Chapter End Notes", c.endNotes());
      b.append("</div>\n");
    }
    return b.append("</section>\n").toString();
  }

  String afterword() {
    StringBuilder b = new StringBuilder("<div id=\"afterword\"><div id=\"endnotes\">\n");
    labelled(b, "End Notes", w.endNotes());
    return b.append("</div></div>\n").toString();
  }

  private static boolean present(String s) {
    return s != null && !s.isBlank();
  }

  /** Sanitised HTML re-serialised as well-formed XHTML. */
  static String xhtml(String html) {
    Document d = Jsoup.parseBodyFragment(html);
    d.outputSettings()
        .syntax(Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset(StandardCharsets.UTF_8)
        .prettyPrint(false);
    return d.body().html();
  }
}

package org.quire.export;

import static org.quire.export.ChapterRenderer.escape;

import java.util.ArrayList;
import java.util.List;
import org.quire.model.Chapter;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;

/**
 * A work as one HTML file, as Markdown, or as plain text. Markdown and text start with a header
 * block in the form Quire's importer reads ({@code Title:}, {@code Fandom:}, {@code Rating:} …), so
 * an exported work imports back with its tags.
 */
public final class TextExports {
  private TextExports() {}

  /** One self-contained HTML page: styles inline, no scripts, nothing fetched. */
  public static String html(Work w) {
    WorkHtml h = new WorkHtml(w);
    StringBuilder body = new StringBuilder(h.preface());
    body.append("<div id=\"chapters\">\n");
    for (Chapter c : w.chapters()) {
      body.append(h.chapter(c));
    }
    body.append("</div>\n");
    if (w.endNotes() != null && !w.endNotes().isBlank()) {
      body.append(h.afterword());
    }
    String lang = Languages.tag(w.language());
    return "<!DOCTYPE html>\n<html lang=\""
        + lang
        + "\" dir=\""
        + Languages.dir(w.language())
        + "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\""
        + " content=\"width=device-width, initial-scale=1\">\n<title>"
        + escape(w.title())
        + "</title>\n<style>\nbody { max-width: 40em; margin: 2em auto; padding: 0 1em;"
        + " font: 1.1em/1.6 Georgia, serif; }\ndl.tags dt { font-weight: bold; }\n"
        + "hr.scene-break { border: none; text-align: center; }\n"
        + "hr.scene-break::after { content: \"* * *\"; }\n</style>\n</head>\n<body>\n"
        + body
        + "</body>\n</html>\n";
  }

  /** A safe file name from a title: letters, digits and dashes, at most 60 characters. */
  public static String fileName(String title) {
    String s =
        java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^A-Za-z0-9]+", "-")
            .replaceAll("^-+|-+$", "")
            .toLowerCase(java.util.Locale.ROOT);
    if (s.length() > 60) {
      s = s.substring(0, 60).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "work" : s;
  }

  /**
   * A download's {@code Content-Disposition}: the ASCII name of {@link #fileName} for old clients
   * and, for a title in another script (which would otherwise be "work" for every Russian or
   * Japanese title), the title itself as RFC 6266's {@code filename*}.
   */
  public static String attachment(String title, String extension) {
    String ascii = fileName(title) + "." + extension;
    String own = title.replaceAll("[\\p{C}/\\\\:*?\"<>|]+", " ").replaceAll("\\s+", " ").strip();
    if (own.codePointCount(0, own.length()) > 80) {
      own = own.substring(0, own.offsetByCodePoints(0, 80)).strip();
    }
    String header = "attachment; filename=\"" + ascii + "\"";
    if (own.isEmpty() || own.chars().allMatch(c -> c < 128)) {
      return header;
    }
    return header
        + "; filename*=UTF-8''"
        + java.net.URLEncoder.encode(own + "." + extension, java.nio.charset.StandardCharsets.UTF_8)
            .replace("+", "%20");
  }

  /** Markdown: a header block, then {@code ## } chapter headings. */
  public static String markdown(Work w) {
    StringBuilder b = new StringBuilder(header(w));
    for (Chapter c : w.chapters()) {
      b.append("## ").append(WorkHtml.label(c)).append("\n\n");
      notes(b, c.notes());
      String text = c.text();
      if (w.format() == TextFormat.PLAIN) {
        // Plain text's own symbols must not turn into Markdown.
        text = text.replaceAll("([\\\\`*_\\[\\]<>#~])", "\\\\$1");
      }
      b.append(text.strip()).append("\n\n");
      chapterEndNotes(b, c);
    }
    endNotes(b, w);
    return b.toString();
  }

  /** Plain text: a header block, then "Chapter N: Title" lines. Markdown syntax is kept as is. */
  public static String text(Work w) {
    StringBuilder b = new StringBuilder(header(w));
    for (Chapter c : w.chapters()) {
      if (w.chapters().size() > 1 || c.title() != null) {
        String label = WorkHtml.label(c);
        b.append(
                label.toLowerCase(java.util.Locale.ROOT).startsWith("chapter")
                    ? label
                    : "Chapter " + c.number() + ": " + label)
            .append("\n\n");
      }
      notes(b, c.notes());
      b.append(c.text().strip()).append("\n\n");
      chapterEndNotes(b, c);
    }
    endNotes(b, w);
    return b.toString();
  }

  private static void notes(StringBuilder b, String notes) {
    if (notes != null && !notes.isBlank()) {
      b.append("A/N: ").append(notes.strip()).append("\n\n");
    }
  }

  /** Labelled as AO3 labels them, which the importer reads as the chapter's, even the last. */
  private static void chapterEndNotes(StringBuilder b, Chapter c) {
    if (c.endNotes() != null && !c.endNotes().isBlank()) {
      b.append("Chapter End Notes: ").append(c.endNotes().strip()).append("\n\n");
    }
  }

  private static void endNotes(StringBuilder b, Work w) {
    if (w.endNotes() != null && !w.endNotes().isBlank()) {
      b.append("End Notes: ").append(w.endNotes().strip()).append('\n');
    }
  }

  /** The header block: every tag type on its own line, as the importer reads them. */
  static String header(Work w) {
    List<String> lines = new ArrayList<>();
    lines.add("Title: " + oneLine(w.title()));
    if (!w.authors().isEmpty()) {
      lines.add("Author: " + String.join(", ", w.authors()));
    }
    line(lines, "Fandom", w.tagNames(TagType.FANDOM));
    line(lines, "Rating", w.tagNames(TagType.RATING));
    line(lines, "Warnings", w.tagNames(TagType.ARCHIVE_WARNING));
    line(lines, "Content Warnings", w.tagNames(TagType.CONTENT_WARNING));
    line(lines, "Category", w.tagNames(TagType.CATEGORY));
    line(lines, "Relationship", w.tagNames(TagType.RELATIONSHIP));
    line(lines, "Characters", w.tagNames(TagType.CHARACTER));
    line(lines, "Tags", w.tagNames(TagType.ADDITIONAL));
    if (w.language() != null && !w.language().isBlank()) {
      lines.add("Language: " + w.language());
    }
    lines.add("Status: " + (w.complete() ? "Complete" : "In Progress"));
    lines.add(
        "Chapters: " + Work.chapterLine(w.chapters().size(), w.complete(), w.expectedChapters()));
    if (w.summary() != null && !w.summary().isBlank()) {
      // The header block ends at a blank line, so a summary's paragraphs become lines.
      lines.add("Summary: " + w.summary().strip().replaceAll("\n\\s*\n", "\n"));
    }
    StringBuilder b = new StringBuilder(String.join("\n", lines)).append("\n\n");
    if (w.notes() != null && !w.notes().isBlank()) {
      b.append("A/N: ").append(w.notes().strip()).append("\n\n");
    }
    return b.toString();
  }

  private static void line(List<String> lines, String label, List<String> names) {
    if (!names.isEmpty()) {
      lines.add(label + ": " + String.join(", ", names));
    }
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}

package org.quire.export;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TextFormat;
import org.quire.model.Work;

/**
 * Several works as one book (a series, in reading order): each work's chapters in turn, headed with
 * the work's title, so every exporter (EPUB, HTML, Markdown, text) can write it as it writes a
 * single work.
 */
public final class Anthology {
  private Anthology() {}

  /**
   * The works bound together.
   *
   * @param title the book's title (the series' title)
   * @param summary the book's summary, or null
   * @param works the works in reading order (at least one)
   */
  public static Work of(String title, String summary, List<Work> works) {
    if (works.isEmpty()) {
      throw new IllegalArgumentException("An anthology needs at least one work.");
    }
    List<Chapter> chapters = new ArrayList<>();
    Set<String> authors = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Tag> tags = new ArrayList<>();
    int words = 0;
    boolean complete = true;
    TextFormat format = works.getFirst().format();
    for (Work w : works) {
      authors.addAll(w.authors());
      complete &= w.complete();
      words += w.wordCount();
      if (w.format() != format) {
        // Mixed Markdown and plain text: plain keeps every word visible, marks and all.
        format = TextFormat.PLAIN;
      }
      for (Tag t : w.tags()) {
        if (t.provenance().isShown() && seen.add(t.type().key() + "\u0000" + t.name())) {
          tags.add(t);
        }
      }
      int n = w.chapters().size();
      for (Chapter c : w.chapters()) {
        String heading =
            n == 1
                ? w.title()
                : w.title() + ": " + (c.title() != null ? c.title() : "Chapter " + c.number());
        String notes = c.notes();
        if (c.number() == 1) {
          notes = join(w.summary(), join(w.notes(), notes));
        }
        String endNotes = c.endNotes();
        if (c.number() == n && w.endNotes() != null) {
          endNotes = join(endNotes, w.endNotes());
        }
        chapters.add(new Chapter(chapters.size() + 1, heading, c.text(), notes, endNotes));
      }
    }
    return new Work(
        0,
        title,
        false,
        List.copyOf(authors),
        summary,
        null,
        null,
        chapters,
        works.getFirst().language(),
        complete,
        words,
        format,
        null,
        Instant.now(),
        tags,
        List.of(),
        0);
  }

  private static String join(String a, String b) {
    if (a == null || a.isBlank()) {
      return b;
    }
    if (b == null || b.isBlank()) {
      return a;
    }
    return a + "\n\n" + b;
  }
}

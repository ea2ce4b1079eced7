package org.quire.web;

import java.util.ArrayList;
import java.util.List;
import org.quire.export.ChapterRenderer;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Work;

/**
 * The reader page: a work's metadata and one chapter, or all of them.
 *
 * @param work the work
 * @param meta tag groups in AO3's order, empty groups left out
 * @param shown the chapters on this page
 * @param full true when the whole work is shown
 * @param current the shown chapter's number (1 when full)
 */
public record ReaderView(
    Work work, List<TagGroup> meta, List<ChapterView> shown, boolean full, int current) {

  /**
   * One kind of tag on the work.
   *
   * @param label "Relationships"
   * @param kind the tag type key, for styling
   * @param tags the tags
   */
  public record TagGroup(String label, String kind, List<Tag> tags) {}

  /**
   * A chapter ready to show.
   *
   * @param number 1-based
   * @param heading the chapter's heading, or null
   * @param notes its opening notes, or null
   * @param blocks paragraphs and breaks of a plain-text chapter
   * @param html safe HTML of a Markdown chapter, or null
   */
  public record ChapterView(
      int number,
      String heading,
      String notes,
      List<ChapterRenderer.Block> blocks,
      String html,
      String endNotes) {}

  static ReaderView of(Work w, int chapter, boolean full) {
    List<TagGroup> meta = new ArrayList<>();
    for (TagType t : TagType.values()) {
      List<Tag> tags = w.tags(t);
      if (!tags.isEmpty()) {
        meta.add(new TagGroup(plural(t, tags.size()), t.key(), tags));
      }
    }
    List<ChapterView> shown = new ArrayList<>();
    boolean blankSeparated = ChapterRenderer.blankSeparated(w);
    for (Chapter c : w.chapters()) {
      if (full || c.number() == chapter) {
        boolean md = ChapterRenderer.isMarkdown(w.format());
        shown.add(
            new ChapterView(
                c.number(),
                w.chapters().size() > 1 ? label(c) : c.title(),
                c.notes(),
                md ? List.of() : ChapterRenderer.blocks(c.text(), blankSeparated),
                md ? ChapterRenderer.markdownHtml(c.text()) : null,
                c.endNotes()));
      }
    }
    return new ReaderView(w, meta, shown, full, full ? 1 : chapter);
  }

  private static String plural(TagType t, int n) {
    String label = t.label();
    if (n == 1 || label.endsWith("s")) {
      return label;
    }
    return label.endsWith("y") ? label.substring(0, label.length() - 1) + "ies" : label + "s";
  }

  /** Suggested (not yet reviewed) tags, for the "why these tags" panel. */
  public List<Tag> suggested() {
    return work.tags().stream()
        .filter(t -> t.provenance() == org.quire.model.Provenance.SUGGESTED)
        .toList();
  }

  /** Number of chapters in the work. */
  public int total() {
    return work.chapters().size();
  }

  /** A chapter's heading for the index: its own, or "Chapter N". */
  public String chapterLabel(Chapter c) {
    return label(c);
  }

  /**
   * AO3's "Chapter 2: Aftermath": the number, then the title. A title that numbers its chapter
   * already ("Chapter 3: Embers", "Chapter Three - Embers", as imported files have them) is shown
   * with the chapter's number now, which differs once an earlier chapter was deleted; the stored
   * title stays as written.
   */
  static String label(Chapter c) {
    return c.heading();
  }
}

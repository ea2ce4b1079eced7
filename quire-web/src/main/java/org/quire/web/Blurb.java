package org.quire.web;

import java.util.List;
import org.quire.model.Engagement;
import org.quire.model.TagType;
import org.quire.model.Visibility;
import org.quire.model.WorkSummary;

/**
 * A work as a listing shows it: AO3's "blurb".
 *
 * @param id work id
 * @param title title
 * @param titleGenerated whether Quire made the title up
 * @param authors author names, or empty
 * @param fandoms fandom tags
 * @param rating rating, or "Not Rated"
 * @param warnings archive warnings
 * @param categories categories
 * @param tags relationship, character, content warning and additional tags, in AO3's order
 * @param blurbText the summary, or the story's opening words when there is none
 * @param fromOpening true when blurbText is the opening, not a summary
 * @param words word count
 * @param chapters chapter count
 * @param complete whether the work is finished
 * @param language language or null
 * @param visibility who may see it (restricted works are marked)
 * @param engagement kudos, hits, bookmarks and comments
 * @param expectedChapters chapters the author plans, 0 when unknown
 * @param updated when the work last changed: AO3's blurbs are dated so
 */
public record Blurb(
    long id,
    String title,
    boolean titleGenerated,
    List<String> authors,
    List<String> fandoms,
    String rating,
    List<String> warnings,
    List<String> categories,
    List<TagLink> tags,
    String blurbText,
    boolean fromOpening,
    int words,
    int chapters,
    boolean complete,
    String language,
    Visibility visibility,
    Engagement engagement,
    int expectedChapters,
    java.time.Instant updated) {

  /** A tag shown on a page, with its kind for styling. */
  public record TagLink(String kind, String name) {}

  static Blurb of(WorkSummary w) {
    List<TagLink> tags = new java.util.ArrayList<>();
    for (TagType t :
        List.of(
            TagType.RELATIONSHIP, TagType.CHARACTER, TagType.CONTENT_WARNING, TagType.ADDITIONAL)) {
      for (String n : w.tagNames(t)) {
        tags.add(new TagLink(t.key(), n));
      }
    }
    String text = w.summary();
    boolean opening = false;
    if (text == null || text.isBlank()) {
      text = Texts.opening(w.opening(), 320);
      opening = true;
    }
    List<String> ratings = w.tagNames(TagType.RATING);
    return new Blurb(
        w.id(),
        w.title(),
        w.titleGenerated(),
        w.authors(),
        w.tagNames(TagType.FANDOM),
        ratings.isEmpty() ? "Not Rated" : ratings.getFirst(),
        w.tagNames(TagType.ARCHIVE_WARNING),
        w.tagNames(TagType.CATEGORY),
        tags,
        text,
        opening,
        w.wordCount(),
        w.chapterCount(),
        w.complete(),
        w.language(),
        w.visibility(),
        w.engagement(),
        w.expectedChapters(),
        w.updatedAt());
  }

  /** The day it last changed as an ISO date, for {@code <time datetime>}. */
  public String updatedDay() {
    return updated.atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
  }

  /** AO3's "2/5" (or "2/?"). */
  public String chapterLine() {
    return org.quire.model.Work.chapterLine(chapters, complete, expectedChapters);
  }

  /** The short code shown in the rating badge. */
  public String ratingCode() {
    return Texts.ratingCode(rating);
  }
}

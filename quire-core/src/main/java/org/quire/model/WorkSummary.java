package org.quire.model;

import java.time.Instant;
import java.util.List;

/**
 * What a listing shows of a work, without its chapters' text.
 *
 * @param id the store's id
 * @param title the title
 * @param titleGenerated whether the title was made up by Quire
 * @param authors author names
 * @param summary the summary, or null
 * @param opening the first few hundred characters of the first chapter, for works without a summary
 * @param wordCount AO3-style word count
 * @param chapterCount number of chapters
 * @param language language name, or null
 * @param complete whether the work is finished
 * @param importedAt when the work was stored
 * @param tags shown tags (rejected ones left out), without their evidence (the work has it)
 * @param visibility who may see it
 * @param engagement kudos, hits, bookmarks and comments
 * @param expectedChapters chapters the author plans, 0 when unknown
 * @param updatedAt when the work last changed (its text, tags or who may read it)
 */
public record WorkSummary(
    long id,
    String title,
    boolean titleGenerated,
    List<String> authors,
    String summary,
    String opening,
    int wordCount,
    int chapterCount,
    String language,
    boolean complete,
    Instant importedAt,
    List<Tag> tags,
    Visibility visibility,
    Engagement engagement,
    int expectedChapters,
    Instant updatedAt) {
  public WorkSummary {
    updatedAt = updatedAt == null ? importedAt : updatedAt;
    visibility = visibility == null ? Visibility.PUBLIC : visibility;
    engagement = engagement == null ? Engagement.NONE : engagement;
    authors = List.copyOf(authors);
    tags = List.copyOf(tags);
  }

  /** Shown tags of one type, author-given first. */
  public List<String> tagNames(TagType type) {
    return tags.stream()
        .filter(t -> t.type() == type)
        .sorted(
            (a, b) ->
                Boolean.compare(
                    b.provenance() == Provenance.AUTHOR, a.provenance() == Provenance.AUTHOR))
        .map(Tag::name)
        .toList();
  }
}

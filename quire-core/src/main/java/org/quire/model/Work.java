package org.quire.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A story: its text, split into chapters, with everything known about it.
 *
 * @param id the store's id, 0 before the work is stored
 * @param title the title as written, or a generated one (see {@code titleGenerated})
 * @param titleGenerated true when the file gave no title and Quire made one up
 * @param authors author names as given (may be empty)
 * @param summary the summary, or null
 * @param notes author's notes at the start of the work, or null
 * @param endNotes author's notes after the last chapter, or null
 * @param chapters at least one chapter
 * @param language a language name such as "English", or null when unknown
 * @param complete whether the work is finished (AO3's "Complete"), false while in progress
 * @param wordCount AO3-style word count of the chapters' text
 * @param format how the chapters' text is written
 * @param source where the work came from (file name and content hash)
 * @param importedAt when it was stored
 * @param tags every tag, author-given and suggested
 * @param problems oddities found while reading the file
 * @param expectedChapters how many chapters the author plans (AO3's "Chapters: 2/5"), 0 when
 *     unknown ("2/?")
 */
public record Work(
    long id,
    String title,
    boolean titleGenerated,
    List<String> authors,
    String summary,
    String notes,
    String endNotes,
    List<Chapter> chapters,
    String language,
    boolean complete,
    int wordCount,
    TextFormat format,
    Source source,
    Instant importedAt,
    List<Tag> tags,
    List<IngestProblem> problems,
    int expectedChapters) {

  /**
   * Where a work's text came from.
   *
   * @param fileName the file's name (no directories)
   * @param sha256 hex SHA-256 of the file's bytes; identifies re-imports
   */
  public record Source(String fileName, String sha256) {}

  public Work {
    Validate.notBlank(title, "title");
    Validate.isTrue(
        chapters != null && !chapters.isEmpty(), "a work must have at least one chapter", chapters);
    Validate.notNull(format, "format");
    authors = List.copyOf(authors == null ? List.of() : authors);
    chapters = List.copyOf(chapters);
    tags = List.copyOf(tags == null ? List.of() : tags);
    problems = List.copyOf(problems == null ? List.of() : problems);
    expectedChapters = Math.max(0, expectedChapters);
  }

  /**
   * AO3's chapter line, "2/5": the chapters there are over the chapters planned, which is the same
   * number for a complete work and "?" when nobody said.
   */
  public static String chapterLine(int posted, boolean complete, int expected) {
    if (complete) {
      return posted + "/" + posted;
    }
    return posted + "/" + (expected > posted ? Integer.toString(expected) : "?");
  }

  public Work withId(long newId) {
    return new Work(
        newId,
        title,
        titleGenerated,
        authors,
        summary,
        notes,
        endNotes,
        chapters,
        language,
        complete,
        wordCount,
        format,
        source,
        importedAt,
        tags,
        problems,
        expectedChapters);
  }

  public Work withImportedAt(Instant when) {
    return new Work(
        id,
        title,
        titleGenerated,
        authors,
        summary,
        notes,
        endNotes,
        chapters,
        language,
        complete,
        wordCount,
        format,
        source,
        when,
        tags,
        problems,
        expectedChapters);
  }

  public Work withTags(List<Tag> newTags) {
    return new Work(
        id,
        title,
        titleGenerated,
        authors,
        summary,
        notes,
        endNotes,
        chapters,
        language,
        complete,
        wordCount,
        format,
        source,
        importedAt,
        newTags,
        problems,
        expectedChapters);
  }

  /** This work with the summary its author gave. */
  public Work withSummary(String newSummary) {
    return new Work(
        id,
        title,
        titleGenerated,
        authors,
        newSummary,
        notes,
        endNotes,
        chapters,
        language,
        complete,
        wordCount,
        format,
        source,
        importedAt,
        tags,
        problems,
        expectedChapters);
  }

  public Work withLanguage(String newLanguage) {
    return new Work(
        id,
        title,
        titleGenerated,
        authors,
        summary,
        notes,
        endNotes,
        chapters,
        newLanguage,
        complete,
        wordCount,
        format,
        source,
        importedAt,
        tags,
        problems,
        expectedChapters);
  }

  /** This work finished or not, with the chapters planned (0: unknown). */
  public Work withProgress(boolean done, int planned) {
    return new Work(
        id,
        title,
        titleGenerated,
        authors,
        summary,
        notes,
        endNotes,
        chapters,
        language,
        done,
        wordCount,
        format,
        source,
        importedAt,
        tags,
        problems,
        planned);
  }

  public Work withAuthors(List<String> names) {
    return new Work(
        id,
        title,
        titleGenerated,
        names,
        summary,
        notes,
        endNotes,
        chapters,
        language,
        complete,
        wordCount,
        format,
        source,
        importedAt,
        tags,
        problems,
        expectedChapters);
  }

  /** The shown tags (not rejected) of one type, author-given first, in stored order. */
  public List<Tag> tags(TagType type) {
    List<Tag> out = new ArrayList<>();
    for (Tag t : tags) {
      if (t.type() == type && t.provenance() == Provenance.AUTHOR) {
        out.add(t);
      }
    }
    for (Tag t : tags) {
      if (t.type() == type && t.provenance() != Provenance.AUTHOR && t.provenance().isShown()) {
        out.add(t);
      }
    }
    return out;
  }

  /** The names of {@link #tags(TagType)}. */
  public List<String> tagNames(TagType type) {
    return tags(type).stream().map(Tag::name).toList();
  }

  /** The 1-based chapter, or throws when out of range. */
  public Chapter chapter(int number) {
    Validate.isTrue(
        number >= 1 && number <= chapters.size(),
        "chapter must be in 1.." + chapters.size(),
        number);
    return chapters.get(number - 1);
  }
}

package org.quire.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Visibility;
import org.quire.model.Work;
import org.quire.model.WorkSummary;
import org.quire.tags.TagRule;

/**
 * Durable storage of works. Every method is safe to call from several threads.
 *
 * <p>Each {@link #add} is one transaction: a work is stored whole or not at all.
 */
public interface WorkStore extends AutoCloseable {

  /**
   * The outcome of {@link #add}.
   *
   * @param id the stored work's id (the existing one for a duplicate)
   * @param duplicate true when a work with the same source hash was already stored
   * @param updatedAt when a new work was stored (its update time); null for a duplicate
   */
  record Added(long id, boolean duplicate, java.time.Instant updatedAt) {
    /** A duplicate of the work stored under {@code id}. */
    public static Added duplicateOf(long id) {
      return new Added(id, true, null);
    }
  }

  /**
   * Stores a work unless one with the same {@code source.sha256} exists.
   *
   * @throws StoreException when the database fails; nothing of the work is then stored
   */
  Added add(Work work);

  /**
   * The same, stored from the start as visible to {@code visibility} (a draft is never public for a
   * moment between two writes).
   */
  Added add(Work work, Visibility visibility);

  /**
   * Replaces an edited work's title, summary, notes, completion, authors and chapters; its tags,
   * source and posting date stay. Counts as a change.
   *
   * @throws StoreException when there is no such work or the database fails (nothing changes)
   */
  void update(Work work);

  /**
   * Replaces a work's byline alone (a co-author joining or leaving), so that an edit of its text
   * made meanwhile is not overwritten. Counts as a change.
   */
  void setAuthors(long workId, List<String> names);

  /** Deletes a work with everything readers left on it; false when there was none. */
  boolean delete(long id);

  /** The whole work, chapters and tags included. */
  Optional<Work> get(long id);

  /** The id of the work imported from a file with this hash. */
  Optional<Long> findBySha256(String sha256);

  /**
   * The id of a stored work whose chapters hold the same words ({@link
   * org.quire.text.TextFingerprint}): the same story from another file format or download.
   */
  Optional<Long> findSameText(Work work);

  /**
   * Every work newest first, whoever may see it (for the command line; the web lists through the
   * search index, which knows who is asking).
   *
   * @param offset how many to skip
   * @param limit at most this many (capped at 500)
   */
  List<WorkSummary> list(int offset, int limit);

  /** Summaries of these works, in the order given; ids with no work are left out. */
  List<WorkSummary> summaries(List<Long> ids);

  /** Replaces a work's tags (e.g. after analysis, or when the author accepts a suggestion). */
  void replaceTags(long workId, List<Tag> tags);

  /** Number of stored works. */
  long count();

  /** How many works everyone may read (what a health check may tell anyone). */
  long countPublic();

  /** The ids of all works, in id order, for rebuilding indexes. */
  List<Long> ids();

  /** Ids of works changed (stored or re-tagged) after this time, for repairing the index. */
  List<Long> idsUpdatedAfter(Instant after);

  /** When a work last changed, or empty when there is no such work. */
  Optional<Instant> updatedAt(long id);

  /** Each chapter's text in order, without the rest of the work (for search snippets). */
  List<String> chapterTexts(long id);

  /** Tag-wrangling rules made by archive keepers, oldest first. */
  List<TagRule> tagRules();

  /** Adds a rule; adding one that exists changes nothing. */
  void addTagRule(TagRule rule);

  /** Removes a rule; true when it existed. */
  boolean removeTagRule(TagRule rule);

  /**
   * Writes a consistent copy of the whole store to a new file while the store stays open and in use
   * (an online backup).
   *
   * @throws StoreException when the file exists or cannot be written
   */
  void backup(java.nio.file.Path file);

  /** Who may see a work, or empty when there is no such work. */
  Optional<Visibility> visibility(long id);

  /** Changes who may see a work; counts as a change (the index picks it up on repair). */
  void setVisibility(long id, Visibility visibility);

  /** Works posted by an account, drafts included, newest first. */
  List<WorkSummary> ownedBy(long userId, int offset, int limit);

  /** Kudos, comments, bookmarks, history, preferences and mutes, in the same database. */
  ReaderStore readers();

  /** Series of works, in the same database. */
  SeriesStore series();

  /** Site settings, invitations, reports and tag usage, in the same database. */
  SiteStore site();

  /** Accounts, sessions and ownership, in the same database. */
  AccountStore accounts();

  /** Ids of works whose byline has this name (compared without case), newest first. */
  List<Long> idsByAuthor(String name);

  /** Ids of works with a tag of this type and name (as spelt, case-insensitive). */
  List<Long> idsTagged(TagType type, String name);

  /** Every name of a tag of this type as spelt on works (what re-wrangling looks through). */
  List<String> tagNames(TagType type);

  @Override
  void close();
}

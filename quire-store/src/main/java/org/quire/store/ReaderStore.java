package org.quire.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.quire.model.Engagement;

/**
 * What readers do with works: kudos, hits, comments, bookmarks, reading history, preferences and
 * mutes. Safe to use from several threads.
 */
public interface ReaderStore {

  /**
   * A comment on one chapter.
   *
   * @param id the store's id
   * @param workId the work
   * @param chapter the chapter number (1-based)
   * @param parentId the comment it answers, or null
   * @param userId who wrote it, or null once their account is gone
   * @param userName their name, or null once their account is gone
   * @param body the Markdown the commenter wrote (empty once deleted)
   * @param deleted whether it was deleted (kept only to hold its replies)
   * @param createdAt when it was written
   * @param editedAt when it was last edited, or null
   * @param held whether it waits for the work's authors to approve it (seen only by its writer and
   *     them)
   */
  record Comment(
      long id,
      long workId,
      int chapter,
      Long parentId,
      Long userId,
      String userName,
      String body,
      boolean deleted,
      Instant createdAt,
      Instant editedAt,
      boolean held) {}

  /**
   * A work given to someone, as on AO3.
   *
   * @param workId the work
   * @param recipient the name it was given to (an account's, or anyone's)
   * @param refused whether the recipient refused it (kept, so an edit does not give it again)
   * @param userId the account it was given to, or null for a name no account had then
   */
  record Gift(long workId, String recipient, boolean refused, Long userId) {}

  /** A work's gifts, refused ones included, in the order given. */
  List<Gift> gifts(long workId);

  /**
   * Gives a work to these names (compared without case; a name that is an account's, to that
   * account) and to nobody else: new names are added, names left out are dropped, a refused gift
   * stays refused (and kept, left out or not).
   *
   * @return the names newly given the work
   */
  List<String> setGifts(long workId, List<String> recipients);

  /** The works given to this account and not refused, newest gift first. */
  List<Long> giftsTo(long userId);

  /** Refuses a gift; false when the work was not given to the account. */
  boolean refuseGift(long workId, long userId);

  /** Who may comment on a work, as its authors chose (AO3's comment settings). */
  enum CommentPolicy {
    /** Members comment, and everyone sees their comments at once. */
    OPEN("Members may comment"),
    /** Members comment; each comment is held until one of the work's authors approves it. */
    MODERATED("Members may comment; I approve each comment before others see it"),
    /** Nobody comments; the comments already left stay. */
    CLOSED("Nobody may comment (comments already left stay)");

    private final String label;

    CommentPolicy(String label) {
      this.label = label;
    }

    /** What the authors' form says of it. */
    public String label() {
      return label;
    }

    /** Its name in forms, the API and the database. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The policy with that key, if there is one. */
    public static Optional<CommentPolicy> of(String key) {
      for (CommentPolicy p : values()) {
        if (p.key().equals(key)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  /** Who may comment on a work ({@link CommentPolicy#OPEN} for a work not stored). */
  CommentPolicy commentPolicy(long workId);

  void setCommentPolicy(long workId, CommentPolicy policy);

  /**
   * A reader's bookmark of a work.
   *
   * @param workId the work
   * @param note the reader's note, or null
   * @param tags the reader's own tags
   * @param isPrivate shown to nobody else
   * @param later "mark for later": in the reader's to-read list
   * @param createdAt when it was made
   */
  record Bookmark(
      long workId,
      String note,
      List<String> tags,
      boolean isPrivate,
      boolean later,
      Instant createdAt) {
    public Bookmark {
      tags = List.copyOf(tags == null ? List.of() : tags);
    }
  }

  /**
   * Where a reader stopped in a work.
   *
   * @param workId the work
   * @param chapter the last chapter opened
   * @param visits how many times the reader opened the work
   * @param lastAt when
   */
  record Reading(long workId, int chapter, int visits, Instant lastAt) {}

  /** What a reader can mute: works by an author, works with a tag, or a user (a block). */
  enum MuteKind {
    AUTHOR,
    TAG,
    USER;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One mute.
   *
   * @param kind what is muted
   * @param value an author's name, a tag as {@code type:name}, or a blocked account's id
   */
  record Mute(MuteKind kind, String value) {}

  /** Kudos, hits, bookmarks and comments of a work. */
  Engagement engagement(long workId);

  /**
   * Leaves kudos once per giver.
   *
   * @param giver {@code u:ID} for an account, {@code v:ID} for a visitor's cookie
   * @param userId the account, or null for a visitor
   * @return false when this giver already left kudos
   */
  boolean addKudos(long workId, String giver, Long userId);

  boolean hasKudos(long workId, String giver);

  /** Names of the accounts that left kudos, newest first, and how many guests did. */
  record KudosGivers(List<String> names, int guests) {}

  KudosGivers kudosGivers(long workId, int limit);

  /** Counts a reader's visit. */
  void addHit(long workId);

  /**
   * Adds a comment.
   *
   * @return its id
   * @throws StoreException when the parent is not a comment on the same work and chapter
   */
  default long addComment(long workId, int chapter, Long parentId, long userId, String body) {
    return addComment(workId, chapter, parentId, userId, body, false);
  }

  /**
   * Adds a comment, held for the work's authors' approval when {@code held}.
   *
   * @return its id
   * @throws StoreException when the parent is not a comment on the same work and chapter
   */
  long addComment(long workId, int chapter, Long parentId, long userId, String body, boolean held);

  /**
   * Holds a comment for the authors' approval ({@code true}: edited on a moderated work), or shows
   * a held one to everyone ({@code false}: approved).
   *
   * @return false when it already was so
   */
  boolean setHeld(long id, boolean held);

  Optional<Comment> comment(long id);

  /**
   * Follows an edit that deleted or moved chapters: comments and readers' places belong to a
   * chapter by its number, so they move with it. A deleted chapter's comments go with it (as on
   * AO3: hidden, kept only for reports about them); a reader who stopped in it now stopped at the
   * chapter after it (or the last one).
   *
   * @param newNumber for each old chapter number (index 1 on), its new number, 0 if deleted
   */
  void chaptersRenumbered(long workId, int[] newNumber);

  void editComment(long id, String body);

  /** Deletes a comment; one with replies keeps its place, without text, so the thread stays. */
  void deleteComment(long id);

  /** A chapter's comments, oldest first (threads are built from parent ids). */
  List<Comment> comments(long workId, int chapter);

  /** Comments per chapter of a work, for the chapter index. */
  java.util.Map<Integer, Integer> commentCounts(long workId);

  /** Adds or replaces a reader's bookmark of a work. */
  void saveBookmark(long userId, Bookmark bookmark);

  Optional<Bookmark> bookmark(long userId, long workId);

  boolean deleteBookmark(long userId, long workId);

  /**
   * A public bookmark as others see it.
   *
   * @param userId who bookmarked
   * @param userName their name
   * @param bookmark the bookmark
   */
  record PublicBookmark(long userId, String userName, Bookmark bookmark) {}

  /** A work's public bookmarks, newest first. */
  List<PublicBookmark> publicBookmarks(long workId, int limit);

  /** A reader's bookmarks, newest first. */
  default List<Bookmark> bookmarks(long userId, int offset, int limit) {
    return bookmarks(userId, false, offset, limit);
  }

  /**
   * A reader's bookmarks, newest first; with {@code laterOnly}, only those marked for later (their
   * reading list).
   */
  List<Bookmark> bookmarks(long userId, boolean laterOnly, int offset, int limit);

  /** Records that a reader opened a chapter. */
  void recordReading(long userId, long workId, int chapter);

  Optional<Reading> reading(long userId, long workId);

  /** A reader's history, most recent first. */
  List<Reading> history(long userId, int offset, int limit);

  /** The works a reader has opened, most recent first, at most {@code limit}. */
  List<Long> readWorkIds(long userId, int limit);

  void clearHistory(long userId);

  /** A reader's preferences as the web stores them (a short query string), or empty. */
  Optional<String> prefs(long userId);

  void setPrefs(long userId, String prefs);

  List<Mute> mutes(long userId);

  void mute(long userId, Mute mute);

  boolean unmute(long userId, Mute mute);

  /** Whether {@code userId} blocked {@code otherId}. */
  boolean blocks(long userId, long otherId);

  /** What a reader can subscribe to. */
  enum SubscriptionKind {
    /** A work's new chapters (value: the work id). */
    WORK,
    /** An author's new works (value: the author's name as on bylines). */
    AUTHOR,
    /** A series' new works (value: the series id). */
    SERIES;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One subscription.
   *
   * @param kind what is followed
   * @param value a work id, an author's name or a series id
   */
  record Subscription(SubscriptionKind kind, String value) {}

  void subscribe(long userId, Subscription s);

  boolean unsubscribe(long userId, Subscription s);

  List<Subscription> subscriptions(long userId);

  boolean subscribed(long userId, Subscription s);

  /** Accounts subscribed to any of these, each once. */
  List<Long> subscribers(List<Subscription> to);

  /**
   * One update in a reader's inbox.
   *
   * @param id the store's id
   * @param message what happened ("A new chapter of …")
   * @param link where to read it
   * @param createdAt when
   * @param seen whether the reader has opened the inbox since
   */
  record Update(long id, String message, String link, Instant createdAt, boolean seen) {}

  /** Puts the same update in each of these readers' inboxes. */
  void notify(List<Long> userIds, long workId, String message, String link);

  /** Takes back the messages about a work with this link (an invitation withdrawn or answered). */
  void unnotify(long userId, long workId, String link);

  /** A reader's updates, newest first. */
  List<Update> inbox(long userId, int limit);

  int unseen(long userId);

  void markSeen(long userId);
}

package org.quire.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quire.model.Engagement;

/** {@link ReaderStore} over the same database (and writer lock) as the works. */
final class JdbiReaderStore implements ReaderStore {
  private final Db db;

  JdbiReaderStore(Db db) {
    this.db = db;
  }

  @Override
  public Engagement engagement(long workId) {
    return db.read(
        "read the work's kudos and comments",
        h ->
            h.createQuery(
                    "SELECT (SELECT count(*) FROM kudos WHERE work_id = :w),"
                        + " (SELECT hits FROM works WHERE id = :w),"
                        + " (SELECT count(*) FROM bookmarks WHERE work_id = :w AND private = 0 AND later = 0),"
                        + " (SELECT count(*) FROM comments WHERE work_id = :w AND deleted = 0"
                        + " AND held = 0)")
                .bind("w", workId)
                .map(
                    (rs, ctx) ->
                        new Engagement(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .one());
  }

  @Override
  public void chaptersRenumbered(long workId, int[] newNumber) {
    int last = 0;
    for (int n : newNumber) {
      last = Math.max(last, n);
    }
    int[] place = new int[newNumber.length];
    int next = last;
    for (int old = newNumber.length - 1; old >= 1; old--) {
      if (newNumber[old] != 0) {
        next = newNumber[old];
      }
      place[old] = newNumber[old] != 0 ? newNumber[old] : next;
    }
    db.write(
        "move the comments with their chapters",
        h -> {
          // Moved through negative numbers, so no chapter's rows meet another's on the way.
          for (int old = 1; old < newNumber.length; old++) {
            if (newNumber[old] == 0) {
              // Kept, hidden, on no chapter: a keeper may still be reading a report about one.
              h.execute(
                  "UPDATE comments SET deleted = 1, chapter = 0 WHERE work_id = ? AND chapter = ?",
                  workId,
                  old);
            } else if (newNumber[old] != old) {
              h.execute(
                  "UPDATE comments SET chapter = ? WHERE work_id = ? AND chapter = ?",
                  -newNumber[old],
                  workId,
                  old);
            }
            if (place[old] != old && place[old] > 0) {
              h.execute(
                  "UPDATE readings SET chapter = ? WHERE work_id = ? AND chapter = ?",
                  -place[old],
                  workId,
                  old);
            }
          }
          h.execute(
              "UPDATE comments SET chapter = -chapter WHERE work_id = ? AND chapter < 0", workId);
          h.execute(
              "UPDATE readings SET chapter = -chapter WHERE work_id = ? AND chapter < 0", workId);
          return null;
        });
  }

  @Override
  public boolean addKudos(long workId, String giver, Long userId) {
    return db.write(
            "leave kudos",
            h ->
                h.execute(
                    "INSERT INTO kudos (work_id, giver, user_id, created_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT DO NOTHING",
                    workId,
                    giver,
                    userId,
                    System.currentTimeMillis()))
        > 0;
  }

  @Override
  public boolean hasKudos(long workId, String giver) {
    return db.read(
        "read kudos",
        h ->
            h.createQuery("SELECT count(*) FROM kudos WHERE work_id = ? AND giver = ?")
                    .bind(0, workId)
                    .bind(1, giver)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public KudosGivers kudosGivers(long workId, int limit) {
    return db.read(
        "read kudos",
        h -> {
          List<String> names =
              h.createQuery(
                      "SELECT u.name FROM kudos k JOIN users u ON u.id = k.user_id"
                          + " WHERE k.work_id = ? ORDER BY k.created_at DESC, u.id DESC LIMIT ?")
                  .bind(0, workId)
                  .bind(1, Math.max(0, Math.min(limit, 500)))
                  .mapTo(String.class)
                  .list();
          int guests =
              h.createQuery("SELECT count(*) FROM kudos WHERE work_id = ? AND user_id IS NULL")
                  .bind(0, workId)
                  .mapTo(Integer.class)
                  .one();
          return new KudosGivers(names, guests);
        });
  }

  @Override
  public void addHit(long workId) {
    // Counted without touching updated_at: a visit is not a change to the work.
    db.write(
        "count the visit", h -> h.execute("UPDATE works SET hits = hits + 1 WHERE id = ?", workId));
  }

  @Override
  public List<Gift> gifts(long workId) {
    return db.read(
        "read the work's gifts",
        h ->
            h.createQuery(
                    "SELECT recipient, refused, user_id FROM gifts WHERE work_id = ?"
                        + " ORDER BY created_at, name_key")
                .bind(0, workId)
                .map(
                    (rs, ctx) -> {
                      long user = rs.getLong(3);
                      Long userId = rs.wasNull() ? null : user;
                      return new Gift(workId, rs.getString(1), rs.getInt(2) != 0, userId);
                    })
                .list());
  }

  @Override
  public List<String> setGifts(long workId, List<String> recipients) {
    return db.write(
        "save the work's gifts",
        h -> {
          Map<String, String> wanted = new LinkedHashMap<>();
          for (String r : recipients) {
            String name = r == null ? "" : r.strip();
            if (!name.isEmpty()) {
              wanted.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), name);
            }
          }
          List<String> had =
              h.createQuery("SELECT name_key FROM gifts WHERE work_id = ?")
                  .bind(0, workId)
                  .mapTo(String.class)
                  .list();
          for (String key : had) {
            if (!wanted.containsKey(key)) {
              // A refused gift stays, refused: taking the name out and back does not give it again.
              h.execute(
                  "DELETE FROM gifts WHERE work_id = ? AND name_key = ? AND refused = 0",
                  workId,
                  key);
            }
          }
          List<String> added = new java.util.ArrayList<>();
          long now = System.currentTimeMillis();
          for (var e : wanted.entrySet()) {
            if (!had.contains(e.getKey())) {
              h.execute(
                  "INSERT INTO gifts (work_id, recipient, name_key, user_id, created_at)"
                      + " VALUES (?, ?, ?, (SELECT id FROM users WHERE name_key = ?), ?)"
                      + " ON CONFLICT DO NOTHING",
                  workId,
                  e.getValue(),
                  e.getKey(),
                  e.getKey(),
                  now);
              added.add(e.getValue());
            }
          }
          return added;
        });
  }

  @Override
  public List<Long> giftsTo(long userId) {
    return db.read(
        "read the gifts",
        h ->
            h.createQuery(
                    "SELECT work_id FROM gifts WHERE user_id = ? AND refused = 0"
                        + " ORDER BY created_at DESC, work_id DESC")
                .bind(0, userId)
                .mapTo(Long.class)
                .list());
  }

  @Override
  public boolean refuseGift(long workId, long userId) {
    return db.write(
            "refuse the gift",
            h ->
                h.execute(
                    "UPDATE gifts SET refused = 1 WHERE work_id = ? AND user_id = ? AND refused = 0",
                    workId,
                    userId))
        > 0;
  }

  @Override
  public CommentPolicy commentPolicy(long workId) {
    return db.read(
        "read the work's comment settings",
        h ->
            h.createQuery("SELECT comment_policy FROM works WHERE id = ?")
                .bind(0, workId)
                .mapTo(String.class)
                .findOne()
                .flatMap(CommentPolicy::of)
                .orElse(CommentPolicy.OPEN));
  }

  @Override
  public void setCommentPolicy(long workId, CommentPolicy policy) {
    db.write(
        "save the work's comment settings",
        h -> h.execute("UPDATE works SET comment_policy = ? WHERE id = ?", policy.key(), workId));
  }

  @Override
  public boolean setHeld(long id, boolean held) {
    int to = held ? 1 : 0;
    return db.write(
            held ? "hold the comment" : "approve the comment",
            h ->
                h.execute("UPDATE comments SET held = ? WHERE id = ? AND held = ?", to, id, 1 - to))
        > 0;
  }

  @Override
  public long addComment(
      long workId, int chapter, Long parentId, long userId, String body, boolean held) {
    return db.write(
        "save the comment",
        h -> {
          if (parentId != null) {
            boolean sameThread =
                h.createQuery(
                            "SELECT count(*) FROM comments WHERE id = ? AND work_id = ? AND chapter = ?")
                        .bind(0, parentId)
                        .bind(1, workId)
                        .bind(2, chapter)
                        .mapTo(Integer.class)
                        .one()
                    > 0;
            if (!sameThread) {
              throw new StoreException("The comment being answered is not on this chapter.", null);
            }
          }
          return h.createUpdate(
                  "INSERT INTO comments"
                      + " (work_id, chapter, parent_id, user_id, body, created_at, held)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?)")
              .bind(0, workId)
              .bind(1, chapter)
              .bind(2, parentId)
              .bind(3, userId)
              .bind(4, body)
              .bind(5, System.currentTimeMillis())
              .bind(6, held ? 1 : 0)
              .executeAndReturnGeneratedKeys("id")
              .mapTo(Long.class)
              .one();
        });
  }

  private static final String COMMENT_COLUMNS =
      "SELECT c.*, u.name AS user_name FROM comments c LEFT JOIN users u ON u.id = c.user_id";

  @Override
  public Optional<Comment> comment(long id) {
    return db.read(
        "read the comment",
        h ->
            h.createQuery(COMMENT_COLUMNS + " WHERE c.id = ?")
                .bind(0, id)
                .map((rs, ctx) -> comment(rs))
                .findOne());
  }

  private static Comment comment(ResultSet rs) throws SQLException {
    long parent = rs.getLong("parent_id");
    boolean noParent = rs.wasNull();
    long user = rs.getLong("user_id");
    boolean noUser = rs.wasNull();
    long edited = rs.getLong("edited_at");
    boolean notEdited = rs.wasNull();
    return new Comment(
        rs.getLong("id"),
        rs.getLong("work_id"),
        rs.getInt("chapter"),
        noParent ? null : parent,
        noUser ? null : user,
        rs.getString("user_name"),
        rs.getString("body"),
        rs.getInt("deleted") != 0,
        Instant.ofEpochMilli(rs.getLong("created_at")),
        notEdited ? null : Instant.ofEpochMilli(edited),
        rs.getInt("held") != 0);
  }

  @Override
  public void editComment(long id, String body) {
    db.write(
        "edit the comment",
        h ->
            h.execute(
                "UPDATE comments SET body = ?, edited_at = ? WHERE id = ? AND deleted = 0",
                body,
                System.currentTimeMillis(),
                id));
  }

  @Override
  public void deleteComment(long id) {
    db.write(
        "delete the comment",
        h -> {
          int replies =
              h.createQuery("SELECT count(*) FROM comments WHERE parent_id = ?")
                  .bind(0, id)
                  .mapTo(Integer.class)
                  .one();
          return replies > 0
              ? h.execute("UPDATE comments SET body = '', deleted = 1 WHERE id = ?", id)
              : h.execute("DELETE FROM comments WHERE id = ?", id);
        });
  }

  @Override
  public List<Comment> comments(long workId, int chapter) {
    return db.read(
        "read the comments",
        h ->
            h.createQuery(COMMENT_COLUMNS + " WHERE c.work_id = ? AND c.chapter = ? ORDER BY c.id")
                .bind(0, workId)
                .bind(1, chapter)
                .map((rs, ctx) -> comment(rs))
                .list());
  }

  @Override
  public Map<Integer, Integer> commentCounts(long workId) {
    return db.read(
        "count the comments",
        h -> {
          Map<Integer, Integer> out = new LinkedHashMap<>();
          h.createQuery(
                  "SELECT chapter, count(*) FROM comments WHERE work_id = ? AND deleted = 0"
                      + " AND held = 0 GROUP BY chapter ORDER BY chapter")
              .bind(0, workId)
              .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getInt(2)))
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return out;
        });
  }

  @Override
  public void saveBookmark(long userId, Bookmark b) {
    db.write(
        "save the bookmark",
        h ->
            h.execute(
                "INSERT INTO bookmarks (user_id, work_id, note, tags, private, later, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, work_id) DO UPDATE SET"
                    + " note = excluded.note, tags = excluded.tags, private = excluded.private,"
                    + " later = excluded.later",
                userId,
                b.workId(),
                b.note(),
                String.join("\n", b.tags()),
                b.isPrivate() ? 1 : 0,
                b.later() ? 1 : 0,
                System.currentTimeMillis()));
  }

  private static Bookmark bookmark(ResultSet rs) throws SQLException {
    String tags = rs.getString("tags");
    return new Bookmark(
        rs.getLong("work_id"),
        rs.getString("note"),
        tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")),
        rs.getInt("private") != 0,
        rs.getInt("later") != 0,
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  @Override
  public Optional<Bookmark> bookmark(long userId, long workId) {
    return db.read(
        "read the bookmark",
        h ->
            h.createQuery("SELECT * FROM bookmarks WHERE user_id = ? AND work_id = ?")
                .bind(0, userId)
                .bind(1, workId)
                .map((rs, ctx) -> bookmark(rs))
                .findOne());
  }

  @Override
  public boolean deleteBookmark(long userId, long workId) {
    return db.write(
            "delete the bookmark",
            h ->
                h.execute(
                    "DELETE FROM bookmarks WHERE user_id = ? AND work_id = ?", userId, workId))
        > 0;
  }

  @Override
  public List<Bookmark> bookmarks(long userId, boolean laterOnly, int offset, int limit) {
    return db.read(
        "read the bookmarks",
        h ->
            h.createQuery(
                    "SELECT * FROM bookmarks WHERE user_id = ?"
                        + (laterOnly ? " AND later = 1" : "")
                        + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
                .bind(0, userId)
                .bind(1, page(limit))
                .bind(2, Math.max(0, offset))
                .map((rs, ctx) -> bookmark(rs))
                .list());
  }

  @Override
  public List<PublicBookmark> publicBookmarks(long workId, int limit) {
    return db.read(
        "read the bookmarks",
        h ->
            h.createQuery(
                    "SELECT b.*, u.name AS user_name FROM bookmarks b JOIN users u ON u.id = b.user_id"
                        + " WHERE b.work_id = ? AND b.private = 0 AND b.later = 0"
                        + " ORDER BY b.created_at DESC, b.id DESC LIMIT ?")
                .bind(0, workId)
                .bind(1, page(limit))
                .map(
                    (rs, ctx) ->
                        new PublicBookmark(
                            rs.getLong("user_id"), rs.getString("user_name"), bookmark(rs)))
                .list());
  }

  @Override
  public void recordReading(long userId, long workId, int chapter) {
    db.write(
        "record the reading",
        h ->
            h.execute(
                "INSERT INTO readings (user_id, work_id, chapter, visits, last_at)"
                    + " VALUES (?, ?, ?, 1, ?) ON CONFLICT (user_id, work_id) DO UPDATE SET"
                    + " chapter = excluded.chapter, visits = readings.visits + 1, last_at = excluded.last_at",
                userId,
                workId,
                chapter,
                System.currentTimeMillis()));
  }

  private static Reading reading(ResultSet rs) throws SQLException {
    return new Reading(
        rs.getLong("work_id"),
        rs.getInt("chapter"),
        rs.getInt("visits"),
        Instant.ofEpochMilli(rs.getLong("last_at")));
  }

  @Override
  public Optional<Reading> reading(long userId, long workId) {
    return db.read(
        "read the history",
        h ->
            h.createQuery("SELECT * FROM readings WHERE user_id = ? AND work_id = ?")
                .bind(0, userId)
                .bind(1, workId)
                .map((rs, ctx) -> reading(rs))
                .findOne());
  }

  @Override
  public List<Reading> history(long userId, int offset, int limit) {
    return db.read(
        "read the history",
        h ->
            h.createQuery(
                    "SELECT * FROM readings WHERE user_id = ? ORDER BY last_at DESC, work_id DESC"
                        + " LIMIT ? OFFSET ?")
                .bind(0, userId)
                .bind(1, page(limit))
                .bind(2, Math.max(0, offset))
                .map((rs, ctx) -> reading(rs))
                .list());
  }

  @Override
  public List<Long> readWorkIds(long userId, int limit) {
    return db.read(
        "read the history",
        h ->
            h.createQuery(
                    "SELECT work_id FROM readings WHERE user_id = ? ORDER BY last_at DESC LIMIT ?")
                .bind(0, userId)
                .bind(1, Math.max(0, limit))
                .mapTo(Long.class)
                .list());
  }

  @Override
  public void clearHistory(long userId) {
    db.write("clear the history", h -> h.execute("DELETE FROM readings WHERE user_id = ?", userId));
  }

  @Override
  public Optional<String> prefs(long userId) {
    return db.read(
        "read the preferences",
        h ->
            h.createQuery("SELECT prefs FROM users WHERE id = ? AND prefs IS NOT NULL")
                .bind(0, userId)
                .mapTo(String.class)
                .findOne());
  }

  @Override
  public void setPrefs(long userId, String prefs) {
    db.write(
        "save the preferences",
        h -> h.execute("UPDATE users SET prefs = ? WHERE id = ?", prefs, userId));
  }

  private static int page(int limit) {
    return Math.max(0, Math.min(limit, 500));
  }

  // Mutes and subscriptions are both (account, kind, value) rows: one set of helpers for both.

  private void addRow(String table, String what, long userId, String kind, String value) {
    db.write(
        "save the " + what,
        h ->
            h.execute(
                "INSERT INTO "
                    + table
                    + " (user_id, kind, value) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING",
                userId,
                kind,
                value));
  }

  private boolean removeRow(String table, String what, long userId, String kind, String value) {
    return db.write(
            "remove the " + what,
            h ->
                h.execute(
                    "DELETE FROM " + table + " WHERE user_id = ? AND kind = ? AND value = ?",
                    userId,
                    kind,
                    value))
        > 0;
  }

  private List<Map.Entry<String, String>> rows(String table, String what, long userId) {
    return db.read(
        "read the " + what,
        h ->
            h.createQuery(
                    "SELECT kind, value FROM " + table + " WHERE user_id = ? ORDER BY kind, value")
                .bind(0, userId)
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list());
  }

  private boolean hasRow(String table, String what, long userId, String kind, String value) {
    return db.read(
        "read the " + what,
        h ->
            h.createQuery(
                        "SELECT count(*) FROM "
                            + table
                            + " WHERE user_id = ? AND kind = ?"
                            + " AND value = ?")
                    .bind(0, userId)
                    .bind(1, kind)
                    .bind(2, value)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public List<Mute> mutes(long userId) {
    return rows("mutes", "mutes", userId).stream()
        .map(
            e ->
                new Mute(
                    MuteKind.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)), e.getValue()))
        .toList();
  }

  @Override
  public void mute(long userId, Mute m) {
    addRow("mutes", "mute", userId, m.kind().key(), m.value());
  }

  @Override
  public boolean unmute(long userId, Mute m) {
    return removeRow("mutes", "mute", userId, m.kind().key(), m.value());
  }

  @Override
  public boolean blocks(long userId, long otherId) {
    return hasRow("mutes", "blocks", userId, MuteKind.USER.key(), Long.toString(otherId));
  }

  @Override
  public void subscribe(long userId, Subscription sub) {
    addRow("subscriptions", "subscription", userId, sub.kind().key(), sub.value());
  }

  @Override
  public boolean unsubscribe(long userId, Subscription sub) {
    return removeRow("subscriptions", "subscription", userId, sub.kind().key(), sub.value());
  }

  @Override
  public List<Subscription> subscriptions(long userId) {
    return rows("subscriptions", "subscriptions", userId).stream()
        .map(
            e ->
                new Subscription(
                    SubscriptionKind.valueOf(e.getKey().toUpperCase(java.util.Locale.ROOT)),
                    e.getValue()))
        .toList();
  }

  @Override
  public boolean subscribed(long userId, Subscription sub) {
    return hasRow("subscriptions", "subscriptions", userId, sub.kind().key(), sub.value());
  }

  @Override
  public List<Long> subscribers(List<Subscription> to) {
    if (to.isEmpty()) {
      return List.of();
    }
    return db.read(
        "read the subscribers",
        h -> {
          java.util.Set<Long> out = new java.util.LinkedHashSet<>();
          for (Subscription sub : to) {
            out.addAll(
                h.createQuery(
                        "SELECT user_id FROM subscriptions WHERE kind = ? AND lower(value) = lower(?)"
                            + " ORDER BY user_id")
                    .bind(0, sub.kind().key())
                    .bind(1, sub.value())
                    .mapTo(Long.class)
                    .list());
          }
          return List.copyOf(out);
        });
  }

  @Override
  public void unnotify(long userId, long workId, String link) {
    db.write(
        "take the update back",
        h ->
            h.execute(
                "DELETE FROM inbox WHERE user_id = ? AND work_id = ? AND link = ?",
                userId,
                workId,
                link));
  }

  @Override
  public void notify(List<Long> userIds, long workId, String message, String link) {
    if (userIds.isEmpty()) {
      return;
    }
    long now = System.currentTimeMillis();
    db.write(
        "deliver the update",
        h -> {
          for (long u : userIds) {
            h.execute(
                "INSERT INTO inbox (user_id, work_id, message, link, created_at) VALUES (?, ?, ?, ?, ?)",
                u,
                workId,
                message,
                link,
                now);
          }
          return userIds.size();
        });
  }

  @Override
  public List<Update> inbox(long userId, int limit) {
    return db.read(
        "read the inbox",
        h ->
            h.createQuery(
                    "SELECT id, message, link, created_at, seen FROM inbox WHERE user_id = ?"
                        + " ORDER BY id DESC LIMIT ?")
                .bind(0, userId)
                .bind(1, page(limit))
                .map(
                    (rs, ctx) ->
                        new Update(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            Instant.ofEpochMilli(rs.getLong(4)),
                            rs.getInt(5) != 0))
                .list());
  }

  @Override
  public int unseen(long userId) {
    return db.read(
        "read the inbox",
        h ->
            h.createQuery("SELECT count(*) FROM inbox WHERE user_id = ? AND seen = 0")
                .bind(0, userId)
                .mapTo(Integer.class)
                .one());
  }

  @Override
  public void markSeen(long userId) {
    db.write(
        "mark the inbox as read",
        h -> h.execute("UPDATE inbox SET seen = 1 WHERE user_id = ? AND seen = 0", userId));
  }
}

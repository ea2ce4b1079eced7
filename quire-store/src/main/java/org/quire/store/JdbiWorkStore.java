package org.quire.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.quire.model.Chapter;
import org.quire.model.Engagement;
import org.quire.model.Evidence;
import org.quire.model.IngestProblem;
import org.quire.model.Provenance;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Visibility;
import org.quire.model.Work;
import org.quire.model.WorkSummary;
import org.quire.tags.TagRule;

/**
 * {@link WorkStore} over plain SQL that SQLite and PostgreSQL both understand, through JDBI; a
 * work's import, written once per imported file, through JDBC prepared statements. Backends differ
 * only in how the {@link DataSource} is made and migrated.
 */
public final class JdbiWorkStore implements WorkStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Evidence>> EVIDENCE = new TypeReference<>() {};
  private static final int MAX_PAGE = 500;

  private final Jdbi jdbi;
  private final DataSource dataSource;
  private final Runnable onClose;
  private final Backup backup;
  private final AccountStore accounts;
  private final ReaderStore readers;
  private final SiteStore site;
  private final SeriesStore series;

  /** How a backend writes an online backup of itself. */
  @FunctionalInterface
  public interface Backup {
    void to(Handle h, java.nio.file.Path file);
  }

  // SQLite allows one writer; taking turns here avoids SQLITE_BUSY on lock upgrades.
  private final ReentrantLock writeLock = new ReentrantLock();

  /**
   * Tag ids by type and name. Tags are only ever added, so an id once committed stays right; ids
   * enter only after the transaction that made them committed, so a rolled-back tag is never
   * reused. Saves two statements per tag on every import (most tags repeat across works).
   */
  private final Map<String, Long> tagIds = new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_TAG_IDS = 200_000;

  public JdbiWorkStore(DataSource ds, Runnable onClose, Backup backup) {
    this.jdbi = Jdbi.create(ds);
    this.dataSource = ds;
    this.onClose = onClose;
    this.backup = backup;
    Db db = new Db(jdbi, writeLock);
    this.accounts = new JdbiAccountStore(db);
    this.readers = new JdbiReaderStore(db);
    this.site = new JdbiSiteStore(db);
    this.series = new JdbiSeriesStore(db);
    fillTagWords();
  }

  /**
   * The words of a tag's name as {@code tag_words} holds them and suggestions look them up:
   * lower-cased, accents removed, split at anything but letters and digits ("Tara Maclay/Willow
   * Rosenberg" has four), each at most 40 characters, at most 20 of them.
   */
  public static java.util.Set<String> tagWords(String name) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    for (String w : normalWords(name).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty() && out.size() < 20) {
        out.add(w.length() > 40 ? w.substring(0, 40) : w);
      }
    }
    return out;
  }

  /** Lower case without accents, as tag words are kept. */
  static String normalWords(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(java.util.Locale.ROOT);
  }

  private static void addTagWords(Connection c, long tagId, String name) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO tag_words (word, tag_id) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
      for (String w : tagWords(name)) {
        ps.setString(1, w);
        ps.setLong(2, tagId);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * Fills {@code tag_words} for an archive whose tags were stored before it existed: once, in one
   * transaction, when the table is empty and the tags are not.
   */
  private void fillTagWords() {
    writeLock.lock();
    try {
      jdbi.useTransaction(
          h -> {
            boolean empty =
                h.createQuery("SELECT count(*) FROM (SELECT 1 FROM tag_words LIMIT 1) x")
                        .mapTo(Integer.class)
                        .one()
                    == 0;
            if (!empty) {
              return;
            }
            Connection c = h.getConnection();
            List<Map.Entry<Long, String>> tags =
                h.createQuery("SELECT id, name FROM tags ORDER BY id")
                    .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .list();
            try {
              for (Map.Entry<Long, String> t : tags) {
                addTagWords(c, t.getKey(), t.getValue());
              }
            } catch (SQLException e) {
              throw new StoreException("Could not index the tags' words: " + e.getMessage(), e);
            }
          });
    } catch (JdbiException e) {
      throw new StoreException("Could not index the tags' words: " + rootMessage(e), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** The database, for whole-archive copies ({@link StoreCopier}). */
  org.jdbi.v3.core.Jdbi jdbi() {
    return jdbi;
  }

  @Override
  public AccountStore accounts() {
    return accounts;
  }

  @Override
  public ReaderStore readers() {
    return readers;
  }

  @Override
  public SiteStore site() {
    return site;
  }

  @Override
  public SeriesStore series() {
    return series;
  }

  @Override
  public void backup(java.nio.file.Path file) {
    // An empty file may be there already: made owner-only for the copy to go into.
    if (java.nio.file.Files.exists(file) && file.toFile().length() > 0) {
      throw new StoreException("Will not overwrite " + file + ": choose a new backup file.", null);
    }
    // Taking the write lock keeps imports from waiting on SQLITE_BUSY while the copy is read.
    writeLock.lock();
    try {
      jdbi.useHandle(h -> backup.to(h, file));
    } catch (JdbiException e) {
      throw new StoreException("Could not back up to " + file + ": " + rootMessage(e), e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Added add(Work work) {
    return add(work, Visibility.PUBLIC);
  }

  @Override
  public Added add(Work work, Visibility visibility) {
    String sha = work.source() == null ? null : work.source().sha256();
    Map<String, Long> fresh = new HashMap<>();
    writeLock.lock();
    try {
      Added added = inTransaction(c -> insertWork(c, work, sha, fresh, visibility));
      remember(fresh);
      return added;
    } catch (SQLException e) {
      // Another process sharing the database stored the same file first: that is a duplicate.
      Optional<Long> raced = sha == null ? Optional.empty() : safeFindBySha256(sha);
      if (raced.isPresent()) {
        return Added.duplicateOf(raced.get());
      }
      throw new StoreException("Could not store \"" + work.title() + "\": " + rootMessage(e), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** A body run inside one JDBC transaction. */
  @FunctionalInterface
  private interface InTransaction<T> {
    T run(Connection c) throws SQLException;
  }

  /**
   * Runs {@code body} in one transaction on a pooled connection, through JDBC: importing writes
   * some ten statements per work, and JDBI's per-statement set-up was most of the store's share of
   * an import's time (JFR).
   */
  private <T> T inTransaction(InTransaction<T> body) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      T out;
      try {
        out = body.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        // The failure that caused it is the one to report: after a full disk SQLite may already
        // have ended the transaction, so rolling back and leaving it can fail too.
        try {
          c.rollback();
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        try {
          c.setAutoCommit(true);
        } catch (SQLException r) {
          e.addSuppressed(r);
        }
        throw e;
      }
      c.setAutoCommit(true);
      return out;
    }
  }

  private Added insertWork(
      Connection c, Work work, String sha, Map<String, Long> fresh, Visibility visibility)
      throws SQLException {
    if (sha != null) {
      Optional<Long> existing = findBySha256(c, sha);
      if (existing.isPresent()) {
        return Added.duplicateOf(existing.get());
      }
    }
    // Kept for findSameText: whether the same words make a duplicate is the importer's call.
    String words = org.quire.text.TextFingerprint.of(work.chapters());
    long now = System.currentTimeMillis();
    long imported = work.importedAt() == null ? now : work.importedAt().toEpochMilli();
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO works (title, title_generated, summary, notes, end_notes, language,"
                + " complete, word_count, format, source_name, source_sha256, imported_at,"
                + " updated_at, expected_chapters, visibility, published, text_hash)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"id"})) {
      ps.setString(1, work.title());
      ps.setInt(2, work.titleGenerated() ? 1 : 0);
      ps.setString(3, work.summary());
      ps.setString(4, work.notes());
      ps.setString(5, work.endNotes());
      ps.setString(6, work.language());
      ps.setInt(7, work.complete() ? 1 : 0);
      ps.setInt(8, work.wordCount());
      ps.setString(9, work.format().name());
      ps.setString(10, work.source() == null ? null : work.source().fileName());
      ps.setString(11, sha);
      ps.setLong(12, imported);
      ps.setLong(13, now);
      ps.setInt(14, work.expectedChapters());
      ps.setString(15, visibility.key());
      ps.setInt(16, visibility == Visibility.DRAFT ? 0 : 1);
      ps.setString(17, words);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database gave no id for the new work");
        }
        id = keys.getLong(1);
      }
    }
    insertText(c, id, work);
    insertTags(c, id, work.tags(), fresh);
    if (!work.problems().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO ingest_problems (work_id, line, message) VALUES (?, ?, ?)")) {
        for (IngestProblem p : work.problems()) {
          ps.setLong(1, id);
          ps.setInt(2, p.line());
          ps.setString(3, p.message());
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    return new Added(id, false, java.time.Instant.ofEpochMilli(now));
  }

  /** A work's authors and chapters (the rows that an edit replaces). */
  private static void insertText(Connection c, long id, Work work) throws SQLException {
    if (!work.authors().isEmpty()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO work_authors (work_id, position, name) VALUES (?, ?, ?)")) {
        int pos = 0;
        for (String a : work.authors()) {
          ps.setLong(1, id);
          ps.setInt(2, pos++);
          ps.setString(3, a);
          ps.addBatch();
        }
        ps.executeBatch();
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO chapters (work_id, number, title, notes, body, word_count, end_notes)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Chapter ch : work.chapters()) {
        ps.setLong(1, id);
        ps.setInt(2, ch.number());
        ps.setString(3, ch.title());
        ps.setString(4, ch.notes());
        ps.setString(5, ch.text());
        ps.setInt(6, org.quire.text.WordCounter.count(ch.text()));
        ps.setString(7, ch.endNotes());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @Override
  public void update(Work work) {
    write(
        "save the changes to \"" + work.title() + "\"",
        h ->
            jdbiTransaction(
                h,
                () -> {
                  int n =
                      h.createUpdate(
                              "UPDATE works SET title = :title, title_generated = :generated,"
                                  + " summary = :summary, notes = :notes, end_notes = :endNotes,"
                                  + " complete = :complete, expected_chapters = :expected,"
                                  + " word_count = :words, updated_at = :now WHERE id = :id")
                          .bind("title", work.title())
                          .bind("generated", work.titleGenerated() ? 1 : 0)
                          .bind("summary", work.summary())
                          .bind("notes", work.notes())
                          .bind("endNotes", work.endNotes())
                          .bind("complete", work.complete() ? 1 : 0)
                          .bind("expected", work.expectedChapters())
                          .bind("words", work.wordCount())
                          .bind("now", System.currentTimeMillis())
                          .bind("id", work.id())
                          .execute();
                  if (n == 0) {
                    throw new StoreException("There is no work " + work.id() + ".", null);
                  }
                  h.execute("DELETE FROM work_authors WHERE work_id = ?", work.id());
                  h.execute("DELETE FROM chapters WHERE work_id = ?", work.id());
                  try {
                    insertText(h.getConnection(), work.id(), work);
                  } catch (SQLException e) {
                    throw new StoreException(
                        "Could not save the text of \"" + work.title() + "\": " + rootMessage(e),
                        e);
                  }
                  return n;
                }));
  }

  @Override
  public void setAuthors(long workId, List<String> names) {
    write(
        "change the byline of work " + workId,
        h -> {
          h.execute("DELETE FROM work_authors WHERE work_id = ?", workId);
          int pos = 0;
          for (String a : names) {
            h.execute(
                "INSERT INTO work_authors (work_id, position, name) VALUES (?, ?, ?)",
                workId,
                pos++,
                a);
          }
          return h.execute(
              "UPDATE works SET updated_at = ? WHERE id = ?", System.currentTimeMillis(), workId);
        });
  }

  @Override
  public boolean delete(long id) {
    return write("delete work " + id, h -> h.execute("DELETE FROM works WHERE id = ?", id)) > 0;
  }

  /** Runs a write inside one transaction on this handle. */
  private static int jdbiTransaction(Handle h, java.util.function.IntSupplier body) {
    return h.inTransaction(x -> body.getAsInt());
  }

  /**
   * Inserts a work's tags: new tag names first, then the work's rows in one batch. Ids of tags made
   * here go to {@code fresh}, for {@link #remember} once the transaction committed.
   */
  private void insertTags(Connection c, long workId, List<Tag> tags, Map<String, Long> fresh)
      throws SQLException {
    int pos = 0;
    Map<Long, Boolean> seen = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO work_tags (work_id, tag_id, position, provenance, confidence, evidence,"
                + " note) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (Tag t : tags) {
        long tagId = tagId(c, t, fresh);
        if (seen.putIfAbsent(tagId, true) != null) {
          continue; // the same tag twice (e.g. given by the author and suggested): first one wins
        }
        ps.setLong(1, workId);
        ps.setLong(2, tagId);
        ps.setInt(3, pos++);
        ps.setString(4, t.provenance().key());
        ps.setDouble(5, t.confidence());
        ps.setString(6, t.evidence().isEmpty() ? null : toJson(t.evidence()));
        ps.setString(7, t.note());
        ps.addBatch();
      }
      if (pos > 0) {
        ps.executeBatch();
      }
    }
  }

  private long tagId(Connection c, Tag t, Map<String, Long> fresh) throws SQLException {
    String key = t.type().key() + "\u0000" + t.name();
    Long id = tagIds.get(key);
    if (id == null) {
      id = fresh.get(key);
    }
    if (id != null) {
      return id;
    }
    boolean added;
    try (PreparedStatement ins =
        c.prepareStatement(
            "INSERT INTO tags (type, name) VALUES (?, ?) ON CONFLICT (type, name) DO NOTHING")) {
      ins.setString(1, t.type().key());
      ins.setString(2, t.name());
      added = ins.executeUpdate() == 1;
    }
    try (PreparedStatement q =
        c.prepareStatement("SELECT id FROM tags WHERE type = ? AND name = ?")) {
      q.setString(1, t.type().key());
      q.setString(2, t.name());
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("tag \"" + t.name() + "\" was not stored");
        }
        id = rs.getLong(1);
      }
    }
    if (added) {
      // Only the process that stored the tag files its words (it holds the row's transaction).
      addTagWords(c, id, t.name());
    }
    fresh.put(key, id);
    return id;
  }

  /** Tag ids from a committed transaction, for the next works. */
  private void remember(Map<String, Long> fresh) {
    if (tagIds.size() + fresh.size() > MAX_TAG_IDS) {
      tagIds.clear();
    }
    tagIds.putAll(fresh);
  }

  @Override
  public void replaceTags(long workId, List<Tag> tags) {
    writeLock.lock();
    try {
      Map<String, Long> fresh = new HashMap<>();
      jdbi.useTransaction(
          h -> {
            h.execute("DELETE FROM work_tags WHERE work_id = ?", workId);
            try {
              insertTags(h.getConnection(), workId, tags, fresh);
            } catch (SQLException e) {
              throw new StoreException(
                  "Could not update the tags of work " + workId + ": " + rootMessage(e), e);
            }
            h.execute(
                "UPDATE works SET updated_at = ? WHERE id = ?", System.currentTimeMillis(), workId);
          });
      remember(fresh);
    } catch (JdbiException e) {
      throw new StoreException(
          "Could not update the tags of work " + workId + ": " + rootMessage(e), e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public Optional<Work> get(long id) {
    return call(
        "read work " + id,
        h -> {
          Optional<Map<String, Object>> row =
              h.createQuery("SELECT * FROM works WHERE id = ?").bind(0, id).mapToMap().findOne();
          if (row.isEmpty()) {
            return Optional.<Work>empty();
          }
          Map<String, Object> w = row.get();
          List<Chapter> chapters =
              h.createQuery(
                      "SELECT number, title, notes, end_notes, body FROM chapters"
                          + " WHERE work_id = ? ORDER BY number")
                  .bind(0, id)
                  .map(
                      (rs, ctx) ->
                          new Chapter(
                              rs.getInt("number"),
                              rs.getString("title"),
                              rs.getString("body"),
                              rs.getString("notes"),
                              rs.getString("end_notes")))
                  .list();
          List<IngestProblem> problems =
              h.createQuery(
                      "SELECT line, message FROM ingest_problems WHERE work_id = ? ORDER BY line")
                  .bind(0, id)
                  .map((rs, ctx) -> new IngestProblem(rs.getInt("line"), rs.getString("message")))
                  .list();
          return Optional.of(
              new Work(
                  id,
                  (String) w.get("title"),
                  num(w.get("title_generated")) != 0,
                  authors(h, List.of(id)).getOrDefault(id, List.of()),
                  (String) w.get("summary"),
                  (String) w.get("notes"),
                  (String) w.get("end_notes"),
                  chapters,
                  (String) w.get("language"),
                  num(w.get("complete")) != 0,
                  (int) num(w.get("word_count")),
                  TextFormat.valueOf((String) w.get("format")),
                  new Work.Source((String) w.get("source_name"), (String) w.get("source_sha256")),
                  Instant.ofEpochMilli(num(w.get("imported_at"))),
                  tags(h, List.of(id), true).getOrDefault(id, List.of()),
                  problems,
                  (int) num(w.get("expected_chapters"))));
        });
  }

  @Override
  public Optional<Long> findBySha256(String sha256) {
    // Asked for every imported file before it is analysed: plain JDBC, as add() is.
    try (Connection c = dataSource.getConnection()) {
      return findBySha256(c, sha256);
    } catch (SQLException e) {
      throw new StoreException("Could not look up a file hash: " + rootMessage(e), e);
    }
  }

  @Override
  public Optional<Long> findSameText(Work work) {
    String words = org.quire.text.TextFingerprint.of(work.chapters());
    if (words == null) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection()) {
      return findByTextHash(c, words);
    } catch (SQLException e) {
      throw new StoreException("Could not look for the same story: " + rootMessage(e), e);
    }
  }

  private static Optional<Long> findByTextHash(Connection c, String hash) throws SQLException {
    return firstId(c, "SELECT id FROM works WHERE text_hash = ? ORDER BY id LIMIT 1", hash);
  }

  private static Optional<Long> findBySha256(Connection c, String sha) throws SQLException {
    return firstId(c, "SELECT id FROM works WHERE source_sha256 = ?", sha);
  }

  /** The id a one-parameter query answers first, if any. */
  private static Optional<Long> firstId(Connection c, String sql, String value)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static final String SUMMARY_COLUMNS =
      "SELECT w.id, w.title, w.title_generated, w.summary, w.word_count, w.language, w.complete,"
          + " w.expected_chapters, w.imported_at, w.updated_at, w.visibility, w.hits,"
          + " (SELECT count(*) FROM kudos k WHERE k.work_id = w.id) AS kudos,"
          + " (SELECT count(*) FROM bookmarks b WHERE b.work_id = w.id AND b.private = 0"
          + " AND b.later = 0)"
          + " AS bookmarks,"
          + " (SELECT count(*) FROM comments m WHERE m.work_id = w.id AND m.deleted = 0"
          + " AND m.held = 0)"
          + " AS comments,"
          + " (SELECT count(*) FROM chapters c WHERE c.work_id = w.id) AS chapter_count,"
          + " (SELECT substr(c.body, 1, 600) FROM chapters c WHERE c.work_id = w.id"
          + " AND c.number = 1) AS opening FROM works w";

  @Override
  public List<WorkSummary> list(int offset, int limit) {
    int lim = Math.max(0, Math.min(limit, MAX_PAGE));
    int off = Math.max(0, offset);
    return call(
        "list works",
        h ->
            summaries(
                h,
                h.createQuery(
                        SUMMARY_COLUMNS
                            + " ORDER BY w.imported_at DESC, w.id DESC LIMIT :limit OFFSET :offset")
                    .bind("limit", lim)
                    .bind("offset", off)
                    .mapToMap()
                    .list()));
  }

  @Override
  public List<WorkSummary> ownedBy(long userId, int offset, int limit) {
    return call(
        "list the account's works",
        h ->
            summaries(
                h,
                h.createQuery(
                        SUMMARY_COLUMNS
                            + " WHERE w.owner_id = :user OR w.id IN"
                            + " (SELECT work_id FROM work_creators WHERE user_id = :user"
                            + " AND accepted = 1)"
                            + " ORDER BY w.imported_at DESC, w.id DESC LIMIT :limit OFFSET :offset")
                    .bind("user", userId)
                    .bind("limit", Math.max(0, Math.min(limit, MAX_PAGE)))
                    .bind("offset", Math.max(0, offset))
                    .mapToMap()
                    .list()));
  }

  @Override
  public Optional<Visibility> visibility(long id) {
    return call(
        "read work " + id,
        h ->
            h.createQuery("SELECT visibility FROM works WHERE id = ?")
                .bind(0, id)
                .mapTo(String.class)
                .findOne()
                .map(Visibility::fromKey));
  }

  @Override
  public void setVisibility(long id, Visibility v) {
    long now = System.currentTimeMillis();
    // A draft's first posting is its publication: "posted" is then, not when the draft was made
    // (a draft kept for weeks would come out dated weeks back, below newer works).
    write(
        "change who may see work " + id,
        h ->
            v == Visibility.DRAFT
                ? h.execute(
                    "UPDATE works SET visibility = ?, updated_at = ? WHERE id = ?",
                    v.key(),
                    now,
                    id)
                : h.execute(
                    "UPDATE works SET visibility = ?, updated_at = ?, imported_at = CASE WHEN"
                        + " published = 0 THEN ? ELSE imported_at END, published = 1 WHERE id = ?",
                    v.key(),
                    now,
                    now,
                    id));
  }

  @Override
  public List<WorkSummary> summaries(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Long> wanted = ids.size() > MAX_PAGE ? ids.subList(0, MAX_PAGE) : ids;
    return call(
        "list works",
        h -> {
          Map<Long, WorkSummary> byId = new HashMap<>();
          for (WorkSummary w :
              summaries(
                  h,
                  h.createQuery(SUMMARY_COLUMNS + " WHERE w.id IN (<ids>)")
                      .bindList("ids", wanted)
                      .mapToMap()
                      .list())) {
            byId.put(w.id(), w);
          }
          return wanted.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        });
  }

  private static List<WorkSummary> summaries(Handle h, List<Map<String, Object>> rows) {
    List<Long> ids = rows.stream().map(r -> num(r.get("id"))).toList();
    Map<Long, List<String>> authors = authors(h, ids);
    Map<Long, List<Tag>> tags = tags(h, ids, false);
    List<WorkSummary> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      long id = num(r.get("id"));
      out.add(
          new WorkSummary(
              id,
              (String) r.get("title"),
              num(r.get("title_generated")) != 0,
              authors.getOrDefault(id, List.of()),
              (String) r.get("summary"),
              (String) r.get("opening"),
              (int) num(r.get("word_count")),
              (int) num(r.get("chapter_count")),
              (String) r.get("language"),
              num(r.get("complete")) != 0,
              Instant.ofEpochMilli(num(r.get("imported_at"))),
              tags.getOrDefault(id, List.of()).stream()
                  .filter(t -> t.provenance().isShown())
                  .toList(),
              Visibility.fromKey((String) r.get("visibility")),
              new Engagement(
                  (int) num(r.get("kudos")),
                  (int) num(r.get("hits")),
                  (int) num(r.get("bookmarks")),
                  (int) num(r.get("comments"))),
              (int) num(r.get("expected_chapters")),
              Instant.ofEpochMilli(num(r.get("updated_at")))));
    }
    return out;
  }

  private static Map<Long, List<String>> authors(Handle h, List<Long> ids) {
    Map<Long, List<String>> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    h.createQuery(
            "SELECT work_id, name FROM work_authors WHERE work_id IN (<ids>) ORDER BY work_id, position")
        .bindList("ids", ids)
        .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  /**
   * Tags of several works, in order. Without evidence for listings: parsing every suggestion's
   * quoted passages was a third of a listing page's time, and blurbs show names only.
   */
  private static Map<Long, List<Tag>> tags(Handle h, List<Long> ids, boolean evidence) {
    Map<Long, List<Tag>> out = new LinkedHashMap<>();
    if (ids.isEmpty()) {
      return out;
    }
    h.createQuery(
            "SELECT wt.work_id, t.type, t.name, wt.provenance, wt.confidence, "
                + (evidence ? "wt.evidence" : "NULL")
                + ", wt.note FROM work_tags wt"
                + " JOIN tags t ON t.id = wt.tag_id WHERE wt.work_id IN (<ids>) ORDER BY wt.work_id, wt.position")
        .bindList("ids", ids)
        .map(
            (rs, ctx) ->
                Map.entry(
                    rs.getLong(1),
                    new Tag(
                        TagType.fromKey(rs.getString(2)),
                        rs.getString(3),
                        Provenance.fromKey(rs.getString(4)),
                        rs.getDouble(5),
                        fromJson(rs.getString(6)),
                        rs.getString(7))))
        .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return out;
  }

  @Override
  public long count() {
    return call(
        "count works", h -> h.createQuery("SELECT count(*) FROM works").mapTo(Long.class).one());
  }

  @Override
  public long countPublic() {
    return call(
        "count public works",
        h ->
            h.createQuery("SELECT count(*) FROM works WHERE visibility = 'public'")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<Long> ids() {
    return call(
        "list work ids",
        h -> h.createQuery("SELECT id FROM works ORDER BY id").mapTo(Long.class).list());
  }

  @Override
  public List<Long> idsUpdatedAfter(Instant after) {
    return call(
        "list changed works",
        h ->
            h.createQuery("SELECT id FROM works WHERE updated_at > ? ORDER BY id")
                .bind(0, after.toEpochMilli())
                .mapTo(Long.class)
                .list());
  }

  @Override
  public Optional<Instant> updatedAt(long id) {
    return call(
        "read work " + id,
        h ->
            h.createQuery("SELECT updated_at FROM works WHERE id = ?")
                .bind(0, id)
                .mapTo(Long.class)
                .findOne()
                .map(Instant::ofEpochMilli));
  }

  @Override
  public List<String> chapterTexts(long id) {
    return call(
        "read the chapters of work " + id,
        h ->
            h.createQuery("SELECT body FROM chapters WHERE work_id = ? ORDER BY number")
                .bind(0, id)
                .mapTo(String.class)
                .list());
  }

  @Override
  public List<TagRule> tagRules() {
    return call(
        "read tag rules",
        h ->
            h.createQuery("SELECT type, name, relation, target FROM tag_rules ORDER BY seq")
                .map(
                    (rs, ctx) ->
                        new TagRule(
                            TagType.fromKey(rs.getString(1)),
                            rs.getString(2),
                            TagRule.Relation.fromKey(rs.getString(3)),
                            rs.getString(4)))
                .list());
  }

  @Override
  public void addTagRule(TagRule r) {
    write(
        "save the tag rule for " + r.name(),
        h ->
            h.execute(
                "INSERT INTO tag_rules (type, name, relation, target, seq) VALUES (?, ?, ?, ?,"
                    + " (SELECT coalesce(max(seq), 0) + 1 FROM tag_rules)) ON CONFLICT DO NOTHING",
                r.type().key(),
                r.name(),
                r.relation().key(),
                r.target()));
  }

  @Override
  public boolean removeTagRule(TagRule r) {
    return write(
            "remove the tag rule for " + r.name(),
            h ->
                h.execute(
                    "DELETE FROM tag_rules WHERE type = ? AND name = ? AND relation = ?"
                        + " AND target = ?",
                    r.type().key(),
                    r.name(),
                    r.relation().key(),
                    r.target()))
        > 0;
  }

  @Override
  public List<Long> idsByAuthor(String name) {
    return call(
        "find works by " + name,
        h ->
            h.createQuery(
                    "SELECT w.id FROM works w WHERE w.id IN"
                        + " (SELECT a.work_id FROM work_authors a WHERE lower(a.name) = lower(?))"
                        + " ORDER BY w.imported_at DESC, w.id DESC LIMIT 2000")
                .bind(0, name.strip())
                .mapTo(Long.class)
                .list());
  }

  @Override
  public List<String> tagNames(TagType type) {
    return call(
        "list the " + type.label() + " tags",
        h ->
            h.createQuery("SELECT name FROM tags WHERE type = ?")
                .bind(0, type.key())
                .mapTo(String.class)
                .list());
  }

  @Override
  public List<Long> idsTagged(TagType type, String name) {
    return call(
        "find works tagged " + name,
        h ->
            h.createQuery(
                    "SELECT DISTINCT wt.work_id FROM work_tags wt JOIN tags t ON t.id = wt.tag_id"
                        + " WHERE t.type = ? AND lower(t.name) = lower(?) ORDER BY wt.work_id")
                .bind(0, type.key())
                .bind(1, name.strip())
                .mapTo(Long.class)
                .list());
  }

  private int write(String what, org.jdbi.v3.core.HandleCallback<Integer, RuntimeException> cb) {
    writeLock.lock();
    try {
      return jdbi.withHandle(cb);
    } catch (JdbiException e) {
      throw new StoreException("Could not " + what + ": " + rootMessage(e), e);
    } finally {
      writeLock.unlock();
    }
  }

  @Override
  public void close() {
    onClose.run();
  }

  private <T> T call(String what, org.jdbi.v3.core.HandleCallback<T, RuntimeException> cb) {
    try {
      return jdbi.withHandle(cb);
    } catch (JdbiException e) {
      throw new StoreException("Could not " + what + ": " + rootMessage(e), e);
    }
  }

  private static long num(Object o) {
    return o == null ? 0 : ((Number) o).longValue();
  }

  private static String toJson(List<Evidence> ev) {
    try {
      return JSON.writeValueAsString(ev);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("evidence is always serialisable", e);
    }
  }

  private static List<Evidence> fromJson(String s) {
    if (s == null || s.isEmpty()) {
      return List.of();
    }
    try {
      return JSON.readValue(s, EVIDENCE);
    } catch (JsonProcessingException e) {
      return List.of();
    }
  }

  private Optional<Long> safeFindBySha256(String sha) {
    try (Connection c = dataSource.getConnection()) {
      return findBySha256(c, sha);
    } catch (SQLException e) {
      return Optional.empty();
    }
  }

  private static String rootMessage(Throwable e) {
    return StoreException.reason(e);
  }
}

package org.quire.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.Work;
import org.quire.search.WorkStats;

/**
 * The baseline: the same corpus and the same five queries on SQLite FTS5 (porter stemming,
 * diacritics folded), with tag filters as indexed joins and facets as GROUP BY, as a careful
 * SQLite-only archive would do it. Each query returns the total and a page of 20, like the index.
 */
final class Fts5Baseline implements AutoCloseable {
  private final Connection db;
  private final Path file;
  private PreparedStatement insWork;
  private PreparedStatement insText;
  private PreparedStatement insTag;
  private int pending;

  Fts5Baseline(Path file) throws SQLException {
    this.file = file;
    db = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=NORMAL");
      s.execute(
          "CREATE TABLE works (id INTEGER PRIMARY KEY, title TEXT, words INTEGER, kudos INTEGER,"
              + " updated INTEGER)");
      s.execute("CREATE TABLE work_tags (work_id INTEGER, type TEXT, name TEXT)");
      s.execute(
          "CREATE VIRTUAL TABLE texts USING fts5(title, summary, body,"
              + " tokenize='porter unicode61 remove_diacritics 2')");
    }
    db.setAutoCommit(false);
    insWork = db.prepareStatement("INSERT INTO works VALUES (?, ?, ?, ?, ?)");
    insText =
        db.prepareStatement("INSERT INTO texts (rowid, title, summary, body) VALUES (?,?,?,?)");
    insTag = db.prepareStatement("INSERT INTO work_tags VALUES (?, ?, ?)");
  }

  void add(Work w, WorkStats st) throws SQLException {
    insWork.setLong(1, w.id());
    insWork.setString(2, w.title());
    insWork.setInt(3, w.wordCount());
    insWork.setInt(4, st.kudos());
    insWork.setLong(5, st.updated().toEpochMilli());
    insWork.executeUpdate();
    StringBuilder body = new StringBuilder();
    for (Chapter c : w.chapters()) {
      body.append(c.text()).append("\n\n");
    }
    insText.setLong(1, w.id());
    insText.setString(2, w.title());
    insText.setString(3, w.summary());
    insText.setString(4, body.toString());
    insText.executeUpdate();
    for (Tag t : w.tags()) {
      insTag.setLong(1, w.id());
      insTag.setString(2, t.type().key());
      insTag.setString(3, t.name());
      insTag.addBatch();
    }
    insTag.executeBatch();
    if (++pending % 2000 == 0) {
      db.commit();
    }
  }

  void finish() throws SQLException {
    db.commit();
    try (Statement s = db.createStatement()) {
      s.execute("CREATE INDEX work_tags_by_tag ON work_tags (type, name, work_id)");
      s.execute("CREATE INDEX work_tags_by_work ON work_tags (work_id, type, name)");
      s.execute("CREATE INDEX works_kudos ON works (kudos)");
      s.execute("INSERT INTO texts(texts) VALUES ('optimize')");
    }
    db.commit();
  }

  long sizeBytes() throws Exception {
    long total = 0;
    for (String suffix : List.of("", "-wal", "-shm")) {
      Path p = Path.of(file + suffix);
      if (Files.exists(p)) {
        total += Files.size(p);
      }
    }
    return total;
  }

  /** FTS5 wants quoted tokens; a phrase is one quoted string. */
  private static String match(String words, boolean phrase) {
    return phrase ? "\"" + words + "\"" : words;
  }

  /** (a) and (b): total and the best 20. */
  int text(String words, boolean phrase) throws SQLException {
    long total = one("SELECT count(*) FROM texts WHERE texts MATCH ?", match(words, phrase));
    List<Long> page =
        ids(
            "SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY rank LIMIT 20",
            match(words, phrase));
    return (int) total + page.size();
  }

  private static String filters(List<String[]> in, List<String[]> out) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < in.size(); i++) {
      sb.append(" AND w.id IN (SELECT work_id FROM work_tags WHERE type = ? AND name = ?)");
    }
    for (int i = 0; i < out.size(); i++) {
      sb.append(" AND w.id NOT IN (SELECT work_id FROM work_tags WHERE type = ? AND name = ?)");
    }
    return sb.toString();
  }

  /** (c) and (d): filters, optional text, facets over every tag type, sort by kudos. */
  int filtered(String words, List<String[]> in, List<String[]> out, boolean byKudos)
      throws SQLException {
    String from =
        words == null
            ? "FROM works w WHERE 1=1"
            : "FROM works w JOIN texts ON texts.rowid = w.id WHERE texts MATCH ?";
    String where = from + filters(in, out);
    List<Object> args = new ArrayList<>();
    if (words != null) {
      args.add(words);
    }
    for (String[] f : in) {
      args.add(f[0]);
      args.add(f[1]);
    }
    for (String[] f : out) {
      args.add(f[0]);
      args.add(f[1]);
    }
    long total = one("SELECT count(*) " + where, args.toArray());
    List<Long> page =
        ids(
            "SELECT w.id "
                + where
                + (byKudos ? " ORDER BY w.kudos DESC, w.id DESC" : " ORDER BY w.id DESC")
                + " LIMIT 20",
            args.toArray());
    int facets = 0;
    try (PreparedStatement ps =
        db.prepareStatement(
            "SELECT type, name, count(*) AS n FROM work_tags WHERE work_id IN (SELECT w.id "
                + where
                + ") GROUP BY type, name ORDER BY n DESC")) {
      bind(ps, args.toArray());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          facets++;
        }
      }
    }
    return (int) total + page.size() + facets;
  }

  /** (e) a deep page of a term query. */
  int deep(String word, int offset) throws SQLException {
    return ids(
            "SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY rank LIMIT 20 OFFSET " + offset,
            word)
        .size();
  }

  private long one(String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private List<Long> ids(String sql, Object... args) throws SQLException {
    List<Long> out = new ArrayList<>();
    try (PreparedStatement ps = db.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
    }
    return out;
  }

  private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}

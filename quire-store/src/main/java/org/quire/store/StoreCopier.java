package org.quire.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.jdbi.v3.core.Handle;

/**
 * Copies a whole archive from one store to another (an embedded SQLite file to a PostgreSQL server,
 * say), table by table with the same ids, then proves nothing was lost: every table's row count and
 * an order-independent checksum of its rows must match on both sides.
 */
public final class StoreCopier {
  /** Every table, parents before the tables that refer to them. */
  static final List<String> TABLES =
      List.of(
          "users",
          "works",
          "work_authors",
          "chapters",
          "tags",
          "tag_words",
          "work_tags",
          "ingest_problems",
          "tag_rules",
          "sessions",
          "kudos",
          "comments",
          "bookmarks",
          "readings",
          "mutes",
          "settings",
          "invites",
          "reports",
          "work_creators",
          "series",
          "series_works",
          "gifts",
          "subscriptions",
          "inbox",
          "api_tokens",
          "password_resets");

  /** Tables whose {@code id} the database generates, to move the generator past copied ids. */
  private static final List<String> GENERATED_IDS =
      List.of(
          "users",
          "works",
          "tags",
          "comments",
          "bookmarks",
          "reports",
          "series",
          "inbox",
          "api_tokens");

  private static final int BATCH = 500;

  /**
   * One table's figures on both sides.
   *
   * @param table its name
   * @param rows rows copied
   * @param sourceChecksum checksum of the source's rows
   * @param targetChecksum checksum of the target's rows after the copy
   */
  public record TableReport(String table, long rows, String sourceChecksum, String targetChecksum) {
    public boolean matches() {
      return sourceChecksum.equals(targetChecksum);
    }
  }

  private StoreCopier() {}

  /**
   * Copies everything from {@code from} into the empty {@code to}.
   *
   * @param progress told (table, rows copied so far) as rows go across
   * @return the figures of every table
   * @throws StoreException when the target holds works or accounts already, or a table does not
   *     match after the copy
   */
  public static List<TableReport> copy(
      WorkStore from, WorkStore to, BiConsumer<String, Long> progress) {
    JdbiWorkStore source = jdbi(from);
    JdbiWorkStore target = jdbi(to);
    if (to.count() > 0 || to.accounts().countUsers() > 0) {
      throw new StoreException(
          "The target archive is not empty ("
              + to.count()
              + " works, "
              + to.accounts().countUsers()
              + " accounts); migrate into a new, empty database.",
          null);
    }
    List<TableReport> reports = new ArrayList<>();
    try (Handle in = source.jdbi().open();
        Handle out = target.jdbi().open()) {
      Connection src = in.getConnection();
      Connection dst = out.getConnection();
      dst.setAutoCommit(false);
      try {
        copyAll(src, dst, reports, progress);
      } catch (SQLException | RuntimeException e) {
        dst.rollback();
        throw e;
      } finally {
        dst.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("Could not copy the archive: " + e.getMessage(), e);
    }
    return reports;
  }

  private static void copyAll(
      Connection src, Connection dst, List<TableReport> reports, BiConsumer<String, Long> progress)
      throws SQLException {
    for (String table : TABLES) {
      long rows = copyTable(src, dst, table, progress);
      dst.commit();
      String before = checksum(src, table);
      String after = checksum(dst, table);
      reports.add(new TableReport(table, rows, before, after));
      if (!before.equals(after)) {
        throw new StoreException(
            "Table " + table + " differs after the copy; the target is incomplete.", null);
      }
    }
    if (isPostgres(dst)) {
      for (String table : GENERATED_IDS) {
        try (Statement s = dst.createStatement()) {
          s.execute(
              "SELECT setval(pg_get_serial_sequence('"
                  + table
                  + "', 'id'), coalesce((SELECT max(id) FROM "
                  + table
                  + "), 0) + 1, false)");
        }
      }
      dst.commit();
    }
  }

  private static long copyTable(
      Connection src, Connection dst, String table, BiConsumer<String, Long> progress)
      throws SQLException {
    long n = 0;
    try (Statement s = src.createStatement()) {
      s.setFetchSize(BATCH);
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        List<String> names = columns(rs.getMetaData());
        int cols = names.size();
        String sql =
            "INSERT INTO "
                + table
                + " ("
                + String.join(", ", names)
                + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(cols, "?"))
                + ")";
        try (PreparedStatement ps = dst.prepareStatement(sql)) {
          while (rs.next()) {
            for (int i = 1; i <= cols; i++) {
              ps.setObject(i, rs.getObject(i));
            }
            ps.addBatch();
            if (++n % BATCH == 0) {
              ps.executeBatch();
              progress.accept(table, n);
            }
          }
          ps.executeBatch();
          progress.accept(table, n);
        }
      }
    }
    return n;
  }

  /**
   * The rows of a table as one value: the sum of each row's SHA-256 (first 8 bytes), so the order
   * rows come in does not matter; values are compared as text, integers without a decimal point.
   */
  static String checksum(Connection c, String table) throws SQLException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long sum = 0;
    long rows = 0;
    try (Statement s = c.createStatement()) {
      s.setFetchSize(BATCH);
      try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
        List<String> names = columns(rs.getMetaData());
        int cols = names.size();
        while (rs.next()) {
          sha.reset();
          for (int i = 1; i <= cols; i++) {
            sha.update(names.get(i - 1).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 1);
            sha.update(normal(rs.getObject(i)).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
          }
          byte[] d = sha.digest();
          long v = 0;
          for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
          }
          sum += v;
          rows++;
        }
      }
    }
    return rows + ":" + Long.toHexString(sum);
  }

  /** A result's column names, lower-cased (SQLite and PostgreSQL report their case differently). */
  private static List<String> columns(ResultSetMetaData md) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      names.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
    }
    return names;
  }

  private static String normal(Object o) {
    if (o == null) {
      return "\u0000null";
    }
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return Long.toString(((Number) o).longValue());
    }
    if (o instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d)
          ? Long.toString((long) d)
          : Double.toString(d);
    }
    return o.toString();
  }

  private static boolean isPostgres(Connection c) throws SQLException {
    return c.getMetaData()
        .getDatabaseProductName()
        .toLowerCase(java.util.Locale.ROOT)
        .contains("postgres");
  }

  private static JdbiWorkStore jdbi(WorkStore s) {
    if (s instanceof JdbiWorkStore j) {
      return j;
    }
    throw new StoreException("Only Quire's SQL stores can be migrated.", null);
  }
}

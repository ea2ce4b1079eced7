package org.quire.store.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.quire.store.JdbiWorkStore;
import org.quire.store.StoreException;
import org.quire.store.WorkStore;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** Opens the embedded SQLite store. */
public final class SqliteWorkStore {
  private SqliteWorkStore() {}

  /**
   * Makes a new database file readable by its owner alone: it holds password hashes and email
   * addresses. SQLite gives its log files the database's permissions. An existing file keeps
   * whatever its keeper chose.
   */
  public static void ownerOnly(Path file) throws java.io.IOException {
    if (!Files.exists(file)
        && file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.createFile(
          file,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }
  }

  /**
   * Opens (creating and migrating when needed) the SQLite database at {@code file}.
   *
   * @throws StoreException when the file cannot be opened or migrated
   */
  public static WorkStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      ownerOnly(file);
    } catch (java.io.IOException e) {
      throw new StoreException(
          "Cannot create the data directory for " + file + ": " + e.getMessage(), e);
    }
    SQLiteConfig config = new SQLiteConfig();
    // WAL lets readers (web requests) run while an import writes; NORMAL sync is durable in WAL.
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(10_000);
    SQLiteDataSource sqlite = new SQLiteDataSource(config);
    sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
    HikariConfig hc = new HikariConfig();
    hc.setDataSource(sqlite);
    hc.setPoolName("quire-sqlite");
    hc.setMaximumPoolSize(4);
    hc.setMinimumIdle(1);
    HikariDataSource ds = new HikariDataSource(hc);
    try {
      org.quire.store.Migrations.migrate(
          Flyway.configure().dataSource(ds).locations("classpath:db/migration/sqlite").load());
    } catch (RuntimeException e) {
      ds.close();
      throw new StoreException(
          "Cannot open the archive database " + file + ": " + e.getMessage(), e);
    }
    // VACUUM INTO writes a consistent, compacted snapshot while readers and writers carry on.
    return new JdbiWorkStore(
        ds, ds::close, (h, dest) -> h.execute("VACUUM INTO ?", dest.toAbsolutePath().toString()));
  }
}

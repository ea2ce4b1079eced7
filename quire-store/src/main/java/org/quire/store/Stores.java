package org.quire.store;

import java.nio.file.Path;
import org.quire.store.postgresql.PostgresWorkStore;
import org.quire.store.sqlite.SqliteWorkStore;

/** Opens the store a configuration names: a SQLite file (the default) or a PostgreSQL server. */
public final class Stores {
  private Stores() {}

  /**
   * Opens the store at {@code url}.
   *
   * @param url null or blank for the SQLite file {@code sqliteFile}; {@code sqlite:PATH} for
   *     another SQLite file; {@code postgresql://…} or {@code jdbc:postgresql:…} for a server
   * @param sqliteFile the embedded database used when no URL is given
   * @param poolSize connections to hold to a server
   */
  public static WorkStore open(String url, Path sqliteFile, int poolSize) {
    if (url == null || url.isBlank()) {
      return SqliteWorkStore.open(sqliteFile);
    }
    String u = url.strip();
    if (u.startsWith("sqlite:") || u.startsWith("jdbc:sqlite:")) {
      return SqliteWorkStore.open(Path.of(u.substring(u.indexOf("sqlite:") + 7)));
    }
    if (isPostgres(u)) {
      return PostgresWorkStore.open(u, poolSize);
    }
    throw new StoreException(
        "Unknown storage URL \"" + u + "\": use sqlite:PATH or postgresql://user:password@host/db",
        null);
  }

  /** Whether the URL names a PostgreSQL server. */
  public static boolean isPostgres(String url) {
    return url != null
        && (url.startsWith("postgresql://")
            || url.startsWith("postgres://")
            || url.startsWith("jdbc:postgresql:"));
  }
}

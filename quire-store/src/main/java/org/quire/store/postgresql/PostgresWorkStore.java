package org.quire.store.postgresql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.flywaydb.core.Flyway;
import org.quire.store.JdbiWorkStore;
import org.quire.store.StoreException;
import org.quire.store.WorkStore;

/**
 * Opens the store on a PostgreSQL 15+ server: a HikariCP pool, the PostgreSQL dialect of the same
 * Flyway migrations, and the same SQL as the embedded store. Several Quire processes may share one
 * database: sessions, rate-limit-free state and imports all live in it.
 */
public final class PostgresWorkStore {
  private PostgresWorkStore() {}

  /**
   * Opens (migrating when needed) the database at {@code url}.
   *
   * @param url {@code postgresql://user:password@host:port/database} or a {@code jdbc:postgresql:}
   *     URL
   * @param poolSize the most connections this process holds
   * @throws StoreException when the server cannot be reached or migrated
   */
  public static WorkStore open(String url, int poolSize) {
    HikariConfig hc = new HikariConfig();
    Connection c = parse(url);
    hc.setJdbcUrl(c.jdbcUrl());
    if (c.user() != null) {
      hc.setUsername(c.user());
    }
    if (c.password() != null) {
      hc.setPassword(c.password());
    }
    hc.setPoolName("quire-postgresql");
    hc.setMaximumPoolSize(Math.max(2, poolSize));
    hc.setMinimumIdle(1);
    hc.setConnectionTimeout(10_000);
    // Fail at once with the server's reason instead of waiting for a pool that can never fill.
    hc.setInitializationFailTimeout(10_000);
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException(
          "Cannot connect to PostgreSQL at " + c.safeUrl() + ": " + rootMessage(e), e);
    }
    try {
      var flyway = Flyway.configure().dataSource(ds).locations("classpath:db/migration/postgresql");
      // currentSchema=NAME keeps the archive in its own schema of a shared database; Flyway makes
      // it.
      String schema = schemaOf(c.jdbcUrl());
      if (schema != null) {
        flyway.schemas(schema).createSchemas(true);
      }
      org.quire.store.Migrations.migrate(flyway.load());
    } catch (RuntimeException e) {
      ds.close();
      throw new StoreException(
          "Cannot migrate the archive database at " + c.safeUrl() + ": " + rootMessage(e), e);
    }
    return new JdbiWorkStore(
        ds,
        ds::close,
        (h, dest) -> {
          throw new StoreException(
              "A PostgreSQL archive is backed up with the server's own tools: pg_dump --format=custom"
                  + " (see the README, \"Running at scale\").",
              null);
        });
  }

  /**
   * Where to connect, from a URL as written in configuration.
   *
   * @param jdbcUrl without credentials
   * @param user or null
   * @param password or null
   */
  public record Connection(String jdbcUrl, String user, String password) {
    /** The URL without its password, for messages and logs. */
    public String safeUrl() {
      return jdbcUrl + (user == null ? "" : " as " + user);
    }
  }

  /** Reads {@code postgresql://user:pass@host:port/db?opts} or passes a JDBC URL through. */
  public static Connection parse(String url) {
    String u = url.strip();
    if (u.startsWith("jdbc:postgresql:")) {
      return new Connection(u, null, null);
    }
    if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
      throw new StoreException(
          "Not a PostgreSQL URL: expected postgresql://user:password@host:port/database", null);
    }
    URI uri;
    try {
      uri = URI.create(u.replaceFirst("^postgres(ql)?://", "postgresql://"));
    } catch (IllegalArgumentException e) {
      throw new StoreException("Cannot read the PostgreSQL URL: " + e.getMessage(), e);
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] up = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
      password = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : null;
    }
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String db =
        uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/quire" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    return new Connection("jdbc:postgresql://" + host + port + db + query, user, password);
  }

  private static String schemaOf(String jdbcUrl) {
    var m = java.util.regex.Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)").matcher(jdbcUrl);
    return m.find() ? m.group(1) : null;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}

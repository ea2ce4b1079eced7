package org.quire.app;

import java.nio.file.Path;
import java.util.Map;
import org.quire.ingest.Ingester;
import org.quire.model.Validate;

/**
 * Everything Quire needs to open an archive, in groups. Defaults suit the embedded mode; the
 * environment ({@code QUIRE_DATA}, {@code QUIRE_PORT}, {@code QUIRE_HOST}) overrides them, and
 * command-line options override the environment.
 *
 * @param store where works are kept
 * @param index where the search index is kept
 * @param web how the archive is served
 * @param ingest limits on imported files
 */
public record QuireConfig(Store store, Index index, Web web, Ingest ingest) {

  /**
   * @param database the SQLite file
   */
  public record Store(Path database) {}

  /**
   * @param directory the Lucene index directory
   */
  public record Index(Path directory) {}

  /**
   * @param host the address to listen on
   * @param port the TCP port (0 picks a free one)
   * @param siteName shown in every page's header
   */
  public record Web(String host, int port, String siteName) {
    public Web {
      Validate.isTrue(port >= 0 && port <= 65535, "port must be in 0..65535", port);
    }
  }

  /**
   * @param maxFileBytes the largest story file accepted
   */
  public record Ingest(long maxFileBytes) {}

  /** The embedded archive under {@code dataDir}: {@code quire.db} and {@code index/}. */
  public static QuireConfig embedded(Path dataDir) {
    return new QuireConfig(
        new Store(dataDir.resolve("quire.db")),
        new Index(dataDir.resolve("index")),
        new Web("0.0.0.0", 7070, "Quire"),
        new Ingest(Ingester.DEFAULT_MAX_BYTES));
  }

  /**
   * Defaults overridden by environment variables.
   *
   * @param env the environment (System.getenv() in production)
   */
  public static QuireConfig fromEnvironment(Map<String, String> env) {
    QuireConfig c = embedded(Path.of(env.getOrDefault("QUIRE_DATA", "data")));
    if (env.containsKey("QUIRE_PORT")) {
      c = c.withPort(parsePort(env.get("QUIRE_PORT")));
    }
    if (env.containsKey("QUIRE_HOST")) {
      c =
          new QuireConfig(
              c.store,
              c.index,
              new Web(env.get("QUIRE_HOST"), c.web.port, c.web.siteName),
              c.ingest);
    }
    if (env.containsKey("QUIRE_SITE_NAME")) {
      c =
          new QuireConfig(
              c.store,
              c.index,
              new Web(c.web.host, c.web.port, env.get("QUIRE_SITE_NAME")),
              c.ingest);
    }
    return c;
  }

  public QuireConfig withPort(int port) {
    return new QuireConfig(store, index, new Web(web.host, port, web.siteName), ingest);
  }

  public QuireConfig withHost(String host) {
    return new QuireConfig(store, index, new Web(host, web.port, web.siteName), ingest);
  }

  static int parsePort(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("QUIRE_PORT must be a number; got \"" + s + "\".");
    }
  }
}

package org.quire.bench;

import java.nio.file.Path;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
import org.quire.web.QuireWeb;

/**
 * One more web process on an archive another benchmark process filled: for the scale-out load test,
 * a second node on the same PostgreSQL database and OpenSearch index.
 *
 * <p>Usage: {@code ServeNode DIR} with {@code QUIRE_DB_URL}, {@code QUIRE_SEARCH_URL}, {@code
 * QUIRE_SEARCH_INDEX} and {@code QUIRE_BENCH_PORT} in the environment.
 */
public final class ServeNode {
  private ServeNode() {}

  /** The benchmark archive: embedded under {@code dir}, or on the servers the environment names. */
  static QuireConfig config(Path dir) {
    QuireConfig c = QuireConfig.embedded(dir.resolve("data")).withHost("127.0.0.1").withPort(0);
    String db = System.getenv("QUIRE_DB_URL");
    String search = System.getenv("QUIRE_SEARCH_URL");
    if (db != null || search != null) {
      c = c.withServers(db, search, System.getenv().getOrDefault("QUIRE_SEARCH_INDEX", "quire"));
    }
    return c;
  }

  static int port(int fallback) {
    String p = System.getenv("QUIRE_BENCH_PORT");
    return p == null ? fallback : Integer.parseInt(p);
  }

  public static void main(String[] args) throws Exception {
    Quire quire = Quire.open(config(Path.of(args[0])));
    QuireWeb.create(quire).start("127.0.0.1", port(7073));
    System.out.println("Serving until killed.");
    Thread.currentThread().join();
  }
}

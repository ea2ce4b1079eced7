package org.quire.app;

import java.nio.file.Path;
import java.util.List;
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
   * @param database the SQLite file (the embedded default)
   * @param url a server to use instead ({@code postgresql://user:password@host:port/db}), or null
   * @param poolSize connections this process holds to the server
   */
  public record Store(Path database, String url, int poolSize) {
    public Store {
      url = url == null || url.isBlank() ? null : url.strip();
      Validate.isTrue(poolSize >= 1 && poolSize <= 500, "pool size must be in 1..500", poolSize);
    }

    public Store(Path database) {
      this(database, null, 10);
    }

    /** Whether works live on a database server rather than in the embedded file. */
    public boolean onServer() {
      return url != null && !url.startsWith("sqlite:");
    }
  }

  /**
   * @param directory the Lucene index directory (the embedded default)
   * @param url an OpenSearch cluster to use instead ({@code http://host:9200}), or null
   * @param name the OpenSearch index name's prefix
   */
  public record Index(Path directory, String url, String name) {
    public Index {
      url = url == null || url.isBlank() ? null : url.strip();
      name = name == null || name.isBlank() ? "quire" : name.strip();
    }

    public Index(Path directory) {
      this(directory, null, "quire");
    }
  }

  /**
   * @param host the address to listen on
   * @param port the TCP port (0 picks a free one)
   * @param siteName shown in every page's header
   * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} names the
   *     client (empty: the connection's own address is the client)
   */
  public record Web(String host, int port, String siteName, List<String> trustedProxies) {
    public Web {
      Validate.isTrue(port >= 0 && port <= 65535, "port must be in 0..65535", port);
      trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    public Web(String host, int port, String siteName) {
      this(host, port, siteName, List.of());
    }

    Web withTrustedProxies(List<String> proxies) {
      return new Web(host, port, siteName, proxies);
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
      c = c.withPort(portOf(env.get("QUIRE_PORT")));
    }
    if (env.containsKey("QUIRE_HOST")) {
      c =
          new QuireConfig(
              c.store,
              c.index,
              new Web(env.get("QUIRE_HOST"), c.web.port, c.web.siteName, c.web.trustedProxies),
              c.ingest);
    }
    if (env.containsKey("QUIRE_MAX_FILE_MB")) {
      long mb;
      try {
        mb = Long.parseLong(env.get("QUIRE_MAX_FILE_MB").strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "QUIRE_MAX_FILE_MB must be a number of megabytes; got \""
                + env.get("QUIRE_MAX_FILE_MB")
                + "\".");
      }
      if (mb < 1 || mb > 1024) {
        throw new IllegalArgumentException("QUIRE_MAX_FILE_MB must be between 1 and 1024.");
      }
      c = new QuireConfig(c.store, c.index, c.web, new Ingest(mb * 1024 * 1024));
    }
    if (env.containsKey("QUIRE_DB_URL") || env.containsKey("QUIRE_DB_POOL")) {
      int pool = c.store.poolSize();
      if (env.containsKey("QUIRE_DB_POOL")) {
        try {
          pool = Integer.parseInt(env.get("QUIRE_DB_POOL").strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "QUIRE_DB_POOL must be a number of connections; got \""
                  + env.get("QUIRE_DB_POOL")
                  + "\".");
        }
      }
      c =
          new QuireConfig(
              new Store(c.store.database(), env.getOrDefault("QUIRE_DB_URL", c.store.url()), pool),
              c.index,
              c.web,
              c.ingest);
    }
    if (env.containsKey("QUIRE_SEARCH_URL") || env.containsKey("QUIRE_SEARCH_INDEX")) {
      c =
          new QuireConfig(
              c.store,
              new Index(
                  c.index.directory(),
                  env.getOrDefault("QUIRE_SEARCH_URL", c.index.url()),
                  env.getOrDefault("QUIRE_SEARCH_INDEX", c.index.name())),
              c.web,
              c.ingest);
    }
    if (env.containsKey("QUIRE_SITE_NAME")) {
      c =
          new QuireConfig(
              c.store,
              c.index,
              new Web(c.web.host, c.web.port, env.get("QUIRE_SITE_NAME"), c.web.trustedProxies),
              c.ingest);
    }
    if (env.containsKey("QUIRE_TRUSTED_PROXIES")) {
      List<String> proxies = new java.util.ArrayList<>();
      for (String p : env.get("QUIRE_TRUSTED_PROXIES").split(",")) {
        String a = p.strip();
        if (a.isEmpty()) {
          continue;
        }
        if (!a.matches("[0-9A-Fa-f:.\\[\\]]{2,47}")) {
          throw new IllegalArgumentException(
              "QUIRE_TRUSTED_PROXIES must be IP addresses separated by commas; got \"" + a + "\".");
        }
        proxies.add(a);
      }
      c = new QuireConfig(c.store, c.index, c.web.withTrustedProxies(proxies), c.ingest);
    }
    return c;
  }

  /** Settings a config file may hold, and the environment variable each one stands for. */
  static final Map<String, String> FILE_KEYS =
      Map.of(
          "data", "QUIRE_DATA",
          "port", "QUIRE_PORT",
          "host", "QUIRE_HOST",
          "site.name", "QUIRE_SITE_NAME",
          "ingest.max-file-mb", "QUIRE_MAX_FILE_MB",
          "storage.url", "QUIRE_DB_URL",
          "storage.pool", "QUIRE_DB_POOL",
          "search.url", "QUIRE_SEARCH_URL",
          "search.index", "QUIRE_SEARCH_INDEX",
          "web.trusted-proxies", "QUIRE_TRUSTED_PROXIES");

  /**
   * Defaults, overridden by a config file, overridden by the environment. The file is {@code
   * $QUIRE_CONFIG}, else {@code quire.properties} in the working directory when there is one; it is
   * a Java properties file with the keys of {@link #FILE_KEYS} ({@code port = 8080}).
   *
   * @throws IllegalArgumentException when the named file cannot be read or holds unknown keys
   */
  public static QuireConfig fromFileAndEnvironment(Map<String, String> env) {
    String named = env.get("QUIRE_CONFIG");
    Path file = Path.of(named != null ? named : "quire.properties");
    Map<String, String> merged = new java.util.HashMap<>();
    Map<String, String> fromFile = new java.util.HashMap<>();
    if (named != null || java.nio.file.Files.isRegularFile(file)) {
      java.util.Properties props = new java.util.Properties();
      try (var in = java.nio.file.Files.newBufferedReader(file)) {
        props.load(in);
      } catch (java.io.IOException e) {
        throw new IllegalArgumentException(
            "Cannot read the config file " + file + ": " + e.getMessage());
      }
      for (String key : props.stringPropertyNames()) {
        String var = FILE_KEYS.get(key.strip());
        if (var == null) {
          throw new IllegalArgumentException(
              "Unknown setting \""
                  + key
                  + "\" in "
                  + file
                  + "; known: "
                  + new java.util.TreeSet<>(FILE_KEYS.keySet())
                  + ".");
        }
        merged.put(var, props.getProperty(key).strip());
        fromFile.put(var, key.strip());
      }
    }
    fromFile.keySet().removeAll(env.keySet());
    merged.putAll(env);
    try {
      return fromEnvironment(merged);
    } catch (IllegalArgumentException e) {
      // A bad value from the file is named by its key there, not by the variable it stands for.
      String m = e.getMessage();
      for (var f : fromFile.entrySet()) {
        if (m != null && m.startsWith(f.getKey() + " ")) {
          throw new IllegalArgumentException(
              "\"" + f.getValue() + "\" in " + file + m.substring(f.getKey().length()), e);
        }
      }
      throw e;
    }
  }

  /** The same archive on a database server and a search cluster (either may be null). */
  public QuireConfig withServers(String storageUrl, String searchUrl, String indexName) {
    return new QuireConfig(
        new Store(store.database(), storageUrl, store.poolSize()),
        new Index(index.directory(), searchUrl, indexName),
        web,
        ingest);
  }

  /** This config behind reverse proxies at these addresses (see {@link Web#trustedProxies}). */
  public QuireConfig withTrustedProxies(List<String> proxies) {
    return new QuireConfig(store, index, web.withTrustedProxies(proxies), ingest);
  }

  public QuireConfig withPort(int port) {
    return new QuireConfig(
        store, index, new Web(web.host, port, web.siteName, web.trustedProxies), ingest);
  }

  public QuireConfig withHost(String host) {
    return new QuireConfig(
        store, index, new Web(host, web.port, web.siteName, web.trustedProxies), ingest);
  }

  static int parsePort(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("QUIRE_PORT must be a number; got \"" + s + "\".");
    }
  }

  /** A port setting, checked here so the message names where it came from. */
  private static int portOf(String s) {
    int port = parsePort(s);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "QUIRE_PORT must be between 0 and 65535; got " + port + ".");
    }
    return port;
  }
}

package org.quire.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real PostgreSQL and OpenSearch servers the scale-out tests run against. {@code scripts/test}
 * starts both once and passes their URLs in {@code QUIRE_TEST_PG_URL} and {@code
 * QUIRE_TEST_OPENSEARCH_URL}; a test run without them (an IDE, a single module) starts them with
 * the same scripts and stops them when the JVM exits. A server that cannot start fails the test
 * with the script's message: these tests are never skipped.
 */
public final class TestServers {
  private static final ConcurrentHashMap<String, String> STARTED = new ConcurrentHashMap<>();
  private static final AtomicLong SEQ = new AtomicLong();

  private TestServers() {}

  /** The PostgreSQL server's URL, {@code postgresql://user@host:port/db}. */
  public static String postgres() {
    return url("QUIRE_TEST_PG_URL", "postgres");
  }

  /**
   * A PostgreSQL URL whose schema is new and empty (Quire creates it when it opens the store), so
   * tests never see each other's rows.
   */
  public static String freshPostgres() {
    return postgres() + "?currentSchema=" + unique("t");
  }

  /** The OpenSearch server's URL, {@code http://host:port}. */
  public static String openSearch() {
    return url("QUIRE_TEST_OPENSEARCH_URL", "opensearch");
  }

  /** A name no other test uses, for an index or schema: lower-case letters, digits and _. */
  public static String unique(String prefix) {
    return (prefix
            + "_"
            + ProcessHandle.current().pid()
            + "_"
            + System.nanoTime() % 1_000_000_000L
            + "_"
            + SEQ.incrementAndGet())
        .toLowerCase(Locale.ROOT);
  }

  private static String url(String env, String script) {
    String given = System.getenv(env);
    if (given == null || given.isBlank()) {
      given = System.getProperty(env);
    }
    if (given != null && !given.isBlank()) {
      return given.strip();
    }
    return STARTED.computeIfAbsent(script, TestServers::start);
  }

  private static String start(String script) {
    Path path = scripts().resolve(script);
    try {
      // A server someone else started is used as it is, and left running.
      boolean running =
          new ProcessBuilder("bash", path.toString(), "status")
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start()
                  .waitFor()
              == 0;
      Process p =
          new ProcessBuilder("bash", path.toString(), "start")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || out.isEmpty()) {
        throw new IllegalStateException(
            "scripts/"
                + script
                + " start failed (exit "
                + p.exitValue()
                + "); see its output above");
      }
      if (!running) {
        stopAtExit(path);
      }
      String[] lines = out.split("\n");
      return lines[lines.length - 1].strip();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot run " + path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while starting " + script, e);
    }
  }

  private static void stopAtExit(Path path) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    new ProcessBuilder("bash", path.toString(), "stop")
                        .inheritIO()
                        .start()
                        .waitFor(60, TimeUnit.SECONDS);
                  } catch (IOException | InterruptedException ignored) {
                    // the JVM is going; the script's next start finds the server running
                  }
                }));
  }

  /** The project's scripts/ directory, found upwards from the module a test runs in. */
  private static Path scripts() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("scripts/postgres"))) {
        return dir.resolve("scripts");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("Cannot find Quire's scripts/ directory above the working one");
  }
}

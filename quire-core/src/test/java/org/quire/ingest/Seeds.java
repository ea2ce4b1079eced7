package org.quire.ingest;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Finds the shared seed stories ({@code ../shared/seeds} beside the checkout, or QUIRE_SEEDS). */
public final class Seeds {
  private Seeds() {}

  /**
   * @return the seeds directory; fails under CI when it is missing, and is reported as skipped
   *     (with the reason printed) on a developer machine without it
   */
  public static Path dir() {
    String env = System.getenv("QUIRE_SEEDS");
    Path start = Path.of("").toAbsolutePath();
    Path found = env != null ? Path.of(env) : null;
    for (Path p = start; found == null && p != null; p = p.getParent()) {
      Path candidate = p.resolveSibling("shared").resolve("seeds");
      if (Files.isDirectory(candidate)) {
        found = candidate;
      }
    }
    if (found == null || !Files.isDirectory(found)) {
      String msg =
          "seed stories not found: put shared/seeds beside the checkout or set QUIRE_SEEDS";
      if ("true".equals(System.getenv("CI"))) {
        fail(msg);
      }
      System.err.println("SKIPPED: " + msg);
      Assumptions.abort(msg);
    }
    return found;
  }
}

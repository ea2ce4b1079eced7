package org.quire.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts the hostile cases a suite runs. Each case runs to the end even when an earlier one failed,
 * the suite fails listing every failed case, and a suite that passed records its count under {@code
 * target/hostile-cases/}, which {@code scripts/test} adds up across the modules into one line: how
 * many hostile cases ran, all passed.
 */
public final class HostileTally {
  /** A case: assertions that throw when the input was not handled. */
  @FunctionalInterface
  public interface Case {
    void run() throws Exception;
  }

  private final String suite;
  private final List<String> failures = new ArrayList<>();
  private int cases;

  public HostileTally(String suite) {
    // Suites run again on the server backends count again, under their own name.
    String backend = System.getProperty("quire.test.backend", "");
    this.suite =
        backend.isEmpty() || backend.equals("embedded") ? suite : suite + " (" + backend + ")";
  }

  /** Runs one case, keeping its failure for the end. */
  public void check(String name, Case c) {
    cases++;
    try {
      c.run();
    } catch (Exception | AssertionError | StackOverflowError e) {
      failures.add(name + ": " + e);
    }
  }

  /** Adds cases that a suite checked itself (each already asserted). */
  public void passed(int n) {
    cases += n;
  }

  public int cases() {
    return cases;
  }

  /** Fails with every failed case, or prints and records the tally. */
  public void finish() {
    if (!failures.isEmpty()) {
      throw new AssertionError(
          suite
              + ": "
              + failures.size()
              + " of "
              + cases
              + " hostile cases failed:\n"
              + String.join("\n", failures));
    }
    System.out.printf("Hostile cases, %s: %d ran, all passed%n", suite, cases);
    try {
      Path dir = Files.createDirectories(Path.of("target", "hostile-cases"));
      Files.writeString(
          dir.resolve(suite.replaceAll("[^A-Za-z0-9]+", "-") + ".tsv"),
          suite + "\t" + cases + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
import org.quire.search.SearchQuery;

/**
 * A bulk import killed with SIGKILL half-way, then run again: every work is stored exactly once,
 * the search index agrees with the database, and the second run skips what the first one did. Runs
 * the real command line in a separate JVM.
 */
class CrashSafetyTest {
  private static final int FILES = 2_000;

  @TempDir Path tmp;

  private Process importProcess(Path data, Path in, Path log) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>();
    cmd.add(java);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Xmx512m");
    cmd.add("org.quire.cli.QuireCli");
    cmd.add("--data");
    cmd.add(data.toString());
    cmd.add("import");
    cmd.add(in.toString());
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  private static long storedWorks(Path db) {
    if (!Files.exists(db)) {
      return 0;
    }
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db + "?open_mode=1");
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM works")) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (java.sql.SQLException e) {
      return 0; // not created or migrated yet
    }
  }

  @Test
  void killedImportResumesWithEveryWorkStoredOnceAndTheIndexConsistent() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (int i = 0; i < FILES; i++) {
      Files.writeString(
          in.resolve(String.format("story-%05d.txt", i)),
          "Story "
              + i
              + "\n\nThe lantern keeper counted marker"
              + i
              + "x by the shore.\n\nShe wrote it down, line after line, until dawn.\n");
    }
    Path data = tmp.resolve("data");
    Path db = data.resolve("quire.db");

    Process first = importProcess(data, in, tmp.resolve("first.log"));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (storedWorks(db) < FILES / 4 && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(first.isAlive()).as("the first import is still running when killed").isTrue();
    first.destroyForcibly(); // SIGKILL: no shutdown hooks, no commit
    first.waitFor(30, TimeUnit.SECONDS);
    long afterKill = storedWorks(db);
    assertThat(afterKill).isBetween((long) FILES / 4, (long) FILES - 1);
    System.out.printf("Killed (SIGKILL) with %d of %d works stored.%n", afterKill, FILES);

    Process second = importProcess(data, in, tmp.resolve("second.log"));
    assertThat(second.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String log = Files.readString(tmp.resolve("second.log"));
    assertThat(second.exitValue()).as(log).isZero();
    assertThat(log)
        .contains((FILES - afterKill) + " imported, " + afterKill + " duplicates, 0 failed.");

    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      assertThat(q.store().count()).isEqualTo(FILES);
      assertThat(q.index().count()).isEqualTo(FILES);
      try (var c = DriverManager.getConnection("jdbc:sqlite:" + db);
          var s = c.createStatement();
          var rs = s.executeQuery("SELECT count(DISTINCT source_sha256), count(*) FROM works")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(FILES);
        assertThat(rs.getLong(2)).isEqualTo(FILES);
      }
      for (int i : new int[] {0, (int) afterKill - 1, (int) afterKill, FILES - 1}) {
        assertThat(q.index().search(SearchQuery.of("marker" + i + "x")).total())
            .as("work %d is searchable exactly once", i)
            .isEqualTo(1);
      }
    }
    assertThat(new File(tmp.toFile(), "first.log")).exists();
    org.quire.testkit.HostileTally tally =
        new org.quire.testkit.HostileTally("reliability: kill -9 during an import");
    tally.passed(1);
    tally.finish();
  }
}

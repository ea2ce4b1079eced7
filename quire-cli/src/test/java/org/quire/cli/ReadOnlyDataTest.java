package org.quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;

/**
 * The data directory becomes read-only (a remount after a disk error, a wrong owner after a
 * restore): the real command line, in a JVM of its own, says so plainly and changes nothing; once
 * the directory is writable again the archive opens with every work and its index intact. As root,
 * whom file modes do not stop, the command runs without the capabilities that override them.
 */
class ReadOnlyDataTest {
  @TempDir Path tmp;
  private Path data;

  @AfterEach
  void writableAgain() throws Exception {
    if (data != null) {
      chmod("u+w", data);
    }
  }

  @Test
  void aReadOnlyDataDirectoryGivesAClearErrorAndLosesNothing() throws Exception {
    data = tmp.resolve("data");
    Path in = Files.createDirectories(tmp.resolve("in"));
    for (int i = 0; i < 3; i++) {
      Files.writeString(
          in.resolve("kept-" + i + ".txt"), "Kept " + i + "\n\nA kept story, " + i + ".\n");
    }
    assertThat(QuireCliTest.runQuietly("--data", data.toString(), "import", in.toString()))
        .isZero();
    Path more = Files.createDirectories(tmp.resolve("more"));
    Files.writeString(more.resolve("new.txt"), "New One\n\nA story that arrives too late.\n");
    byte[] dbBefore = Files.readAllBytes(data.resolve("quire.db"));

    chmod("a-w", data);
    for (List<String> command :
        List.of(List.of("import", more.toString()), List.of("list"), List.of("reindex"))) {
      Result r = quire(command);
      assertThat(r.exit()).as(r.out()).isNotZero();
      assertThat(r.out())
          .as(r.out())
          .contains("read-only")
          .contains(data.toString())
          .doesNotContain("Exception")
          .doesNotContain("\tat ");
    }
    assertThat(Files.readAllBytes(data.resolve("quire.db"))).isEqualTo(dbBefore);

    chmod("u+w", data);
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      assertThat(q.store().count()).isEqualTo(3);
      assertThat(q.index().count()).isEqualTo(3);
    }
    assertThat(QuireCliTest.runQuietly("--data", data.toString(), "import", more.toString()))
        .isZero();
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      assertThat(q.store().count()).isEqualTo(4);
      assertThat(q.index().count()).isEqualTo(4);
    }
    org.quire.testkit.HostileTally tally =
        new org.quire.testkit.HostileTally("reliability: read-only data directory");
    tally.passed(3);
    tally.finish();
  }

  record Result(int exit, String out) {}

  /** The command line in a JVM of its own, without the right to ignore file modes. */
  private Result quire(List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>();
    if (isRoot()) {
      cmd.addAll(
          List.of(
              "setpriv",
              "--inh-caps=-dac_override,-dac_read_search,-fowner",
              "--bounding-set=-dac_override,-dac_read_search,-fowner"));
    }
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(
        List.of(
            "-Xmx256m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.quire.cli.QuireCli",
            "--data",
            data.toString()));
    cmd.addAll(args);
    Path log = Files.createTempFile(tmp, "ro", ".log");
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), Files.readString(log));
  }

  private static boolean isRoot() throws Exception {
    Process p = new ProcessBuilder("id", "-u").start();
    return new String(p.getInputStream().readAllBytes()).strip().equals("0");
  }

  /** chmod -R, on the directory and everything in it. */
  private static void chmod(String mode, Path dir) throws Exception {
    try (Stream<Path> s = Files.walk(dir)) {
      assertThat(s.count()).isPositive();
    }
    Process p = new ProcessBuilder("chmod", "-R", mode, dir.toString()).inheritIO().start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
  }
}

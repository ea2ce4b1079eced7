package org.quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
import org.quire.model.Work;

/**
 * The disk fills up during an import: the real command line runs in a JVM whose files may not grow
 * past 3 MB (the shell's {@code ulimit -f}, which makes every write past it fail as on a full
 * disk). Each file that cannot be stored fails with a message; nothing stored before is damaged;
 * the archive opens afterwards with its index in agreement, and the same import, with room again,
 * stores the rest exactly once.
 */
class DiskFullTest {
  @TempDir Path tmp;

  private static String story(int i, int paragraphs) {
    StringBuilder b = new StringBuilder("Tide Log " + i + "\n\n");
    for (int p = 0; p < paragraphs; p++) {
      b.append("The keeper of light ")
          .append(i)
          .append(" wrote the tide tables again, paragraph ")
          .append(p)
          .append(", line after careful line, while the gulls argued on the roof.\n\n");
    }
    return b.toString();
  }

  @Test
  void aFullDiskFailsFilesWithAMessageAndDamagesNothing() throws Exception {
    Path data = tmp.resolve("data");
    Path first = Files.createDirectories(tmp.resolve("first"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(first.resolve("kept-" + i + ".txt"), story(i, 5));
    }
    assertThat(QuireCliTest.runQuietly("--data", data.toString(), "import", first.toString()))
        .isZero();

    Path more = Files.createDirectories(tmp.resolve("more"));
    for (int i = 100; i < 160; i++) {
      Files.writeString(more.resolve("big-" + i + ".txt"), story(i, 800)); // ~100 kB each
    }
    String java = ProcessHandle.current().info().command().orElse("java");
    String cmd =
        "ulimit -f 3072 && exec '"
            + java
            + "' -Xmx512m -cp '"
            + System.getProperty("java.class.path")
            + "' org.quire.cli.QuireCli --data '"
            + data
            + "' import '"
            + more
            + "'";
    Path log = tmp.resolve("full.log");
    Process p =
        new ProcessBuilder("bash", "-c", cmd)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    String out = Files.readString(log);
    assertThat(p.exitValue()).as(out).isNotZero();
    assertThat(out).as(out).containsPattern("[1-9][0-9]* failed").contains("full");

    long storedThen;
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      storedThen = q.store().count();
      assertThat(storedThen).isBetween(5L, 64L);
      assertThat(q.index().count()).isEqualTo(storedThen);
      // Every stored work is whole: its text is the file's, to the last paragraph.
      for (long id : q.store().ids()) {
        Work w = q.store().get(id).orElseThrow();
        String last = w.chapters().getLast().text();
        assertThat(last).contains("the gulls argued on the roof.");
        int n = Integer.parseInt(w.title().replaceAll("\\D", ""));
        int paragraphs = n < 100 ? 5 : 800;
        assertThat(last).contains("paragraph " + (paragraphs - 1) + ",");
      }
    }

    assertThat(QuireCliTest.runQuietly("--data", data.toString(), "import", more.toString()))
        .isZero();
    try (Quire q = Quire.open(QuireConfig.embedded(data))) {
      assertThat(q.store().count()).isEqualTo(65);
      assertThat(q.index().count()).isEqualTo(65);
      assertThat(List.copyOf(q.store().ids())).doesNotHaveDuplicates();
    }
    org.quire.testkit.HostileTally tally =
        new org.quire.testkit.HostileTally("reliability: disk full during an import");
    tally.passed(1);
    tally.finish();
  }
}

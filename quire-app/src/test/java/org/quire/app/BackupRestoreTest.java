package org.quire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.QuireException;
import org.quire.model.Work;
import org.quire.search.SearchQuery;

class BackupRestoreTest {
  @TempDir Path tmp;

  private void write(String name, String text) throws Exception {
    Path p = tmp.resolve("in").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
  }

  @Test
  void backupWhileOpenThenRestoreGivesBackEveryWorkExactly() throws Exception {
    write("a.txt", "Alpha\n\nA story about a lighthouse.\n");
    write("b.md", "# Beta\n\n## Chapter 1\n\nOne.\n\n## Chapter 2\n\nTwo, with *emphasis*.\n");
    QuireConfig config = QuireConfig.embedded(tmp.resolve("data"));
    Map<Long, Work> before = new HashMap<>();
    Files.createDirectories(tmp.resolve("data/packs"));
    Files.writeString(tmp.resolve("data/packs/mine.json"), "{\"fandom\": \"Mine\"}");
    try (Quire q = Quire.open(config)) {
      q.importFiles(List.of(tmp.resolve("in")), f -> {});
      for (long id : q.store().ids()) {
        before.put(id, q.work(id).orElseThrow());
      }
      assertThat(q.backup(tmp.resolve("backup"))).isEqualTo(2);
      // It holds password hashes and addresses: its owner's alone, like the archive's database.
      assertThat(Files.getPosixFilePermissions(tmp.resolve("backup/quire.db")))
          .containsExactlyInAnyOrder(
              java.nio.file.attribute.PosixFilePermission.OWNER_READ,
              java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
      assertThat(Files.getPosixFilePermissions(tmp.resolve("data/quire.db")))
          .doesNotContain(java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
      // The same directory again is refused: a backup is never overwritten.
      assertThatThrownBy(() -> q.backup(tmp.resolve("backup")))
          .hasMessageContaining("There is a backup in");
      write("c.txt", "Gamma\n\nAfter the backup.\n");
      q.importFiles(List.of(tmp.resolve("in/c.txt")), f -> {});
      assertThat(q.store().count()).isEqualTo(3);
    }
    assertThatThrownBy(() -> Quire.restore(tmp.resolve("backup"), config, false))
        .isInstanceOf(QuireException.class)
        .hasMessageContaining("holds 3 works");
    assertThat(Quire.restore(tmp.resolve("backup"), config, true)).isEqualTo(2);
    try (Quire q = Quire.open(config)) {
      assertThat(q.store().ids()).containsExactlyInAnyOrderElementsOf(before.keySet());
      for (var e : before.entrySet()) {
        assertThat(q.work(e.getKey()).orElseThrow()).isEqualTo(e.getValue());
      }
      assertThat(q.index().count()).isEqualTo(2);
      assertThat(q.index().search(SearchQuery.of("lighthouse")).total()).isEqualTo(1);
      assertThat(q.index().search(SearchQuery.of("after")).total()).isZero();
    }
    // The replaced database was kept aside, not deleted.
    try (var files = Files.list(tmp.resolve("data"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("quire.db.before-restore-"));
    }
    assertThat(tmp.resolve("backup/packs/mine.json")).exists();
  }

  @Test
  void whileOneProcessHoldsTheIndexOthersBackUpAndReadButDoNotWrite() throws Exception {
    write("a.txt", "Alpha\n\nA story about a lighthouse.\n");
    QuireConfig config = QuireConfig.embedded(tmp.resolve("data"));
    try (Quire serving = Quire.open(config)) {
      serving.importFiles(List.of(tmp.resolve("in")), f -> {});
      // What 'quire backup', 'list', 'show' and 'export' use: the store alone.
      assertThat(Quire.backup(config, tmp.resolve("backup"))).isEqualTo(1);
      try (var store = Quire.openStore(config)) {
        long id = store.ids().getFirst();
        assertThat(store.get(id).orElseThrow().title()).isEqualTo("Alpha");
      }
      // A second writer of the embedded index is told what holds it and what to do instead.
      assertThatThrownBy(() -> Quire.open(config))
          .isInstanceOf(QuireException.class)
          .hasMessageContaining("in use by another Quire process")
          .hasMessageContaining("'quire list', 'show', 'export' and 'backup' work alongside it");
      assertThat(serving.store().count()).isEqualTo(1);
      assertThat(serving.index().search(SearchQuery.of("lighthouse")).total()).isEqualTo(1);
      // A restore is refused before it touches anything: the running archive keeps its database
      // and goes on storing works in it.
      byte[] db = Files.readAllBytes(tmp.resolve("data/quire.db"));
      assertThatThrownBy(() -> Quire.restore(tmp.resolve("backup"), config, true))
          .isInstanceOf(QuireException.class)
          .hasMessageContaining("Nothing was restored")
          .hasMessageContaining("Stop it, then restore");
      assertThat(Files.readAllBytes(tmp.resolve("data/quire.db"))).isEqualTo(db);
      try (var files = Files.list(tmp.resolve("data"))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .noneMatch(n -> n.startsWith("quire.db.before-restore-") || n.endsWith(".restoring"));
      }
      write("b.txt", "Beta\n\nWritten after the refused restore.\n");
      serving.importFiles(List.of(tmp.resolve("in/b.txt")), f -> {});
      assertThat(serving.store().count()).isEqualTo(2);
    }
    try (Quire reopened = Quire.open(config)) {
      assertThat(reopened.store().count()).isEqualTo(2);
    }
    try (var copy = org.quire.store.sqlite.SqliteWorkStore.open(tmp.resolve("backup/quire.db"))) {
      assertThat(copy.count()).isEqualTo(1);
    }
  }

  @Test
  void restoringFromANonBackupIsRefused() {
    assertThatThrownBy(
            () ->
                Quire.restore(tmp.resolve("nothing"), QuireConfig.embedded(tmp.resolve("d")), true))
        .hasMessageContaining("no backup");
  }
}

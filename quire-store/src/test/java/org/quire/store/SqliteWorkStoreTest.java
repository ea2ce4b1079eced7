package org.quire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.store.sqlite.SqliteWorkStore;

class SqliteWorkStoreTest extends BaseWorkStoreTestCase {
  @TempDir Path dir;

  @Override
  protected WorkStore newStore() {
    return SqliteWorkStore.open(dir.resolve("quire.db"));
  }

  @Override
  protected void sql(String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quire.db"));
        Statement s = c.createStatement()) {
      for (String q : statements) {
        s.execute(q);
      }
    }
  }

  @Test
  void databaseIsInWalMode() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quire.db"));
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("PRAGMA journal_mode");
      rs.next();
      assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
    }
  }

  @Test
  void aDatabaseFromANewerQuireIsRefusedUntouched() throws Exception {
    long kept = store.add(work("Kept", "k")).id();
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quire.db"));
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
              + " checksum, installed_by, installed_on, execution_time, success)"
              + " VALUES (999, '999', 'from the future', 'SQL', 'V999__future.sql', 0, 'q',"
              + " CURRENT_TIMESTAMP, 1, 1)");
    }
    assertThatThrownBy(() -> SqliteWorkStore.open(dir.resolve("quire.db")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("newer Quire")
        .hasMessageContaining("schema version 999");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quire.db"));
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM flyway_schema_history WHERE version = '999'");
    }
    store = SqliteWorkStore.open(dir.resolve("quire.db"));
    assertThat(store.get(kept)).isPresent();
  }

  @Test
  void failureInOneWorkLeavesNothingHalfStoredAndOthersIntact() throws Exception {
    long kept = store.add(work("Kept", "k")).id();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quire.db"));
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TRIGGER boom BEFORE INSERT ON chapters WHEN NEW.title = 'BOOM'"
              + " BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    }
    assertThatThrownBy(() -> store.add(work("Broken", "b", "fine", "BOOM")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Broken")
        .hasMessageContaining("disk on fire");
    assertThat(store.count()).isEqualTo(1);
    assertThat(store.findBySha256("b")).isEmpty();
    assertThat(store.get(kept)).isPresent();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quire.db"));
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT count(*) FROM chapters");
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void anArchiveFromBeforeTagWordsHasThemFilledWhenItOpens() throws Exception {
    store.add(work("Old", "o")); // tagged Willow Rosenberg and Buffy the Vampire Slayer
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quire.db"));
        Statement s = c.createStatement()) {
      s.execute("DELETE FROM tag_words");
    }
    store = newStore();
    assertThat(store.site().tagsStartingWith("vamp", false, 10))
        .extracting(SiteStore.TagName::name)
        .containsExactly("Buffy the Vampire Slayer");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("quire.db"));
        Statement s = c.createStatement()) {
      var rs = s.executeQuery("SELECT count(*) FROM tag_words");
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(6); // buffy, the, vampire, slayer, willow, rosenberg
    }
  }

  @Test
  void reopeningKeepsWorks() {
    long id = store.add(work("Persist", "p")).id();
    store.close();
    store = newStore();
    assertThat(store.get(id)).isPresent();
  }
}

package org.quire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.quire.store.postgresql.PostgresWorkStore;
import org.quire.testkit.TestServers;

/** The store contract on a real PostgreSQL server, plus what only a server backend must do. */
class PostgresWorkStoreTest extends BaseWorkStoreTestCase {
  private String url;

  @Override
  protected WorkStore newStore() {
    if (url == null) {
      url = TestServers.freshPostgres();
    }
    return Stores.open(url, null, 4);
  }

  @Override
  protected void sql(String... statements) throws Exception {
    var c = PostgresWorkStore.parse(url);
    try (Connection conn = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
        var st = conn.createStatement()) {
      for (String q : statements) {
        st.execute(q);
      }
    }
  }

  @Test
  void reopeningKeepsWorksAndMigratesOnce() {
    long id = store.add(work("Persist", "p")).id();
    store.close();
    store = newStore();
    assertThat(store.get(id)).isPresent();
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void twoProcessesAddingTheSameFileAtOnceStoreItOnce() throws Exception {
    // A second store on the same database stands for a second web node.
    try (WorkStore other = Stores.open(url, null, 4)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<WorkStore.Added>> adds = new java.util.ArrayList<>();
        for (int i = 0; i < 16; i++) {
          WorkStore s = i % 2 == 0 ? store : other;
          adds.add(pool.submit(() -> s.add(work("Race", "same-bytes"))));
        }
        long firstId = adds.getFirst().get().id();
        int fresh = 0;
        for (Future<WorkStore.Added> f : adds) {
          assertThat(f.get().id()).isEqualTo(firstId);
          fresh += f.get().duplicate() ? 0 : 1;
        }
        assertThat(fresh).isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(store.count()).isEqualTo(1);
  }

  @Test
  void hotLookupsUseIndexesNotFullScans() throws Exception {
    for (int i = 0; i < 50; i++) {
      store.add(work("W" + i, "sha" + i));
    }
    var c = PostgresWorkStore.parse(url);
    try (Connection conn = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
        var st = conn.createStatement()) {
      st.execute("ANALYZE");
      st.execute("SET enable_seqscan = off");
      for (String sql :
          List.of(
              "SELECT work_id FROM work_authors WHERE lower(name) = lower('Author One')",
              "SELECT id FROM works WHERE source_sha256 = 'sha7'",
              "SELECT work_id FROM work_tags WHERE tag_id = 1",
              "SELECT id FROM tags WHERE type = 'fandom' AND lower(name) = 'x'")) {
        var rs = st.executeQuery("EXPLAIN " + sql);
        StringBuilder plan = new StringBuilder();
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
        assertThat(plan.toString()).as(sql).doesNotContain("Seq Scan");
      }
    }
  }

  @Test
  void anUnreachableServerGivesAPlainMessage() {
    assertThatThrownBy(() -> Stores.open("postgresql://quire@127.0.0.1:1/nowhere", null, 2))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(
            "Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/nowhere");
  }

  @Test
  void urlsAreReadWithCredentialsKeptOutOfMessages() {
    var c =
        PostgresWorkStore.parse("postgresql://ann:s%40cret@db.example:5433/arch?sslmode=require");
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5433/arch?sslmode=require");
    assertThat(c.user()).isEqualTo("ann");
    assertThat(c.password()).isEqualTo("s@cret");
    assertThat(c.safeUrl()).doesNotContain("s@cret");
    assertThatThrownBy(() -> Stores.open("mysql://x", null, 2))
        .hasMessageContaining("Unknown storage URL");
  }
}

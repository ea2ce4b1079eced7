package org.quire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.QuireException;
import org.quire.model.TagType;
import org.quire.search.SearchQuery;
import org.quire.tags.TagRule;
import org.quire.testkit.TestServers;

/**
 * Two Quire processes on one PostgreSQL database and one OpenSearch index, as two web nodes run:
 * what one stores the other serves and finds, and keepers' changes reach both.
 */
class ScaleOutTest {
  @TempDir Path tmp;

  private QuireConfig node(String name, String db, String index) {
    return QuireConfig.embedded(tmp.resolve(name)).withServers(db, TestServers.openSearch(), index);
  }

  @Test
  void twoNodesShareWorksSearchSettingsAndTagRules() throws Exception {
    String db = TestServers.freshPostgres();
    String index = TestServers.unique("nodes");
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(
        in.resolve("a.txt"),
        "Moonlit Harbour\n\nBy Quill\n\nWillow watched the lighthouse beam sweep the harbour.\n");
    try (Quire a = Quire.open(node("a", db, index));
        Quire b = Quire.open(node("b", db, index))) {
      ImportReport r = a.importFiles(List.of(in), f -> {});
      assertThat(r.imported()).hasSize(1);
      long id = r.imported().getFirst().workId();
      // The same file imported on the other node is a duplicate, not a second copy.
      assertThat(b.importFiles(List.of(in), f -> {}).duplicates()).hasSize(1);

      assertThat(b.store().get(id)).isPresent();
      assertThat(b.index().search(SearchQuery.of("lighthouse")).hits())
          .extracting(h -> h.workId())
          .containsExactly(id);

      a.setSetting("site.name", "Harbour Archive");
      a.wrangle(
          new TagRule(TagType.CHARACTER, "Red", TagRule.Relation.SYNONYM_OF, "Willow Rosenberg"));
      assertThat(b.wrangler().canonical(TagType.CHARACTER, "Red")).isNotEqualTo("Willow Rosenberg");
      assertThat(b.syncSharedState()).isTrue();
      assertThat(b.siteName()).isEqualTo("Harbour Archive");
      assertThat(b.wrangler().canonical(TagType.CHARACTER, "Red")).isEqualTo("Willow Rosenberg");
      assertThat(b.syncSharedState()).isFalse();
    }
    // A node started later finds index and database in agreement: nothing to rebuild.
    try (Quire c = Quire.open(node("c", db, index))) {
      assertThat(c.index().count()).isEqualTo(c.store().count()).isEqualTo(1);
      assertThat(c.repairIndex()).isZero();
      // quire reindex: OpenSearch refilled from PostgreSQL, with progress reported.
      java.util.List<Integer> progress = new java.util.ArrayList<>();
      assertThat(c.reindex(progress::add)).isEqualTo(1);
      assertThat(progress).isNotEmpty().endsWith(1);
      assertThat(c.index().search(SearchQuery.of("lighthouse")).total()).isEqualTo(1);
    }
  }

  @Test
  void backupAndRestoreOnAServerPointToTheServersTools() {
    String db = TestServers.freshPostgres();
    QuireConfig config = node("d", db, TestServers.unique("bk"));
    try (Quire q = Quire.open(config)) {
      assertThatThrownBy(() -> q.backup(tmp.resolve("bk"))).hasMessageContaining("pg_dump");
    }
    assertThatThrownBy(() -> Quire.restore(tmp.resolve("bk"), config, false))
        .isInstanceOf(QuireException.class)
        .hasMessageContaining("pg_restore");
  }
}

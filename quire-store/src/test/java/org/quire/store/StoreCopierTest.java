package org.quire.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.Work;
import org.quire.tags.TagRule;
import org.quire.testkit.TestServers;

/** Moving an embedded archive to PostgreSQL loses nothing, and the copy carries on working. */
class StoreCopierTest {
  @TempDir Path dir;

  @Test
  void anEmbeddedArchiveMovesToPostgresWhole() {
    String url = TestServers.freshPostgres();
    long workId;
    long annId;
    try (WorkStore sqlite = Stores.open(null, dir.resolve("quire.db"), 2)) {
      workId = sqlite.add(BaseWorkStoreTestCase.work("Moved «whole» — ✓", "m1", "One", "Two")).id();
      sqlite.add(BaseWorkStoreTestCase.work("Second", "m2"));
      var ann = sqlite.accounts().createUser("Ann", "a@x", "hash", AccountStore.Role.ADMIN);
      annId = ann.id();
      long c = sqlite.readers().addComment(workId, 1, null, annId, "Lovely\nline two");
      sqlite.readers().addComment(workId, 1, c, annId, "reply");
      sqlite.readers().addKudos(workId, "u:" + annId, annId);
      sqlite
          .readers()
          .saveBookmark(
              annId,
              new ReaderStore.Bookmark(workId, "note", List.of("a", "b"), false, true, null));
      sqlite.addTagRule(
          new TagRule(
              org.quire.model.TagType.CHARACTER, "Red", TagRule.Relation.SYNONYM_OF, "Willow"));
      sqlite.site().setSetting("site.name", "Moved Archive");
      long series = sqlite.series().create("Saga", "s", annId);
      sqlite.series().addWork(series, workId);

      try (WorkStore pg = Stores.open(url, null, 2)) {
        List<StoreCopier.TableReport> report = StoreCopier.copy(sqlite, pg, (t, n) -> {});
        assertThat(report)
            .hasSize(StoreCopier.TABLES.size())
            .allMatch(StoreCopier.TableReport::matches);
        assertThat(report)
            .filteredOn(r -> r.table().equals("works"))
            .singleElement()
            .extracting(StoreCopier.TableReport::rows)
            .isEqualTo(2L);
        Work there = pg.get(workId).orElseThrow();
        assertThat(there).isEqualTo(sqlite.get(workId).orElseThrow());
        assertThat(pg.readers().comments(workId, 1)).hasSize(2);
        assertThat(pg.readers().engagement(workId).kudos()).isEqualTo(1);
        assertThat(pg.tagRules()).hasSize(1);
        assertThat(pg.site().settings()).containsEntry("site.name", "Moved Archive");
        assertThat(pg.accounts().userByName("ann")).isPresent();
        // New rows get fresh ids after the copied ones.
        long next = pg.add(BaseWorkStoreTestCase.work("After", "m3")).id();
        assertThat(next).isGreaterThan(workId);
        assertThat(pg.accounts().createUser("Ben", null, "h", AccountStore.Role.MEMBER).id())
            .isGreaterThan(annId);

        // A second run would mix two archives: refused.
        assertThatThrownBy(() -> StoreCopier.copy(sqlite, pg, (t, n) -> {}))
            .isInstanceOf(StoreException.class)
            .hasMessageContaining("not empty");
      }
    }
  }
}

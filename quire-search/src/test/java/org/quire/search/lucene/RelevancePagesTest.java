package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.TagType;
import org.quire.search.QueryText;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.quire.search.WorkStats;
import org.quire.tags.TagWrangler;

/**
 * Relevance pages come from two passes (every match counted without scores, then the page by score
 * with Lucene skipping works that cannot reach it); they must be exactly what scoring every match
 * gives: the same total, the same works in the same order, ties by newest work first.
 */
class RelevancePagesTest {
  @Test
  void twoPassesGiveWhatScoringEveryMatchGives(@TempDir Path dir) throws Exception {
    TagWrangler wrangler = TagWrangler.builtIn();
    try (LuceneSearchIndex index = LuceneSearchIndex.open(dir, wrangler, id -> List.of(), 100)) {
      Random r = new Random(11);
      for (long id = 1; id <= 3_000; id++) {
        Instant at = Instant.ofEpochSecond(1_700_000_000L + id * 60);
        index.index(PartitionedSearchTest.work(id, r), new WorkStats(at, at, 0, 0, 0, 0));
        if (id % 900 == 0) {
          index.refresh(); // several segments
        }
      }
      index.refresh();
      assertThat(index.slices()).isGreaterThan(1);
      QueryTranslator translator = index.translator();
      try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(dir))) {
        IndexSearcher reference = new IndexSearcher(reader);
        List<SearchQuery> queries = new ArrayList<>();
        for (String text :
            List.of(
                "river",
                "\"the river\"",
                "\"the moon\" OR kiss",
                "witch -moon",
                "sla*",
                "night fire",
                "character:spike grave")) {
          queries.add(SearchQuery.of(text));
        }
        queries.add(
            SearchQuery.of("blood")
                .withFilters(
                    List.of(new SearchQuery.TagFilter(TagType.CHARACTER, "Willow Rosenberg")),
                    List.of(new SearchQuery.TagFilter(TagType.CHARACTER, "Spike"))));
        queries.add(SearchQuery.of("")); // every work scores the same: ties all the way
        for (SearchQuery base : queries) {
          for (int offset : new int[] {0, 20, 480}) {
            SearchQuery q = base.withPage(offset, 20);
            Query query = translator.translate(q, QueryText.parse(q.text()));
            TopDocs all =
                reference.search(
                    query,
                    new TopFieldCollectorManager(
                        new Sort(
                            SortField.FIELD_SCORE,
                            new SortField(Fields.ID, SortField.Type.LONG, true)),
                        offset + 20,
                        Integer.MAX_VALUE));
            List<Long> expected = new ArrayList<>();
            for (int i = offset; i < all.scoreDocs.length; i++) {
              expected.add(workId(reader, all.scoreDocs[i]));
            }
            for (SearchResults got : List.of(index.search(q), index.hitsOnly(q))) {
              assertThat(got.total())
                  .as("%s from %d", q.text(), offset)
                  .isEqualTo(reference.count(query));
              assertThat(got.hits().stream().map(SearchResults.Hit::workId).toList())
                  .as("%s from %d", q.text(), offset)
                  .isEqualTo(expected);
            }
          }
          assertThat(reference.count(translator.translate(base, QueryText.parse(base.text()))))
              .as(base.text())
              .isGreaterThan(20);
        }
      }
    }
  }

  private static long workId(DirectoryReader reader, ScoreDoc sd) throws Exception {
    var leaf = reader.leaves().get(ReaderUtil.subIndex(sd.doc, reader.leaves()));
    NumericDocValues ids = leaf.reader().getNumericDocValues(Fields.ID);
    assertThat(ids.advanceExact(sd.doc - leaf.docBase)).isTrue();
    return ids.longValue();
  }
}

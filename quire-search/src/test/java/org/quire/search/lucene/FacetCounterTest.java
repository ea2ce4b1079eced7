package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quire.search.SearchResults;

/** The array-based counter gives exactly what Lucene's own sorted-set counting gives. */
class FacetCounterTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void sameCountsOrderAndTopValuesAsLuceneOverSegmentsAndDeletions() throws Exception {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued("character", true);
    config.setMultiValued("freeform", true);
    Random r = new Random(11);
    try (Directory dir = new ByteBuffersDirectory()) {
      // Several segments (no merging) so ordinals differ per segment and go through the map.
      try (IndexWriter w =
          new IndexWriter(
              dir,
              new IndexWriterConfig(new KeywordAnalyzer())
                  .setMergePolicy(NoMergePolicy.INSTANCE))) {
        for (int i = 0; i < 40_000; i++) {
          Document d = new Document();
          d.add(new StringField("id", Integer.toString(i), Field.Store.NO));
          d.add(new StringField("bucket", Integer.toString(i % 7), Field.Store.NO));
          d.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
          // Zipf-like: low numbers common, so counts tie and cut-offs fall inside ties.
          d.add(
              new SortedSetDocValuesFacetField(
                  "language", "lang" + (int) Math.sqrt(r.nextInt(49))));
          int cast = r.nextInt(4);
          for (int c = 0; c < cast; c++) {
            d.add(
                new SortedSetDocValuesFacetField("character", "c" + r.nextInt(1 + r.nextInt(200))));
          }
          if (i % 3 == 0) {
            d.add(new SortedSetDocValuesFacetField("freeform", "f" + r.nextInt(60)));
          }
          w.addDocument(config.build(d));
          if (i % 9_000 == 8_999) {
            w.commit();
          }
        }
        for (int i = 0; i < 40_000; i += 13) {
          w.deleteDocuments(new Term("id", Integer.toString(i)));
        }
        w.commit();
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertThat(reader.leaves()).hasSizeGreaterThan(3);
        assertThat(reader.hasDeletions()).isTrue();
        FacetCounter counter = new FacetCounter(config, pool);
        counter.warm(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        assertThat(counter.bytes()).isPositive();
        IndexSearcher searcher = new IndexSearcher(reader);
        var state = new DefaultSortedSetDocValuesReaderState(reader, config);
        List<Query> queries = new ArrayList<>();
        queries.add(new MatchAllDocsQuery()); // ~37,000 hits: counted on the pool
        queries.add(new TermQuery(new Term("parity", "odd")));
        // Most of every segment: counted as the segment's totals minus the works that miss.
        queries.add(
            new BooleanQuery.Builder()
                .add(new MatchAllDocsQuery(), Occur.MUST)
                .add(new TermQuery(new Term("bucket", "3")), Occur.MUST_NOT)
                .build());
        queries.add(new TermQuery(new Term("bucket", "3"))); // few hits: counted inline
        queries.add(
            new BooleanQuery.Builder()
                .add(new TermQuery(new Term("bucket", "2")), Occur.MUST)
                .add(new TermQuery(new Term("parity", "even")), Occur.MUST)
                .build());
        queries.add(new TermQuery(new Term("id", "5")));
        queries.add(new TermQuery(new Term("id", "no such work")));
        for (Query q : queries) {
          FacetsCollector hits =
              FacetsCollectorManager.search(searcher, q, 10, new FacetsCollectorManager())
                  .facetsCollector();
          for (int topN : new int[] {1, 5, 30}) {
            Map<String, List<SearchResults.FacetValue>> expected =
                lucene(new SortedSetDocValuesFacetCounts(state, hits), topN);
            Map<String, List<SearchResults.FacetValue>> actual = counter.count(state, hits, topN);
            assertThat(List.copyOf(actual.entrySet()))
                .as("%s, top %d", q, topN)
                .isEqualTo(List.copyOf(expected.entrySet()));
          }
        }
        // A query that matches something gives at least one dimension (the test could pass
        // vacuously if both sides were always empty).
        FacetsCollector all =
            FacetsCollectorManager.search(
                    searcher, new MatchAllDocsQuery(), 10, new FacetsCollectorManager())
                .facetsCollector();
        assertThat(counter.count(state, all, 5)).containsKeys("language", "character", "freeform");
      }
    }
  }

  @Test
  void segmentsWithMoreThan65536ValuesKeepWholeOrdinals() throws Exception {
    FacetsConfig config = new FacetsConfig();
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new KeywordAnalyzer()))) {
        for (int i = 0; i < 70_000; i++) {
          Document d = new Document();
          d.add(new SortedSetDocValuesFacetField("title", "t" + i));
          d.add(new SortedSetDocValuesFacetField("kind", i < 69_990 ? "common" : "rare"));
          w.addDocument(config.build(d));
        }
        w.forceMerge(1);
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        var state = new DefaultSortedSetDocValuesReaderState(reader, config);
        FacetsCollector hits =
            FacetsCollectorManager.search(
                    new IndexSearcher(reader),
                    new MatchAllDocsQuery(),
                    10,
                    new FacetsCollectorManager())
                .facetsCollector();
        Map<String, List<SearchResults.FacetValue>> actual =
            new FacetCounter(config, pool).count(state, hits, 3);
        assertThat(actual).isEqualTo(lucene(new SortedSetDocValuesFacetCounts(state, hits), 3));
        assertThat(actual.get("kind"))
            .containsExactly(
                new SearchResults.FacetValue("common", 69_990),
                new SearchResults.FacetValue("rare", 10));
      }
    }
  }

  private static Map<String, List<SearchResults.FacetValue>> lucene(
      SortedSetDocValuesFacetCounts counts, int topN) throws java.io.IOException {
    Map<String, List<SearchResults.FacetValue>> out = new LinkedHashMap<>();
    for (FacetResult fr : counts.getAllDims(topN)) {
      List<SearchResults.FacetValue> values = new ArrayList<>();
      for (LabelAndValue lv : fr.labelValues) {
        values.add(new SearchResults.FacetValue(lv.label, lv.value.longValue()));
      }
      out.put(fr.dim, values);
    }
    return out;
  }
}

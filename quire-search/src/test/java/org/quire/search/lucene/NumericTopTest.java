package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The linear top-n picks exactly the hits, in exactly the order, that Lucene's sorting collector
 * gives for "value, then work id, both highest first": ties, several segments, deletions, slices on
 * several threads, values rising with document order (the case it is for) and random ones.
 */
class NumericTopTest {
  @Test
  void picksWhatLucenesSortingCollectorPicks() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      Random r = new Random(17);
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
        for (int i = 0; i < 6_000; i++) {
          long id = 1 + r.nextInt(1_000_000);
          Document d = new Document();
          d.add(new StringField(Fields.ID, Long.toString(id), Field.Store.NO));
          d.add(new NumericDocValuesField(Fields.ID, id));
          d.add(new NumericDocValuesField("rising", i / 3)); // ties, in document order
          d.add(new NumericDocValuesField("random", r.nextInt(50)));
          d.add(new StringField("parity", i % 2 == 0 ? "even" : "odd", Field.Store.NO));
          w.addDocument(d);
          if (i % 1_000 == 999) {
            w.commit(); // several segments
          }
          if (i % 97 == 0) {
            w.deleteDocuments(new Term(Fields.ID, Long.toString(id)));
          }
        }
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        IndexSearcher one = new IndexSearcher(reader);
        IndexSearcher sliced =
            new IndexSearcher(reader, pool) {
              @Override
              protected LeafSlice[] slices(
                  java.util.List<org.apache.lucene.index.LeafReaderContext> leaves) {
                return slices(leaves, 1, 1, true); // every segment (or part) on its own
              }
            };
        assertThat(reader.leaves().size()).isGreaterThan(2);
        for (Query q :
            new Query[] {new MatchAllDocsQuery(), new TermQuery(new Term("parity", "odd"))}) {
          for (String field : new String[] {"rising", "random"}) {
            for (int n : new int[] {1, 7, 20, 400, 10_000}) {
              TopDocs expected =
                  one.search(
                      q,
                      n,
                      new Sort(
                          new SortField(field, SortField.Type.LONG, true),
                          new SortField(Fields.ID, SortField.Type.LONG, true)));
              for (IndexSearcher s : new IndexSearcher[] {one, sliced}) {
                TopDocs actual = s.search(q, new NumericTop(field, n));
                assertThat(actual.totalHits.value()).isEqualTo(s.count(q));
                assertThat(docs(actual))
                    .as("%s by %s, top %d", q, field, n)
                    .containsExactly(docs(expected));
              }
            }
          }
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  private static int[] docs(TopDocs top) {
    return Arrays.stream(top.scoreDocs).mapToInt((ScoreDoc d) -> d.doc).toArray();
  }
}

package org.quire.search.lucene;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.InPlaceMergeSorter;
import org.apache.lucene.util.IntroSelector;

/**
 * The first {@code n} hits by a numeric doc-values field, highest first, ties by work id, highest
 * first: what {@code TopFieldCollector} gives for that sort, in time linear in the hits.
 *
 * <p>Works are indexed in the order they arrive, so document order runs from oldest to newest, and
 * "newest first" made every document beat the worst of the kept ones: Lucene's priority queue then
 * did a heap update (two comparators each) per work, half the time of a works listing at 100,000
 * works. Here a hit is appended to a buffer if it beats the current threshold; when the buffer
 * holds four times {@code n}, a selection keeps the best {@code n} and raises the threshold.
 */
final class NumericTop implements CollectorManager<NumericTop.Slice, TopDocs> {
  private final String field;
  private final int n;
  private final boolean lowestFirst;

  NumericTop(String field, int n) {
    this(field, n, false);
  }

  /** With {@code lowestFirst}, the lowest values first (ties still by work id, highest first). */
  NumericTop(String field, int n, boolean lowestFirst) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1: " + n);
    }
    this.field = field;
    this.n = n;
    this.lowestFirst = lowestFirst;
  }

  @Override
  public Slice newCollector() {
    return new Slice(field, n, lowestFirst);
  }

  @Override
  public TopDocs reduce(Collection<Slice> slices) {
    long total = 0;
    Entries all = new Entries(Math.max(1, slices.stream().mapToInt(s -> s.kept.size).sum()));
    for (Slice s : slices) {
      total += s.total;
      for (int i = 0; i < s.kept.size; i++) {
        all.add(s.kept.values[i], s.kept.ids[i], s.kept.docs[i]);
      }
    }
    all.keepBest(n);
    all.sort();
    ScoreDoc[] docs = new ScoreDoc[all.size];
    for (int i = 0; i < all.size; i++) {
      docs[i] = new ScoreDoc(all.docs[i], Float.NaN);
    }
    return new TopDocs(new TotalHits(total, TotalHits.Relation.EQUAL_TO), docs);
  }

  /** One slice's collector: its hits' best {@code n}, and how many hits it saw. */
  static final class Slice implements Collector {
    private final String field;
    private final int n;
    private final Entries kept;
    private long total;
    private boolean full;
    private long worstValue;
    private long worstId;

    private final boolean lowestFirst;

    Slice(String field, int n, boolean lowestFirst) {
      this.field = field;
      this.n = n;
      this.lowestFirst = lowestFirst;
      this.kept = new Entries(4 * n);
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues values = DocValues.getNumeric(context.reader(), field);
      NumericDocValues ids = DocValues.getNumeric(context.reader(), Fields.ID);
      int base = context.docBase;
      return new LeafCollector() {
        @Override
        public void setScorer(Scorable scorer) {}

        @Override
        public void collect(int doc) throws IOException {
          total++;
          long v = values.advanceExact(doc) ? values.longValue() : Long.MIN_VALUE;
          // Lowest first is highest first of the values turned round (counts and times are
          // far from the ends of a long, so negating them never overflows; a missing value
          // stays last).
          if (lowestFirst && v != Long.MIN_VALUE) {
            v = -v;
          }
          if (full && v < worstValue) {
            return;
          }
          long id = ids.advanceExact(doc) ? ids.longValue() : Long.MIN_VALUE;
          if (full && v == worstValue && id < worstId) {
            return;
          }
          kept.add(v, id, base + doc);
          if (kept.size == kept.values.length) {
            kept.keepBest(n);
            full = true;
            worstValue = kept.values[n - 1];
            worstId = kept.ids[n - 1];
          }
        }
      };
    }
  }

  /** Hits as parallel arrays; "before" means higher value, then higher id. */
  private static final class Entries {
    final long[] values;
    final long[] ids;
    final int[] docs;
    int size;

    Entries(int capacity) {
      values = new long[capacity];
      ids = new long[capacity];
      docs = new int[capacity];
    }

    void add(long value, long id, int doc) {
      values[size] = value;
      ids[size] = id;
      docs[size] = doc;
      size++;
    }

    private static int order(long v1, long id1, long v2, long id2) {
      int c = Long.compare(v2, v1);
      return c != 0 ? c : Long.compare(id2, id1);
    }

    private void swap(int i, int j) {
      long v = values[i];
      values[i] = values[j];
      values[j] = v;
      long id = ids[i];
      ids[i] = ids[j];
      ids[j] = id;
      int d = docs[i];
      docs[i] = docs[j];
      docs[j] = d;
    }

    /** Leaves the best {@code k} first (in no order, the k-th best last), drops the rest. */
    void keepBest(int k) {
      if (size <= k) {
        return;
      }
      new IntroSelector() {
        private long pivotValue;
        private long pivotId;

        @Override
        protected void setPivot(int i) {
          pivotValue = values[i];
          pivotId = ids[i];
        }

        @Override
        protected int comparePivot(int j) {
          return order(pivotValue, pivotId, values[j], ids[j]);
        }

        @Override
        protected void swap(int i, int j) {
          Entries.this.swap(i, j);
        }
      }.select(0, size, k - 1);
      size = k;
    }

    /** Puts the entries in order (a few thousand at most: a page's worth up to the deep limit). */
    void sort() {
      new InPlaceMergeSorter() {
        @Override
        protected int compare(int i, int j) {
          return order(values[i], ids[i], values[j], ids[j]);
        }

        @Override
        protected void swap(int i, int j) {
          Entries.this.swap(i, j);
        }
      }.sort(0, size);
    }
  }
}

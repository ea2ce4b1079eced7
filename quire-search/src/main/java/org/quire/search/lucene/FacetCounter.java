package org.quire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.LongValues;
import org.quire.model.QuireException;
import org.quire.search.SearchResults;

/**
 * Facet counts for every tag type, from each segment's facet ordinals copied once into arrays.
 *
 * <p>Lucene's sorted-set counting reads every matching document's ordinals from packed doc values
 * and maps each through the reader's ordinal map: at a million works, a phrase that matches half of
 * them spent more time there than in finding the matches. Here each segment's ordinals are read
 * once, when the segment is first searched (its documents' ordinals end to end, with where each
 * document's start), so counting is a loop over two arrays into a per-segment count, and each
 * distinct value is mapped to the reader's ordinal once per segment, not once per document. Where
 * most of a segment matches, the works that do not are counted and subtracted from the segment's
 * counts over all its works (deleted ones on both sides). The results (top values per dimension,
 * dimensions in order) are those of Lucene's {@code getAllDims}; {@code FacetCounterTest} compares
 * the two.
 */
final class FacetCounter {
  /**
   * One segment's facet ordinals: document {@code d}'s are {@code ords[starts[d]..starts[d+1])}.
   */
  private record SegmentOrds(
      int valueCount, int[] starts, char[] small, int[] large, int[] totals) {
    long bytes() {
      return 4L * starts.length
          + 4L * totals.length
          + (small != null ? 2L * small.length : 4L * large.length);
    }
  }

  /** The reader's ordinal map, as one array per segment (null where they are the same). */
  private record ReaderMaps(IndexReader reader, int[][] toGlobal) {}

  private static final long PARALLEL_HITS = 20_000;

  private final Map<Object, SegmentOrds> segments = new ConcurrentHashMap<>();
  private final FacetsConfig config;
  private final ExecutorService pool;
  private volatile ReaderMaps maps;

  FacetCounter(FacetsConfig config, ExecutorService pool) {
    this.config = config;
    this.pool = pool;
  }

  /** Reads the ordinals of segments not seen before: call when a new reader opens. */
  void warm(IndexReader reader, String field) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      ords(leaf.reader(), field);
    }
  }

  /** Bytes held for segments still open. */
  long bytes() {
    return segments.values().stream().mapToLong(SegmentOrds::bytes).sum();
  }

  /**
   * The top {@code topN} values of every dimension among the matching documents, dimensions in the
   * order Lucene gives them (highest total first, then by name; multi-valued ones have none).
   */
  Map<String, List<SearchResults.FacetValue>> count(
      SortedSetDocValuesReaderState state, FacetsCollector hits, int topN) throws IOException {
    if (topN < 1) {
      throw new IllegalArgumentException("topN must be at least 1: " + topN);
    }
    IndexReader reader = state.getReader();
    String field = state.getField();
    SortedSetDocValues global = state.getDocValues();
    int[] counts = new int[Math.toIntExact(global.getValueCount())];
    int[][] toGlobal = maps(reader, global, field);
    List<FacetsCollector.MatchingDocs> matching = hits.getMatchingDocs();
    long total = matching.stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    // A large segment is searched in ranges, each with its own hits: put each segment together.
    Map<Integer, List<FacetsCollector.MatchingDocs>> byLeaf = new LinkedHashMap<>();
    for (FacetsCollector.MatchingDocs md : matching) {
      if (md.totalHits() > 0) {
        byLeaf.computeIfAbsent(md.context().ord, k -> new ArrayList<>()).add(md);
      }
    }
    record Leaf(int ord, int[] totals, List<Future<int[]>> parts) {}
    List<Leaf> leaves = new ArrayList<>();
    for (List<FacetsCollector.MatchingDocs> parts : byLeaf.values()) {
      LeafReader leaf = parts.getFirst().context().reader();
      SegmentOrds s = ords(leaf, field);
      long n = parts.stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
      List<Future<int[]>> futures = new ArrayList<>();
      FixedBitSet bits = union(parts, leaf.maxDoc());
      if (bits == null) { // one sparse set of a few hits
        DocIdSetIterator it = parts.getFirst().bits().iterator();
        futures.add(run(total, () -> countDocs(s, it)));
        leaves.add(new Leaf(parts.getFirst().context().ord, null, futures));
        continue;
      }
      // Most of the segment matches: count the works that do not (deleted ones included) and
      // subtract that from the segment's counts over all its works.
      int[] totals = n * 2 > leaf.maxDoc() ? s.totals() : null;
      int words = FixedBitSet.bits2words(leaf.maxDoc());
      int chunks = (int) Math.clamp(leaf.maxDoc() / 65_536L, 1, 4);
      for (int c = 0; c < chunks; c++) {
        int from = (int) ((long) words * c / chunks);
        int to = (int) ((long) words * (c + 1) / chunks);
        futures.add(
            run(
                total,
                () -> countWords(s, bits.getBits(), totals != null, from, to, leaf.maxDoc())));
      }
      leaves.add(new Leaf(parts.getFirst().context().ord, totals, futures));
    }
    for (Leaf leaf : leaves) {
      int[] segCounts = join(leaf.parts().getFirst());
      for (int i = 1; i < leaf.parts().size(); i++) {
        int[] more = join(leaf.parts().get(i));
        for (int ord = 0; ord < segCounts.length; ord++) {
          segCounts[ord] += more[ord];
        }
      }
      int[] totals = leaf.totals();
      int[] map = toGlobal == null ? null : toGlobal[leaf.ord()];
      for (int ord = 0; ord < segCounts.length; ord++) {
        int c = totals == null ? segCounts[ord] : totals[ord] - segCounts[ord];
        if (c > 0) {
          counts[map == null ? ord : map[ord]] += c;
        }
      }
    }
    return results(state, global, counts, topN);
  }

  /** Few hits in all: counting takes less than handing the work to another thread. */
  private Future<int[]> run(long totalHits, java.util.concurrent.Callable<int[]> task)
      throws IOException {
    if (totalHits >= PARALLEL_HITS) {
      return pool.submit(task);
    }
    try {
      return CompletableFuture.completedFuture(task.call());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The hits of one segment as one bit set; null for a single sparse set (few hits). */
  private static FixedBitSet union(List<FacetsCollector.MatchingDocs> parts, int maxDoc)
      throws IOException {
    if (parts.size() == 1) {
      return parts.getFirst().bits() instanceof BitDocIdSet set
              && set.bits() instanceof FixedBitSet bits
          ? bits
          : null;
    }
    FixedBitSet all = new FixedBitSet(maxDoc);
    for (FacetsCollector.MatchingDocs md : parts) {
      all.or(md.bits().iterator()); // word by word when the part is a bit set
    }
    return all;
  }

  /**
   * Counts the works of bit words {@code [from, to)} whose bit is set in {@code hits}, or with
   * {@code complement} those whose bit is not (deleted works included: the segment's totals hold
   * them too).
   */
  private static int[] countWords(
      SegmentOrds s, long[] hits, boolean complement, int from, int to, int maxDoc) {
    int[] counts = new int[s.valueCount()];
    int last = FixedBitSet.bits2words(maxDoc) - 1;
    long tail = (maxDoc & 63) == 0 ? -1L : (1L << (maxDoc & 63)) - 1;
    for (int w = from; w < to; w++) {
      long word = hits[w];
      if (complement) {
        word = ~word;
        if (w == last) {
          word &= tail; // no works past the end of the segment
        }
      }
      for (; word != 0; word &= word - 1) {
        add(counts, s, (w << 6) | Long.numberOfTrailingZeros(word));
      }
    }
    return counts;
  }

  private static int[] countDocs(SegmentOrds s, DocIdSetIterator it) throws IOException {
    int[] counts = new int[s.valueCount()];
    for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
      add(counts, s, d);
    }
    return counts;
  }

  private static void add(int[] counts, SegmentOrds s, int d) {
    int[] starts = s.starts();
    if (s.small() != null) {
      char[] ords = s.small();
      for (int i = starts[d], end = starts[d + 1]; i < end; i++) {
        counts[ords[i]]++;
      }
    } else {
      int[] ords = s.large();
      for (int i = starts[d], end = starts[d + 1]; i < end; i++) {
        counts[ords[i]]++;
      }
    }
  }

  private SegmentOrds ords(LeafReader leaf, String field) throws IOException {
    IndexReader.CacheHelper helper = leaf.getCoreCacheHelper();
    Object key = helper == null ? leaf : helper.getKey();
    SegmentOrds s = segments.get(key);
    if (s != null) {
      return s;
    }
    s = read(leaf, field);
    if (segments.putIfAbsent(key, s) == null && helper != null) {
      helper.addClosedListener(segments::remove);
    }
    return segments.get(key);
  }

  private static SegmentOrds read(LeafReader leaf, String field) throws IOException {
    SortedSetDocValues dv = DocValues.getSortedSet(leaf, field);
    int maxDoc = leaf.maxDoc();
    int valueCount = Math.toIntExact(dv.getValueCount());
    boolean small = valueCount <= Character.MAX_VALUE + 1;
    int[] starts = new int[maxDoc + 1];
    int[] ords = new int[Math.max(16, maxDoc * 4)];
    int n = 0;
    int next = 0;
    for (int d = dv.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
      while (next <= d) {
        starts[next++] = n;
      }
      int k = dv.docValueCount();
      if (n + k > ords.length) {
        ords = Arrays.copyOf(ords, Math.max(n + k, ords.length + (ords.length >> 1)));
      }
      for (int i = 0; i < k; i++) {
        ords[n++] = (int) dv.nextOrd();
      }
    }
    while (next <= maxDoc) {
      starts[next++] = n;
    }
    int[] totals = new int[valueCount]; // over every document, deleted ones too
    for (int i = 0; i < n; i++) {
      totals[ords[i]]++;
    }
    if (small) {
      char[] c = new char[n];
      for (int i = 0; i < n; i++) {
        c[i] = (char) ords[i];
      }
      return new SegmentOrds(valueCount, starts, c, null, totals);
    }
    return new SegmentOrds(valueCount, starts, null, Arrays.copyOf(ords, n), totals);
  }

  /** Each segment's ordinals mapped to the reader's, built once per reader. */
  private int[][] maps(IndexReader reader, SortedSetDocValues global, String field)
      throws IOException {
    if (!(global instanceof MultiDocValues.MultiSortedSetDocValues multi)) {
      return null; // one segment: its ordinals are the reader's
    }
    ReaderMaps m = maps;
    if (m != null && m.reader() == reader) {
      return m.toGlobal();
    }
    List<LeafReaderContext> leaves = reader.leaves();
    int[][] toGlobal = new int[leaves.size()][];
    for (LeafReaderContext leaf : leaves) {
      LongValues g = multi.mapping.getGlobalOrds(leaf.ord);
      int[] map = new int[ords(leaf.reader(), field).valueCount()];
      for (int i = 0; i < map.length; i++) {
        map[i] = (int) g.get(i);
      }
      toGlobal[leaf.ord] = map;
    }
    maps = new ReaderMaps(reader, toGlobal);
    return toGlobal;
  }

  private Map<String, List<SearchResults.FacetValue>> results(
      SortedSetDocValuesReaderState state, SortedSetDocValues global, int[] counts, int topN)
      throws IOException {
    record Dim(String name, int value, List<SearchResults.FacetValue> values) {}
    List<Dim> dims = new ArrayList<>();
    for (String dim : state.getDims()) {
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
      FacetsConfig.DimConfig dc = config.getDimConfig(dim);
      int total = 0;
      // Each present value as one long, count high and ordinal inverted low: the larger long has
      // more hits or, among equal counts, the lower ordinal (label), as Lucene orders them. The
      // top n are kept in a small min-heap: a dimension may have many thousands of values.
      LongHeap top = new LongHeap(topN);
      for (int ord = range.start(); ord <= range.end(); ord++) {
        int c = counts[ord];
        if (c > 0) {
          total += c;
          top.insertWithOverflow(((long) c << 32) | (0xFFFF_FFFFL - ord));
        }
      }
      if (top.size() == 0) {
        continue;
      }
      SearchResults.FacetValue[] values = new SearchResults.FacetValue[top.size()];
      for (int i = values.length - 1; i >= 0; i--) { // the heap gives the least first
        int ord = (int) (0xFFFF_FFFFL - (top.pop() & 0xFFFF_FFFFL));
        BytesRef term = global.lookupOrd(ord);
        String[] path = FacetsConfig.stringToPath(term.utf8ToString());
        values[i] = new SearchResults.FacetValue(path[path.length - 1], counts[ord]);
      }
      dims.add(new Dim(dim, dc.multiValued ? -1 : total, List.of(values)));
    }
    dims.sort(Comparator.comparingInt((Dim d) -> -d.value()).thenComparing(Dim::name));
    Map<String, List<SearchResults.FacetValue>> out = new LinkedHashMap<>();
    for (Dim d : dims) {
      out.put(d.name(), d.values());
    }
    return out;
  }

  private static int[] join(Future<int[]> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QuireException("Search interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}

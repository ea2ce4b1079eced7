package org.quire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.quire.model.Chapter;
import org.quire.model.QuireException;
import org.quire.model.TagType;
import org.quire.model.Work;
import org.quire.search.ChapterTexts;
import org.quire.search.IndexedTags;
import org.quire.search.QueryText;
import org.quire.search.SearchIndex;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.quire.search.WorkStats;
import org.quire.tags.TagWrangler;

/**
 * {@link SearchIndex} on a Lucene directory: one document per work, keyed by the work's id so
 * re-indexing replaces it. Chapter text is indexed with positions, neither stored nor with offsets;
 * snippets read it from {@link ChapterTexts} and place matches in it ({@link PositionOffsets}).
 * Facets are sorted-set doc values, one dimension per tag type.
 *
 * <p>Freshness: a search reopens the searcher when works changed and the last reopen is at least
 * {@value #REOPEN_MILLIS} ms old, so an indexed work is searchable within a second without a commit
 * per work. Reopening lazily, not on a timer, matters for bulk imports: every reopen flushes a
 * segment, and a timer flushing four times a second made indexing several times slower.
 */
public final class LuceneSearchIndex implements SearchIndex {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(LuceneSearchIndex.class);

  static final long REOPEN_MILLIS = 500;
  private static final String MARK = "quire.indexedThrough";
  private static final String ANALYSIS = "quire.analysis";
  private static final int FACET_VALUES = 30;

  private static final FieldType TEXT_WITH_POSITIONS = textWithPositions();

  private final FSDirectory dir;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;
  private final TagWrangler wrangler;
  private final QueryTranslator translator;
  private final SnippetHighlighter highlighter;
  private final FacetsConfig facets = new FacetsConfig();
  private final TagNames tagNames = new TagNames();
  private final AtomicLong indexedThrough;
  private final java.util.concurrent.atomic.AtomicBoolean dirty =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long lastReopen = System.nanoTime();
  private volatile FacetState facetState;

  /**
   * Searches a large index on all cores at once, splitting big segments into document ranges: one
   * query's latency, not only the throughput of many, is what a reader waits for, and a common
   * phrase at a million works matches hundreds of thousands of them.
   */
  private final ExecutorService pool = searchPool();

  private final FacetCounter facetCounter = new FacetCounter(facets, pool);

  /** Facet ordinals of one reader; rebuilt when the searcher changes. */
  private record FacetState(IndexReader reader, DefaultSortedSetDocValuesReaderState state) {}

  private LuceneSearchIndex(Path path, TagWrangler wrangler, ChapterTexts texts, int minSliceDocs)
      throws IOException {
    this.dir = FSDirectory.open(path);
    IndexWriter opened = null;
    try {
      this.analyzer = Analyzers.perField();
      this.wrangler = wrangler;
      this.translator = new QueryTranslator(analyzer, wrangler, tagNames);
      this.highlighter = texts == null ? null : new SnippetHighlighter(analyzer, texts, pool);
      for (TagType t : TagType.values()) {
        facets.setMultiValued(t.key(), true);
        noDrillDownTerms(t.key());
      }
      noDrillDownTerms(Fields.LANGUAGE_DIM);
      long mark = 0;
      boolean sameAnalysis = true;
      if (DirectoryReader.indexExists(dir)) {
        Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
        mark = Long.parseLong(data.getOrDefault(MARK, "0"));
        // Terms made by other analysis chains would not match today's queries: start empty, and
        // the archive, finding the index short of the store, rebuilds it.
        sameAnalysis = Analyzers.VERSION.equals(data.getOrDefault(ANALYSIS, "1"));
        if (!sameAnalysis) {
          mark = 0;
        }
      }
      this.indexedThrough = new AtomicLong(mark);
      IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
      cfg.setOpenMode(
          sameAnalysis
              ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
              : IndexWriterConfig.OpenMode.CREATE);
      cfg.setRAMBufferSizeMB(64);
      cfg.setMergePolicy(mergePolicy());
      cfg.setMergeScheduler(mergeScheduler());
      opened = new IndexWriter(dir, cfg);
      this.writer = opened;
      tagNames.load(DirectoryReader.open(writer));
      this.searchers =
          new SearcherManager(
              writer,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous)
                    throws IOException {
                  // New segments' facet ordinals are read here, on refresh, not by a query.
                  facetCounter.warm(reader, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
                  return new PartitionedSearcher(reader, pool, minSliceDocs);
                }
              });
    } catch (IOException | RuntimeException e) {
      // A damaged segment shows only once read, after the writer took the lock: let it go, so
      // the index can be set aside and opened again in this process.
      pool.shutdownNow();
      org.apache.lucene.util.IOUtils.closeWhileHandlingException(opened, dir);
      throw e;
    }
  }

  /**
   * Twenty segments to a tier, merged twenty at a time, instead of Lucene's ten: a bulk import
   * rewrites each posting fewer times on its way to the big segments. On a million short works this
   * indexed 9–22 % faster in four pairs of runs, for searches as fast and an index up to a third
   * larger (bench/RESULTS.md, "Wider merges").
   */
  private static TieredMergePolicy mergePolicy() {
    TieredMergePolicy p = new TieredMergePolicy();
    p.setSegmentsPerTier(20);
    p.setMaxMergeAtOnce(20);
    return p;
  }

  /**
   * Merges are not rate-limited (Lucene starts them at 20 MB/s of writes and raises the limit only
   * once they back up): they are heavy during a bulk import, and the import is then what the
   * machine is for. Measured together with the wider merges above.
   */
  private static ConcurrentMergeScheduler mergeScheduler() {
    ConcurrentMergeScheduler s = new ConcurrentMergeScheduler();
    s.disableAutoIOThrottle();
    return s;
  }

  /**
   * Facet values are counted from doc values only: filters use the {@code f_} fields (canonical
   * tags with their synonyms and meta tags), never Lucene's drill-down terms, which would add two
   * more indexed terms for every tag of every work.
   */
  private void noDrillDownTerms(String dim) {
    facets.setDrillDownTermsIndexing(dim, FacetsConfig.DrillDownTermsIndexing.NONE);
  }

  /**
   * Opens or creates the index in {@code path}.
   *
   * @param wrangler canonical tags and their parents
   * @param texts where snippets read chapter text, or null for results without snippets
   * @throws QuireException when the directory cannot be opened (locked by another process, say)
   */
  public static LuceneSearchIndex open(Path path, TagWrangler wrangler, ChapterTexts texts) {
    try {
      try {
        return new LuceneSearchIndex(path, wrangler, texts, MIN_SLICE_DOCS);
      } catch (org.apache.lucene.index.CorruptIndexException
          | org.apache.lucene.index.IndexFormatTooOldException
          | org.apache.lucene.index.IndexFormatTooNewException
          | java.io.EOFException
          | java.nio.file.NoSuchFileException e) {
        // The index holds nothing the database does not: a damaged one (a disk that filled, a
        // file cut short) is set aside and opened empty, and the start-up check rebuilds it.
        // Never one that another process holds (it may have been read mid-commit).
        try (FSDirectory d = FSDirectory.open(path);
            org.apache.lucene.store.Lock held = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
          held.ensureValid();
        }
        Path aside = setAside(path);
        LOG.warn(
            "The search index in {} is damaged ({}); it was moved to {} (delete it at will) and"
                + " is rebuilt from the database.",
            path,
            e.toString(),
            aside);
        return new LuceneSearchIndex(path, wrangler, texts, MIN_SLICE_DOCS);
      }
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      throw inUse(path, e);
    } catch (IOException | RuntimeException e) {
      throw new QuireException(
          "Cannot open the search index in " + path + ": " + e.getMessage(), e);
    }
  }

  /** Moves a damaged index out of the way, beside it, named by the time. */
  private static Path setAside(Path path) throws IOException {
    String stamp =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .format(java.time.LocalDateTime.now());
    Path aside = path.resolveSibling(path.getFileName() + ".damaged-" + stamp);
    java.nio.file.Files.move(path, aside);
    return aside;
  }

  /** Only one process may write the embedded index: say which one and what still works. */
  private static QuireException inUse(Path path, Exception e) {
    return new QuireException(
        "The search index in "
            + path
            + " is in use by another Quire process (a running 'quire serve', 'demo' or"
            + " import). Stop it first, or add works through its web page or API while it runs;"
            + " 'quire list', 'show', 'export' and 'backup' work alongside it.",
        e);
  }

  /**
   * Takes the index's write lock as a writer would and holds it until closed, so that no Quire
   * process opens the archive meanwhile (a restore replacing the database under it).
   *
   * @throws QuireException when another process (or this one) has the index open
   */
  public static java.io.Closeable hold(Path path) {
    try {
      java.nio.file.Files.createDirectories(path);
      FSDirectory dir = FSDirectory.open(path);
      org.apache.lucene.store.Lock lock;
      try {
        lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME);
      } catch (org.apache.lucene.store.LockObtainFailedException e) {
        dir.close();
        throw inUse(path, e);
      }
      return () -> {
        try {
          lock.close();
        } finally {
          dir.close();
        }
      };
    } catch (IOException e) {
      throw new QuireException(
          "Cannot open the search index in " + path + ": " + e.getMessage(), e);
    }
  }

  private static ExecutorService searchPool() {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        CORES,
        r -> {
          Thread t = new Thread(r, "quire-search-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private static final int CORES = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** Below this many documents a search runs on the caller's thread alone. */
  static final int MIN_SLICE_DOCS = 50_000;

  /** An index whose searches split into slices of at least {@code minSliceDocs} (for tests). */
  static LuceneSearchIndex open(
      Path path, TagWrangler wrangler, ChapterTexts texts, int minSliceDocs) throws IOException {
    return new LuceneSearchIndex(path, wrangler, texts, minSliceDocs);
  }

  /** How this index turns queries into Lucene's (for tests). */
  QueryTranslator translator() {
    return translator;
  }

  /** How many parts a search of the current view runs in. */
  int slices() throws IOException {
    IndexSearcher s = searchers.acquire();
    try {
      return s.getSlices().length;
    } finally {
      searchers.release(s);
    }
  }

  /**
   * A searcher whose slices are about a quarter of the index per core, whole segments or ranges of
   * one, so that one merged segment holding most works does not leave the other cores idle.
   */
  private static final class PartitionedSearcher extends IndexSearcher {
    private final int minSliceDocs;

    PartitionedSearcher(IndexReader reader, ExecutorService pool, int minSliceDocs) {
      super(reader, pool);
      this.minSliceDocs = minSliceDocs;
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
      int docs = 0;
      for (LeafReaderContext leaf : leaves) {
        docs += leaf.reader().maxDoc();
      }
      return slices(leaves, Math.max(minSliceDocs, docs / (2 * CORES)), 5, true);
    }
  }

  /** The analysis chain of chapter text and other prose (for benchmarks and tools). */
  public static org.apache.lucene.analysis.Analyzer proseAnalyzer() {
    return Analyzers.prose();
  }

  private static FieldType textWithPositions() {
    FieldType t = new FieldType(TextField.TYPE_NOT_STORED);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.freeze();
    return t;
  }

  @Override
  public void index(Work work, WorkStats stats) {
    try {
      writer.updateDocument(new Term(Fields.ID, Long.toString(work.id())), document(work, stats));
      dirty.set(true);
      indexedThrough.accumulateAndGet(stats.updated().toEpochMilli(), Math::max);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Document document(Work work, WorkStats stats) throws IOException {
    Document d = new Document();
    d.add(new StringField(Fields.ID, Long.toString(work.id()), Field.Store.NO));
    d.add(new NumericDocValuesField(Fields.ID, work.id()));
    d.add(new TextField(Fields.TITLE, work.title(), Field.Store.NO));
    for (String a : work.authors()) {
      d.add(new TextField(Fields.AUTHOR, a, Field.Store.NO));
      d.add(new StringField(Fields.AUTHOR_KEY, lower(a.strip()), Field.Store.NO));
    }
    addText(d, Fields.SUMMARY, work.summary());
    addText(d, Fields.NOTES, work.notes());
    addText(d, Fields.NOTES, work.endNotes());
    for (Chapter c : work.chapters()) {
      addText(d, Fields.TITLE, c.title());
      addText(d, Fields.NOTES, c.notes());
      addText(d, Fields.NOTES, c.endNotes());
      // Every chapter adds a value, even an empty one, so value i is always chapter i + 1.
      d.add(new Field(Fields.TEXT, c.text(), TEXT_WITH_POSITIONS));
    }
    IndexedTags tags = IndexedTags.of(work.tags(), wrangler);
    tags.filterKeys()
        .forEach(
            (type, keys) ->
                keys.forEach(
                    k -> {
                      tagNames.add(type, k); // before the work: its names are never behind it
                      d.add(new TextField(Fields.TAG, k, Field.Store.NO));
                      d.add(new StringField(Fields.filter(type), k, Field.Store.NO));
                    }));
    tags.facets()
        .forEach(
            (type, names) ->
                names.forEach(n -> d.add(new SortedSetDocValuesFacetField(type.key(), n))));
    if (work.language() != null && !work.language().isBlank()) {
      d.add(new StringField(Fields.LANGUAGE, lower(work.language()), Field.Store.NO));
      d.add(new SortedSetDocValuesFacetField(Fields.LANGUAGE_DIM, work.language().strip()));
    }
    d.add(new StringField(Fields.COMPLETE, Boolean.toString(work.complete()), Field.Store.NO));
    d.add(new StringField(Fields.VISIBILITY, stats.visibility().key(), Field.Store.NO));
    addInt(d, Fields.WORDS, work.wordCount());
    addInt(d, Fields.KUDOS, stats.kudos());
    addInt(d, Fields.HITS, stats.hits());
    addInt(d, Fields.BOOKMARKS, stats.bookmarks());
    addInt(d, Fields.COMMENTS, stats.comments());
    addLong(d, Fields.POSTED, stats.posted().toEpochMilli());
    addLong(d, Fields.UPDATED, stats.updated().toEpochMilli());
    d.add(new SortedDocValuesField(Fields.TITLE_SORT, sortKey(work.title())));
    d.add(
        new SortedDocValuesField(
            Fields.AUTHOR_SORT,
            // No author: last from A to Z, as the OpenSearch backend files it.
            work.authors().isEmpty()
                ? new BytesRef("\uffff")
                : sortKey(work.authors().getFirst())));
    return facets.build(d);
  }

  private static void addText(Document d, String field, String value) {
    if (value != null && !value.isBlank()) {
      d.add(new TextField(field, value, Field.Store.NO));
    }
  }

  private static void addInt(Document d, String field, int v) {
    d.add(new IntPoint(field, v));
    d.add(new NumericDocValuesField(field, v));
  }

  private static void addLong(Document d, String field, long v) {
    d.add(new LongPoint(field, v));
    d.add(new NumericDocValuesField(field, v));
  }

  private static BytesRef sortKey(String s) {
    return new BytesRef(IndexedTags.sortKey(s));
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public void delete(long workId) {
    try {
      writer.deleteDocuments(new Term(Fields.ID, Long.toString(workId)));
      dirty.set(true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Map<String, String> commitData() {
    return Map.of(MARK, Long.toString(indexedThrough.get()), ANALYSIS, Analyzers.VERSION);
  }

  @Override
  public void refresh() {
    try {
      writer.setLiveCommitData(commitData().entrySet());
      writer.commit();
      reopen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void reopen() throws IOException {
    dirty.set(false);
    searchers.maybeRefreshBlocking();
    lastReopen = System.nanoTime();
  }

  /** Reopens before a search when works changed and the view is old enough (see class doc). */
  private void freshen() throws IOException {
    if (dirty.get() && System.nanoTime() - lastReopen >= REOPEN_MILLIS * 1_000_000) {
      synchronized (this) {
        if (dirty.get()) {
          reopen();
        }
      }
    }
  }

  @Override
  public long indexedThrough() {
    return indexedThrough.get();
  }

  @Override
  public SearchResults search(SearchQuery q) {
    return search(q, true);
  }

  @Override
  public SearchResults hitsOnly(SearchQuery q) {
    return search(q, false);
  }

  private SearchResults search(SearchQuery q, boolean withFacets) {
    QueryText text = QueryText.parse(q.text());
    if (q.offset() >= SearchQuery.MAX_OFFSET) {
      return SearchResults.pastTheLimit(run(q.withPage(0, 1), text, false, withFacets));
    }
    return run(q, text, true, withFacets);
  }

  private SearchResults run(SearchQuery q, QueryText text, boolean withHits, boolean withFacets) {
    Query query = translator.translate(q, text);
    try {
      freshen();
      IndexSearcher s = searchers.acquire();
      try {
        int n = Math.min(q.offset() + q.limit(), SearchQuery.MAX_OFFSET);
        TopDocs top;
        long total;
        FacetsCollector matching = null;
        if (q.sort() == SearchQuery.Sort.RELEVANCE && !text.isEmpty() && !text.onlyNegated()) {
          // Two passes, each cheaper than one that does both: every match counted (and its facets)
          // without scoring, which for a phrase stops at its first occurrence in a work; then
          // the page by score, where Lucene skips blocks of works that cannot reach it. (Without
          // words to score, every work scores the same and one pass does.)
          Query matches = new ConstantScoreQuery(query);
          if (withFacets) {
            matching = s.search(matches, new FacetsCollectorManager());
            total =
                matching.getMatchingDocs().stream()
                    .mapToLong(FacetsCollector.MatchingDocs::totalHits)
                    .sum();
          } else {
            total = s.count(matches);
          }
          top = s.search(query, new TopFieldCollectorManager(sort(q.sort(), false), n, n));
        } else {
          String numeric = numericSortField(q.sort());
          CollectorManager<?, ? extends TopDocs> first =
              numeric != null
                  ? new NumericTop(numeric, n, q.reverse())
                  : new TopFieldCollectorManager(sort(q.sort(), q.reverse()), n, Integer.MAX_VALUE);
          if (withFacets) {
            Object[] r =
                s.search(query, new MultiCollectorManager(new FacetsCollectorManager(), first));
            matching = (FacetsCollector) r[0];
            top = (TopDocs) r[1];
          } else {
            // Listings: no facet counts, so no set of every matching work to build either.
            top = s.search(query, first);
          }
          total = top.totalHits.value();
        }
        // Relevance scores of the page's hits, whatever the order (the API shows them).
        TopFieldCollector.populateScores(top.scoreDocs, s, query);
        Map<String, List<SearchResults.FacetValue>> facetCounts =
            matching != null ? facetCounts(s, matching) : Map.of();
        List<SearchResults.Hit> hits = new ArrayList<>();
        if (withHits) {
          hits = hits(s, top, q.offset(), text);
        }
        return new SearchResults(total, hits, facetCounts, null);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public List<SearchResults.FacetValue> tagCounts(
      TagType type, SearchQuery.Audience audience, int limit) {
    Query all =
        translator.translate(SearchQuery.of("").withAudience(audience), QueryText.parse(""));
    try {
      freshen();
      IndexSearcher s = searchers.acquire();
      try {
        DefaultSortedSetDocValuesReaderState state = facetState(s.getIndexReader());
        if (state == null) {
          return List.of();
        }
        FacetsCollector matching = s.search(all, new FacetsCollectorManager());
        return facetCounter
            .count(state, matching, Math.max(1, limit))
            .getOrDefault(type.key(), List.of());
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<SearchResults.Hit> hits(IndexSearcher s, TopDocs top, int offset, QueryText text)
      throws IOException {
    ScoreDoc[] docs = top.scoreDocs;
    int from = Math.min(offset, docs.length);
    int[] docIds = new int[docs.length - from];
    Map<Integer, Long> workIds = new HashMap<>();
    for (int i = from; i < docs.length; i++) {
      docIds[i - from] = docs[i].doc;
      workIds.put(docs[i].doc, workId(s.getIndexReader(), docs[i].doc));
    }
    Map<Integer, SearchResults.Snippet> snippets = Map.of();
    if (highlighter != null && !text.isEmpty() && !text.onlyNegated()) {
      snippets = highlighter.highlight(s, translator.textOnly(text), docIds, workIds);
    }
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (int doc : docIds) {
      ScoreDoc sd = docs[from++];
      float score = Float.isNaN(sd.score) ? 0f : sd.score;
      hits.add(new SearchResults.Hit(workIds.get(doc), score, snippets.get(doc)));
    }
    return hits;
  }

  private static long workId(IndexReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    NumericDocValues ids = leaf.reader().getNumericDocValues(Fields.ID);
    if (ids == null || !ids.advanceExact(doc - leaf.docBase)) {
      throw new IllegalStateException("document " + doc + " has no work id");
    }
    return ids.longValue();
  }

  /**
   * The doc-values field of a numeric sort, whose top hits {@link NumericTop} picks (highest first,
   * then the work id); null for relevance, title and author, which {@link #sort} gives Lucene.
   */
  private static String numericSortField(SearchQuery.Sort sort) {
    return switch (sort) {
      case UPDATED -> Fields.UPDATED;
      case POSTED -> Fields.POSTED;
      case WORDS -> Fields.WORDS;
      case KUDOS -> Fields.KUDOS;
      case HITS -> Fields.HITS;
      case BOOKMARKS -> Fields.BOOKMARKS;
      case COMMENTS -> Fields.COMMENTS;
      case RELEVANCE, TITLE, AUTHOR -> null;
    };
  }

  /** Every sort ends with the work id, newest first, so pages never shift between requests. */
  private static Sort sort(SearchQuery.Sort sort, boolean reverse) {
    SortField tie = new SortField(Fields.ID, SortField.Type.LONG, true);
    SortField first =
        switch (sort) {
          case RELEVANCE -> SortField.FIELD_SCORE;
          case TITLE -> new SortField(Fields.TITLE_SORT, SortField.Type.STRING, reverse);
          case AUTHOR -> new SortField(Fields.AUTHOR_SORT, SortField.Type.STRING, reverse);
          default -> throw new IllegalArgumentException(sort + " is picked by NumericTop");
        };
    return new Sort(first, tie);
  }

  private Map<String, List<SearchResults.FacetValue>> facetCounts(
      IndexSearcher s, FacetsCollector matching) throws IOException {
    DefaultSortedSetDocValuesReaderState state = facetState(s.getIndexReader());
    if (state == null) {
      return Map.of();
    }
    return facetCounter.count(state, matching, FACET_VALUES);
  }

  /** The facet ordinal map of this reader, built once per reader (it costs a pass over terms). */
  private DefaultSortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
    FacetState current = facetState;
    if (current != null && current.reader() == reader) {
      return current.state();
    }
    synchronized (this) {
      current = facetState;
      if (current != null && current.reader() == reader) {
        return current.state();
      }
      DefaultSortedSetDocValuesReaderState state;
      try {
        state = new DefaultSortedSetDocValuesReaderState(reader, facets);
      } catch (IllegalArgumentException noFacetsYet) {
        state = null;
      }
      facetState = new FacetState(reader, state);
      return state;
    }
  }

  @Override
  public long count() {
    try {
      freshen();
      IndexSearcher s = searchers.acquire();
      try {
        return s.getIndexReader().numDocs();
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void clear() {
    try {
      writer.deleteAll();
      indexedThrough.set(0);
      refresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (dir;
        writer;
        searchers;
        pool;
        tagNames) {
      writer.setLiveCommitData(commitData().entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

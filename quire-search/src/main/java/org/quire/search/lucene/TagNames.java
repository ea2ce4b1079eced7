package org.quire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.quire.model.TagType;

/**
 * Every tag name the index knows, by type, as a small index of its own: the words of one type's tag
 * names ({@code character:rosenberg}) are searched here, and a match becomes a filter on the works'
 * tag keys of that type ({@link Fields#filter}).
 *
 * <p>Why not index each type's tag words with every work, as the words of all tags are ({@link
 * Fields#TAG}): a short work carries some fifty tag values, and inverting their words a second time
 * per type cost 11–16 % of the time to index it (bench/RESULTS.md, "A type's tag words from a
 * dictionary of names"), for names an archive repeats across thousands of works; here each name is
 * inverted once. A work's keys are its tags' spellings, their canonical tags and the meta tags
 * above those, so the words of a meta tag find the works of its sub-tags too, as a filter by it
 * does.
 *
 * <p>Words found in all tags stay in the work's own field: a character's first name is in every
 * relationship tag that names them, hundreds of keys that a plain search would have to gather,
 * where one posting list of the word already holds them.
 *
 * <p>The names live in memory and are rebuilt from the index's own key terms when it opens ({@link
 * #load}), so they never disagree with it; a name whose works were all deleted only matches
 * nothing.
 */
final class TagNames implements AutoCloseable {
  /** The analysed words of a name (the names chain: folded, not stemmed). */
  static final String NAME = "name";

  private static final String TYPE = "type";
  private static final String KEY = "key";
  private static final TagType[] TYPES = TagType.values();

  private final IndexWriter writer;

  /** Hashes of the names added, in stripes so indexing threads seldom wait for each other. */
  private final LongSet[] known = new LongSet[16];

  /** Searchers over the names added so far; a search holds one while a reopen replaces it. */
  private final SearcherManager searchers;

  private volatile boolean dirty;
  private volatile boolean closing;
  private volatile CompletableFuture<Void> loaded = CompletableFuture.completedFuture(null);

  TagNames() throws IOException {
    for (int i = 0; i < known.length; i++) {
      known[i] = new LongSet();
    }
    writer =
        new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(Analyzers.perField()));
    searchers = new SearcherManager(writer, null);
  }

  /**
   * Adds the names of every tag key in {@code index}, on a thread of its own, and closes it:
   * opening an archive does not wait for a quarter of a million names (about two seconds at a
   * million works); a search for tag words does, until they are in.
   */
  void load(DirectoryReader index) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    loaded = done;
    Thread.ofPlatform()
        .daemon()
        .name("quire-tag-names")
        .start(
            () -> {
              try (index) {
                addAll(index);
                done.complete(null);
              } catch (Throwable e) {
                done.completeExceptionally(e);
              }
            });
  }

  private void addAll(IndexReader index) throws IOException {
    for (TagType type : TYPES) {
      Terms terms = MultiTerms.getTerms(index, Fields.filter(type));
      if (terms == null) {
        continue;
      }
      TermsEnum e = terms.iterator();
      for (BytesRef t = e.next(); t != null && !closing; t = e.next()) {
        add(type, t.utf8ToString());
      }
    }
  }

  /** Adds a tag key of a work about to be indexed, unless it is known. */
  void add(TagType type, String key) {
    long h = hash(type, key);
    LongSet stripe = known[(int) (h >>> 60)];
    if (stripe.contains(h)) {
      return;
    }
    Document d = new Document();
    d.add(new TextField(NAME, key, Field.Store.NO));
    d.add(new StringField(TYPE, type.key(), Field.Store.NO));
    d.add(new BinaryDocValuesField(KEY, new BytesRef(key)));
    try {
      writer.addDocument(d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Known only once added, so a second thread with the same new name never returns before the
    // name is in (it may add it twice: a key found twice is one term of the filter).
    stripe.add(h);
    dirty = true;
  }

  /**
   * The works with a tag of {@code type} whose name matches {@code words}, a query on {@link
   * #NAME}; null when no name does.
   */
  Query works(TagType type, Query words) throws IOException {
    try {
      loaded.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw new IOException("Tag names could not be read from the index: " + e.getCause(), e);
    }
    Query ofType =
        new BooleanQuery.Builder()
            .add(words, Occur.MUST)
            .add(new TermQuery(new Term(TYPE, type.key())), Occur.FILTER)
            .build();
    List<BytesRef> keys = new ArrayList<>();
    if (dirty) {
      dirty = false;
      searchers.maybeRefreshBlocking();
    }
    IndexSearcher s = searchers.acquire();
    try {
      s.search(ofType, new KeyCollector(keys));
    } finally {
      searchers.release(s);
    }
    return keys.isEmpty() ? null : new TermInSetQuery(Fields.filter(type), keys);
  }

  @Override
  public void close() throws IOException {
    closing = true;
    try {
      loaded.join(); // the loader stops at its next name
    } catch (java.util.concurrent.CompletionException e) {
      // already reported to searches; nothing left to load
    }
    try (writer) {
      searchers.close();
    }
  }

  /** Collects the key of every matching name. */
  private static final class KeyCollector extends SimpleCollector {
    private final List<BytesRef> keys;
    private BinaryDocValues values;

    KeyCollector(List<BytesRef> keys) {
      this.keys = keys;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      values = context.reader().getBinaryDocValues(KEY);
    }

    @Override
    public void collect(int doc) throws IOException {
      if (values.advanceExact(doc)) {
        keys.add(BytesRef.deepCopyOf(values.binaryValue()));
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /**
   * A 64-bit hash of a type and key: the known names are kept as hashes, not strings (a million
   * works carry a quarter of a million distinct names). Two names sharing a hash, about one chance
   * in a billion at that size, would leave the second unsearchable by its words until the index is
   * next opened.
   */
  static long hash(TagType type, String key) {
    long h = 0xcbf29ce484222325L ^ type.ordinal();
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001b3L;
    }
    // Finalise (MurmurHash3's fmix64) so nearby strings spread over the table.
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** A set of longs, open addressing, 0 standing for an empty slot. */
  static final class LongSet {
    private long[] slots = new long[1 << 12];
    private int size;

    synchronized boolean contains(long v) {
      if (v == 0) {
        v = 1;
      }
      int mask = slots.length - 1;
      for (int i = (int) v & mask; slots[i] != 0; i = (i + 1) & mask) {
        if (slots[i] == v) {
          return true;
        }
      }
      return false;
    }

    /** False when {@code v} was already in the set. */
    synchronized boolean add(long v) {
      if (v == 0) {
        v = 1; // 0 marks an empty slot
      }
      int mask = slots.length - 1;
      int i = (int) v & mask;
      while (slots[i] != 0) {
        if (slots[i] == v) {
          return false;
        }
        i = (i + 1) & mask;
      }
      slots[i] = v;
      if (++size * 2 > slots.length) {
        grow();
      }
      return true;
    }

    private void grow() {
      long[] old = slots;
      slots = new long[old.length * 2];
      int mask = slots.length - 1;
      for (long v : old) {
        if (v != 0) {
          int i = (int) v & mask;
          while (slots[i] != 0) {
            i = (i + 1) & mask;
          }
          slots[i] = v;
        }
      }
    }
  }
}

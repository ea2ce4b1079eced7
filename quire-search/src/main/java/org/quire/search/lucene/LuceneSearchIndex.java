package org.quire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.quire.model.Chapter;
import org.quire.model.QuireException;
import org.quire.model.Tag;
import org.quire.model.Work;
import org.quire.search.SearchIndex;

/**
 * {@link SearchIndex} on a Lucene directory. One document per work; the work's id is the key for
 * updates, so re-indexing a work replaces it.
 */
public final class LuceneSearchIndex implements SearchIndex {
  static final String ID = "id";
  static final String ID_POINT = "id_point";
  static final String TITLE = "title";
  static final String AUTHOR = "author";
  static final String SUMMARY = "summary";
  static final String NOTES = "notes";
  static final String TEXT = "text";
  static final String TAG = "tag";
  private static final int MAX_RESULTS = 10_000;

  private final FSDirectory dir;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Analyzer analyzer;

  private LuceneSearchIndex(Path path) throws IOException {
    this.dir = FSDirectory.open(path);
    // English stemming for prose; tags and names match as typed words, without stemming.
    this.analyzer =
        new PerFieldAnalyzerWrapper(
            new EnglishAnalyzer(),
            Map.of(AUTHOR, new StandardAnalyzer(), TAG, new StandardAnalyzer()));
    IndexWriterConfig cfg = new IndexWriterConfig(analyzer);
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    this.writer = new IndexWriter(dir, cfg);
    this.searchers = new SearcherManager(writer, null);
  }

  /**
   * Opens or creates the index in {@code path}.
   *
   * @throws QuireException when the directory cannot be opened (locked by another process, say)
   */
  public static LuceneSearchIndex open(Path path) {
    try {
      return new LuceneSearchIndex(path);
    } catch (IOException e) {
      throw new QuireException(
          "Cannot open the search index in " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void index(Work work) {
    Document d = new Document();
    d.add(new StringField(ID, Long.toString(work.id()), Field.Store.YES));
    d.add(new LongPoint(ID_POINT, work.id()));
    d.add(new TextField(TITLE, work.title(), Field.Store.NO));
    for (String a : work.authors()) {
      d.add(new TextField(AUTHOR, a, Field.Store.NO));
    }
    addText(d, SUMMARY, work.summary());
    addText(d, NOTES, work.notes());
    addText(d, NOTES, work.endNotes());
    for (Chapter c : work.chapters()) {
      addText(d, TITLE, c.title());
      addText(d, NOTES, c.notes());
      d.add(new TextField(TEXT, c.text(), Field.Store.NO));
    }
    for (Tag t : work.tags()) {
      if (t.provenance().isShown()) {
        d.add(new TextField(TAG, t.name(), Field.Store.NO));
      }
    }
    d.add(new StoredField("words", work.wordCount()));
    try {
      writer.updateDocument(new Term(ID, Long.toString(work.id())), d);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addText(Document d, String field, String value) {
    if (value != null && !value.isBlank()) {
      d.add(new TextField(field, value, Field.Store.NO));
    }
  }

  @Override
  public void delete(long workId) {
    try {
      writer.deleteDocuments(new Term(ID, Long.toString(workId)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void refresh() {
    try {
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Results search(String query, int offset, int limit) {
    int off = Math.max(0, Math.min(offset, MAX_RESULTS));
    int lim = Math.max(1, Math.min(limit, 100));
    Query q = parse(query);
    try {
      IndexSearcher s = searchers.acquire();
      try {
        TopDocs top = s.search(q, Math.min(off + lim, MAX_RESULTS));
        List<Hit> hits = new ArrayList<>();
        ScoreDoc[] docs = top.scoreDocs;
        for (int i = off; i < docs.length; i++) {
          String id = s.storedFields().document(docs[i].doc).get(ID);
          hits.add(new Hit(Long.parseLong(id), docs[i].score));
        }
        return new Results(top.totalHits.value(), hits);
      } finally {
        searchers.release(s);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lenient parsing: SimpleQueryParser never throws, whatever the user typed. */
  Query parse(String query) {
    if (query == null || query.isBlank()) {
      return new MatchAllDocsQuery();
    }
    String q = query.length() > 1000 ? query.substring(0, 1000) : query;
    SimpleQueryParser p =
        new SimpleQueryParser(
            analyzer, Map.of(TITLE, 4f, AUTHOR, 3f, TAG, 3f, SUMMARY, 2f, NOTES, 1f, TEXT, 1f));
    p.setDefaultOperator(org.apache.lucene.search.BooleanClause.Occur.MUST);
    Query parsed = p.parse(q);
    return parsed == null ? new MatchAllDocsQuery() : parsed;
  }

  @Override
  public long count() {
    try {
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
      refresh();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try (dir;
        writer;
        searchers) {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.quire.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.uhighlight.FieldHighlighter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;
import org.quire.search.ChapterTexts;
import org.quire.search.SearchResults.Part;
import org.quire.search.SearchResults.Snippet;

/**
 * Finds the best matching passage of a page of hits: the query's matches come from the index as
 * positions (Lucene's matches API, so phrases, prefixes and every other query kind highlight as
 * they match), and {@link PositionOffsets} places them in the chapter text, read from the store on
 * demand. The chapters of a work are one multi-valued field joined by the highlighter's separator,
 * which is how a passage's position maps back to a chapter.
 */
final class SnippetHighlighter {
  /** Longest snippet shown; longer passages are cut around their first match. */
  static final int MAX_SNIPPET_CHARS = 320;

  private static final char SEPARATOR = '\u0000';

  private static final PassageScorer SCORER = new DistinctTermsScorer();

  private final Analyzer analyzer;
  private final ChapterTexts texts;
  private final Executor pool;

  /**
   * @param pool where half of a page's snippets are made while the caller makes the other half, or
   *     null to make them all on the caller's thread
   */
  SnippetHighlighter(Analyzer analyzer, ChapterTexts texts, Executor pool) {
    this.analyzer = analyzer;
    this.texts = texts;
    this.pool = pool;
  }

  /**
   * Snippets by document, for the given documents (work ids alongside). A page's hits are split in
   * two, one half made on the pool: each hit's text is tokenized again to place its matches, and
   * one reader waits for the whole page.
   */
  Map<Integer, Snippet> highlight(
      IndexSearcher searcher, Query textQuery, int[] docIds, Map<Integer, Long> workIds)
      throws IOException {
    if (pool == null || docIds.length < 2) {
      return highlightOn(searcher, textQuery, docIds, workIds);
    }
    int half = docIds.length / 2;
    int[] theirs = Arrays.copyOfRange(docIds, half, docIds.length);
    FutureTask<Map<Integer, Snippet>> other =
        new FutureTask<>(() -> highlightOn(searcher, textQuery, theirs, workIds));
    try {
      pool.execute(other);
    } catch (RejectedExecutionException e) {
      // The pool is shutting down with the index: the caller makes them all (other.run below).
    }
    Map<Integer, Snippet> byDoc =
        new HashMap<>(highlightOn(searcher, textQuery, Arrays.copyOf(docIds, half), workIds));
    other.run(); // makes them here when no pool thread has started yet; else does nothing
    try {
      byDoc.putAll(other.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while making snippets", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
    return byDoc;
  }

  private Map<Integer, Snippet> highlightOn(
      IndexSearcher searcher, Query textQuery, int[] docIds, Map<Integer, Long> workIds)
      throws IOException {
    if (docIds.length == 0) {
      return Map.of();
    }
    Highlighter h = new Highlighter(searcher, analyzer, workIds, texts);
    Object[] out = h.snippets(textQuery, docIds);
    Map<Integer, Snippet> byDoc = new HashMap<>();
    for (int i = 0; i < docIds.length; i++) {
      if (out[i] instanceof Snippet s) {
        byDoc.put(docIds[i], s);
      }
    }
    return byDoc;
  }

  private static final class Highlighter extends UnifiedHighlighter {
    private final Map<Integer, Long> workIds;
    private final ChapterTexts texts;

    Highlighter(
        IndexSearcher searcher, Analyzer analyzer, Map<Integer, Long> workIds, ChapterTexts texts) {
      super(
          UnifiedHighlighter.builder(searcher, analyzer)
              .withMaxLength(Integer.MAX_VALUE - 1)
              .withMaxNoHighlightPassages(0)
              .withFormatter(new Formatter()));
      this.workIds = workIds;
      this.texts = texts;
    }

    /**
     * {@link SentenceBreaks} directly: it ends passages at the chapter separator itself, so the
     * splitting iterator Lucene wraps around it (a substring of the chapter each time a match is in
     * another chapter) is not needed.
     */
    @Override
    protected FieldHighlighter newFieldHighlighter(
        String field,
        FieldOffsetStrategy offsets,
        java.text.BreakIterator splitting,
        PassageScorer scorer,
        int maxPassages,
        int maxNoHighlightPassages,
        PassageFormatter formatter,
        java.util.Comparator<Passage> order) {
      return super.newFieldHighlighter(
          field,
          offsets,
          new SentenceBreaks(SEPARATOR),
          scorer,
          maxPassages,
          maxNoHighlightPassages,
          formatter,
          order);
    }

    /** Matches by position, placed in the text by tokenizing it again (no offsets indexed). */
    @Override
    protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
      return new PositionsStrategy(components);
    }

    @Override
    protected PassageScorer getScorer(String field) {
      return SCORER;
    }

    Object[] snippets(Query q, int[] docIds) throws IOException {
      int[] maxPassages = {1};
      return highlightFieldsAsObjects(new String[] {Fields.TEXT}, q, docIds, maxPassages)
          .get(Fields.TEXT);
    }

    /**
     * The chapters joined by the separator. A separator inside a chapter (ingest removes them, but
     * text can come from elsewhere) becomes a space: both end words alike, and chapters then line
     * up with the index's values.
     */
    private static String joined(List<String> chapters) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < chapters.size(); i++) {
        if (i > 0) {
          b.append(SEPARATOR);
        }
        String c = chapters.get(i);
        b.append(c.indexOf(SEPARATOR) < 0 ? c : c.replace(SEPARATOR, ' '));
      }
      return b.toString();
    }

    @Override
    protected List<CharSequence[]> loadFieldValues(
        String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
      List<CharSequence[]> out = new ArrayList<>();
      long chars = 0;
      for (int doc = docIter.nextDoc();
          doc != DocIdSetIterator.NO_MORE_DOCS;
          doc = docIter.nextDoc()) {
        Long id = workIds.get(doc);
        List<String> chapters = id == null ? List.of() : texts.of(id);
        CharSequence[] values = new CharSequence[fields.length];
        for (int f = 0; f < fields.length; f++) {
          values[f] = joined(chapters);
          chars += values[f].length();
        }
        out.add(values);
        // As the default loader does: stop once the budget is spent (always at least one doc).
        if (chars > cacheCharsThreshold) {
          break;
        }
      }
      return out;
    }
  }

  /** Offsets of a document's matches from their positions; see {@link PositionOffsets}. */
  private static final class PositionsStrategy extends FieldOffsetStrategy {
    PositionsStrategy(UHComponents components) {
      super(components);
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
      // As offsets read from postings: the highlighter then loads texts for many hits at once.
      return UnifiedHighlighter.OffsetSource.POSTINGS;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int docId, String content)
        throws IOException {
      if (components.query() == null || reader.terms(getField()) == null) {
        return OffsetsEnum.EMPTY;
      }
      IndexSearcher one = new IndexSearcher(reader);
      one.setQueryCache(null);
      Matches matches =
          one.rewrite(components.query())
              .createWeight(one, ScoreMode.COMPLETE_NO_SCORES, 1f)
              .matches(reader.getContext(), docId);
      MatchesIterator it = matches == null ? null : matches.getMatches(getField());
      if (it == null) {
        return OffsetsEnum.EMPTY;
      }
      return new OffsetsEnum.OfMatchesIteratorWithSubs(
          new Placed(it, new PositionOffsets(content, SEPARATOR)));
    }
  }

  /** A matches iterator whose offsets are its positions placed in the text. */
  private record Placed(MatchesIterator in, PositionOffsets offsets) implements MatchesIterator {
    @Override
    public boolean next() throws IOException {
      return in.next();
    }

    @Override
    public int startPosition() {
      return in.startPosition();
    }

    @Override
    public int endPosition() {
      return in.endPosition();
    }

    @Override
    public int startOffset() {
      return offsets.start(in.startPosition());
    }

    @Override
    public int endOffset() {
      return offsets.end(in.endPosition());
    }

    @Override
    public MatchesIterator getSubMatches() throws IOException {
      MatchesIterator sub = in.getSubMatches();
      return sub == null ? null : new Placed(sub, offsets);
    }

    @Override
    public Query getQuery() {
      return in.getQuery();
    }
  }

  /**
   * Lucene's passage score (BM25 over the passage, weighted towards the start) without a new {@code
   * BytesRefHash} per passage: that hash allocates a 32 KB block each time, and a common word in a
   * long work makes hundreds of passages (15 % of a search page's time). A passage holds a handful
   * of distinct terms, found here by comparing them; terms are summed in the same order.
   */
  static final class DistinctTermsScorer extends PassageScorer {
    @Override
    public float score(Passage passage, int contentLength) {
      int n = passage.getNumMatches();
      BytesRef[] terms = passage.getMatchTerms();
      int[] inDoc = passage.getMatchTermFreqsInDoc();
      BytesRef[] distinct = new BytesRef[n];
      int[] inPassage = new int[n];
      int[] docFreq = new int[n];
      int size = 0;
      for (int i = 0; i < n; i++) {
        int t = 0;
        while (t < size && !distinct[t].bytesEquals(terms[i])) {
          t++;
        }
        if (t == size) {
          distinct[size] = terms[i];
          docFreq[size++] = inDoc[i];
        }
        inPassage[t]++;
      }
      double score = 0d;
      for (int t = 0; t < size; t++) {
        score += tf(inPassage[t], passage.getLength()) * weight(contentLength, docFreq[t]);
      }
      return (float) (score * norm(passage.getStartOffset()));
    }
  }

  /** Turns the best passage into a {@link Snippet}: chapter, offset in it, marked parts. */
  private static final class Formatter extends PassageFormatter {
    @Override
    public Object format(Passage[] passages, String content) {
      if (passages.length == 0 || passages[0].getNumMatches() == 0) {
        return null;
      }
      Passage p = passages[0];
      int start = p.getStartOffset();
      int end = p.getEndOffset();
      int firstMatch = p.getMatchStarts()[0];
      if (end - start > MAX_SNIPPET_CHARS) {
        start = Math.max(start, firstMatch - MAX_SNIPPET_CHARS / 3);
        start = wordStart(content, start);
        end = Math.min(end, start + MAX_SNIPPET_CHARS);
      }
      int chapter = 1;
      int chapterStart = 0;
      for (int i = 0; i < start; i++) {
        if (content.charAt(i) == SEPARATOR) {
          chapter++;
          chapterStart = i + 1;
        }
      }
      List<Part> parts = new ArrayList<>();
      int pos = start;
      for (int m = 0; m < p.getNumMatches(); m++) {
        int ms = Math.max(p.getMatchStarts()[m], pos);
        int me = Math.min(p.getMatchEnds()[m], end);
        if (ms >= me) {
          continue;
        }
        if (ms > pos) {
          parts.add(new Part(content.substring(pos, ms), false));
        }
        parts.add(new Part(content.substring(ms, me), true));
        pos = me;
      }
      if (pos < end) {
        parts.add(new Part(content.substring(pos, end), false));
      }
      return new Snippet(chapter, start - chapterStart, parts);
    }

    private static int wordStart(String s, int i) {
      int j = i;
      while (j > 0 && j > i - 30 && !Character.isWhitespace(s.charAt(j - 1))) {
        j--;
      }
      return j;
    }
  }
}

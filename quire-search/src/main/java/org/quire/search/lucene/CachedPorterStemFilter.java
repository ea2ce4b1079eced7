package org.quire.search.lucene;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lucene's Porter stemmer with the stems of recent words remembered: prose repeats a few thousand
 * words most of the time, and looking a word up costs a fraction of stemming it again. A word not
 * remembered goes through a {@link PorterStemFilter} of its own, so the terms are exactly that
 * filter's. The memory is per analysis chain (one per indexing thread) and starts over when full.
 */
final class CachedPorterStemFilter extends TokenFilter {
  /** Distinct words remembered before starting over (a few MB at most). */
  static final int MAX_WORDS = 50_000;

  private final int maxWords;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final CharArrayMap<char[]> stems = new CharArrayMap<>(1024, false);
  private final OneWord word = new OneWord();
  private final PorterStemFilter porter = new PorterStemFilter(word);
  private final CharTermAttribute stemmed = porter.getAttribute(CharTermAttribute.class);

  CachedPorterStemFilter(TokenStream in) {
    this(in, MAX_WORDS);
  }

  CachedPorterStemFilter(TokenStream in, int maxWords) {
    super(in);
    this.maxWords = maxWords;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] buf = term.buffer();
    int len = term.length();
    char[] stem = stems.get(buf, 0, len);
    if (stem == null) {
      stem = stem(buf, len);
      if (stems.size() >= maxWords) {
        stems.clear();
      }
      stems.put(Arrays.copyOf(buf, len), stem);
    }
    if (stem != NO_CHANGE) {
      term.copyBuffer(stem, 0, stem.length);
    }
    return true;
  }

  /** Marks a word that is its own stem, so it is neither copied nor rewritten. */
  private static final char[] NO_CHANGE = new char[0];

  private char[] stem(char[] buf, int len) throws IOException {
    word.set(buf, len);
    porter.reset();
    porter.incrementToken();
    char[] out = stemmed.buffer();
    int n = stemmed.length();
    if (n == len && Arrays.equals(out, 0, n, buf, 0, len)) {
      return NO_CHANGE;
    }
    return Arrays.copyOf(out, n);
  }

  /** A token stream of the one word being stemmed. */
  private static final class OneWord extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] buf;
    private int len;
    private boolean given;

    void set(char[] buf, int len) {
      this.buf = buf;
      this.len = len;
      given = false;
    }

    @Override
    public boolean incrementToken() {
      if (given) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(buf, 0, len);
      given = true;
      return true;
    }
  }
}

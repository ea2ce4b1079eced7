package org.quire.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The index's analysis chains. Prose (titles, summaries, notes, chapter text) is stemmed so
 * "kissed" finds "kissing"; names and tags are folded but not stemmed. Both drop possessives
 * ("Buffy's" and "Buffy’s" find Buffy), lower-case and fold accents ("Zoë" finds "Zoe"), all in one
 * pass ({@link WordTokenizer}). Stop words are kept so phrases such as "to be or not to be" mean
 * what they say.
 */
final class Analyzers {
  /**
   * Changes whenever the chains make different terms of the same text, or the text's postings
   * change shape (3: positions without offsets; 4: the words of a work's tag keys in one field, a
   * type's words looked up in {@link TagNames}): an index built otherwise is rebuilt when opened.
   */
  static final String VERSION = "4";

  /** Gap between values of a multi-valued field (chapters): phrases never span two. */
  static final int VALUE_GAP = 100;

  private Analyzers() {}

  static Analyzer prose() {
    return new Chain(true);
  }

  static Analyzer names() {
    return new Chain(false);
  }

  /** Per field: prose fields stemmed, every other field as names. */
  static Analyzer perField() {
    Analyzer prose = prose();
    Analyzer names = names();
    return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String field) {
        return Fields.PROSE.contains(field) ? prose : names;
      }
    };
  }

  private static final class Chain extends Analyzer {
    private final boolean stem;

    Chain(boolean stem) {
      this.stem = stem;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new WordTokenizer();
      return new TokenStreamComponents(source, stem ? new PorterStemFilter(source) : source);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
      return VALUE_GAP;
    }
  }
}

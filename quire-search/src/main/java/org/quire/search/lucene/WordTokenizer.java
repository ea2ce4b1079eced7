package org.quire.search.lucene;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Words, lower-cased, accents folded and possessives dropped, in one pass over the text: what
 * Lucene's {@code StandardTokenizer}, {@code EnglishPossessiveFilter}, {@code LowerCaseFilter} and
 * {@code ASCIIFoldingFilter} make of prose, at a fraction of their cost (indexing chapter text is
 * most of an import's search work).
 *
 * <p>A word is a run of letters, digits and combining marks; an apostrophe or a period between two
 * letters stays inside it ("don't", "U.S.A"), an underscore between letters or digits ("foo_bar"),
 * and a period or comma between two digits ("3.14", "1,000"). A trailing "'s" (either apostrophe)
 * is dropped, so "Buffy's" is "buffy". Han ideographs, Hiragana and other scripts written without
 * spaces between words are one token per character, as the Unicode word-break rules give them
 * without a dictionary; Katakana, Thai and the like stay in runs. Words longer than 255 characters
 * are cut into pieces of 255. Everything else (spaces, punctuation, symbols, emoji) separates
 * words.
 */
final class WordTokenizer extends Tokenizer {
  static final int MAX_WORD = 255;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);

  private char[] buf = new char[4096];
  private int len; // chars in buf
  private int pos; // next char to look at
  private int consumed; // chars of the input before buf[0]
  private boolean eof;
  private char[] fold = new char[4 * MAX_WORD];
  private int finalOffset;

  @Override
  public boolean incrementToken() throws IOException {
    clearAttributes();
    if (!nextWord()) {
      return false;
    }
    if (single) {
      term.setLength(
          Character.toChars(Character.codePointAt(buf, start, len), term.resizeBuffer(2), 0));
    } else {
      emit(start, stop);
    }
    offset.setOffset(startOffset(), endOffset());
    return true;
  }

  // The word nextWord() found: buf[start, end), its term made of buf[start, stop) (no possessive),
  // single when it is one character of a script written without spaces.
  private int start;
  private int end;
  private int stop;
  private boolean single;

  /**
   * Moves to the next word without making its term or touching the attributes, for callers that
   * want only where words are ({@link PositionOffsets}); false at the end of the text.
   */
  boolean nextWord() throws IOException {
    while (true) {
      if (len - pos < 2) {
        ensure(2); // never split a surrogate pair
      }
      if (pos >= len) {
        finalOffset = correctOffset(consumed + len);
        return false;
      }
      int c = Character.codePointAt(buf, pos, len);
      int kind = kind(c);
      if (kind == OTHER) {
        pos += Character.charCount(c);
        continue;
      }
      ensure(MAX_WORD + 4); // a whole word, plus look-ahead for joiners, is in the buffer
      single = kind == SINGLE;
      if (single) {
        start = pos;
        pos += Character.charCount(c);
        end = stop = pos;
      } else {
        word();
      }
      return true;
    }
  }

  /** Offset in the text of the first character of the word nextWord() found. */
  int startOffset() {
    return correctOffset(consumed + start);
  }

  /** Offset in the text just past the word nextWord() found. */
  int endOffset() {
    return correctOffset(consumed + end);
  }

  private static final int OTHER = 0;
  private static final int WORD = 1;
  private static final int SINGLE = 2;

  private static int kind(int c) {
    if (c < 0x80) {
      return asciiWord(c) ? WORD : OTHER;
    }
    if (Character.isIdeographic(c)) {
      return SINGLE;
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(c);
    if (s == Character.UnicodeScript.HIRAGANA) {
      return SINGLE;
    }
    return Character.isLetterOrDigit(c) || isMark(c) ? WORD : OTHER;
  }

  private static boolean asciiWord(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  private static boolean isMark(int c) {
    int t = Character.getType(c);
    return t == Character.NON_SPACING_MARK
        || t == Character.COMBINING_SPACING_MARK
        || t == Character.ENCLOSING_MARK;
  }

  private void word() {
    int start = pos;
    int end = pos;
    while (end < len && end - start < MAX_WORD) {
      char ch = buf[end];
      if (ch < 0x80) { // most prose: no code points or Unicode tables needed
        if (asciiWord(ch)) {
          end++;
          continue;
        }
      } else {
        int c = Character.codePointAt(buf, end, len);
        if (kind(c) == WORD) {
          end += Character.charCount(c);
          continue;
        }
      }
      if ((ch == '\'' || ch == '’' || ch == '_' || ch == '.' || ch == ',')
          && end > start
          && end + 1 < len
          && end + 1 - start < MAX_WORD
          && joins(ch, buf[end - 1], buf[end + 1])) {
        end += 1;
        continue;
      }
      break;
    }
    pos = end;
    // The possessive 's (or ’s, 'S) ends the word; drop it.
    int stop = end;
    if (stop - start >= 3
        && (buf[stop - 1] == 's' || buf[stop - 1] == 'S')
        && (buf[stop - 2] == '\'' || buf[stop - 2] == '’')) {
      stop -= 2;
    }
    this.start = start;
    this.end = end;
    this.stop = stop;
  }

  /** A joiner stays inside a word only between two characters of the same sort. */
  private static boolean joins(char c, char prev, char next) {
    boolean letters = Character.isLetter(prev) && Character.isLetter(next);
    boolean digits = Character.isDigit(prev) && Character.isDigit(next);
    return ((c == '\'' || c == '’') && letters)
        || (c == '_' && Character.isLetterOrDigit(prev) && Character.isLetterOrDigit(next))
        || (c == '.' && (letters || digits))
        || (c == ',' && digits);
  }

  /** Lower-cases and folds buf[from, to) into the term. */
  private void emit(int from, int to) {
    int n = to - from;
    char[] t = term.resizeBuffer(n);
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      char ch = buf[from + i];
      if (ch >= 'A' && ch <= 'Z') {
        ch += 32;
      } else if (ch >= 0x80) {
        ascii = false;
      }
      t[i] = ch;
    }
    if (ascii) {
      term.setLength(n);
      return;
    }
    // Lower-case by code point (Lucene's LowerCaseFilter does the same), then fold to ASCII.
    int w = 0;
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(t, i, n);
      i += Character.charCount(cp);
      w += Character.toChars(Character.toLowerCase(cp), t, w);
    }
    if (fold.length < 4 * w) {
      fold = new char[4 * w];
    }
    int folded = ASCIIFoldingFilter.foldToASCII(t, 0, fold, 0, w);
    term.copyBuffer(fold, 0, folded);
  }

  /** Makes sure {@code need} chars from pos are in the buffer, unless the input ends first. */
  private void ensure(int need) throws IOException {
    if (len - pos >= need || eof) {
      return;
    }
    // Shift the unread part to the front and read more.
    System.arraycopy(buf, pos, buf, 0, len - pos);
    consumed += pos;
    len -= pos;
    pos = 0;
    while (!eof && len < buf.length) {
      int r = input.read(buf, len, buf.length - len);
      if (r < 0) {
        eof = true;
      } else {
        len += r;
      }
      if (len - pos >= need) {
        break;
      }
    }
  }

  @Override
  public void end() throws IOException {
    super.end();
    offset.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    len = 0;
    pos = 0;
    consumed = 0;
    eof = false;
    finalOffset = 0;
  }
}

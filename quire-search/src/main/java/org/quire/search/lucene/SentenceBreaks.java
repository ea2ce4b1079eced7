package org.quire.search.lucene;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Passage boundaries for snippets: the start of a sentence (after {@code . ! ? …}, closing quotes
 * and brackets allowed, then whitespace, and not a lower-case letter) or of a line, found by
 * looking at most {@link #REACH} characters either way; where prose has no boundary that near, a
 * word start at that distance.
 *
 * <p>The JDK's sentence iterator, which the highlighter uses by default, works out where it is by
 * rescanning from far back: highlighting a common word in a 10,000-word work took 60 % of a search
 * page's time. Here every call costs at most the reach, however long the chapter.
 */
final class SentenceBreaks extends BreakIterator {
  /** How far a boundary is looked for; beyond it, a snippet is cut at a word anyway. */
  static final int REACH = 400;

  private final char separator;
  private String text = "";
  private int current;

  /**
   * Boundaries of values joined by {@code separator}: one falls on each side of it, so no passage
   * holds it or spans two values.
   */
  SentenceBreaks(char separator) {
    this.separator = separator;
  }

  @Override
  public int first() {
    current = 0;
    return current;
  }

  @Override
  public int last() {
    current = text.length();
    return current;
  }

  @Override
  public int next(int n) {
    int result = current;
    for (int i = 0; i < n && result != DONE; i++) {
      result = next();
    }
    for (int i = 0; i > n && result != DONE; i--) {
      result = previous();
    }
    return result;
  }

  @Override
  public int next() {
    if (current >= text.length()) {
      return DONE;
    }
    return following(current);
  }

  @Override
  public int previous() {
    if (current <= 0) {
      return DONE;
    }
    return preceding(current);
  }

  @Override
  public int following(int offset) {
    check(offset);
    if (offset == text.length()) {
      current = offset;
      return DONE;
    }
    int limit = Math.min(text.length(), offset + REACH);
    for (int i = offset + 1; i < limit; i++) {
      if (isBreak(i)) {
        return current = i;
      }
    }
    if (limit == text.length()) {
      return current = limit;
    }
    return current = wordStartAtOrAfter(limit);
  }

  @Override
  public int preceding(int offset) {
    check(offset);
    if (offset == 0) {
      current = 0;
      return DONE;
    }
    int limit = Math.max(0, offset - REACH);
    for (int i = offset - 1; i > limit; i--) {
      if (isBreak(i)) {
        return current = i;
      }
    }
    if (limit == 0) {
      return current = 0;
    }
    int word = wordStartAtOrAfter(limit);
    return current = word < offset ? word : limit;
  }

  @Override
  public boolean isBoundary(int offset) {
    check(offset);
    current = offset;
    return offset == 0 || offset == text.length() || isBreak(offset);
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public CharacterIterator getText() {
    StringCharacterIterator it = new StringCharacterIterator(text);
    it.setIndex(current);
    return it;
  }

  @Override
  public void setText(String newText) {
    text = newText;
    current = 0;
  }

  @Override
  public void setText(CharacterIterator it) {
    StringBuilder b = new StringBuilder(it.getEndIndex() - it.getBeginIndex());
    for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) {
      b.append(c);
    }
    setText(b.toString());
  }

  private void check(int offset) {
    if (offset < 0 || offset > text.length()) {
      throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
    }
  }

  /** Whether a sentence or line starts at {@code i} (0 < i < length). */
  private boolean isBreak(int i) {
    char here = text.charAt(i);
    char before = text.charAt(i - 1);
    if (here == separator || before == separator) {
      return true;
    }
    if (Character.isWhitespace(here) || !Character.isWhitespace(before)) {
      return false;
    }
    int j = i - 1;
    boolean newline = false;
    while (j >= 0 && Character.isWhitespace(text.charAt(j)) && text.charAt(j) != separator) {
      newline |= text.charAt(j) == '\n';
      j--;
      if (i - j > REACH) {
        return true; // a gap this wide ends a passage too
      }
    }
    if (newline || j < 0) {
      return true;
    }
    if (Character.isLowerCase(here)) {
      return false; // "e.g. the", or dialogue going on: “Three?” she asked
    }
    while (j > 0 && isCloser(text.charAt(j))) {
      j--;
    }
    char end = text.charAt(j);
    return end == '.' || end == '!' || end == '?' || end == '…';
  }

  private static boolean isCloser(char c) {
    return c == '"' || c == '\'' || c == '”' || c == '’' || c == ')' || c == ']' || c == '»';
  }

  private int wordStartAtOrAfter(int i) {
    int n = text.length();
    int stop = Math.min(n, i + 40);
    for (int j = i; j < stop; j++) {
      if (j > 0
          && Character.isWhitespace(text.charAt(j - 1))
          && !Character.isWhitespace(text.charAt(j))) {
        return j;
      }
    }
    return i;
  }
}

package org.quire.text;

/**
 * Counts words the way AO3 does closely enough to compare: runs of letters and digits, joined by
 * inner apostrophes or hyphens ("don't", "well-known" are one word), with each CJK character
 * counted as a word. Dashes, ellipses and other punctuation are not words, so "Xander…or" is two;
 * nor are scene-break lines made of letters ("oOo", "xXx").
 */
public final class WordCounter {
  private WordCounter() {}

  /**
   * @param text any text
   * @return the number of words in it
   */
  public static int count(CharSequence text) {
    int count = 0;
    boolean inWord = false;
    int n = text.length();
    // A letter divider ("oOo", "xXx") is a scene break, which Quire keeps as structure and
    // exports as a break: not a word (so a work counts the same after a round trip). Lines are
    // checked where they start, so the loop over characters pays nothing for it.
    int first = dividerEnd(text, 0);
    for (int i = first > 0 ? first : 0; i < n; ) {
      int cp = Character.codePointAt(text, i);
      int len = Character.charCount(cp);
      if (isCjk(cp)) {
        count++;
        inWord = false;
      } else if (Character.isLetterOrDigit(cp)
          || Character.getType(cp) == Character.NON_SPACING_MARK) {
        if (!inWord) {
          count++;
          inWord = true;
        }
      } else if (inWord
          && isJoiner(cp)
          && i + len < n
          && Character.isLetterOrDigit(Character.codePointAt(text, i + len))) {
        // stays in the word: don't, well-known, 3.5
      } else {
        inWord = false;
        if (cp == '\n') {
          int end = dividerEnd(text, i + 1);
          if (end > 0) {
            i = end;
            continue;
          }
        }
      }
      i += len;
    }
    return count;
  }

  /**
   * The end of the line starting at {@code start} when it is a letter divider (after any spaces),
   * else -1. Cheap for prose: most lines fail on their first character.
   */
  private static int dividerEnd(CharSequence text, int start) {
    int n = text.length();
    int i = start;
    while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    if (i >= n || "oOxX0-~=*_.\\".indexOf(text.charAt(i)) < 0) {
      return -1;
    }
    int end = i;
    while (end < n && text.charAt(end) != '\n') {
      if (end - i > 40) {
        return -1;
      }
      end++;
    }
    // A divider without letters ("***") holds no words either way.
    return SceneBreaks.isBreak(text.subSequence(i, end).toString()) ? end : -1;
  }

  private static boolean isJoiner(int cp) {
    return cp == '\'' || cp == '’' || cp == '-' || cp == '‐' || cp == '.' || cp == '_';
  }

  private static boolean isCjk(int cp) {
    if (cp < 0x2E80) {
      return false; // below the CJK blocks: skip the script lookup (a binary search) for most text
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN
        || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }
}

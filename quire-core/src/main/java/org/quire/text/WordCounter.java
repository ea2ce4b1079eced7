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
    boolean lineStart = true;
    int n = text.length();
    for (int i = 0; i < n; ) {
      int cp = Character.codePointAt(text, i);
      int len = Character.charCount(cp);
      if (cp == '\n') {
        lineStart = true;
      } else if (lineStart && cp != ' ' && cp != '\t') {
        lineStart = false;
        // A letter divider ("oOo", "xXx") is a scene break, which Quire keeps as structure and
        // exports as a break: not a word (so a work counts the same after a round trip).
        int end = dividerEnd(text, i);
        if (end > 0) {
          i = end;
          inWord = false;
          continue;
        }
      }
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
      }
      i += len;
    }
    return count;
  }

  /** The end of the line at {@code i} when it is a letter divider, else -1. Cheap for prose. */
  private static int dividerEnd(CharSequence text, int i) {
    char c = text.charAt(i);
    if ("oOxX0-~=*_.".indexOf(c) < 0) {
      return -1;
    }
    int n = text.length();
    int end = i;
    while (end < n && text.charAt(end) != '\n') {
      if (end - i > 40) {
        return -1;
      }
      end++;
    }
    String line = text.subSequence(i, end).toString();
    boolean hasLetter = line.chars().anyMatch(Character::isLetterOrDigit);
    return hasLetter && SceneBreaks.isBreak(line) ? end : -1;
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

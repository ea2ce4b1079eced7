package org.quire.text;

import java.util.regex.Pattern;

/** Recognises scene-break lines: {@code ***}, {@code * * *}, {@code ~~~}, {@code ---}, oOo, ❖. */
public final class SceneBreaks {
  private SceneBreaks() {}

  // Writers' favourite letter-based dividers (Markdown's escapes allowed around them); anything
  // else must contain no letters or digits.
  private static final Pattern LETTER_DIVIDER =
      Pattern.compile(
          "^[-~=*_.\\\\\\s]*(?:oOo|OoO|o0o|0o0|xXx|XxX|xox|XoX|oxo|OxO)(?:[oOxX0]*)[-~=*_.\\\\\\s]*$");

  /** A letter's hugs and kisses, "xoxo" or "XOXO": words, not a divider. */
  private static final Pattern KISSES = Pattern.compile("(?:xo){2,}x?|(?:XO){2,}X?");

  /**
   * A divider of x's and o's: "xxxxx", "-x-x-x-", "x-x-x", "-o-o-o-", "ooOOoo". Three letters or
   * more with dividers other than spaces between them, five alike of x, or o's changing case; a
   * word ("Ooooh") or a letter's kisses ("x x x", "xx xx") is not.
   */
  private static boolean xoDivider(String s) {
    int letters = 0;
    boolean divided = false;
    boolean rising = false;
    boolean allX = true;
    char prev = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("xXoO".indexOf(c) >= 0) {
        if (letters > 0 && "xXoO ".indexOf(prev) < 0) {
          divided = true;
        }
        rising |= prev == 'o' && c == 'O';
        allX &= c == 'x' || c == 'X';
        letters++;
      } else if ("-~=*_. \\".indexOf(c) < 0) {
        return false;
      }
      prev = c;
    }
    return letters >= 3 && divided || letters >= 5 && (allX || rising);
  }

  /**
   * @param line one line of text, with or without surrounding spaces
   * @return true when the line is a scene break rather than words
   */
  public static boolean isBreak(String line) {
    String s = line.strip();
    if (s.isEmpty() || s.length() > 40) {
      return false;
    }
    if (KISSES.matcher(s).matches()) {
      return false;
    }
    if (LETTER_DIVIDER.matcher(s).matches() || xoDivider(s)) {
      return true;
    }
    boolean onlyPunctuationOfSpeech = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        return false;
      }
      // A line of just "..." or "?!" or quotes is a pause in dialogue, not a break.
      if ("….?!\"'“”‘’()[] \t".indexOf(cp) < 0) {
        onlyPunctuationOfSpeech = false;
      }
    }
    return !onlyPunctuationOfSpeech;
  }
}

package org.quire.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a chapter's text into paragraphs and scene breaks, keeping each block's offsets into the
 * original text so that evidence and search hits can point at exact places.
 *
 * <p>Stories come in two shapes: blank-line separated paragraphs (possibly hard-wrapped at ~70
 * columns), and one paragraph per line with no blank lines at all (typical of text pasted from a
 * web page). The shape is decided once per text.
 */
public final class Paragraphs {
  private Paragraphs() {}

  /** What a block is. */
  public enum Kind {
    PARAGRAPH,
    BREAK
  }

  /**
   * One block of a chapter.
   *
   * @param kind paragraph or scene break
   * @param text the paragraph's text; line breaks inside it are kept as '\n' unless the text was
   *     hard-wrapped, in which case they are joined with spaces
   * @param start offset of the block's first character in the chapter text
   * @param end offset after its last character
   */
  public record Block(Kind kind, String text, int start, int end) {}

  /**
   * @param text a chapter's text
   * @return its blocks in order; blank lines produce no block
   */
  public static List<Block> split(String text) {
    return split(text, isBlankSeparated(text));
  }

  /**
   * Splits with the shape decided beforehand, e.g. once for a whole work whose chapters may be too
   * short to tell.
   *
   * @param blankSeparated whether paragraphs are separated by blank lines
   */
  public static List<Block> split(String text, boolean blankSeparated) {
    List<int[]> lines = lines(text);
    List<Block> out = new ArrayList<>();
    int runStart = -1;
    int runEnd = -1;
    for (int[] l : lines) {
      String line = text.substring(l[0], l[1]);
      boolean blank = line.isBlank();
      boolean brk = !blank && SceneBreaks.isBreak(line);
      if (blank || brk || !blankSeparated) {
        if (runStart >= 0) {
          out.add(paragraph(text, runStart, runEnd));
          runStart = -1;
        }
        if (brk) {
          out.add(new Block(Kind.BREAK, "", l[0], l[1]));
        } else if (!blank) {
          out.add(paragraph(text, l[0], l[1]));
        }
      } else {
        if (runStart < 0) {
          runStart = l[0];
        }
        runEnd = l[1];
      }
    }
    if (runStart >= 0) {
      out.add(paragraph(text, runStart, runEnd));
    }
    return out;
  }

  private static Block paragraph(String text, int start, int end) {
    int s = start;
    while (s < end && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    int e = end;
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    String body = text.substring(s, e);
    if (isHardWrapped(body)) {
      body = body.replaceAll("[ \\t]*\\n[ \\t]*", " ");
    }
    return new Block(Kind.PARAGRAPH, body, s, e);
  }

  /** Lines of 50–90 columns, three or more of them: prose wrapped by an editor, not verse. */
  static boolean isHardWrapped(String block) {
    String[] ls = block.split("\n");
    if (ls.length < 3) {
      return false;
    }
    int longish = 0;
    for (int i = 0; i < ls.length - 1; i++) {
      int len = ls[i].strip().length();
      if (len >= 50 && len <= 90) {
        longish++;
      }
    }
    return longish * 10 >= (ls.length - 1) * 7;
  }

  /** True when paragraphs are told apart by blank lines rather than by line ends. */
  public static boolean isBlankSeparated(String text) {
    return isBlankSeparated(text, lines(text));
  }

  static boolean isBlankSeparated(String text, List<int[]> lines) {
    int nonBlank = 0;
    int blankRuns = 0;
    boolean prevBlank = false;
    for (int[] l : lines) {
      boolean blank = text.substring(l[0], l[1]).isBlank();
      if (blank && !prevBlank && nonBlank > 0) {
        blankRuns++;
      }
      if (!blank) {
        nonBlank++;
      }
      prevBlank = blank;
    }
    return blankRuns > 0 && blankRuns * 5 >= nonBlank;
  }

  /**
   * @return [start, end) offsets of each line, without its '\n'
   */
  public static List<int[]> lines(String text) {
    List<int[]> out = new ArrayList<>();
    int start = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) == '\n') {
        out.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (start < n) {
      out.add(new int[] {start, n});
    }
    return out;
  }
}

package org.quire.search.lucene;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Where each indexed position of a work's chapter text lies in that text, worked out by tokenizing
 * it again, as far as asked and no further. Chapter text is indexed with positions but without
 * offsets: offsets doubled the size of the text's postings and cost a fifth of indexing time, and
 * they are only needed for the few works a results page shows, whose text the snippets read anyway.
 *
 * <p>Positions follow Lucene's numbering of a multi-valued field: the first word is 0, each word
 * adds one (the tokenizer never skips or stacks positions; stemming keeps them), and each chapter
 * after the first starts {@link Analyzers#VALUE_GAP} + 1 positions after the last word before it,
 * empty chapters included. The text is the chapters joined by one separator character, as the
 * highlighter sees them.
 */
final class PositionOffsets {
  private final String content;
  private final char separator;
  private final WordTokenizer tokenizer = new WordTokenizer();

  private int[] starts = new int[256];
  private int[] ends = new int[256];
  private int known; // positions [0, known) are mapped (gap positions hold -1)
  private int position = -1; // last position handed out by the tokenizer
  private int chapterStart = -1; // offset of the chapter being read, -1 before the first
  private boolean reading;
  private boolean done;

  PositionOffsets(String content, char separator) {
    this.content = content;
    this.separator = separator;
  }

  /** Offset of the first character of the word at {@code position}, or the text's length. */
  int start(int position) {
    return reach(position) ? starts[position] : content.length();
  }

  /** Offset just past the word at {@code position}, or the text's length. */
  int end(int position) {
    return reach(position) ? ends[position] : content.length();
  }

  /** Tokenizes on until {@code target} is mapped; false when the text has no such word. */
  private boolean reach(int target) {
    if (target < 0) {
      return false;
    }
    try {
      while (known <= target && !done) {
        if (!reading) {
          openNextChapter();
          continue;
        }
        if (tokenizer.nextWord()) {
          record(
              ++position,
              chapterStart + tokenizer.startOffset(),
              chapterStart + tokenizer.endOffset());
        } else {
          tokenizer.end();
          tokenizer.close();
          reading = false;
          position += Analyzers.VALUE_GAP; // Lucene adds the gap after every value
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading a string does not fail
    }
    return target < known && starts[target] >= 0;
  }

  private void openNextChapter() throws IOException {
    int from = chapterStart < 0 ? 0 : content.indexOf(separator, chapterStart) + 1;
    if (chapterStart >= 0 && from == 0) {
      done = true; // no separator after the chapter just read: that was the last
      return;
    }
    chapterStart = from;
    int to = content.indexOf(separator, from);
    tokenizer.setReader(new Range(content, from, to < 0 ? content.length() : to));
    tokenizer.reset();
    reading = true;
  }

  private void record(int pos, int start, int end) {
    if (pos >= starts.length) {
      int size = Math.max(pos + 1, starts.length * 2);
      starts = Arrays.copyOf(starts, size);
      ends = Arrays.copyOf(ends, size);
    }
    if (pos > known) {
      Arrays.fill(starts, known, pos, -1); // positions of the gap between chapters
    }
    starts[pos] = start;
    ends[pos] = end;
    known = pos + 1;
  }

  /** A chapter of the text as a reader, without copying it out first. */
  private static final class Range extends Reader {
    private final String s;
    private int at;
    private final int to;

    Range(String s, int from, int to) {
      this.s = s;
      this.at = from;
      this.to = to;
    }

    @Override
    public int read(char[] cbuf, int off, int n) {
      if (at >= to) {
        return -1;
      }
      int k = Math.min(n, to - at);
      s.getChars(at, at + k, cbuf, off);
      at += k;
      return k;
    }

    @Override
    public void close() {}
  }
}

package org.quire.analyse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quire.model.Chapter;
import org.quire.model.Work;
import org.quire.text.SceneBreaks;

/**
 * A work's text tokenised once for every analyser: word tokens with offsets, sentences, paragraphs,
 * scenes and whether each token stands inside dialogue. Parallel arrays rather than token objects,
 * because analysis must run at well over 100,000 words a second.
 *
 * <p>Tokens are runs of letters and digits; an inner apostrophe keeps contractions whole ("wasn't",
 * "she'd") but splits the possessive ("Buffy's" is "buffy" + "'s"), so names match with or without
 * it.
 */
final class TextModel {
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "prof", "lt", "capt", "sgt", "jr", "sr", "vs", "mt", "gen",
          "col", "rev");

  /** Per chapter: its text and where it starts in token and sentence numbering. */
  record Part(int chapter, String text, int firstToken, int firstSentence) {}

  final List<Part> parts = new ArrayList<>();
  int size;
  int[] start = new int[1024];
  int[] end = new int[1024];
  String[] lower = new String[1024];
  boolean[] cap = new boolean[1024];
  boolean[] quoted = new boolean[1024];
  int[] sentence = new int[1024];
  int[] chapterOf = new int[1024];

  /**
   * The text's distinct lower-case words, once each: token t is {@code words[word[t]]} (the very
   * String in {@code lower[t]}), so analysers can work out a fact per word rather than per token.
   */
  String[] words = new String[256];

  int[] word = new int[1024];
  int vocabulary;
  private int[] wordHash = new int[256];
  private int[] slots = new int[512]; // open addressing: word id + 1, 0 for empty
  private char[] buf = new char[32];

  /**
   * Sentences: first token, token after last, char start/end in their chapter, paragraph, scene.
   */
  int sentences;

  int[] sentFirst = new int[256];
  int[] sentEnd = new int[256];
  int[] sentCharStart = new int[256];
  int[] sentCharEnd = new int[256];
  int[] sentParagraph = new int[256];
  int[] sentScene = new int[256];
  int paragraphs;
  int scenes;

  static TextModel of(Work w) {
    TextModel m = new TextModel();
    for (Chapter c : w.chapters()) {
      m.add(c.number(), c.text());
    }
    return m;
  }

  static TextModel of(String text) {
    TextModel m = new TextModel();
    m.add(1, text);
    return m;
  }

  /** Tokenises one chapter; every chapter starts a new scene and paragraph. */
  void add(int chapter, String text) {
    parts.add(new Part(chapter, text, size, sentences));
    scenes++;
    int n = text.length();
    int i = 0;
    boolean inQuote = false;
    int sentStartChar = -1;
    int sentStartTok = size;
    boolean lineHasText = false;
    int lineStart = 0;
    paragraphs++;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        // A line end closes the sentence; a blank line or a one-paragraph-per-line text closes the
        // paragraph too (either way, dialogue quotes do not run across paragraphs).
        String line = text.substring(lineStart, i);
        if (lineHasText && SceneBreaks.isBreak(line)) {
          scenes++;
        }
        if (sentStartChar >= 0) {
          closeSentence(sentStartTok, sentStartChar, lastNonSpace(text, i), chapter);
          sentStartChar = -1;
        }
        sentStartTok = size;
        inQuote = false;
        if (lineHasText) {
          paragraphs++;
        }
        lineHasText = false;
        lineStart = i + 1;
        i++;
        continue;
      }
      if (!Character.isWhitespace(c)) {
        lineHasText = true;
        if (sentStartChar < 0 && !isCloser(c)) {
          sentStartChar = i;
          sentStartTok = size;
        }
      }
      if (c == '"') {
        inQuote = !inQuote;
        i++;
        continue;
      }
      if (c == '“') {
        inQuote = true;
        i++;
        continue;
      }
      if (c == '”') {
        inQuote = false;
        i++;
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        int s = i;
        while (i < n) {
          char d = text.charAt(i);
          if (Character.isLetterOrDigit(d)) {
            i++;
          } else if ((d == '\'' || d == '’')
              && i + 1 < n
              && Character.isLetter(text.charAt(i + 1))) {
            // possessive 's ends the word; other contractions stay inside it
            if ((text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2)))) {
              break;
            }
            i++;
          } else if (d == '-'
              && i + 1 < n
              && Character.isLetter(text.charAt(i + 1))
              && i > s
              && !honorificAt(text, i + 1)) {
            i++;
          } else {
            break;
          }
        }
        addToken(text, s, i, inQuote, chapter);
        continue;
      }
      if ((c == '\'' || c == '’')
          && i + 1 < n
          && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
          && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2)))
          && i > 0
          && Character.isLetter(text.charAt(i - 1))) {
        addToken(text, i, i + 2, inQuote, chapter);
        i += 2;
        continue;
      }
      if ((c == '.' || c == '!' || c == '?' || c == '…') && sentStartChar >= 0) {
        int j = i + 1;
        while (j < n && sentenceTail(text.charAt(j))) {
          if (text.charAt(j) == '"' || text.charAt(j) == '”') {
            inQuote = false;
          }
          j++;
        }
        boolean atEnd = j >= n || text.charAt(j) == '\n';
        boolean spaceThenStart =
            j < n && text.charAt(j) == ' ' && j + 1 < n && startsSentence(text.charAt(j + 1));
        boolean abbreviation =
            c == '.' && size > 0 && end[size - 1] == i && ABBREVIATIONS.contains(lower[size - 1]);
        if ((atEnd || spaceThenStart) && !abbreviation) {
          closeSentence(sentStartTok, sentStartChar, j, chapter);
          sentStartChar = -1;
          sentStartTok = size;
        }
        i = j;
        continue;
      }
      i++;
    }
    if (sentStartChar >= 0) {
      closeSentence(sentStartTok, sentStartChar, lastNonSpace(text, n), chapter);
    }
  }

  private static final Set<String> HONORIFICS =
      Set.of(
          "san", "kun", "chan", "sama", "sensei", "senpai", "sempai", "dono", "nii", "nee",
          "niisan", "neesan", "nii-san", "nee-san", "kouhai", "hime", "shishou");

  /**
   * Whether a Japanese honorific starts at i and ends the word: "Aizawa-sensei" is the name
   * "Aizawa" and "sensei", so that the name matches as it would alone.
   */
  private static boolean honorificAt(String text, int i) {
    int e = i;
    while (e < text.length() && (Character.isLetter(text.charAt(e)) || text.charAt(e) == '-')) {
      e++;
    }
    return e - i <= 8 && HONORIFICS.contains(text.substring(i, e).toLowerCase(Locale.ROOT));
  }

  /** Punctuation that may follow a sentence's end before the space: "?!", ".”", ".')". */
  private static boolean sentenceTail(char c) {
    return switch (c) {
      case '.', '!', '?', '…', '"', '”', '’', '\'', ')', ']' -> true;
      default -> false;
    };
  }

  private static boolean isCloser(char c) {
    return c == '”' || c == ')' || c == ']';
  }

  private static int lastNonSpace(String text, int i) {
    while (i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  private static boolean startsSentence(char c) {
    return Character.isUpperCase(c)
        || Character.isDigit(c)
        || c == '"'
        || c == '“'
        || c == '\''
        || c == '‘'
        || c == '(';
  }

  private void addToken(String text, int s, int e, boolean inQuote, int chapter) {
    if (size == start.length) {
      int cap2 = size * 2;
      start = java.util.Arrays.copyOf(start, cap2);
      word = java.util.Arrays.copyOf(word, cap2);
      end = java.util.Arrays.copyOf(end, cap2);
      lower = java.util.Arrays.copyOf(lower, cap2);
      cap = java.util.Arrays.copyOf(cap, cap2);
      quoted = java.util.Arrays.copyOf(quoted, cap2);
      sentence = java.util.Arrays.copyOf(sentence, cap2);
      chapterOf = java.util.Arrays.copyOf(chapterOf, cap2);
    }
    start[size] = s;
    end[size] = e;
    int id = intern(text, s, e);
    word[size] = id;
    lower[size] = words[id];
    cap[size] = Character.isUpperCase(text.charAt(s));
    quoted[size] = inQuote;
    sentence[size] = sentences;
    chapterOf[size] = chapter;
    size++;
  }

  /**
   * The id of the lower-case form of text[s, e) among the text's distinct words, added if new. A
   * word seen before costs no allocation: ASCII words are lower-cased into a buffer and compared
   * there; others go through {@link String#toLowerCase(Locale)}, whose special cases (a dotted
   * capital I, a final sigma) a character at a time would miss.
   */
  private int intern(String text, int s, int e) {
    int len = e - s;
    if (buf.length < len) {
      buf = new char[Math.max(len, buf.length * 2)];
    }
    int h = 0;
    for (int k = 0; k < len; k++) {
      char c = text.charAt(s + k);
      if (c >= 128) {
        return intern(text.substring(s, e).toLowerCase(Locale.ROOT).replace('’', '\''));
      }
      if (c >= 'A' && c <= 'Z') {
        c += 32;
      }
      buf[k] = c;
      h = 31 * h + c;
    }
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      int id = slots[i] - 1;
      if (id < 0) {
        return add(new String(buf, 0, len), h, i);
      }
      if (wordHash[id] == h && sameChars(words[id], len)) {
        return id;
      }
    }
  }

  private int intern(String w) {
    int h = w.hashCode();
    int mask = slots.length - 1;
    for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
      int id = slots[i] - 1;
      if (id < 0) {
        return add(w, h, i);
      }
      if (wordHash[id] == h && words[id].equals(w)) {
        return id;
      }
    }
  }

  private boolean sameChars(String w, int len) {
    if (w.length() != len) {
      return false;
    }
    for (int k = 0; k < len; k++) {
      if (w.charAt(k) != buf[k]) {
        return false;
      }
    }
    return true;
  }

  private static int spread(int h) {
    return (h * 0x9E3779B9) >>> 7;
  }

  /** Adds a new word at free slot i (the table kept at most half full). */
  private int add(String w, int h, int slot) {
    if (vocabulary == words.length) {
      words = java.util.Arrays.copyOf(words, vocabulary * 2);
      wordHash = java.util.Arrays.copyOf(wordHash, vocabulary * 2);
    }
    int id = vocabulary++;
    words[id] = w;
    wordHash[id] = h;
    slots[slot] = id + 1;
    if (vocabulary * 2 > slots.length) {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int k = 0; k < vocabulary; k++) {
        int i = spread(wordHash[k]) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = k + 1;
      }
    }
    return id;
  }

  private void closeSentence(int firstTok, int charStart, int charEnd, int chapter) {
    if (firstTok == size) {
      return; // punctuation only
    }
    if (sentences == sentFirst.length) {
      int cap2 = sentences * 2;
      sentFirst = java.util.Arrays.copyOf(sentFirst, cap2);
      sentEnd = java.util.Arrays.copyOf(sentEnd, cap2);
      sentCharStart = java.util.Arrays.copyOf(sentCharStart, cap2);
      sentCharEnd = java.util.Arrays.copyOf(sentCharEnd, cap2);
      sentParagraph = java.util.Arrays.copyOf(sentParagraph, cap2);
      sentScene = java.util.Arrays.copyOf(sentScene, cap2);
    }
    for (int t = firstTok; t < size; t++) {
      sentence[t] = sentences;
    }
    sentFirst[sentences] = firstTok;
    sentEnd[sentences] = size;
    sentCharStart[sentences] = charStart;
    sentCharEnd[sentences] = charEnd;
    sentParagraph[sentences] = paragraphs - 1;
    sentScene[sentences] = scenes - 1;
    sentences++;
  }

  /** The chapter text a sentence belongs to. */
  Part partOfSentence(int s) {
    Part found = parts.getFirst();
    for (Part p : parts) {
      if (p.firstSentence() <= s) {
        found = p;
      }
    }
    return found;
  }

  /** The sentence's text, as written. */
  String sentenceText(int s) {
    return partOfSentence(s).text().substring(sentCharStart[s], sentCharEnd[s]);
  }

  /** Whether a token is the first word of its sentence (so its capital says nothing). */
  boolean sentenceInitial(int t) {
    return sentFirst[sentence[t]] == t || (t > 0 && quoted[t] && !quoted[t - 1]);
  }
}

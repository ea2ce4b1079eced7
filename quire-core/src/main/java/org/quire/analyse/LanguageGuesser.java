package org.quire.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Names a text's language with OpenNLP's language detector (the model ships in a Maven artifact;
 * nothing is downloaded). The model is loaded once, on first use.
 *
 * <p>Most stories in an archive like this are English, and the detector costs a third of a short
 * work's whole import (its character n-grams over the sample), so English prose is recognised first
 * by its function words: words common in any English text and rare in every other language the
 * model knows ("the", "and", "would"; not "a", "in", "was" or "her", which other languages share).
 * Text where they are not plentiful goes to the detector.
 */
final class LanguageGuesser {
  private LanguageGuesser() {}

  private static final List<String> FUNCTION_WORDS =
      List.of(
          "the",
          "and",
          "of",
          "to",
          "that",
          "with",
          "his",
          "she",
          "they",
          "you",
          "had",
          "but",
          "not",
          "what",
          "were",
          "would",
          "could",
          "this",
          "there",
          "have",
          "from",
          "said",
          "him",
          "didn't",
          "don't",
          "couldn't",
          "wasn't",
          "it's",
          "i'm",
          "just",
          "about",
          "when",
          "which",
          "their",
          "been",
          "into");

  /** Each function word's place in {@link #FUNCTION_WORDS}, to tell how many different ones. */
  private static final Map<String, Integer> ENGLISH = new HashMap<>();

  /** The longest function word's length: a longer word is not looked up. */
  private static final int LONGEST;

  static {
    int longest = 0;
    for (String w : FUNCTION_WORDS) {
      ENGLISH.put(w, ENGLISH.size());
      longest = Math.max(longest, w.length());
    }
    LONGEST = longest;
  }

  /**
   * At least 40 words, and at least one in eight of them English function words; or, for a shorter
   * text of at least 12 words (a drabble's summary, a one-paragraph ficlet), one in six and at
   * least three different ones. The detector's character n-grams see too little of such a text (it
   * has named a short English paragraph Afrikaans), while three different English function words in
   * a dozen words hardly happen in any other language: "to" is also Polish, "of" and "had" also
   * Dutch, but not together with "the" or "and".
   */
  static boolean plainlyEnglish(String sample) {
    int words = 0;
    int english = 0;
    long seen = 0;
    int i = 0;
    int n = sample.length();
    StringBuilder w = new StringBuilder();
    while (i <= n) {
      char c = i < n ? sample.charAt(i) : ' ';
      if (Character.isLetter(c) || (c == '\'' || c == '’') && w.length() > 0) {
        w.append(c == '’' ? '\'' : Character.toLowerCase(c));
      } else if (w.length() > 0) {
        words++;
        Integer k = w.length() <= LONGEST ? ENGLISH.get(w.toString()) : null;
        if (k != null) {
          english++;
          seen |= 1L << k;
        }
        w.setLength(0);
      }
      i++;
    }
    if (words >= 40) {
      return english * 8 >= words;
    }
    return words >= 12 && english * 6 >= words && Long.bitCount(seen) >= 3;
  }

  /** The detector names languages by ISO 639-3 code ("fra"); Java's names need 639-1 ("fr"). */
  private static final java.util.Map<String, String> TWO_LETTER = new java.util.HashMap<>();

  static {
    for (String two : Locale.getISOLanguages()) {
      try {
        TWO_LETTER.put(Locale.of(two).getISO3Language(), two);
      } catch (java.util.MissingResourceException e) {
        // a code without a three-letter form
      }
    }
  }

  /** "fra" → "French"; a code Java cannot name is kept as it is. */
  static String displayName(String code) {
    // Macrolanguage members the detector names by their own code: Mandarin is written Chinese.
    String two =
        switch (code) {
          case "cmn", "zho", "yue", "wuu" -> "zh";
          case "pes", "prs" -> "fa";
          case "zsm" -> "ms";
          case "ekk" -> "et";
          case "lvs" -> "lv";
          case "nob" -> "nb";
          case "arb", "ary", "arz" -> "ar";
          default -> TWO_LETTER.getOrDefault(code, code);
        };
    String name = Locale.of(two).getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() || name.equalsIgnoreCase(two) ? code : name;
  }

  /** A guess: the language's English name and the detector's confidence. */
  record Guess(String language, double confidence) {}

  private static final class Holder {
    static final LanguageDetectorModel MODEL = load();

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageGuesser.class.getResourceAsStream("/langdetect-183.bin")) {
        return in == null ? null : new LanguageDetectorModel(in);
      } catch (IOException e) {
        return null;
      }
    }
  }

  /**
   * @param sample some of the text (a few thousand characters is plenty)
   * @return the guess, or null when the model is missing or the sample too short to judge
   */
  static Guess guess(String sample) {
    if (sample.strip().length() < 20) {
      return null;
    }
    if (plainlyEnglish(sample)) {
      return new Guess("English", 0.99);
    }
    if (Holder.MODEL == null) {
      return null;
    }
    // The detector is not thread-safe; it is cheap to make once the model is loaded.
    Language best = new LanguageDetectorME(Holder.MODEL).predictLanguage(sample);
    String name = displayName(best.getLang());
    return new Guess(name.isEmpty() ? best.getLang() : name, best.getConfidence());
  }
}

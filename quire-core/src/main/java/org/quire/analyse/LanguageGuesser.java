package org.quire.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
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

  private static final Set<String> ENGLISH =
      Set.of(
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

  /** At least 40 words, and at least one in eight of them English function words. */
  static boolean plainlyEnglish(String sample) {
    int words = 0;
    int english = 0;
    int i = 0;
    int n = sample.length();
    StringBuilder w = new StringBuilder();
    while (i < n) {
      char c = sample.charAt(i);
      if (Character.isLetter(c) || (c == '\'' || c == '’') && w.length() > 0) {
        w.append(c == '’' ? '\'' : Character.toLowerCase(c));
      } else if (w.length() > 0) {
        words++;
        if (ENGLISH.contains(w.toString())) {
          english++;
        }
        w.setLength(0);
      }
      i++;
    }
    if (w.length() > 0) {
      words++;
      english += ENGLISH.contains(w.toString()) ? 1 : 0;
    }
    return words >= 40 && english * 8 >= words;
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
    String two = TWO_LETTER.getOrDefault(code, code);
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

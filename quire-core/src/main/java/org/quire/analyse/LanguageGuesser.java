package org.quire.analyse;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Names a text's language with OpenNLP's language detector (the model ships in a Maven artifact;
 * nothing is downloaded). The model is loaded once, on first use.
 */
final class LanguageGuesser {
  private LanguageGuesser() {}

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
    if (Holder.MODEL == null || sample.strip().length() < 20) {
      return null;
    }
    // The detector is not thread-safe; it is cheap to make once the model is loaded.
    Language best = new LanguageDetectorME(Holder.MODEL).predictLanguage(sample);
    String name = Locale.forLanguageTag(best.getLang()).getDisplayLanguage(Locale.ENGLISH);
    if (name.isEmpty() || name.equalsIgnoreCase(best.getLang())) {
      name = new Locale(best.getLang()).getDisplayLanguage(Locale.ENGLISH);
    }
    return new Guess(name.isEmpty() ? best.getLang() : name, best.getConfidence());
  }
}

package org.quire.export;

import java.util.Locale;
import java.util.Map;

/**
 * Language names as Quire stores them ("English") to BCP 47 tags ("en") for EPUB, HTML and feeds,
 * and codes back to names for readers who type a code where a name is asked for.
 */
public final class Languages {
  private static final Map<String, String> CODES =
      Map.ofEntries(
          Map.entry("english", "en"),
          Map.entry("french", "fr"),
          Map.entry("français", "fr"),
          Map.entry("german", "de"),
          Map.entry("deutsch", "de"),
          Map.entry("spanish", "es"),
          Map.entry("español", "es"),
          Map.entry("italian", "it"),
          Map.entry("portuguese", "pt"),
          Map.entry("dutch", "nl"),
          Map.entry("polish", "pl"),
          Map.entry("russian", "ru"),
          Map.entry("swedish", "sv"),
          Map.entry("norwegian", "no"),
          Map.entry("danish", "da"),
          Map.entry("finnish", "fi"),
          Map.entry("czech", "cs"),
          Map.entry("turkish", "tr"),
          Map.entry("japanese", "ja"),
          Map.entry("chinese", "zh"),
          Map.entry("korean", "ko"),
          Map.entry("vietnamese", "vi"),
          Map.entry("indonesian", "id"),
          Map.entry("arabic", "ar"),
          Map.entry("hebrew", "he"),
          Map.entry("hindi", "hi"),
          Map.entry("ukrainian", "uk"),
          Map.entry("greek", "el"),
          Map.entry("hungarian", "hu"),
          Map.entry("romanian", "ro"),
          Map.entry("catalan", "ca"),
          Map.entry("latin", "la"));

  /** Every language Java can name in English, by that name, beside the spellings above. */
  private static final Map<String, String> BY_NAME = new java.util.HashMap<>(CODES);

  static {
    for (String two : Locale.getISOLanguages()) {
      String name = Locale.of(two).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
      if (!name.isEmpty() && !name.equals(two)) {
        BY_NAME.putIfAbsent(name, two);
      }
    }
  }

  private Languages() {}

  /**
   * The language's English name for a two- or three-letter code ("fr" → "French"); anything else (a
   * name already, or a code Java cannot name) as it was given, stripped.
   */
  public static String name(String codeOrName) {
    String s = codeOrName == null ? "" : codeOrName.strip();
    if (!s.matches("[A-Za-z]{2,3}")) {
      return s;
    }
    Locale l = Locale.forLanguageTag(s.toLowerCase(Locale.ROOT));
    String name = l.getDisplayLanguage(Locale.ENGLISH);
    return name.isEmpty() || name.equalsIgnoreCase(s) ? s : name;
  }

  /** Languages written right to left: Arabic, Hebrew, Persian, Urdu, Yiddish and others. */
  private static final java.util.Set<String> RTL =
      java.util.Set.of(
          "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "ps", "sd", "syr", "ug",
          "ur", "yi");

  /** "rtl" for a language written right to left, else "ltr" (the HTML {@code dir} value). */
  public static String dir(String language) {
    String t = tag(language);
    String primary = t.contains("-") ? t.substring(0, t.indexOf('-')) : t;
    return RTL.contains(t) || RTL.contains(primary) ? "rtl" : "ltr";
  }

  /** A BCP 47 tag; "und" (undetermined) when the language is unknown. */
  public static String tag(String language) {
    if (language == null || language.isBlank()) {
      return "und";
    }
    String l = language.strip().toLowerCase(Locale.ROOT);
    if (l.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*")) {
      return l;
    }
    return BY_NAME.getOrDefault(l, "und");
  }
}

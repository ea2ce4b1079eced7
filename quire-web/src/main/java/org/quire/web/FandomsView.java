package org.quire.web;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quire.search.SearchResults.FacetValue;

/**
 * The archive's fandoms A to Z, as AO3's fandom pages list them: each with how many works the
 * reader may find in it, under its first letter ("#" for anything that does not start with a
 * letter), linking to the works.
 *
 * @param count how many fandoms in all
 * @param letters the groups, in alphabetical order
 */
public record FandomsView(int count, List<Letter> letters) {
  /** The fandoms under one letter. */
  public record Letter(String letter, List<FacetValue> fandoms) {
    public String anchor() {
      return letter.equals("#") ? "letter-other" : "letter-" + letter;
    }
  }

  static FandomsView of(List<FacetValue> fandoms) {
    List<FacetValue> sorted = new ArrayList<>(fandoms);
    sorted.sort(
        Comparator.comparing((FacetValue f) -> sortKey(f.name())).thenComparing(FacetValue::name));
    Map<String, List<FacetValue>> byLetter = new LinkedHashMap<>();
    for (FacetValue f : sorted) {
      byLetter.computeIfAbsent(letter(f.name()), k -> new ArrayList<>()).add(f);
    }
    List<Letter> letters = new ArrayList<>();
    // Names that do not start with a letter come first, as the sort put them.
    byLetter.forEach((l, fs) -> letters.add(new Letter(l, List.copyOf(fs))));
    return new FandomsView(sorted.size(), List.copyOf(letters));
  }

  /** Case and accents ignored ("Élite" sorts among the E's). */
  private static String sortKey(String name) {
    return Normalizer.normalize(name.strip(), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }

  private static String letter(String name) {
    String k = sortKey(name);
    if (k.isEmpty()) {
      return "#";
    }
    char c = k.charAt(0);
    return c >= 'a' && c <= 'z' ? String.valueOf(Character.toUpperCase(c)) : "#";
  }
}

package org.quire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quire.model.Provenance;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.tags.TagWrangler;

class IndexedTagsTest {
  /** The sort key as first written, with regexes: the reference the hand-made one must match. */
  static String reference(String s) {
    String k =
        Normalizer.normalize(s, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("^(the|a|an)\\s+", "")
            .replaceAll("[^\\p{L}\\p{N} ]", "")
            .strip();
    return k.length() > 64 ? k.substring(0, 64) : k;
  }

  @Test
  void sortKeysMatchTheRegexReference() {
    List<String> cases =
        List.of(
            "The Long Watch",
            "the",
            "The",
            "a",
            "a ",
            "A\tTale",
            "An  Apple",
            "an\u000bx",
            "Another Day",
            "Theory of Everything",
            "A-Team",
            "  The Cat",
            "The\n\nEnd",
            "Buffy's Night",
            "1,000 Years",
            "",
            "...",
            "Zoë & the Ångström",
            "Buffy’s “Last” Stand — Again…",
            "The\u2003Gap",
            "An\u2028Ending",
            "Ａ wide",
            "\uffff",
            "The " + "x".repeat(80),
            "x".repeat(70) + " y");
    for (String c : cases) {
      assertThat(IndexedTags.sortKey(c)).as("%s", c).isEqualTo(reference(c));
    }
    Random r = new Random(11);
    String alphabet = "aAnNtThHeE  \t\n\u000b\f\r-'.,!09zZ_’—\u2000\u2028…é";
    for (int i = 0; i < 50_000; i++) {
      StringBuilder b = new StringBuilder();
      if (r.nextBoolean()) {
        b.append(List.of("The", "the", "A", "an", "AN", "Th").get(r.nextInt(6)));
      }
      int n = r.nextInt(r.nextInt(10) == 0 ? 90 : 12);
      for (int j = 0; j < n; j++) {
        b.append(alphabet.charAt(r.nextInt(alphabet.length() - (r.nextInt(4) == 0 ? 0 : 1))));
      }
      String s = b.toString();
      assertThat(IndexedTags.sortKey(s)).as("%s", s).isEqualTo(reference(s));
    }
  }

  @Test
  void tagsAreFiledByTypeWithSpellingCanonicalAndAncestorsOnce() {
    IndexedTags t =
        IndexedTags.of(
            List.of(
                Tag.byAuthor(TagType.CHARACTER, "William the Bloody"),
                Tag.byAuthor(TagType.CHARACTER, "Spike"),
                Tag.byAuthor(TagType.FANDOM, "MCU"),
                Tag.byAuthor(TagType.CHARACTER, "Willow Rosenberg"),
                Tag.suggested(TagType.ADDITIONAL, "Fluff", 0.1, List.of())
                    .withProvenance(Provenance.REJECTED)),
            TagWrangler.builtIn());
    assertThat(t.filterKeys())
        .isEqualTo(
            Map.of(
                TagType.CHARACTER, List.of("william the bloody", "spike", "willow rosenberg"),
                TagType.FANDOM, List.of("mcu", "marvel cinematic universe", "marvel")));
    assertThat(t.facets())
        .isEqualTo(
            Map.of(
                TagType.CHARACTER, List.of("Spike", "Willow Rosenberg"),
                TagType.FANDOM, List.of("Marvel Cinematic Universe")));
  }
}

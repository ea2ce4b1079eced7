package org.quire.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.model.TagType;
import org.quire.tags.TagRule.Relation;

class TagWranglerTest {
  final TagWrangler w = TagWrangler.builtIn();

  @Test
  void packAliasesAndShipNamesAreSynonymsOfTheCanonicalTag() {
    assertThat(w.canonical(TagType.CHARACTER, "William the Bloody")).isEqualTo("Spike");
    assertThat(w.canonical(TagType.CHARACTER, "  tony   stark ")).isEqualTo("Tony Stark");
    assertThat(w.canonical(TagType.RELATIONSHIP, "Spuffy")).isEqualTo("Buffy Summers/Spike");
    assertThat(w.canonical(TagType.FANDOM, "BtVS")).isEqualTo("Buffy the Vampire Slayer");
  }

  @Test
  void aTagsPageListsItsSynonymsMetaTagsSubTagsAndFandoms() {
    TagWrangler.About spike = w.about(TagType.CHARACTER, "William the Bloody");
    assertThat(spike.canonical()).isEqualTo("Spike");
    assertThat(spike.synonyms()).contains("William the Bloody", "Spikey").doesNotContain("Spike");
    assertThat(spike.fandoms()).containsExactly("Buffy the Vampire Slayer");
    // Every name listed files under the tag, so a filter by it finds them all.
    spike.synonyms().forEach(n -> assertThat(w.canonical(TagType.CHARACTER, n)).isEqualTo("Spike"));

    TagWrangler.About mcu = w.about(TagType.FANDOM, "MCU");
    assertThat(mcu.canonical()).isEqualTo("Marvel Cinematic Universe");
    assertThat(mcu.metaTags()).contains("Marvel");
    assertThat(w.about(TagType.FANDOM, "Marvel").subTags()).contains("Marvel Cinematic Universe");
    assertThat(w.about(TagType.RELATIONSHIP, "Buffy Summers/Spike").synonyms()).contains("Spuffy");

    TagWrangler local = TagWrangler.builtIn();
    local.add(new TagRule(TagType.ADDITIONAL, "Hot Cocoa", Relation.SYNONYM_OF, "Hot Chocolate"));
    local.add(new TagRule(TagType.ADDITIONAL, "Hot Chocolate", Relation.CHILD_OF, "Drinks"));
    TagWrangler.About cocoa = local.about(TagType.ADDITIONAL, "hot cocoa");
    assertThat(cocoa.canonical()).isEqualTo("Hot Chocolate");
    assertThat(cocoa.synonyms()).containsExactly("Hot Cocoa");
    assertThat(cocoa.metaTags()).containsExactly("Drinks");
    assertThat(local.about(TagType.ADDITIONAL, "Drinks").subTags())
        .containsExactly("Hot Chocolate");
    assertThat(local.about(TagType.ADDITIONAL, "Tea").hasAny()).isFalse();
  }

  @Test
  void anAuthorsWarningInTheirOwnWordsFilesUnderTheWarningItNames() {
    assertThat(w.canonical(TagType.CONTENT_WARNING, "alcoholism")).isEqualTo("Addiction");
    assertThat(w.canonical(TagType.CONTENT_WARNING, "S6-flavoured depression"))
        .isEqualTo("Depression");
    assertThat(w.canonical(TagType.CONTENT_WARNING, "brief passive suicidal ideation"))
        .isEqualTo("Suicidal Thoughts");
    assertThat(w.filterKeys(TagType.CONTENT_WARNING, "violence between the boys"))
        .contains("violence");
    // Naming none, or two, it stays as written.
    assertThat(w.canonical(TagType.CONTENT_WARNING, "hallucinations")).isEqualTo("hallucinations");
    assertThat(w.canonical(TagType.CONTENT_WARNING, "sex and violence"))
        .isEqualTo("sex and violence");
    assertThat(w.canonical(TagType.CONTENT_WARNING, "no character death"))
        .isEqualTo("no character death");
    assertThat(w.canonical(TagType.CONTENT_WARNING, "alcohol abuse")).isEqualTo("Addiction");
    // A keeper's rule for a warning stands.
    TagWrangler local = TagWrangler.builtIn();
    local.add(
        new TagRule(TagType.CONTENT_WARNING, "Violence", Relation.SYNONYM_OF, "Graphic Violence"));
    assertThat(local.canonical(TagType.CONTENT_WARNING, "Violence")).isEqualTo("Graphic Violence");
  }

  @Test
  void charactersAndShipsBelongToTheirFandomsAndUnknownTagsAreNew() {
    assertThat(w.fandomsOf(TagType.CHARACTER, "Willow Rosenberg"))
        .containsExactly("Buffy the Vampire Slayer");
    assertThat(w.fandomsOf(TagType.RELATIONSHIP, "Spuffy"))
        .containsExactly("Buffy the Vampire Slayer");
    assertThat(w.fandomsOf(TagType.CHARACTER, "Corwin Ashdown")).isEmpty();
    assertThat(w.known(TagType.CHARACTER, "Willow Rosenberg")).isTrue();
    assertThat(w.known(TagType.RELATIONSHIP, "Buffy Summers/Spike")).isTrue();
    assertThat(w.known(TagType.CHARACTER, "Corwin Ashdown")).isFalse();
    assertThat(w.known(TagType.ADDITIONAL, "Fluff")).isFalse();
    TagWrangler local = TagWrangler.builtIn();
    TagRule rule = new TagRule(TagType.ADDITIONAL, "Fluffy", Relation.SYNONYM_OF, "Fluff");
    local.add(rule);
    assertThat(local.known(TagType.ADDITIONAL, "Fluff")).isTrue();
    assertThat(local.canonical(TagType.ADDITIONAL, "Fluffy")).isEqualTo("Fluff");
    local.remove(rule);
    assertThat(local.canonical(TagType.ADDITIONAL, "Fluffy")).isEqualTo("Fluffy");
    assertThat(local.known(TagType.ADDITIONAL, "Fluff")).isFalse();
  }

  @Test
  void unknownAndAmbiguousNamesStayAsWritten() {
    assertThat(w.canonical(TagType.CHARACTER, "Corwin Ashdown")).isEqualTo("Corwin Ashdown");
    assertThat(w.canonical(TagType.ADDITIONAL, "Fluff")).isEqualTo("Fluff");
  }

  @Test
  void metaFandomsFromThePacksAreAncestors() {
    assertThat(w.withAncestors(TagType.FANDOM, "MCU"))
        .containsExactly("Marvel Cinematic Universe", "Marvel");
    assertThat(w.withAncestors(TagType.FANDOM, "Buffy the Vampire Slayer"))
        .containsExactly("Buffy the Vampire Slayer");
  }

  @Test
  void keepersRulesAddSynonymsAndParentsTransitively() {
    TagWrangler t =
        new TagWrangler(
            org.quire.analyse.Packs.builtIn(),
            List.of(
                new TagRule(TagType.ADDITIONAL, "fluffy", Relation.SYNONYM_OF, "Fluff"),
                new TagRule(TagType.ADDITIONAL, "Fluff", Relation.CHILD_OF, "Light Reading"),
                new TagRule(TagType.ADDITIONAL, "Light Reading", Relation.CHILD_OF, "Moods")));
    assertThat(t.canonical(TagType.ADDITIONAL, "FLUFFY")).isEqualTo("Fluff");
    assertThat(t.withAncestors(TagType.ADDITIONAL, "fluffy"))
        .containsExactly("Fluff", "Light Reading", "Moods");
    // A rule only applies to its own tag type.
    assertThat(t.canonical(TagType.CHARACTER, "fluffy")).isEqualTo("fluffy");
  }

  @Test
  void filterKeysFollowRuleChangesDespiteTheCache() {
    TagWrangler t = new TagWrangler(org.quire.analyse.Packs.builtIn(), List.of());
    assertThat(t.filterKeys(TagType.ADDITIONAL, "Fluffy ")).containsExactly("fluffy");
    TagRule synonym = new TagRule(TagType.ADDITIONAL, "fluffy", Relation.SYNONYM_OF, "Fluff");
    TagRule parent = new TagRule(TagType.ADDITIONAL, "Fluff", Relation.CHILD_OF, "Moods");
    t.add(synonym);
    t.add(parent);
    assertThat(t.filterKeys(TagType.ADDITIONAL, "Fluffy "))
        .containsExactly("fluffy", "fluff", "moods");
    t.remove(parent);
    assertThat(t.filterKeys(TagType.ADDITIONAL, "Fluffy ")).containsExactly("fluffy", "fluff");
    // Pack knowledge too: a character's alias is filed under the canonical name.
    assertThat(t.filterKeys(TagType.CHARACTER, "William the Bloody")).contains("spike");
  }

  @Test
  void cyclesEndInsteadOfLooping() {
    TagWrangler t =
        new TagWrangler(
            org.quire.analyse.Packs.builtIn(),
            List.of(
                new TagRule(TagType.ADDITIONAL, "A", Relation.SYNONYM_OF, "B"),
                new TagRule(TagType.ADDITIONAL, "B", Relation.SYNONYM_OF, "A"),
                new TagRule(TagType.ADDITIONAL, "X", Relation.CHILD_OF, "Y"),
                new TagRule(TagType.ADDITIONAL, "Y", Relation.CHILD_OF, "X")));
    assertThat(t.canonical(TagType.ADDITIONAL, "A")).isIn("A", "B");
    assertThat(t.withAncestors(TagType.ADDITIONAL, "X")).containsExactlyInAnyOrder("X", "Y");
  }

  @Test
  void aTagCannotBeItsOwnSynonym() {
    assertThatThrownBy(
            () -> new TagRule(TagType.CHARACTER, "Spike", Relation.SYNONYM_OF, " spike "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itself");
  }

  @Test
  void tidyingByHandMatchesTheRegexItReplaced() {
    char[] alphabet = {
      'a', 'B', ' ', '\t', '\n', '\r', '\f', '\u000B', '’', '\'', '\u00A0', '\u2003'
    };
    java.util.Random r = new java.util.Random(3);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder b = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        b.append(alphabet[r.nextInt(alphabet.length)]);
      }
      String s = b.toString();
      String expected = s.replace('’', '\'').replaceAll("\\s+", " ").strip();
      org.assertj.core.api.Assertions.assertThat(TagWrangler.tidy(s))
          .as("[%s]", s)
          .isEqualTo(expected);
    }
    org.assertj.core.api.Assertions.assertThat(TagWrangler.tidy("  Buffy\t\tSummers ’ "))
        .isEqualTo("Buffy Summers '");
  }

  @Test
  void answersStayRightWhenMoreTagsArriveThanTheCacheHolds() {
    // 250,000 names used once pass through the cache (two generations of 100,000) while a few
    // tags in use are asked for all along: every answer is what a fresh wrangler gives.
    TagWrangler t = TagWrangler.builtIn();
    t.add(new TagRule(TagType.ADDITIONAL, "Fluffy", Relation.SYNONYM_OF, "Fluff"));
    for (int i = 0; i < 250_000; i++) {
      assertThat(t.canonical(TagType.ADDITIONAL, "Tag " + i)).isEqualTo("Tag " + i);
      if (i % 9_973 == 0) {
        assertThat(t.canonical(TagType.CHARACTER, "William the Bloody")).isEqualTo("Spike");
        assertThat(t.filterKeys(TagType.FANDOM, "MCU"))
            .containsExactly("mcu", "marvel cinematic universe", "marvel");
        assertThat(t.filterKeys(TagType.ADDITIONAL, "Fluffy")).containsExactly("fluffy", "fluff");
        assertThat(t.filterKeys(TagType.ADDITIONAL, "Tag " + i / 2))
            .containsExactly("tag " + i / 2);
      }
    }
    // The same spelling under another type is filed apart.
    assertThat(t.canonical(TagType.CHARACTER, "Fluffy")).isEqualTo("Fluffy");
    assertThat(t.filterKeys(TagType.CHARACTER, "Fluffy")).containsExactly("fluffy");
  }
}

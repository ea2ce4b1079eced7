package org.quire.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.QuireException;

/** The built-in packs are well-formed and consistent, and users' packs load and override. */
class PacksTest {
  static final Packs PACKS = Packs.builtIn();

  @Test
  void everyPackFileIsListedInTheIndex() throws Exception {
    Path dir = Path.of("src/main/resources/packs");
    List<String> index =
        Files.readAllLines(dir.resolve("index.txt")).stream()
            .filter(l -> !l.isBlank() && !l.startsWith("#"))
            .toList();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".json"))
                  .sorted()
                  .toList())
          .containsExactlyInAnyOrderElementsOf(index);
    }
    assertThat(PACKS.all()).hasSize(index.size());
  }

  @Test
  void relationshipsJoinCanonicalCharactersInAo3Order() {
    List<String> problems = new ArrayList<>();
    for (KnowledgePack p : PACKS.all()) {
      Set<String> names = new HashSet<>();
      p.characters().forEach(c -> names.add(c.name()));
      for (KnowledgePack.Relationship r : p.relationships()) {
        // AO3 sometimes puts one disambiguation after the whole pairing ("Aziraphale/Crowley
        // (Good Omens)"); then a synonym must spell it out with canonical names.
        List<String> forms = new ArrayList<>();
        forms.add(r.name());
        forms.addAll(r.synonyms());
        String structural = null;
        for (String f : forms) {
          boolean platonic = !f.contains("/");
          List<String> sides = List.of(f.split(platonic ? " & " : "/"));
          if (sides.size() >= 2 && names.containsAll(sides)) {
            structural = f;
            List<String> sorted = new ArrayList<>(sides);
            sorted.sort(String.CASE_INSENSITIVE_ORDER);
            if (!sorted.equals(sides)) {
              problems.add(p.fandom() + ": " + f + " is not in alphabetical order");
            }
            break;
          }
        }
        if (structural == null) {
          problems.add(p.fandom() + ": " + r.name() + " names a character the pack does not have");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void canonCouplesAreRomanticAndKnownByTheirTag() {
    List<String> canon = new ArrayList<>();
    for (KnowledgePack p : PACKS.all()) {
      for (KnowledgePack.Relationship r : p.relationships()) {
        if (r.canon()) {
          canon.add(r.name());
          assertThat(r.name()).as("a canon couple is romantic").contains("/");
          assertThat(PACKS.canonCouple(r.name())).isTrue();
        }
      }
    }
    assertThat(canon).contains("Han Solo/Leia Organa", "Faramir/Éowyn");
    assertThat(PACKS.canonCouple("Dean Winchester/Sam Winchester")).isFalse();
  }

  @Test
  void charactersHaveNamesGendersAndNoDuplicateCanonicalNames() {
    for (KnowledgePack p : PACKS.all()) {
      Set<String> seen = new HashSet<>();
      for (KnowledgePack.Character c : p.characters()) {
        assertThat(seen.add(c.name())).as(p.fandom() + " lists " + c.name() + " twice").isTrue();
        assertThat(c.gender()).as(c.name()).isIn("female", "male", "nonbinary", "unknown");
        assertThat(c.aliases()).as(c.name() + " aliases").isNotEmpty();
        for (String a : c.ambiguous()) {
          assertThat(c.aliases().contains(a) || c.epithets().contains(a))
              .as(c.name() + ": ambiguous \"" + a + "\" is not an alias or epithet")
              .isTrue();
        }
      }
      assertThat(p.cues().strong()).as(p.fandom() + " strong cues").isNotEmpty();
    }
  }

  @Test
  void formsKnownByTheirCompanyNameCharactersOfTheSamePack() {
    List<String> problems = new ArrayList<>();
    int forms = 0;
    for (KnowledgePack p : PACKS.all()) {
      Set<String> cast = new HashSet<>();
      p.characters().forEach(c -> cast.add(c.name()));
      for (KnowledgePack.Character c : p.characters()) {
        for (var e : c.knownBy().entrySet()) {
          forms++;
          if (!cast.contains(e.getKey())) {
            problems.add(c.name() + ": unknown form " + e.getKey());
          }
          e.getValue().stream()
              .filter(n -> !cast.contains(n))
              .forEach(n -> problems.add(c.name() + ": unknown companion " + n));
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(forms).isGreaterThan(0);
  }

  @Test
  void theDoctorWithDonnaIsTheTenthDoctor() {
    Analyser analyser = new Analyser(PACKS);
    org.quire.model.Work w =
        new org.quire.ingest.Ingester()
            .read(
                "t.txt",
                ("Title\n\nThe Doctor ran a hand through his hair and grinned at the TARDIS"
                        + " console. \"Right, Donna, where to?\" Donna Noble folded her arms."
                        + " \"Somewhere with chips,\" Donna said. The Doctor laughed and threw"
                        + " the lever, and the TARDIS groaned into the vortex.\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    List<String> characters = new ArrayList<>();
    List<String> relationships = new ArrayList<>();
    for (org.quire.model.Tag t : analyser.analyse(w).tags()) {
      switch (t.type()) {
        case CHARACTER -> characters.add(t.name());
        case RELATIONSHIP -> relationships.add(t.name());
        default -> {}
      }
    }
    assertThat(characters).contains("Tenth Doctor", "Donna Noble");
    assertThat(characters).doesNotContain("The Doctor (Doctor Who)");
    assertThat(relationships).allMatch(r -> !r.contains("The Doctor (Doctor Who)"));
  }

  @Test
  void lookUpsMapSpellingsToCanonicalTags() {
    assertThat(PACKS.canonicalFandom("BtVS")).isEqualTo("Buffy the Vampire Slayer");
    assertThat(PACKS.canonicalFandom("Buffy the Vampire Slayer (Comics)"))
        .isEqualTo("Buffy the Vampire Slayer");
    KnowledgePack buffy = PACKS.fandom("Buffy the Vampire Slayer");
    assertThat(PACKS.canonicalCharacter("Willow", List.of(buffy))).isEqualTo("Willow Rosenberg");
    assertThat(PACKS.canonicalRelationship("Spuffy", List.of(buffy)))
        .isEqualTo("Buffy Summers/Spike");
    assertThat(PACKS.canonicalRelationship("Spike/Buffy", List.of(buffy)))
        .isEqualTo("Buffy Summers/Spike");
    assertThat(PACKS.canonicalRelationship("Willow & Xander", List.of(buffy)))
        .isEqualTo("Willow Rosenberg & Xander Harris");
    assertThat(PACKS.canonicalRelationship("Unknown/Person", List.of(buffy)))
        .isEqualTo("Person/Unknown");
    // Short names of a pair the pack spells its own way give the pack's spelling.
    KnowledgePack omens = PACKS.fandom("Good Omens (TV)");
    assertThat(PACKS.canonicalRelationship("Aziraphale/Crowley", List.of(omens)))
        .isEqualTo("Aziraphale/Crowley (Good Omens)");
    assertThat(PACKS.canonicalRelationship("Nina x Maggie", List.of(omens)))
        .isEqualTo("Maggie/Nina (Good Omens)");
    // AO3's namesake form: the fandom in brackets, by any name the packs know it by.
    assertThat(PACKS.canonicalCharacter("Spike (Buffy the Vampire Slayer)", List.of()))
        .isEqualTo("Spike");
    assertThat(PACKS.canonicalCharacter("Willow Rosenberg (BtVS)", List.of()))
        .isEqualTo("Willow Rosenberg");
    assertThat(PACKS.canonicalRelationship("Spike (Buffy the Vampire Slayer)/Buffy", List.of()))
        .isEqualTo("Buffy Summers/Spike");
    // A namesake from a fandom no pack knows is nobody Quire knows.
    assertThat(PACKS.canonicalCharacter("Spike (Cowboy Bebop)", List.of(buffy)))
        .isEqualTo("Spike (Cowboy Bebop)");
  }

  @Test
  void userPacksAddToAndReplaceBuiltInOnes(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("mine.json"),
        "{\"fandom\": \"My Fandom\", \"characters\": [{\"name\": \"Ada\", \"aliases\": [\"Ada\"]}]}");
    Files.writeString(
        dir.resolve("buffy.json"),
        "{\"fandom\": \"Buffy the Vampire Slayer\", \"characters\": [{\"name\": \"Only One\", \"aliases\": [\"One\"]}]}");
    Packs p = Packs.load(dir);
    assertThat(p.fandom("My Fandom")).isNotNull();
    assertThat(p.fandom("Buffy the Vampire Slayer").characters())
        .extracting(KnowledgePack.Character::name)
        .containsExactly("Only One");
    assertThat(p.all()).hasSize(PACKS.all().size() + 1);
  }

  @Test
  void brokenUserPackIsReportedByName(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("broken.json"), "{ not json");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Packs.load(dir))
        .isInstanceOf(QuireException.class)
        .hasMessageContaining("broken.json");
    Files.writeString(dir.resolve("broken.json"), "{\"characters\": []}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Packs.load(dir))
        .hasMessageContaining("no \"fandom\"");
  }
}

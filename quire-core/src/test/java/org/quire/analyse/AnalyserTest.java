package org.quire.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.ingest.Ingester;
import org.quire.model.Provenance;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Work;

/** Analysis rules on small texts with a small pack written for the test. */
class AnalyserTest {
  static final String PACK =
      """
      {"fandom": "Test Fandom", "synonyms": ["TF"],
       "cues": {"places": ["Oakvale"], "terms": ["lantern"], "strong": ["Oakvale", "Lanternwatch"]},
       "characters": [
         {"name": "Mara Quill", "gender": "female", "aliases": ["Mara", "Quill"], "epithets": ["the lamplighter", "Sparrow"], "ambiguous": ["Sparrow"]},
         {"name": "Tobin Reed", "gender": "male", "aliases": ["Tobin", "Tobin Reed", "Gramps"], "epithets": ["the ferryman"],
          "ambiguous": ["Gramps"], "only_with": {"Gramps": ["Mara Quill"]}},
         {"name": "Ines Vale", "gender": "female", "aliases": ["Ines"], "epithets": ["the Warden"], "ambiguous": ["the Warden"]},
         {"name": "Hope Ward", "gender": "female", "aliases": ["Hope"], "ambiguous": ["Hope"]},
         {"name": "Pip Reed", "gender": "male", "aliases": ["Pip"], "epithets": ["the boy"],
          "ambiguous": ["the boy"], "only_with": {"the boy": ["Tobin Reed"]}}
       ],
       "relationships": [{"name": "Mara Quill/Tobin Reed", "synonyms": ["Marobin"]},
                         {"name": "Ines Vale/Tobin Reed", "canon": true},
                         {"name": "Hope Ward & Ines Vale & Mara Quill & Tobin Reed"}],
       "additional_tags": [{"name": "Lantern Festival", "cues": ["lantern festival"]}]}
      """;

  static final Analyser ANALYSER = analyser();

  static Analyser analyser() {
    try {
      return new Analyser(
          Packs.of(List.of(new ObjectMapper().readValue(PACK, KnowledgePack.class))));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Work work(String text) {
    return new Ingester().read("t.txt", text.getBytes(StandardCharsets.UTF_8));
  }

  static Work tagged(String text) {
    Work w = work(text);
    return ANALYSER.apply(w, ANALYSER.analyse(w));
  }

  @Test
  void findsFandomCharactersAliasesAndEpithets() {
    Work w =
        tagged(
            "Title\n\nMara walked through Oakvale at dusk. The lamplighter lit the first lantern. "
                + "Tobin waited by the river. \"You're late,\" Tobin said. Mara's smile was quick. "
                + "Sparrow, he called her, and the ferryman laughed.\n");
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Test Fandom");
    assertThat(w.tagNames(TagType.CHARACTER)).containsExactlyInAnyOrder("Mara Quill", "Tobin Reed");
    assertThat(w.tags(TagType.CHARACTER)).allSatisfy(t -> assertThat(t.evidence()).isNotEmpty());
  }

  @Test
  void ambiguousNameAloneDoesNotMakeACharacter() {
    Work w =
        tagged(
            "Title\n\nMara and Tobin walked through Oakvale. Hope was in the air. There was hope"
                + " everywhere. Mara smiled. Tobin smiled.\n");
    assertThat(w.tagNames(TagType.CHARACTER)).doesNotContain("Hope Ward");
  }

  @Test
  void aDescriptionTheStoryKeepsUsingNamesItsCharacter() {
    String once =
        "Title\n\nMara walked through Oakvale with Tobin. The Warden had locked the gate."
            + " Mara knocked. Tobin waited.\n";
    assertThat(tagged(once).tagNames(TagType.CHARACTER)).doesNotContain("Ines Vale");
    String again =
        "Title\n\nMara walked through Oakvale. The Warden had locked the gate. Mara knocked,"
            + " and the Warden looked down from the wall. \"Late,\" said the Warden.\n";
    assertThat(tagged(again).tagNames(TagType.CHARACTER)).contains("Ines Vale");
  }

  @Test
  void aDescriptionNamesItsCharacterOnlyBesideTheCompanionThePackGivesIt() {
    String story =
        "Title\n\n%s walked through Oakvale with the boy. The boy carried the lantern. At the"
            + " gate the boy stopped, and %s waited for him.\n";
    assertThat(tagged(story.formatted("Tobin", "Tobin")).tagNames(TagType.CHARACTER))
        .contains("Tobin Reed", "Pip Reed");
    // Anyone's boy, without his father in the story.
    assertThat(tagged(story.formatted("Mara", "Mara")).tagNames(TagType.CHARACTER))
        .contains("Mara Quill")
        .doesNotContain("Pip Reed");
  }

  @Test
  void aTitleTheStoryKeepsUsingHelpsChooseTheFandomBesideItsOwnWords() {
    String told =
        "Title\n\nThe Warden met her at the gate. The Warden said nothing. At dusk the Warden"
            + " lit the first lamp, as she always did.\n";
    // Alone, a title could be anyone's; and one of the fandom's weaker words is not enough.
    assertThat(tagged(told).tagNames(TagType.FANDOM)).isEmpty();
    assertThat(
            tagged("Title\n\nSomeone met her at the gate and lit the first lantern.\n")
                .tagNames(TagType.FANDOM))
        .isEmpty();
    // Together they are the fandom, and the title its character.
    Work w = tagged(told.replace("first lamp", "first lantern"));
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Test Fandom");
    assertThat(w.tagNames(TagType.CHARACTER)).contains("Ines Vale");
  }

  @Test
  void ambiguousNameCountsWhereOnlyANameCouldBeCapitalised() {
    Work w =
        tagged(
            "Title\n\nMara and Tobin walked through Oakvale. They waited for Hope by the gate."
                + " \"Late again,\" Hope said, laughing.\n");
    assertThat(w.tagNames(TagType.CHARACTER)).contains("Hope Ward");
  }

  @Test
  void unknownTextHasNoFandom() {
    Work w =
        tagged("Title\n\nThe rain fell on a town with no name, and nobody we know walked there.\n");
    assertThat(w.tagNames(TagType.FANDOM)).isEmpty();
    assertThat(w.tagNames(TagType.CHARACTER)).isEmpty();
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("Gen");
  }

  @Test
  void declaredPairingInTheNoteAndShipNamesMapToCanonical() {
    Work w =
        tagged(
            "Title\n\n(A/N: A Mara/Tobin story.)\n\nMara rowed out to Oakvale. Tobin followed.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill/Tobin Reed");
    Work ship =
        tagged("Title\n\n(A/N: Marobin fluff.)\n\nMara rowed out to Oakvale. Tobin followed.\n");
    assertThat(ship.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill/Tobin Reed");
    assertThat(ship.tagNames(TagType.CATEGORY)).containsExactly("F/M");
  }

  @Test
  void romanceShownInTheTextThroughPronouns() {
    Work w =
        tagged(
            "Title\n\nMara waited on the pier in Oakvale. Tobin came at last. "
                + "He kissed her slowly. Later Tobin kissed her again under the lantern. "
                + "Mara was in love with Tobin, and everyone in Oakvale knew it.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill/Tobin Reed");
    assertThat(w.tags(TagType.RELATIONSHIP).getFirst().note()).isEqualTo("main");
    assertThat(w.tags(TagType.RELATIONSHIP).getFirst().evidence()).isNotEmpty();
  }

  @Test
  void friendshipIsPlatonic() {
    Work w =
        tagged(
            "Title\n\nMara and Ines had been best friends since Oakvale school. Ines was her friend through everything. "
                + "Mara called Ines her sister. The two friends walked to the lantern market.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Ines Vale & Mara Quill");
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("Gen");
  }

  @Test
  void aGroupThePackKnowsIsTaggedWhenAllOfItIsThere() {
    String story =
        "Title\n\nThe lantern was out again in Oakvale. \"Not my turn,\" Mara said. \"It is never"
            + " your turn,\" Tobin said. \"I lit it yesterday,\" Ines said, \"and the day before.\""
            + " \"Then we draw straws,\" Hope said. Mara drew the short one, and Tobin laughed, and"
            + " Ines handed her the matches, and Hope held the ladder.\n";
    assertThat(tagged(story).tagNames(TagType.RELATIONSHIP))
        .containsExactly("Hope Ward & Ines Vale & Mara Quill & Tobin Reed");
    // Without one of them it is not the group.
    String three =
        story
            .replace("\"Then we draw straws,\" Hope said. ", "")
            .replace(", and Hope held the ladder", "");
    assertThat(tagged(three).tagNames(TagType.RELATIONSHIP))
        .doesNotContain("Hope Ward & Ines Vale & Mara Quill & Tobin Reed");
  }

  @Test
  void warningsComeWithTheirPassages() {
    Work w =
        tagged(
            "Title\n\nMara sat alone in Oakvale. She felt worthless and hopeless, and the despair would not lift. "
                + "Some nights she thought life wasn't worth living. She had been clean for weeks, but the withdrawal still hurt, "
                + "and she knew she was an addict.\n");
    assertThat(w.tagNames(TagType.CONTENT_WARNING))
        .contains("Depression", "Suicidal Thoughts", "Addiction");
    Tag suicidal =
        w.tags(TagType.CONTENT_WARNING).stream()
            .filter(t -> t.name().equals("Suicidal Thoughts"))
            .findFirst()
            .orElseThrow();
    assertThat(suicidal.evidence())
        .anySatisfy(e -> assertThat(e.quote()).contains("life wasn't worth living"));
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
  }

  @Test
  void negationHypotheticalAndFigurativeUsesDoNotWarn() {
    Work w =
        tagged(
            "Title\n\nMara laughed until she thought she'd die of embarrassment. Tobin never hit anyone. "
                + "\"I'll kill you if you eat my last biscuit,\" Mara said. If anyone hurt her, he would be there.\n");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).isEmpty();
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
  }

  @Test
  void deathOfAMainCharacterOnThePageIsAMajorCharacterDeath() {
    Work w =
        tagged(
            "Title\n\nTobin rowed Mara across to Oakvale. Tobin had a cough. Tobin smiled at her. "
                + "In the morning Tobin died in her arms, and Mara held him until the lanterns went out.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).contains("Character Death");
  }

  @Test
  void aNameSpokenToTheNarratorIsTheirs() {
    Work w =
        tagged(
            "Title\n\nTobin told me the market at Oakvale took payment in songs. I didn't believe"
                + " him. I sang anyway, badly, and the stallholder laughed, and I got my lantern."
                + " \"Mara Quill,\" Tobin said, looking at me as if I had hung the moon, \"you are"
                + " a terrible singer.\" I told him he was worse. He agreed.\n");
    assertThat(w.tagNames(TagType.CHARACTER)).contains("Mara Quill", "Tobin Reed");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill & Tobin Reed");
    // A name called out alone, with an honorific, that the narration never uses: alone, or with
    // who said it.
    for (String call : List.of("\"Mara-san?\"", "\"Mara-san,\" he said.")) {
      Analysis called =
          ANALYSER.analyse(
              work(
                  "Title\n\nIt was past midnight in Oakvale and I was trimming the lantern wick with"
                      + " borrowed scissors. I always did it myself. I did the left side badly.\n\n"
                      + call
                      + "\n\nTobin stood in the doorway with his hair on end. I handed him the"
                      + " scissors, and he fixed it, and I let him.\n"));
      // The teller: the narration's "I" are her mentions, and she is the point of view.
      assertThat(called.characters())
          .filteredOn(c -> c.name().equals("Mara Quill"))
          .singleElement()
          .satisfies(c -> assertThat(c.pov()).isPositive());
    }
  }

  @Test
  void theTellerTheNotesNameTellsTheStory() {
    String story =
        "Title\n\n(A/N: set after the festival, mara pov, sorry.)\n\nI rowed out to Oakvale"
            + " before dawn. Tobin was on the jetty, and I threw him the rope, and he caught it."
            + " I was tired. I was glad.\n";
    assertThat(ANALYSER.analyse(work(story)).characters())
        .filteredOn(c -> c.name().equals("Mara Quill"))
        .singleElement()
        .satisfies(c -> assertThat(c.pov()).isPositive());
    // A note that names nobody's point of view names no teller.
    assertThat(ANALYSER.analyse(work(story.replace("mara pov", "my pov"))).characters())
        .noneMatch(c -> c.name().equals("Mara Quill") && c.pov() > 0);
  }

  @Test
  void friendsAreFriendsAndBrothersAreBrothers() {
    String ferry =
        "Title\n\nTobin and Mara rowed across to Oakvale together, as they had every spring."
            + " \"Row faster,\" Mara said. Tobin laughed at her. They were the best of friends,"
            + " and Mara told him so.\n";
    Work friends = tagged(ferry);
    assertThat(friends.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill & Tobin Reed");
    assertThat(friends.tagNames(TagType.ADDITIONAL)).contains("Friendship");
    // Two women the story calls sisters are no friendship tag but "Sisters".
    Work sisters = tagged(ferry.replace("Tobin", "Ines").replace("friends", "sisters"));
    assertThat(sisters.tagNames(TagType.RELATIONSHIP)).containsExactly("Ines Vale & Mara Quill");
    assertThat(sisters.tagNames(TagType.ADDITIONAL))
        .contains("Sisters")
        .doesNotContain("Friendship");
  }

  @Test
  void machinesAndMindsDieWithoutAnyoneDying() {
    Work w =
        tagged(
            "Title\n\nTobin pulled Mara behind a bank of dead consoles in Oakvale. The turret"
                + " sparked and died. Then Mara kissed him, and Tobin's brain completely flatlined."
                + " Tobin laughed. Mara laughed too. That spring Mara killed eleven rosebushes, and"
                + " called it a strategic withdrawal.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Character Death");
  }

  @Test
  void aDeathAndTheSorrowOverItAreGrief() {
    String before =
        "Title\n\nMara sat on the ferry steps at Oakvale where Tobin used to sit. Tobin had died"
            + " in the spring.";
    Work grieving = tagged(before + " She cried, and her chest ached with it.\n");
    assertThat(grieving.tagNames(TagType.ADDITIONAL)).contains("Grief/Mourning");
    assertThat(grieving.tags(TagType.ADDITIONAL).stream().filter(t -> t.name().startsWith("Grief")))
        .allSatisfy(t -> assertThat(t.evidence()).isNotEmpty());
    Work not = tagged(before + " She watched the boats and thought about supper.\n");
    assertThat(not.tagNames(TagType.ADDITIONAL)).doesNotContain("Grief/Mourning");
  }

  @Test
  void threeJokesInAStoryOfSevenHundredWordsAreHumor() {
    String jokes =
        " Mara told a joke about the ferry. Tobin laughed. Then he grinned at her over the oars.";
    String quiet = " The river ran on past Oakvale under the grey evening sky, slow and wide.";
    Work w = tagged("Title\n\nMara and Tobin rowed to Oakvale." + jokes + quiet.repeat(45) + "\n");
    assertThat(w.wordCount()).isBetween(650, 750);
    assertThat(w.tagNames(TagType.ADDITIONAL)).contains("Humor");
  }

  @Test
  void aWoundStitchedIsHurtAndComfort() {
    String wound =
        "Title\n\nThe boathook had torn a gash across Tobin's forearm at Oakvale. Mara sat him"
            + " on the edge of the tub.";
    Work tended = tagged(wound + " She stitched it by lamplight, and bandaged it after.\n");
    assertThat(tended.tagNames(TagType.ADDITIONAL)).contains("Hurt/Comfort");
    assertThat(
            tended.tags(TagType.ADDITIONAL).stream().filter(t -> t.name().equals("Hurt/Comfort")))
        .allSatisfy(t -> assertThat(t.evidence()).isNotEmpty());
    Work left = tagged(wound + " Then she went back to her book.\n");
    assertThat(left.tagNames(TagType.ADDITIONAL)).doesNotContain("Hurt/Comfort");
  }

  @Test
  void aFirefightIsViolence() {
    Work w =
        tagged(
            "Title\n\nThe raiders opened fire on the ferry at Oakvale. Tobin pulled Mara down as"
                + " blaster bolts hissed over the rail. Mara fired twice and the shooting stopped.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
  }

  @Test
  void theLeadsOfAStoryAreTheCoupleTheyAreInCanon() {
    String market =
        "Title\n\nInes and Tobin walked to the market at Oakvale. Ines bought apples, and Tobin"
            + " carried them. \"Heavy,\" Tobin said. Ines laughed at him all the way home.\n";
    Work canon = tagged(market);
    assertThat(canon.tagNames(TagType.RELATIONSHIP)).containsExactly("Ines Vale/Tobin Reed");
    assertThat(canon.tagNames(TagType.CATEGORY)).containsExactly("F/M");
    // The same day for two who are no couple in canon is a friendship.
    Work friends = tagged(market.replace("Ines", "Mara"));
    assertThat(friends.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill & Tobin Reed");
  }

  @Test
  void aDeathIsTheDeathOfWhoeverItIsToldOf() {
    // The teller and Tobin are in the sentence, but the one dead is a stranger.
    Work stranger =
        tagged(
            "Title\n\nI walked to Oakvale with Tobin at dawn. I was halfway across the square, with"
                + " Tobin complaining about the cold behind me, when the lamplighter's boy told us"
                + " that a man was dead in the shed by the river. Tobin swore. I went to look. Tobin"
                + " followed me, and Tobin held the lantern.\n");
    assertThat(stranger.tagNames(TagType.ARCHIVE_WARNING)).doesNotContain("Major Character Death");
    // Told of "he", named in the sentence before.
    Work tobin =
        tagged(
            "Title\n\nMara rowed Tobin across to Oakvale. Tobin had a cough. Tobin smiled at her, and"
                + " closed his eyes. Some time after the tide turned, he stops breathing.\n");
    assertThat(tobin.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
  }

  @Test
  void aDeathToldWithoutTheWordIsStillADeath() {
    Work w =
        tagged(
            "Title\n\nTobin rowed Mara across to Oakvale. Tobin had a cough. Tobin smiled at her."
                + " Mara waited for the next breath, but the breath never came. She closed the grey"
                + " eyes and sat with Tobin until the lanterns went out.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).contains("Character Death");
  }

  @Test
  void aThemeTheSummaryNamesIsWarnedOf() {
    String story =
        "Title\nSummary: Tobin is six months sober tonight.\n\nTobin sat in the tavern at Oakvale"
            + " and looked at the glass for a long time. Mara came in and sat with him. Then he"
            + " pushed it away.\n";
    Work w = tagged(story);
    assertThat(w.summary()).contains("sober");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).containsExactly("Addiction");
    assertThat(w.tags(TagType.CONTENT_WARNING).getFirst().evidence().getFirst().quote())
        .startsWith("Summary: ");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
  }

  @Test
  void aBottleOfWhiskeyForThePainIsNoAddiction() {
    Work w =
        tagged(
            "Title\n\nTobin stitched the cut on Mara's arm in Oakvale. Mara reached for the bottle"
                + " of whiskey and took a long pull. \"Just do it.\" Later Tobin took the bottle"
                + " from her and drank too.\n");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Addiction");
  }

  @Test
  void aSceneWithoutAKissIsStillASexScene() {
    Work w =
        tagged(
            "Title\n\nMara and Tobin came back to the house in Oakvale. Tobin lit the lamp and Mara"
                + " shut the door. They undressed each other"
                + " without hurry. The sea breathed beyond the open wall. They moved together on"
                + " the low bed as the light went amber. Afterward they lay tangled in the sheets"
                + " while the air cooled them.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Mature");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill/Tobin Reed");
    // Undressing told in a word of its own counts with the bed, the bodies and the act.
    Work v =
        tagged(
            "Title\n\nMara came back to Oakvale at dusk and kissed Tobin in the doorway. Later"
                + " Tobin undressed slowly, folding everything. They moved together in the narrow"
                + " bunk, skin to skin, until the lantern burned down.\n");
    assertThat(v.tagNames(TagType.RATING)).containsExactly("Mature");
  }

  @Test
  void explicitSexIsExplicitAndStrongLanguageIsAtLeastTeen() {
    Work e =
        tagged(
            "Title\n\nMara pulled Tobin down. His cock was hard against her; she gasped as he thrust into her, "
                + "and her orgasm came fast, her nipples aching, his cock deep inside.\n");
    assertThat(e.tagNames(TagType.RATING)).containsExactly("Explicit");
    assertThat(e.tagNames(TagType.ADDITIONAL)).contains("Smut");
    Work t = tagged("Title\n\n\"Fuck,\" said Mara, dropping the lantern.\n");
    assertThat(t.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
    Work g = tagged("Title\n\nMara smiled at the lantern and went to bed early.\n");
    assertThat(g.tagNames(TagType.RATING)).containsExactly("General Audiences");
  }

  @Test
  void authorGivenTagsWinOverSuggestions() {
    Work w =
        tagged(
            "Rating: Explicit\nPairing: Marobin\nCharacters: Mara\n\nMara waited on the pier in Oakvale. Tobin came. Tobin kissed her.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Explicit");
    assertThat(w.tags(TagType.RATING))
        .allSatisfy(t -> assertThat(t.provenance()).isEqualTo(Provenance.AUTHOR));
    // "Marobin" given by the author stands for Mara Quill/Tobin Reed: not suggested again.
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Marobin");
    assertThat(w.tagNames(TagType.CHARACTER)).containsExactly("Mara", "Tobin Reed");
  }

  @Test
  void anAo3NamesakeTagIsTheCharacterItNames() {
    Work w =
        tagged(
            "Fandom: Buffy the Vampire Slayer\nCharacters: Spike (Buffy the Vampire Slayer)\n\n"
                + "Spike lit a cigarette in the crypt. \"Bloody hell,\" Spike said to Buffy.\n");
    // The author's spelling stands for Spike: he is not suggested again under his bare name.
    assertThat(w.tagNames(TagType.CHARACTER))
        .contains("Spike (Buffy the Vampire Slayer)")
        .doesNotContain("Spike");
  }

  @Test
  void pointOfViewAndLanguage() {
    Analysis first =
        ANALYSER.analyse(
            work(
                "Title\n\nI walked to Oakvale with Mara. I was tired, and my feet hurt, but I kept going because I had promised.\n"));
    assertThat(first.pov()).startsWith("first person");
    assertThat(first.language()).isEqualTo("English");
    Analysis third =
        ANALYSER.analyse(
            work(
                "Title\n\nMara walked to Oakvale. She thought about the river. Mara wondered if Tobin would come. She felt the cold.\n"));
    assertThat(third.pov()).startsWith("third person limited (Mara Quill)");
  }

  @Test
  void aTieForTheViewpointGoesToWhoeverIsNamedFirstOnEveryRun() {
    // Two characters think equally in the one paragraph. Each analysis makes new objects for
    // them, so a choice that followed their hash codes would differ from run to run.
    String text =
        "Title\n\nMara thought about the lantern in Oakvale. Tobin thought about the river."
            + " Mara thought again. Tobin thought again.\n";
    for (int run = 0; run < 40; run++) {
      assertThat(ANALYSER.analyse(work(text)).pov())
          .startsWith("third person limited (Mara Quill)");
      assertThat(
              ANALYSER.analyse(work(text.replace("Mara", "Ines").replace("Tobin", "Mara"))).pov())
          .startsWith("third person limited (Ines Vale)");
    }
  }

  @Test
  void packAdditionalTagsNeedTheirCues() {
    Work w = tagged("Title\n\nMara and Tobin went to the lantern festival in Oakvale.\n");
    assertThat(w.tagNames(TagType.ADDITIONAL)).contains("Lantern Festival");
  }

  @Test
  void longTextIsAnalysedWithoutBlowingUp() {
    StringBuilder sb = new StringBuilder("Title\n\n");
    for (int i = 0; i < 40_000; i++) {
      sb.append("Mara walked through Oakvale and Tobin followed with a lantern. ");
      if (i % 10 == 0) {
        sb.append("\n\n");
      }
    }
    Analysis a = ANALYSER.analyse(work(sb.toString()));
    assertThat(a.characters()).extracting(Analysis.CharacterInfo::mentions).contains(40_000);
  }

  @Test
  void frequentlyNamedPeopleOutsideThePacksAreProposedButPlacesAreNot() {
    Work w =
        tagged(
            "Title\n\nMara met Corwin Ashdown at the Oakvale docks. \"You're late,\" Corwin said."
                + " Tobin watched as Corwin laughed. They sailed to Brightwater, and in Brightwater"
                + " the lanterns burned. Later Corwin kissed Mara's hand, and Tobin rolled his eyes."
                + " Mara smiled at Tobin.\n");
    assertThat(w.tagNames(TagType.CHARACTER))
        .contains("Corwin Ashdown")
        .doesNotContain("Brightwater");
    Tag proposed =
        w.tags(TagType.CHARACTER).stream()
            .filter(t -> t.name().equals("Corwin Ashdown"))
            .findFirst()
            .orElseThrow();
    assertThat(proposed.note()).startsWith("new");
    assertThat(proposed.evidence()).isNotEmpty();
  }

  @Test
  void anUnnamedKissBelongsToTheLeadsNotToWhoeverWasNamedLast() {
    Work w =
        tagged(
            "Title\n\nMara and Tobin painted the kitchen in Oakvale. Mara hated the yellow."
                + " Tobin loved it. \"It's cheerful,\" Tobin said. Mara rolled her eyes at Tobin."
                + " Ines had called it cheerful too, on the phone. She kissed him before he could"
                + " gloat.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).contains("Mara Quill/Tobin Reed");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).noneMatch(r -> r.contains("Ines"));
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("F/M");
  }

  @Test
  void twoWomenLeadsAndSheKissedHerIsRomance() {
    Work w =
        tagged(
            "Title\n\nMara and Ines walked home through Oakvale. Mara carried the lantern. Ines"
                + " carried the bread. \"Stay,\" Mara said at the gate. Ines stayed. She kissed"
                + " her, slow and sure.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).contains("Ines Vale/Mara Quill");
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("F/F");
  }

  @Test
  void aRatingAndWarningsStatedInTheNotesAreTaken() {
    Work w =
        tagged(
            "Title\n\nA/N: Rated M for language. Warning for blood and a nasty fight.\n\nMara"
                + " walked through Oakvale at dusk. Tobin waited by the river.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Mature");
    assertThat(w.tags(TagType.RATING).getFirst().evidence().getFirst().quote()).contains("Rated M");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).contains("Violence");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
  }

  @Test
  void aDeathInASimileIsNoDeath() {
    Work w =
        tagged(
            "Title\n\nMara and Tobin drove through Oakvale. The old van made a noise like a"
                + " dying robot, and Tobin laughed so hard he had to pull over. Mara laughed too.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Character Death");
  }

  @Test
  void woundsShownOnTheBodyAreGraphicViolenceAndMature() {
    Work w =
        tagged(
            "Title\n\nThe thing came out of the dark above Oakvale and hit Tobin from the side."
                + " Claws raked across his ribs. Its teeth sank into his shoulder and he felt the"
                + " bone crack. Mara drove the lantern pole into its throat and it tore free,"
                + " shrieking. Blood ran between Tobin's fingers where he held his side.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).contains("Graphic Depictions Of Violence");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Mature");
    assertThat(w.tags(TagType.ARCHIVE_WARNING).getFirst().evidence()).isNotEmpty();
  }

  @Test
  void tenderTouchesAreNotInjuries() {
    Work w =
        tagged(
            "Title\n\nMara kissed Tobin's jaw in the lantern light of Oakvale. She pressed her"
                + " face to his chest. He traced the bones of her wrist. She laid her cheek on his"
                + " shoulder and they watched the river.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
  }

  @Test
  void leadsInASexSceneAreACoupleWithoutAWordOfLove() {
    Work w =
        tagged(
            "Title\n\nMara and Tobin came back to the cottage in Oakvale after the festival."
                + " Tobin pulled off his boots by the fire. Mara undressed him slowly. Tobin was"
                + " aroused and did not hide it. They lay naked on the rug, and Mara moaned when"
                + " Tobin touched her. Afterwards Tobin fell asleep and Mara watched the fire.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill/Tobin Reed");
    assertThat(w.tags(TagType.RELATIONSHIP).getFirst().evidence()).isNotEmpty();
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("F/M");
  }

  @Test
  void aSexSceneToldWithoutAnatomyIsStillOnThePage() {
    Work w =
        tagged(
            "Title\n\nMara kissed Tobin at the door of the cottage in Oakvale. Upstairs she"
                + " pushed him down onto the bed and worked the buttons of his shirt open. They"
                + " undressed each other slowly. Tobin arched under her hands, breathless. Later"
                + " they moved together in the dark, and she came apart beneath him, trembling,"
                + " and took him with her.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Explicit");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).contains("Sexual Content");
    assertThat(w.tags(TagType.RATING).getFirst().evidence()).isNotEmpty();
  }

  @Test
  void aBedTwoPeopleShareMakesThemACouple() {
    String laundry =
        "Title\n\nMara tipped the laundry onto their bed in Oakvale, and Tobin sorted his socks"
            + " from hers. \"Yours,\" Tobin said.";
    String night = " Late that night Tobin crawled in beside her, cold-footed.";
    assertThat(tagged(laundry + night + "\n").tagNames(TagType.RELATIONSHIP))
        .containsExactly("Mara Quill/Tobin Reed");
    // Once is a bed, not yet a couple.
    assertThat(tagged(laundry + "\n").tagNames(TagType.RELATIONSHIP))
        .doesNotContain("Mara Quill/Tobin Reed");
  }

  @Test
  void theActNamedWithTwoMoreSignsIsOnThePage() {
    String told =
        "Title\n\nMara kissed Tobin by the fire in Oakvale. They made love slowly, his mouth at"
            + " her throat, her skin warm under his hands, the blanket slipping to the floor."
            + " Afterwards they slept.\n";
    assertThat(tagged(told).tagNames(TagType.RATING)).containsExactly("Mature");
    // Named in passing, with nothing on the page around it: not a scene.
    String mentioned =
        "Title\n\nMara kissed Tobin by the fire in Oakvale. They had made love once, years ago,"
            + " and never spoken of it. Now they talked about the harvest until the lanterns"
            + " burned low.\n";
    assertThat(tagged(mentioned).tagNames(TagType.RATING)).doesNotContain("Mature", "Explicit");
  }

  @Test
  void aSceneWithNoWordOfRomanceNeedsTheActItself() {
    Work w =
        tagged(
            "Title\n\nLater, in the dark of the house in Oakvale, Tobin reached for Mara, and Mara"
                + " went to him. He pulled the rest of their clothes off and drew her down. Her back arched off"
                + " the mattress, her thighs tight around him, and she came apart with his name"
                + " in her mouth. He followed her over a moment later. Mara listened to the sea, and"
                + " Tobin slept.\n");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).contains("Sexual Content");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill/Tobin Reed");
    // Undressing, a bed and a body in pain, with no word of romance: a wound, not a scene.
    Work wound =
        tagged(
            "Title\n\nIn the house at Oakvale Tobin cut the shirt off Mara and laid her onto the"
                + " bed. She arched and swore, breathless, her thighs slick with blood, trembling"
                + " as he pressed the cloth down.\n");
    assertThat(wound.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Sexual Content");
  }

  @Test
  void everyoneInADeclaredRelationshipIsACharacter() {
    Work w =
        tagged(
            "Title\n\n(A/N: Mara/Tobin, established. Tobin narrating.)\n\nI rowed out to"
                + " Oakvale at dawn. Mara was waiting on the jetty with the lantern.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill/Tobin Reed");
    assertThat(w.tagNames(TagType.CHARACTER)).contains("Mara Quill", "Tobin Reed");
  }

  @Test
  void aKissIsBetweenTheNamesBesideItAndOneKissIsACanonCouplesRomance() {
    Work w =
        tagged(
            "Title\n\nMara and Hope kept the lantern shop in Oakvale. Mara counted the wicks"
                + " while Hope swept. \"Busy day,\" Hope said. Mara laughed. At noon Ines came in"
                + " with bread, and Tobin after her. Ines bent and kissed Tobin on the cheek, the"
                + " way Mara had once seen her grandmother bless a loaf. Then Ines and Tobin went"
                + " out to the boats, and Mara and Hope closed the shop at dusk.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).contains("Ines Vale/Tobin Reed");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).noneMatch(r -> r.contains("Mara Quill/"));
  }

  @Test
  void aKnifeNobodyIsHurtWithIsAnObject() {
    Work w =
        tagged(
            "Title\n\nMara marked Tobin's height on the door frame in Oakvale with a butter knife."
                + " Tobin held out the knife for her turn. Mara laid the knife across his head and"
                + " scratched the line, then rubbed the ache between her shoulder blade and neck.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("General Audiences");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Violence");
    Work fight =
        tagged(
            "Title\n\nIn Oakvale Tobin stabbed the thief with the knife. The thief punched Mara"
                + " and she bled on the stones.\n");
    assertThat(fight.tagNames(TagType.RATING)).doesNotContain("General Audiences");
    Work wound =
        tagged(
            "Title\n\nIn Oakvale the shoulder wound bled through Tobin's shirt again. Mara pressed"
                + " on the shoulder wound until the bleeding slowed.\n");
    assertThat(wound.tagNames(TagType.RATING)).doesNotContain("General Audiences");
  }

  @Test
  void aSceneSummarisedIsStillOnThePage() {
    Work w =
        tagged(
            "Title\n\nMara kissed Tobin in the shop at Oakvale. Later they ended up on the bed with"
                + " their clothes on the floor, and Mara said his name when his hand slid lower."
                + " Afterwards Tobin lay in the dark with her head on his chest.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Mature");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).contains("Sexual Content");
  }

  @Test
  void anEstablishedCoupleTheNotesNameIsTagged() {
    String text = "\n\nMara rowed out to Oakvale at dawn. Tobin was waiting on the jetty.\n";
    assertThat(
            tagged("Title\n\n(A/N: Established Marobin, set after the festival.)" + text)
                .tagNames(TagType.ADDITIONAL))
        .contains("Established Relationship");
    assertThat(
            tagged("Title\n\n(A/N: Oakvale was established in 1802.)" + text)
                .tagNames(TagType.ADDITIONAL))
        .doesNotContain("Established Relationship");
  }

  @Test
  void aCoupleWhoKissOnlyLateKissForTheFirstTime() {
    String story =
        "Mara rowed the ferry across to Oakvale every morning. Tobin mended nets on the jetty and"
            + " pretended not to watch her come in. \"Fair wind,\" Tobin said. \"Fair enough,\""
            + " Mara said. They argued about the weather, and about the price of rope, and about"
            + " whether the lantern on the point needed a new wick. At the end of the summer Mara"
            + " tied up the ferry, walked the length of the jetty, and kissed Tobin.\n";
    assertThat(tagged("Title\n\n" + story).tagNames(TagType.ADDITIONAL)).contains("First Kiss");
    assertThat(
            tagged("Title\n\n(A/N: Established Marobin.)\n\n" + story).tagNames(TagType.ADDITIONAL))
        .doesNotContain("First Kiss");
  }

  @Test
  void aCoupleWhoKissEarlyAreTogetherAlready() {
    String story =
        "Mara came in from the ferry at dusk and kissed Tobin hello in the doorway. He had the"
            + " lantern lit already and the kettle on. They argued about the weather, and about"
            + " the price of rope, and about whether the lantern on the point needed a new wick,"
            + " the way they did every evening in Oakvale. Later Tobin read aloud while Mara"
            + " mended a net, and neither of them minded the rain.\n";
    List<String> tags = tagged("Title\n\n" + story).tagNames(TagType.ADDITIONAL);
    assertThat(tags).contains("Established Relationship").doesNotContain("First Kiss");
    // Said to be their first, an early kiss is a first kiss still.
    assertThat(
            tagged("Title\n\n" + story.replace("kissed Tobin hello", "gave Tobin their first kiss"))
                .tagNames(TagType.ADDITIONAL))
        .doesNotContain("Established Relationship");
  }

  @Test
  void sorrowComfortedOnceIsHurtComfort() {
    Work w =
        tagged(
            "Title\n\nMara sat alone on the jetty at Oakvale after the letter came, and wept. The"
                + " misery of it would not let her go; she felt hopeless. Tobin came down the"
                + " planks without a word and held her until the tide turned.\n");
    assertThat(w.tagNames(TagType.ADDITIONAL)).contains("Hurt/Comfort");
  }

  @Test
  void aBondTheCanonGivesIsTaggedInsteadOfFriendship() {
    Analyser builtIn = new Analyser(Packs.builtIn());
    Work w =
        work(
            "Title\n\nDean drove the Impala through the Kansas night while Sam slept against the"
                + " window. At a diner outside Lawrence, Sam ordered pie for Dean without asking."
                + " \"You're a good kid, Sammy,\" Dean said. Sam rolled his eyes and stole his"
                + " fries. They hunted the wendigo together at dawn, and Dean patched Sam's arm"
                + " afterwards, grumbling, while Sam laughed at him.\n");
    Work tagged = builtIn.apply(w, builtIn.analyse(w));
    assertThat(tagged.tagNames(TagType.RELATIONSHIP)).contains("Dean Winchester & Sam Winchester");
    assertThat(tagged.tagNames(TagType.ADDITIONAL))
        .contains("Brotherly Love")
        .doesNotContain("Friendship");
  }

  @Test
  void eyesClosedForTheDeadAreADeath() {
    Work w =
        tagged(
            "Title\n\nMara had held the ford at Oakvale alone. The arrows had gone deep. Tobin"
                + " held Mara's hand on the shore until it was only a hand, and then he closed"
                + " Mara's eyes and wept.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).contains("Major Character Death");
  }

  @Test
  void aBedAndAShiverAreNoSexScene() {
    Work w =
        tagged(
            "Title\n\nMara kissed Tobin goodnight in Oakvale. He was trembling with fever,"
                + " so she pushed him down onto the bed and pulled the sheets up. He was"
                + " breathless from coughing. She sat by the bed till morning.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("General Audiences");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Sexual Content");
  }

  @Test
  void romanceWordsThatAlsoNameWoundsAreNoViolence() {
    Work w =
        tagged(
            "Title\n\nMara wound her arms around Tobin's neck on the bridge at Oakvale. A smile"
                + " broke across her face. Tobin tore his gaze from her face and blood rushed to"
                + " his cheeks. She broke into laughter at his side. Her heart cracked open with"
                + " joy, and she kissed him under the lanterns.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    assertThat(w.tagNames(TagType.RATING)).doesNotContain("Mature", "Explicit");
    assertThat(w.tagNames(TagType.ADDITIONAL)).doesNotContain("Hurt/Comfort");
  }

  @Test
  void aSummaryInTheStorysVoiceDeclaresNothing() {
    Work w =
        tagged(
            "Title\n\nSummary: Mara gets a warning: the river will rise, and a film rated R"
                + " plays in Oakvale.\n\nMara walked through Oakvale at dusk. Tobin waited by"
                + " the river.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("General Audiences");
  }

  @Test
  void anAuthorsArchiveWarningImpliesQuiresFinerOne() {
    Work w = tagged("Title\nWarnings: Major Character Death\n\nMara walked through Oakvale.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).containsExactly("Character Death");
    assertThat(w.tags(TagType.CONTENT_WARNING).getFirst().note()).contains("author's warning");
    // The text alone would be General; the author's warning makes it at least Teen.
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
    Work rated =
        tagged("Title\nRating: General\nWarnings: Major Character Death\n\nMara walked.\n");
    assertThat(rated.tagNames(TagType.RATING)).containsExactly("General Audiences");
  }

  @Test
  void aNameSaidOnceInALongerStoryIsInPassing() {
    String scene =
        "Mara walked the towpath at Oakvale every evening, counting the lanterns as she went. ";
    String passing = "Tobin had told her once that there were forty of them. ";
    Work drabble = tagged("Title\n\n" + scene + passing + "\n");
    assertThat(drabble.tagNames(TagType.CHARACTER)).contains("Tobin Reed");
    // The same mention in a story of some length: not tagged.
    Work story = tagged("Title\n\n" + scene.repeat(25) + passing + "\n");
    assertThat(story.wordCount()).isGreaterThan(300);
    assertThat(story.tagNames(TagType.CHARACTER)).containsExactly("Mara Quill");
  }

  @Test
  void aNameSpokenToItsBearerMeansTheyAreThere() {
    String roof = "Title\n\nMara found him on the roof in Oakvale. He did not turn round.\n\n";
    assertThat(tobinsNote(roof + "\"Tobin.\" She sat beside him, and he let her.\n"))
        .isNotEqualTo("mentioned only");
    // Named in passing inside a quotation, not spoken to: only mentioned.
    assertThat(tobinsNote(roof + "\"I heard Tobin left town.\" She sat beside him.\n"))
        .isEqualTo("mentioned only");
  }

  private static String tobinsNote(String text) {
    return tagged(text).tags(TagType.CHARACTER).stream()
        .filter(t -> t.name().equals("Tobin Reed"))
        .findFirst()
        .orElseThrow()
        .note();
  }

  @Test
  void aNameWithAJapaneseHonorificIsStillTheName() {
    Work w = tagged("Title\n\nIn Oakvale, Tobin-sensei waited. \"Late,\" Tobin-sensei said.\n");
    assertThat(w.tagNames(TagType.CHARACTER)).contains("Tobin Reed");
  }

  @Test
  void soundsAndFiresDieWithoutAnyoneDying() {
    Work w =
        tagged(
            "Title\n\nTobin watched the boat go from Oakvale, the engine dying out over the"
                + " water. Mara's laughter died. Tobin stood on the pier.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Character Death");
    Work real =
        tagged(
            "Title\n\nTobin watched the boat go from Oakvale. Mara died that night. Tobin stood"
                + " on the pier.\n");
    assertThat(real.tagNames(TagType.CONTENT_WARNING)).contains("Character Death");
    Work idiom =
        tagged(
            "Title\n\nTobin stopped dead in the doorway at Oakvale. Mara stood dead still."
                + " Tobin laughed.\n");
    assertThat(idiom.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Character Death");
  }

  @Test
  void aDeathTheStoryMournsIsMajorHoweverBriefly() {
    String before = "Title\n\nMara died in Oakvale in the spring. Tobin kept her lantern.";
    Work told = tagged(before + " Mara had lit it every night.\n");
    assertThat(told.tagNames(TagType.ARCHIVE_WARNING)).doesNotContain("Major Character Death");
    Work mourned =
        tagged(
            before
                + " Mara had lit it every night. At the funeral Tobin wept, and his grief lasted all"
                + " winter.\n");
    assertThat(mourned.tagNames(TagType.ARCHIVE_WARNING)).contains("Major Character Death");
  }

  @Test
  void aKissWithNoOneInItsSentenceBelongsToThePeopleOfTheNext() {
    StringBuilder b =
        new StringBuilder(
            "Title\n\nMara and Tobin waited in the crypt at Oakvale. \"Quiet,\" Tobin said."
                + " \"You be quiet,\" Mara said.");
    // A long unnamed stretch of the two of them, as two-handers go.
    for (int i = 0; i < 14; i++) {
      b.append(i % 2 == 0 ? " She shifted her weight." : " He said nothing at all.");
    }
    b.append(" It was a bad kiss. Angled wrong, his mouth cold, her nose squashed.\n");
    Work w = tagged(b.toString());
    assertThat(w.tagNames(TagType.RELATIONSHIP)).containsExactly("Mara Quill/Tobin Reed");
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("F/M");
  }

  @Test
  void violenceShownTwiceIsTeenAndOnceIsNot() {
    String start = "Title\n\nMara and Tobin walked home through Oakvale after the market.";
    Work twice = tagged(start + " Tobin punched the man at the gate, and the fight spilled out.\n");
    assertThat(twice.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
    Work once = tagged(start + " Tobin punched the air when the ferry came in.\n");
    assertThat(once.tagNames(TagType.RATING)).containsExactly("General Audiences");
  }

  @Test
  void oneMildSwearWordIsTeen() {
    Work w =
        tagged("Title\n\nMara missed the ferry at Oakvale. \"Damn,\" she said. Tobin laughed.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
    Work clean = tagged("Title\n\nMara missed the ferry at Oakvale. \"Oh no,\" she said.\n");
    assertThat(clean.tagNames(TagType.RATING)).containsExactly("General Audiences");
  }

  /** Words enough that a character named once is left out unless the story shows them. */
  private static final String FILLER =
      " The river ran slow and brown past the jetty, and the gulls argued over the nets."
          .repeat(30);

  @Test
  void theSummaryChoosesTheFandomAndSettlesASharedName() {
    String body =
        "\n\nHe poled the ferry across. The river was wide and he was tired. Hope came down"
            + " to the water at dusk. Hope said nothing.\n";
    assertThat(tagged("Title" + body).tagNames(TagType.FANDOM)).isEmpty();
    Work w = tagged("Title\n\nSummary: Tobin Reed keeps the ferry, and Hope Ward waits." + body);
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Test Fandom");
    assertThat(w.tagNames(TagType.CHARACTER)).contains("Hope Ward");
  }

  @Test
  void theSummaryNamesTheTellerTheNarrationNeverNames() {
    String story =
        "Title\n\n%sYou walk down to the river at Oakvale. Tobin is there already, and the"
            + " lantern is lit. \"You're late,\" Tobin says. You sit beside him and say nothing."
            + " You watch the river run slow and brown past the jetty.".repeat(30)
            + "\n";
    assertThat(tagged(story.formatted("")).tagNames(TagType.CHARACTER))
        .doesNotContain("Mara Quill");
    assertThat(
            tagged(story.formatted("Summary: Mara goes down to the river.\n\n"))
                .tagNames(TagType.CHARACTER))
        .contains("Mara Quill", "Tobin Reed");
  }

  @Test
  void theAuthorsPairingNamesTheTellerTheNarrationNeverNames() {
    Work w =
        tagged(
            "Title\nPairing: mara/tobin\n\nI walked down to the river at Oakvale. Tobin was"
                + " there already, and the lantern was lit. Tobin kissed me."
                + " I watched the river run slow and brown past the jetty.".repeat(30)
                + "\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).hasSize(1);
    assertThat(w.tagNames(TagType.CHARACTER)).contains("Mara Quill", "Tobin Reed");
  }

  @Test
  void aNameCalledOutIsAPersonsButNotTheSubjectOfASplitQuotation() {
    String start = "Title\n\nMara walked through Oakvale with Tobin.";
    assertThat(
            tagged(start + " \"Hope,\" Tobin said. \"Wait.\" Hope stopped.\n")
                .tagNames(TagType.CHARACTER))
        .contains("Hope Ward");
    assertThat(
            tagged(start + " \"Hope,\" said Tobin, \"is a fine thing.\" Hope is.\n")
                .tagNames(TagType.CHARACTER))
        .doesNotContain("Hope Ward");
  }

  @Test
  void aNameSaidOnlyInDialogueIsTalkedAboutNotThere() {
    String talk =
        "Title\n\nMara walked through Oakvale with Tobin. \"Ines is late,\" Mara said."
            + " \"Ines is always late,\" Tobin said."
            + FILLER
            + "\n";
    assertThat(tagged(talk).tagNames(TagType.CHARACTER)).doesNotContain("Ines Vale");
    assertThat(
            tagged(talk.replace("Tobin said.", "Tobin said. Ines came at last."))
                .tagNames(TagType.CHARACTER))
        .contains("Ines Vale");
  }

  @Test
  void whatAPersonOwnsDyingIsNoDeathOfTheirs() {
    String start = "Title\n\nMara and Tobin walked home through Oakvale.";
    assertThat(
            tagged(start + " Mara's lantern died in the wind.\n").tagNames(TagType.CONTENT_WARNING))
        .doesNotContain("Character Death");
    assertThat(tagged(start + " Mara died in the wind.\n").tagNames(TagType.CONTENT_WARNING))
        .contains("Character Death");
  }

  @Test
  void deathInATitleAndBloodAtTheDoctorsAreNeitherDeathNorViolence() {
    Work w =
        tagged(
            "Title\n\nMara and Tobin ate at Oakvale. Tobin ordered the Death by Chocolate, and"
                + " Mara had her blood pressure taken, and a blood test, and the blood draw hurt"
                + " less than the bill.\n");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Character Death", "Violence");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
  }

  @Test
  void swearingAloneHoweverMuchIsTeen() {
    Work w =
        tagged(
            "Title\n\nMara missed the ferry at Oakvale. \"Fuck,\" she said. \"Fuck this"
                + " fucking ferry. Fuck the river. Fuck the fucking gulls. Shit.\" Tobin laughed.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
  }

  @Test
  void inAStoryToldByIAKissWhoseSubjectIsTheOtherLeadIsTheTellers() {
    String story =
        "Title\n\nSummary: Mara and the ferry.\n\nI went down to the river at Oakvale. Tobin was"
            + " there already. \"Late,\" Tobin said. %s"
            + " I watched the river run slow and brown past the jetty.".repeat(30)
            + "\n";
    assertThat(
            tagged(story.formatted("He kissed like he rowed: slowly."))
                .tagNames(TagType.RELATIONSHIP))
        .containsExactly("Mara Quill/Tobin Reed");
    // Somebody else's love for him is not the teller's.
    assertThat(tagged(story.formatted("The gulls loved him.")).tagNames(TagType.RELATIONSHIP))
        .doesNotContain("Mara Quill/Tobin Reed");
  }

  @Test
  void anAuthorsExplicitOverASignOfSexWarnsOfSex() {
    String story =
        "Title\nRating: %s\n\nMara and Tobin came home to Oakvale. He kissed her in the hall,"
            + " and she took his hand.\n";
    assertThat(tagged(story.formatted("Explicit")).tagNames(TagType.CONTENT_WARNING))
        .contains("Sexual Content");
    assertThat(tagged(story.formatted("Teen")).tagNames(TagType.CONTENT_WARNING))
        .doesNotContain("Sexual Content");
  }

  @Test
  void aTellersWordAfterADeathIsTheNextClausesSubject() {
    String story =
        "Title\n\nYou sit with Tobin at Oakvale while the band plays. When the last note dies you"
            + " let the silence run. %s"
            + " You watch the river run slow and brown past the jetty.".repeat(20)
            + "\n";
    assertThat(tagged(story.formatted("")).tagNames(TagType.CONTENT_WARNING))
        .doesNotContain("Character Death");
    assertThat(tagged(story.formatted("Tobin died that winter.")).tagNames(TagType.CONTENT_WARNING))
        .contains("Character Death");
  }

  @Test
  void aStoryToldByILovingTheOneItIsAboutIsToldByTheirPartnerInCanon() {
    // The test pack's couple in canon: Ines Vale/Tobin Reed.
    String story =
        "Title\n\nTobin came home late to Oakvale, and the lantern was still lit. %s"
            + " I watched the river run slow and brown past the jetty.".repeat(30)
            + "\n";
    assertThat(tagged(story.formatted("He kissed me in the doorway.")).tagNames(TagType.CHARACTER))
        .contains("Ines Vale", "Tobin Reed");
    // Told by someone who only watches him, it is nobody's in particular.
    assertThat(tagged(story.formatted("He waved from the doorway.")).tagNames(TagType.CHARACTER))
        .doesNotContain("Ines Vale");
  }

  @Test
  void someoneCalledGrampsIsFamilyAndAKissIsNoRomance() {
    String story =
        "Title\n\nMara walked up the hill at Oakvale with Tobin. \"%s,\" Mara said, and she"
            + " kissed him on the cheek. Tobin laughed. Mara and Tobin watched the river.\n";
    assertThat(tagged(story.formatted("Tobin")).tagNames(TagType.RELATIONSHIP))
        .contains("Mara Quill/Tobin Reed");
    assertThat(tagged(story.formatted("Gramps")).tagNames(TagType.RELATIONSHIP))
        .doesNotContain("Mara Quill/Tobin Reed");
  }

  @Test
  void realDeathsAReviewFoundAreStillDeaths() {
    String start = "Title\n\nMara and Tobin walked home through Oakvale.";
    for (String death :
        List.of(
            " The guards beat Tobin to death by the river.",
            " As expected, Tobin was dead by morning.",
            " \"I'm afraid Tobin is dead,\" Mara said. Tobin died in the night.")) {
      assertThat(tagged(start + death + "\n").tagNames(TagType.CONTENT_WARNING))
          .as(death)
          .contains("Character Death");
    }
  }

  @Test
  void aDeclaredGroupOfFourIsOneGroupAndADenialEndsWithItsSentence() {
    Work w =
        tagged(
            "Title\nNotes: mara & tobin & ines & hope go to the fair.\n\nMara, Tobin, Ines and"
                + " Hope went to the fair at Oakvale.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP))
        .containsExactly("Hope Ward & Ines Vale & Mara Quill & Tobin Reed");
    assertThat(
            tagged(
                    "Title\nNotes: No beta. Marobin fluff.\n\nMara and Tobin walked through Oakvale.\n")
                .tagNames(TagType.RELATIONSHIP))
        .contains("Mara Quill/Tobin Reed");
  }
}

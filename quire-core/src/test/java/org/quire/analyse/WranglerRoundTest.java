package org.quire.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quire.ingest.Ingester;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Work;

/**
 * Rules a wrangler's probing stories called for (eval/dev d48-d59), each on a small text of its own
 * with the built-in packs.
 */
class WranglerRoundTest {
  static final Analyser ANALYSER = new Analyser(Packs.builtIn());

  static Work tagged(String text) {
    Work w = new Ingester().read("t.txt", text.getBytes(StandardCharsets.UTF_8));
    return ANALYSER.apply(w, ANALYSER.analyse(w));
  }

  @Test
  void givenNamesManyFandomsShareAreNoFandomOnTheirOwn() {
    // Sam and Rose are Tolkien's, Supernatural's and Doctor Who's, and anyone's.
    Work w =
        tagged(
            "Title: The Lamp\n\nSam trimmed the wick while Rose watched the sea. \"Storm tonight,\""
                + " Sam said. Rose laughed and said she had known since noon. Sam kissed her"
                + " anyway, and Rose kissed her back, and the lamp turned on above them.\n");
    assertThat(w.tagNames(TagType.FANDOM)).isEmpty();
    assertThat(w.tagNames(TagType.CHARACTER)).isEmpty();
    // A name only one fandom has still says whose story it is.
    Work frodo =
        tagged(
            "Title: Road\n\nFrodo sat on the step. Sam brought him bread. \"Eat, Mr. Frodo,\" Sam"
                + " said, and Frodo ate.\n");
    assertThat(frodo.tagNames(TagType.FANDOM))
        .containsExactly("The Lord of the Rings - J. R. R. Tolkien");
  }

  @Test
  void notesKeepingAStoryForAdultsRateIt() {
    Work w =
        tagged(
            "Title: After Hours\n\nA/N: Grown-ups only past the first scene break.\n\n"
                + "Steve kissed Bucky in the kitchen of the Brooklyn flat, and Bucky pulled him"
                + " down onto the bed, and they undressed each other slowly, and made love until"
                + " the sun came up.\n");
    Tag rating = w.tags(TagType.RATING).getFirst();
    assertThat(rating.name()).isIn("Mature", "Explicit");
    assertThat(rating.evidence().getFirst().quote()).contains("Grown-ups only");
  }

  @Test
  void notesDenyingAdultContentOrGivingAgesRaiseNothing() {
    for (String note :
        new String[] {
          "A/N: Not NSFW, just a sweet first kiss.", "A/N: All characters are 18+ (eighth year)."
        }) {
      Work w =
          tagged(
              "Title: Kiss\n\n"
                  + note
                  + "\n\nHarry kissed Ginny by the lake at Hogwarts, once, and then they went in"
                  + " to dinner, where Ron pretended not to have seen.\n");
      assertThat(w.tagNames(TagType.RATING)).as(note).doesNotContain("Explicit", "Mature");
    }
  }

  @Test
  void aStoryInAnotherLanguageIsNotRatedRatherThanGeneral() {
    Work w =
        tagged(
            "Título: La noche\n\nLa guerra llegó al pueblo una noche de invierno. Los soldados"
                + " quemaron las casas y mataron a todos los que encontraron en la plaza. María"
                + " corrió hacia el río con su hermano, pero él cayó herido y murió en sus brazos"
                + " antes del amanecer, y ella se quedó allí, sola, hasta que salió el sol.\n");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Not Rated");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).doesNotContain("No Archive Warnings Apply");
    // Said by the author, a rating stays, whatever the language.
    Work rated =
        tagged(
            "A/N: Rated M for war.\n\nLa guerra llegó al pueblo una noche de invierno. Los"
                + " soldados quemaron las casas y mataron a todos los que encontraron en la plaza.\n");
    assertThat(rated.tagNames(TagType.RATING)).containsExactly("Mature");
  }

  @Test
  void thingsNamedAfterTheDeadAreNoDeath() {
    Work w =
        tagged(
            "Title: Nest\n\nDean loaded the crossbow in the Impala's trunk. Sam filled a syringe"
                + " with dead man's blood and they went into the barn. The vampire hissed. Sam"
                + " drove the syringe into its neck and Dean took its head clean off.\n");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).doesNotContain("Major Character Death");
    assertThat(w.tagNames(TagType.CONTENT_WARNING)).doesNotContain("Character Death");
  }

  @Test
  void twoFandomsMakeACrossover() {
    Work w =
        tagged(
            "Title: Overdue\n\nThe TARDIS landed in the back room of the bookshop in Soho."
                + " Aziraphale looked up from his ledger. Crowley, sprawled on the sofa, lowered"
                + " his sunglasses. \"You again,\" said Aziraphale as the Doctor stepped out, and"
                + " the Doctor grinned and waved his sonic screwdriver. \"A Time Lord in my"
                + " shop,\" Aziraphale said. Clara followed the Doctor out of the TARDIS with a"
                + " stack of overdue books. Crowley groaned.\n");
    assertThat(w.tagNames(TagType.FANDOM)).contains("Good Omens (TV)", "Doctor Who");
    assertThat(w.tagNames(TagType.ADDITIONAL)).contains("Crossover");
    // A fandom and its umbrella tag are one fandom.
    Work one =
        tagged(
            "Title: Tea\nFandom: Sherlock (TV), Sherlock Holmes & Related Fandoms\n\nJohn made"
                + " tea at Baker Street while Sherlock played the violin.\n");
    assertThat(one.tagNames(TagType.ADDITIONAL)).doesNotContain("Crossover");
  }

  @Test
  void aPartnerNamedAsOneIsABackgroundPairing() {
    Work w =
        tagged(
            "Title: Late\n\nBuffy patrolled the cemetery in Sunnydale with Xander and Willow."
                + " Xander talked about the Bronze. Willow's girlfriend, Tara, was waiting at the"
                + " Magic Box, Willow said, and Buffy staked a vampire behind the crypt. Xander"
                + " laughed. Buffy staked another one.\n");
    assertThat(w.tagNames(TagType.RELATIONSHIP)).contains("Tara Maclay/Willow Rosenberg");
    // Said once in passing, the next sentence naming her.
    Work passing =
        tagged(
            "Title: Late\n\nBuffy patrolled the cemetery in Sunnydale with Xander. Buffy staked"
                + " a vampire. Xander mentioned Willow's girlfriend. Tara had sent cookies for the"
                + " patrol, and Xander ate three. Buffy staked another vampire behind the crypt and"
                + " Xander cheered.\n");
    assertThat(passing.tagNames(TagType.RELATIONSHIP)).contains("Tara Maclay/Willow Rosenberg");
    // "Cho had been Harry's girlfriend": Cho's, not whoever comes next.
    Work was =
        tagged(
            "Title: Owls\n\nHarry sat in the Great Hall at Hogwarts. Cho had been Harry's"
                + " girlfriend. Hermione passed him the toast and Harry ate in silence while Ron"
                + " read the Prophet.\n");
    assertThat(was.tagNames(TagType.RELATIONSHIP)).doesNotContain("Harry Potter/Hermione Granger");
  }
}

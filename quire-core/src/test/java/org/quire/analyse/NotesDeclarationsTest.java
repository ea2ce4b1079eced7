package org.quire.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quire.model.Tag;

/** Ratings and warnings authors state in their notes' prose. */
class NotesDeclarationsTest {

  private static String rating(String notes) {
    Tag t = NotesDeclarations.read(notes).rating();
    return t == null ? null : t.name();
  }

  @Test
  void statedRatingsInTheirUsualForms() {
    assertThat(rating("Rated M for language and violence.")).isEqualTo("Mature");
    assertThat(rating("Thanks to my beta! The E rating is earned.")).isEqualTo("Explicit");
    assertThat(rating("rating: T, for swearing")).isEqualTo("Teen And Up Audiences");
    assertThat(rating("An M-rated one-shot.")).isEqualTo("Mature");
    assertThat(rating("Rated explicit, obviously.")).isEqualTo("Explicit");
    assertThat(rating("Rated K+ on the other site.")).isEqualTo("General Audiences");
    assertThat(rating("Rated NC-17.")).isEqualTo("Explicit");
    assertThat(rating("Fades out before it gets explicit, hence the M.")).isEqualTo("Mature");
    assertThat(rating("The T is for Dean's mouth.")).isEqualTo("Teen And Up Audiences");
  }

  @Test
  void wordsThatOnlyLookLikeARating() {
    assertThat(rating("I rated it highly. Tea and biscuits.")).isNull();
    assertThat(rating("Movie night: they watch an R-rated horror film.")).isNull();
    assertThat(rating("A PG-13 rating on the poster.")).isNull();
    assertThat(rating("Vote for the E in the alphabet contest")).isNull();
    assertThat(rating("It rained, so the T-shirt got wet.")).isNull();
    assertThat(rating("This isn't rated E, sorry!")).isNull();
    assertThat(rating("Rated: M")).isEqualTo("Mature");
    assertThat(rating("Set in a rated m world")).isNull(); // a lone lower-case letter
    assertThat(rating("")).isNull();
    assertThat(rating(null)).isNull();
  }

  @Test
  void warningsNamedInANotesSentence() {
    NotesDeclarations d =
        NotesDeclarations.read(
            "Post-canon. TW: major character death, graphic violence. Sorry!\n"
                + "Also a heads up for self-harm (mentioned).");
    assertThat(d.archiveWarnings())
        .extracting(Tag::name)
        .containsExactlyInAnyOrder("Major Character Death", "Graphic Depictions Of Violence");
    assertThat(d.contentWarnings())
        .extracting(Tag::name)
        .containsExactlyInAnyOrder("Character Death", "Violence", "Self-Harm");
    assertThat(d.contentWarnings()).allSatisfy(t -> assertThat(t.evidence()).isNotEmpty());
  }

  @Test
  void aDeathTheAuthorCallsAMinorCharactersIsNoMajorCharacterDeath() {
    assertThat(
            NotesDeclarations.read("There's a death of an original character, nobody from canon.")
                .minorDeath())
        .isTrue();
    assertThat(NotesDeclarations.read("Warnings: minor character death.").minorDeath()).isTrue();
    assertThat(NotesDeclarations.read("Warnings: OC death, blood.").minorDeath()).isTrue();
    assertThat(NotesDeclarations.read("Warnings: major character death.").minorDeath()).isFalse();
    assertThat(NotesDeclarations.read("I cried writing the death scene.").minorDeath()).isFalse();
  }

  @Test
  void heedTheTagsWarns() {
    assertThat(
            NotesDeclarations.read("Please heed the tags: there's a death, and burns.")
                .contentWarnings())
        .extracting(Tag::name)
        .containsExactly("Character Death");
  }

  @Test
  void theReasonsForARatingAreWarnings() {
    assertThat(
            NotesDeclarations.read("Rated M for blood and some implied adult activities.")
                .contentWarnings())
        .extracting(Tag::name)
        .containsExactlyInAnyOrder("Violence", "Sexual Content");
    assertThat(NotesDeclarations.read("Rated T for language.").contentWarnings()).isEmpty();
    assertThat(NotesDeclarations.read("Rated M to be safe.").contentWarnings()).isEmpty();
  }

  @Test
  void aRatingListedAmongTheSummarysTags() {
    assertThat(
            NotesDeclarations.bareRating("Established relationship, explicit, a lot of feelings.")
                .name())
        .isEqualTo("Explicit");
    assertThat(NotesDeclarations.bareRating("Slow, mature and kind, the captain waits.")).isNull();
    assertThat(NotesDeclarations.bareRating("An explicit promise, kept.")).isNull();
  }

  @Test
  void noWarningsAndDeathOutsideAWarningAreNotWarnings() {
    assertThat(NotesDeclarations.read("No warnings apply. Pure fluff.").contentWarnings())
        .isEmpty();
    assertThat(NotesDeclarations.read("Warnings: none").archiveWarnings()).isEmpty();
    assertThat(NotesDeclarations.read("I nearly died writing this.").contentWarnings()).isEmpty();
    assertThat(NotesDeclarations.read("Heads up: nobody dies, I promise.").contentWarnings())
        .isEmpty();
    assertThat(
            NotesDeclarations.read("TW: don't read if suicide is a trigger for you.")
                .contentWarnings())
        .extracting(Tag::name)
        .containsExactly("Suicidal Thoughts");
    assertThat(
            NotesDeclarations.read("Warning: there's no character death here.").archiveWarnings())
        .isEmpty();
    assertThat(NotesDeclarations.read("Warnings: no smut, but there is blood.").contentWarnings())
        .extracting(Tag::name)
        .containsExactly("Violence");
  }

  @Test
  void gentlerWaysOfWarning() {
    assertThat(
            NotesDeclarations.read(
                    "Please take care with this one: depression and passive suicidal thoughts.")
                .contentWarnings())
        .extracting(Tag::name)
        .containsExactlyInAnyOrder("Depression", "Suicidal Thoughts");
    NotesDeclarations assault =
        NotesDeclarations.read("This deals with the aftermath of sexual assault. Nothing shown.");
    assertThat(assault.archiveWarnings()).extracting(Tag::name).containsExactly("Rape/Non-Con");
    assertThat(assault.contentWarnings()).extracting(Tag::name).containsExactly("Abuse");
    assertThat(NotesDeclarations.read("Contains mentions of past self-harm.").contentWarnings())
        .extracting(Tag::name)
        .containsExactly("Self-Harm");
    // "Take care" as a sign-off warns of nothing; a story that "deals with" a case neither.
    assertThat(NotesDeclarations.read("Take care of yourselves, all!").contentWarnings()).isEmpty();
    assertThat(NotesDeclarations.read("Sherlock deals with a locked room.").contentWarnings())
        .isEmpty();
  }

  @Test
  void aRatingNamedAsASentenceOfItsOwn() {
    assertThat(rating("Explicit. Married, consenting, very pleased with each other."))
        .isEqualTo("Explicit");
    assertThat(rating("Some fluff for the holidays.\nMature.")).isEqualTo("Mature");
    assertThat(
            NotesDeclarations.bareRating("After the war, they find better things to do. Explicit."))
        .extracting(Tag::name)
        .isEqualTo("Explicit");
    // Inside a sentence, or not capitalised, it is the story's word, not a rating.
    assertThat(NotesDeclarations.bareRating("The instructions were explicit. Nobody listened."))
        .isNull();
    assertThat(NotesDeclarations.bareRating("She was mature for her age.")).isNull();
    assertThat(rating("An explicit promise, kept.")).isNull();
  }
}

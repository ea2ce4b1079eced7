package org.quire.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** English is recognised by its function words; every other language goes to the detector. */
class LanguageGuesserTest {
  private static final String ENGLISH =
      "The keeper climbed the stairs with the lamp, and when she reached the top she could see"
          + " the ships coming in from the grey sea. \"You'd better hurry,\" her brother said,"
          + " but she didn't move. There was something about the light that would not let her"
          + " go, and she had been waiting for it all winter.";
  private static final String FRENCH =
      "La gardienne montait l'escalier avec sa lampe, et quand elle arriva en haut elle vit les"
          + " bateaux qui rentraient de la mer grise. « Tu ferais mieux de te dépêcher », dit son"
          + " frère, mais elle ne bougea pas. Il y avait quelque chose dans cette lumière qui ne"
          + " la laissait pas partir, et elle l'avait attendue tout l'hiver.";
  private static final String SPANISH =
      "La guardiana subía la escalera con la lámpara, y cuando llegó arriba vio los barcos que"
          + " volvían del mar gris. «Más vale que te des prisa», dijo su hermano, pero ella no se"
          + " movió. Había algo en aquella luz que no la dejaba marchar, y la había esperado todo"
          + " el invierno.";
  private static final String GERMAN =
      "Die Wärterin stieg mit der Lampe die Treppe hinauf, und als sie oben ankam, sah sie die"
          + " Schiffe, die aus dem grauen Meer hereinkamen. „Du solltest dich beeilen“, sagte ihr"
          + " Bruder, aber sie rührte sich nicht. Es war etwas an diesem Licht, das sie nicht"
          + " losließ, und sie hatte den ganzen Winter darauf gewartet.";

  @Test
  void englishProseIsRecognisedWithoutTheDetector() {
    assertThat(LanguageGuesser.plainlyEnglish(ENGLISH)).isTrue();
    assertThat(LanguageGuesser.guess(ENGLISH).language()).isEqualTo("English");
  }

  @Test
  void otherLanguagesAreLeftToTheDetector() {
    for (String text : new String[] {FRENCH, SPANISH, GERMAN}) {
      assertThat(LanguageGuesser.plainlyEnglish(text)).as(text).isFalse();
    }
    assertThat(LanguageGuesser.guess(FRENCH).language()).isEqualTo("French");
    assertThat(LanguageGuesser.guess(SPANISH).language()).isEqualTo("Spanish");
    assertThat(LanguageGuesser.guess(GERMAN).language()).isEqualTo("German");
  }

  @Test
  void shortEnglishNeedsThreeDifferentFunctionWords() {
    String[] english = {
      "\"Run!\" Buffy shouted. Willow grabbed the book and followed her out into the night,"
          + " heart pounding.",
      "Rain again. The kettle sang, and Giles sat by the window with a letter he would not open.",
      "Just a short drabble about Tuesday mornings, coffee that tastes of nothing, and the quiet"
          + " before everyone wakes.",
    };
    for (String text : english) {
      assertThat(LanguageGuesser.plainlyEnglish(text)).as(text).isTrue();
      assertThat(LanguageGuesser.guess(text).language()).as(text).isEqualTo("English");
    }
    String[] other = {
      // Dutch "of" and "had", Polish "to": one English-looking word each, never three.
      "Ze had het boek niet gelezen, maar ze wist wat er in stond, of dacht ze dat tenminste.",
      "To jest to, co chciałem ci powiedzieć o tym starym domu nad rzeką wczoraj wieczorem.",
      "Sy het die boek gelees en toe het sy na die see gegaan om die skepe te sien.",
      "Hun havde ikke læst bogen, men hun vidste hvad der stod i den, og det var nok.",
    };
    for (String text : other) {
      assertThat(LanguageGuesser.plainlyEnglish(text)).as(text).isFalse();
    }
  }

  @Test
  void tooShortOrTooFewWordsIsNoFastGuess() {
    assertThat(LanguageGuesser.guess("Hi.")).isNull();
    assertThat(LanguageGuesser.plainlyEnglish("the and of to the and of to")).isFalse();
  }
}

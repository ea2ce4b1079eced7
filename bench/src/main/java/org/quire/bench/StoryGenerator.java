package org.quire.bench;

import java.util.List;
import java.util.Random;

/**
 * Deterministic prose for benchmarks: sentences built from templates over a few hundred common
 * English words, drawn with a Zipf-like bias, with character names sprinkled in, dialogue and scene
 * breaks. Seeded, so every run measures the same text.
 */
public final class StoryGenerator {
  private static final String[] NOUNS =
      ("door window street house room night morning hand face eyes voice heart light dark rain wind "
              + "fire water stone road river sky floor table chair book letter cup coffee tea bed wall "
              + "garden tree city town school library shop car train phone sword stake cemetery crypt "
              + "moment silence smile breath shoulder hair name word thought memory dream friend sister "
              + "brother mother father child war spell magic witch vampire demon slayer watcher blood "
              + "song music kitchen table glass bottle key lock corner stair roof bridge field forest")
          .split(" ");
  private static final String[] VERBS =
      ("walked looked turned waited watched listened smiled laughed frowned sighed whispered said "
              + "asked answered reached held pulled pushed opened closed remembered wondered knew felt "
              + "thought wanted needed found lost kept left followed stopped started tried moved ran "
              + "stood sat fell rose touched carried dropped picked glanced stared nodded shrugged")
          .split(" ");
  private static final String[] ADJECTIVES =
      ("old new quiet cold warm dark bright small long short heavy soft sharp tired empty full strange "
              + "familiar gentle careful sudden slow quick broken green red grey golden silver thin wide "
              + "narrow pale deep distant close bitter sweet")
          .split(" ");
  private static final String[] ADVERBS =
      "slowly quietly finally suddenly carefully softly again still almost always never already"
          .split(" ");
  private static final String[] PREPOSITIONS =
      "into through across under over beside behind toward against along".split(" ");

  private final Random random;
  private final List<String> names;

  /**
   * @param seed the random seed
   * @param names character names to use
   */
  public StoryGenerator(long seed, List<String> names) {
    this.random = new Random(seed);
    this.names = names;
  }

  private String pick(String[] words) {
    // Zipf-like: low indexes far more often, as in real prose.
    int i = (int) Math.floor(words.length * Math.pow(random.nextDouble(), 2.2));
    return words[Math.min(i, words.length - 1)];
  }

  private String name() {
    int i = (int) Math.floor(names.size() * Math.pow(random.nextDouble(), 1.6));
    return names.get(Math.min(i, names.size() - 1));
  }

  /** One sentence. */
  public String sentence() {
    return switch (random.nextInt(7)) {
      case 0 ->
          name()
              + " "
              + pick(VERBS)
              + " "
              + pick(PREPOSITIONS)
              + " the "
              + pick(ADJECTIVES)
              + " "
              + pick(NOUNS)
              + ".";
      case 1 ->
          "The "
              + pick(NOUNS)
              + " was "
              + pick(ADJECTIVES)
              + ", and "
              + name()
              + " "
              + pick(VERBS)
              + " "
              + pick(ADVERBS)
              + ".";
      case 2 ->
          "\""
              + capital(pick(ADVERBS))
              + " the "
              + pick(NOUNS)
              + " "
              + pick(VERBS)
              + ",\" "
              + name()
              + " said.";
      case 3 ->
          "She "
              + pick(VERBS)
              + " at the "
              + pick(NOUNS)
              + " "
              + pick(PREPOSITIONS)
              + " the "
              + pick(NOUNS)
              + ".";
      case 4 ->
          "He "
              + pick(VERBS)
              + " "
              + pick(ADVERBS)
              + ", "
              + pick(ADJECTIVES)
              + " and "
              + pick(ADJECTIVES)
              + ".";
      case 5 ->
          capital(pick(ADVERBS))
              + ", "
              + name()
              + " "
              + pick(VERBS)
              + " "
              + name()
              + "'s "
              + pick(NOUNS)
              + ".";
      default ->
          "It was a "
              + pick(ADJECTIVES)
              + " "
              + pick(NOUNS)
              + " in a "
              + pick(ADJECTIVES)
              + " "
              + pick(NOUNS)
              + ".";
    };
  }

  /** A story of about {@code words} words, in paragraphs, with scene breaks. */
  public String story(int words) {
    StringBuilder sb = new StringBuilder(words * 7);
    int count = 0;
    int paragraph = 0;
    while (count < words) {
      int sentences = 2 + random.nextInt(5);
      for (int s = 0; s < sentences; s++) {
        String sent = sentence();
        sb.append(sent).append(' ');
        count += sent.split(" ").length;
      }
      sb.setLength(sb.length() - 1);
      sb.append("\n\n");
      if (++paragraph % 25 == 0) {
        sb.append("* * *\n\n");
      }
    }
    return sb.toString();
  }

  private static String capital(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

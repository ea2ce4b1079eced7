package org.quire.analyse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quire.model.QuireException;

/**
 * The graded phrase lists of {@code lexicon.json}, matched over a text in one pass. A hit can be
 * discounted when its sentence negates it ("he never hit her"), makes it hypothetical ("if anyone
 * hurt her"), or uses it figuratively ("she'd die of embarrassment").
 */
final class Lexicon {
  private final PhraseMatcher<String> matcher = new PhraseMatcher<>();
  private final Set<String> categories;

  private static final Set<String> NEGATORS =
      Set.of("not", "never", "no", "without", "nobody", "nothing", "hardly", "barely");
  private static final Set<String> HYPOTHETICAL =
      Set.of(
          "if",
          "would",
          "could",
          "might",
          "unless",
          "whether",
          "imagine",
          "imagined",
          "pretend",
          "pretended",
          // What should have happened and did not: "should've bled out".
          "should've",
          "would've",
          "could've",
          "might've",
          // What someone fears or expects: "expected to be dead by Thursday" (not "as expected").
          "expected",
          "expecting",
          "expect",
          "expects",
          "feared");
  private static final PhraseMatcher<String> FIGURATIVE = new PhraseMatcher<>();

  static {
    for (String idiom :
        List.of(
            "die of embarrassment",
            "died of embarrassment",
            "dying of embarrassment",
            "dying to",
            "to die for",
            "killing me",
            "kill for a",
            "killed it",
            "killing it",
            "drop dead",
            "scared to death",
            "bored to death",
            "dead tired",
            "dead on my feet",
            "dead on her feet",
            "dead on his feet",
            "dead serious",
            "dead set",
            "deadline",
            "dead end",
            "dead silence",
            "kill you if",
            "I'll kill you",
            "I will kill you",
            "she'll kill me",
            "he'll kill me",
            "going to kill me",
            "gonna kill me",
            "murder you",
            "kill me now",
            "over my dead body",
            "killer heels",
            "dead giveaway",
            "the joke killed",
            "killed the mood",
            "laughed to death",
            "worried to death",
            "dying for",
            "dead weight",
            "deadpan",
            "dead of night",
            "dead centre",
            "dead center",
            "dead to the world",
            "knock 'em dead",
            "knock them dead",
            "slept like the dead",
            "dead asleep",
            "half to death",
            "tickled to death",
            "stopped dead",
            "stops dead",
            "stopping dead",
            "dead still",
            "dead quiet",
            "dead silent",
            "dead certain",
            "dead ringer",
            "dead on time",
            "bloody nose",
            // Medicine, not violence.
            "blood pressure",
            "blood draw",
            "blood test",
            "blood tests",
            "blood sugar",
            "blood type",
            "blood sample",
            "blood samples",
            "blood work",
            "drew blood",
            "draw blood",
            "drawn the blood",
            "drew the blood",
            "blood donor",
            // A belief, not a death: "when I thought you were dead".
            "thought you were dead",
            "thought he was dead",
            "thought she was dead",
            "thought I was dead",
            "thought they were dead",
            "thought we were dead",
            "believed he was dead",
            "believed she was dead",
            // Things named after the dead, not deaths: Supernatural's weapon against vampires,
            // a safety switch (not "the dead man's hand", which is a body's).
            "dead man 's blood",
            "dead men 's blood",
            "dead man 's switch",
            "dead man 's float",
            "dead man 's curve",
            "dead men tell no tales",
            // A vampire dusted, not a slur.
            "go poof",
            "goes poof",
            "went poof",
            "going poof")) {
      FIGURATIVE.add(idiom, false, idiom);
    }
  }

  private Lexicon(Map<String, List<String>> lists) {
    for (Map.Entry<String, List<String>> e : lists.entrySet()) {
      for (String phrase : e.getValue()) {
        matcher.add(phrase, false, e.getKey());
      }
    }
    this.categories = lists.keySet();
  }

  static Lexicon load() {
    try (InputStream in = Lexicon.class.getResourceAsStream("lexicon.json")) {
      if (in == null) {
        throw new QuireException(
            "The analysis lexicon (org/quire/analyse/lexicon.json) is missing.");
      }
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, List<String>> lists = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().startsWith("_") || !e.getValue().isArray()) {
          continue;
        }
        List<String> phrases = new ArrayList<>();
        e.getValue().forEach(n -> phrases.add(n.asText()));
        lists.put(e.getKey(), phrases);
      }
      return new Lexicon(lists);
    } catch (IOException e) {
      throw new QuireException("The analysis lexicon cannot be read: " + e.getMessage(), e);
    }
  }

  /** One lexicon hit with the way its sentence frames it. */
  record Hit(
      String category,
      int from,
      int to,
      String phrase,
      boolean negated,
      boolean hypothetical,
      boolean figurative,
      boolean quoted) {
    /** A plain, asserted use: not negated, hypothetical or figurative. */
    boolean asserted() {
      return !negated && !hypothetical && !figurative;
    }
  }

  /** Hits by category, in text order. */
  Map<String, List<Hit>> scan(TextModel m) {
    Map<String, List<Hit>> out = new HashMap<>();
    for (String c : categories) {
      out.put(c, new ArrayList<>());
    }
    boolean[] figurative = new boolean[m.size];
    for (PhraseMatcher.Match<String> f : FIGURATIVE.findAll(m)) {
      for (int t = f.from(); t < f.to(); t++) {
        figurative[t] = true;
      }
    }
    for (PhraseMatcher.Match<String> x : matcher.everyMatch(m)) {
      out.get(x.phrase().value())
          .add(
              new Hit(
                  x.phrase().value(),
                  x.from(),
                  x.to(),
                  x.phrase().text(),
                  negated(m, x.from()),
                  hypothetical(m, x.from()),
                  figurative[x.from()] || simile(m, x.from()) || titled(m, x),
                  m.quoted[x.from()]));
    }
    return out;
  }

  /**
   * A word capitalised in mid-sentence that the list spells in lower case is part of a name or a
   * title ("course four, Death by Meringue"; "the Kill Switch"), not the thing itself.
   */
  private static boolean titled(TextModel m, PhraseMatcher.Match<String> x) {
    return TITLED.contains(x.phrase().value())
        && m.cap[x.from()]
        && !shouted(m, x.from())
        && !m.sentenceInitial(x.from())
        && Character.isLowerCase(x.phrase().text().charAt(0));
  }

  /** A word written in capitals throughout ("There was BLOOD everywhere"): shouted, not a title. */
  private static boolean shouted(TextModel m, int t) {
    String text = m.partOfSentence(m.sentence[t]).text();
    int at = m.start[t] + 1;
    return at < m.end[t] && at < text.length() && Character.isUpperCase(text.charAt(at));
  }

  /** Lists whose words turn up in titles; not swearing, which is shouted in capitals. */
  private static final Set<String> TITLED = Set.of("death", "violence", "gore", "blood", "injury");

  /**
   * "A noise like a dying robot", "ran like the dead were after her": a comparison, not an event.
   */
  static boolean simile(TextModel m, int from) {
    return from >= 2
        && m.sentence[from - 2] == m.sentence[from]
        && m.lower[from - 2].equals("like")
        && ARTICLES.contains(m.lower[from - 1]);
  }

  private static final java.util.Set<String> ARTICLES = java.util.Set.of("a", "an", "the", "some");

  /** A negating word among the three words before, in the same sentence. */
  static boolean negated(TextModel m, int from) {
    int sent = m.sentence[from];
    for (int t = from - 1; t >= Math.max(0, from - 3) && m.sentence[t] == sent; t--) {
      String w = m.lower[t];
      if (NEGATORS.contains(w) || w.endsWith("n't")) {
        return true;
      }
    }
    return false;
  }

  /** A conditional or modal word among the four words before, in the same sentence. */
  static boolean hypothetical(TextModel m, int from) {
    int sent = m.sentence[from];
    for (int t = from - 1; t >= Math.max(0, from - 4) && m.sentence[t] == sent; t--) {
      String w = m.lower[t];
      if (HYPOTHETICAL.contains(w)
          && !(w.startsWith("expect") && t > 0 && m.lower[t - 1].equals("as"))) {
        return true;
      }
    }
    return false;
  }
}

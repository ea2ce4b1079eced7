package org.quire.analyse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which fandoms a story belongs to from the text alone: distinct characters named by
 * unambiguous names weigh most, then cues specific to a fandom ("Hellmouth"), then places and
 * terms. Crossovers are allowed when a second fandom is well attested on its own.
 */
final class FandomDetector {

  /** A fandom's evidence. */
  record Score(
      KnowledgePack pack,
      double score,
      int characters,
      int strongCues,
      List<String> why,
      int maxMentions,
      int distinctive) {}

  private final Packs packs;
  // Every pack's cast in one matcher, a group per pack (in packs.all() order): one pass over the
  // text finds each pack's characters as that pack's own finder would.
  private final PhraseMatcher<CharacterFinder.Name> names = new PhraseMatcher<>();
  private final PhraseMatcher<Object[]> cues = new PhraseMatcher<>();

  /**
   * One-word names that characters of two or more fandoms answer to ("Sam", "Rose", "John",
   * "Harry"): given names common enough that a story made only of them may be anyone's, an original
   * story among them.
   */
  private final Set<String> sharedNames;

  FandomDetector(Packs packs) {
    this.packs = packs;
    Map<String, Set<KnowledgePack>> byName = new java.util.HashMap<>();
    for (KnowledgePack p : packs.all()) {
      for (KnowledgePack.Character c : p.characters()) {
        List<String> all = new ArrayList<>(c.aliases());
        all.add(c.name());
        for (String n : all) {
          String s = n.strip();
          if (!s.isEmpty() && s.indexOf(' ') < 0) {
            byName
                .computeIfAbsent(s.toLowerCase(java.util.Locale.ROOT), k -> new HashSet<>())
                .add(p);
          }
        }
      }
    }
    Set<String> shared = new HashSet<>();
    byName.forEach(
        (n, ps) -> {
          if (ps.size() > 1) {
            shared.add(n);
          }
        });
    this.sharedNames = Set.copyOf(shared);
    int group = 0;
    for (KnowledgePack p : packs.all()) {
      CharacterFinder.addNames(List.of(p), names, group++);
      // The matcher keeps the longest phrase: "the First Order" (a term) must still count as the
      // strong cue "First Order" it contains.
      Set<String> strong = new HashSet<>();
      for (String s : p.cues().strong()) {
        strong.add(bare(s));
        cues.add(s, !s.equals(s.toLowerCase(java.util.Locale.ROOT)), new Object[] {p, 3.0, s});
      }
      for (String s : p.cues().places()) {
        double w = strong.contains(bare(s)) ? 3.0 : 1.0;
        cues.add(s, !s.equals(s.toLowerCase(java.util.Locale.ROOT)), new Object[] {p, w, s});
      }
      for (String s : p.cues().terms()) {
        double w = strong.contains(bare(s)) ? 3.0 : 0.5;
        cues.add(s, !s.equals(s.toLowerCase(java.util.Locale.ROOT)), new Object[] {p, w, s});
      }
    }
  }

  /** A cue without a leading article, lower case: "the First Order" and "First Order" are one. */
  private static String bare(String s) {
    String l = s.strip().toLowerCase(java.util.Locale.ROOT);
    return l.startsWith("the ") ? l.substring(4) : l;
  }

  /** Scores for every pack with any evidence, best first. */
  List<Score> score(TextModel m) {
    return score(m, null);
  }

  /**
   * Scores the fandoms of a story from its text and its summary (may be null), which counts as part
   * of the text: a summary's "Rory Williams, aged 82" names the story's people as surely as its
   * prose does.
   */
  List<Score> score(TextModel m, TextModel summary) {
    List<TextModel> parts = summary == null ? List.of(m) : List.of(m, summary);
    Map<KnowledgePack, double[]> cueScore = new LinkedHashMap<>();
    Map<KnowledgePack, Set<String>> cueWhy = new LinkedHashMap<>();
    Map<KnowledgePack, Integer> strong = new LinkedHashMap<>();
    for (TextModel part : parts) {
      for (PhraseMatcher.Match<Object[]> x : cues.findAll(part)) {
        KnowledgePack p = (KnowledgePack) x.phrase().value()[0];
        double w = (double) x.phrase().value()[1];
        String s = (String) x.phrase().value()[2];
        Set<String> why = cueWhy.computeIfAbsent(p, k -> new HashSet<>());
        // The first sighting of a cue says most; repeats add a little.
        cueScore.computeIfAbsent(p, k -> new double[1])[0] += why.add(s) ? w : w * 0.1;
        if (w >= 3.0) {
          strong.merge(p, 1, Integer::sum);
        }
      }
    }
    List<List<List<PhraseMatcher.Match<CharacterFinder.Name>>>> byPart = new ArrayList<>();
    for (TextModel part : parts) {
      byPart.add(names.findAllByGroup(part));
    }
    List<Score> out = new ArrayList<>();
    int group = 0;
    for (KnowledgePack p : packs.all()) {
      double cue = cueScore.containsKey(p) ? cueScore.get(p)[0] : 0;
      // Per character: unambiguous names and all mentions, over the text and the summary.
      Map<String, int[]> counts = new LinkedHashMap<>();
      Set<String> distinctiveNames = new HashSet<>();
      for (int i = 0; i < parts.size(); i++) {
        List<List<PhraseMatcher.Match<CharacterFinder.Name>>> byPack = byPart.get(i);
        List<PhraseMatcher.Match<CharacterFinder.Name>> matches =
            group < byPack.size() ? byPack.get(group) : List.of();
        if (matches.isEmpty()) {
          continue;
        }
        // A title the story keeps using ("the Doctor") counts only beside the fandom's own words
        // (a sonic screwdriver); alone it could be anyone's doctor.
        for (CharacterFinder.Found f :
            CharacterFinder.resolve(
                parts.get(i),
                matches,
                cue > 0 ? CharacterFinder.Epithets.TITLES : CharacterFinder.Epithets.NONE)) {
          int[] c = counts.computeIfAbsent(f.name(), k -> new int[2]);
          c[0] += f.unambiguous;
          c[1] += f.count();
          if (f.unambiguous > 0 && distinctive(parts.get(i), f)) {
            distinctiveNames.add(f.name());
          }
          // A full name in the summary ("Bruce Banner does his laundry") is the author saying whose
          // story it is: as strong as the fandom's own words.
          if (i > 0 && f.unambiguous > 0 && f.mentions.stream().anyMatch(t -> t[1] - t[0] >= 2)) {
            strong.merge(p, 1, Integer::sum);
          }
        }
      }
      group++;
      int distinct = 0;
      int maxMentions = 0;
      double charScore = 0;
      List<String> why = new ArrayList<>();
      for (Map.Entry<String, int[]> e : counts.entrySet()) {
        int[] c = e.getValue();
        if (c[0] > 0) {
          distinct++;
          maxMentions = Math.max(maxMentions, c[0]);
          charScore += 2.0 + Math.min(3.0, Math.log(1 + c[1]));
          why.add(e.getKey());
        }
      }
      if (cueWhy.containsKey(p)) {
        why.addAll(cueWhy.get(p));
      }
      // A lone name said once is weak (names are shared across fandoms); two or more, or a name
      // plus cues, is strong, and a lone name said again and again ("Sherlock", "Spock") carries
      // the story.
      double score = distinct >= 2 || maxMentions >= 3 ? charScore : charScore * 0.5;
      score += cue;
      if (score > 0) {
        out.add(
            new Score(
                p,
                score,
                distinct,
                strong.getOrDefault(p, 0),
                why,
                maxMentions,
                distinctiveNames.size() + (cue > 0 ? 1 : 0)));
      }
    }
    out.sort(Comparator.comparingDouble(Score::score).reversed());
    return out;
  }

  /**
   * The fandoms a text belongs to: the best one when its evidence is strong enough, plus any other
   * nearly as well attested (a crossover).
   */
  static List<Score> choose(List<Score> scores) {
    List<Score> out = new ArrayList<>();
    if (scores.isEmpty()) {
      return out;
    }
    Score best = scores.getFirst();
    if (!strongEnough(best)) {
      return out;
    }
    out.add(best);
    if (scores.size() > 1
        && best.characters() < 2
        && best.strongCues() == 0
        && scores.get(1).score() * 2 > best.score()) {
      return List.of(); // one name, and another fandom nearly as likely: no guess
    }
    for (Score s : scores.subList(1, scores.size())) {
      if (strongEnough(s)
          && s.score() >= best.score() * 0.35
          && (s.characters() >= 2 || s.strongCues() >= 1)) {
        out.add(s);
      }
    }
    return out;
  }

  private static boolean strongEnough(Score s) {
    if (s.distinctive() == 0) {
      // Only given names many fandoms share ("Sam", "Rose") and not one word of the fandom's own:
      // as likely an original story as this fandom's.
      return false;
    }
    return s.score() >= 5.0 && (s.characters() >= 2 || s.strongCues() >= 1)
        || s.characters() >= 1 && s.strongCues() >= 1
        || s.characters() >= 1 && s.maxMentions() >= 3 && s.score() >= 3.5;
  }

  /**
   * Whether a character was once named in a way only this fandom names anyone: a full name ("Sam
   * Winchester"), or one word no other fandom's character answers to ("Frodo").
   */
  private boolean distinctive(TextModel m, CharacterFinder.Found f) {
    for (int[] t : f.mentions) {
      if (t[1] - t[0] >= 2 || !sharedNames.contains(m.lower[t[0]])) {
        return true;
      }
    }
    return false;
  }

  /** A 0..1 confidence from a score. */
  static double confidence(Score s) {
    return Math.min(0.99, 1 - Math.exp(-s.score() / 8.0));
  }
}

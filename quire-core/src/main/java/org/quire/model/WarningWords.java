package org.quire.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words authors warn with ("alcoholism", "S6-flavoured depression", "violence between the
 * boys", "MCD") and the warnings they name: Quire's content warning and, where it is one, AO3's
 * archive warning. Shared by the header reader, the notes reader and the tag wrangler, so a warning
 * written in an author's own words files under the content warning it names.
 */
public final class WarningWords {
  private WarningWords() {}

  /**
   * Warned-of things.
   *
   * @param pattern the words
   * @param contentWarning Quire's content warning they name
   * @param archiveWarning AO3's archive warning they name, or null
   */
  public record Kind(Pattern pattern, String contentWarning, String archiveWarning) {}

  public static final List<Kind> KINDS =
      List.of(
          kind("major character death|mcd", "Character Death", "Major Character Death"),
          kind("(?:character )?deaths?|dies|dying", "Character Death", null),
          kind(
              "graphic (?:violence|gore|injur\\w*|torture|depictions of violence)|gore|torture",
              "Violence",
              "Graphic Depictions Of Violence"),
          kind("violen\\w*|blood\\w*|fight\\w*|injur\\w*|wounds?", "Violence", null),
          kind(
              "rape|non-?con\\w*|dub-?con\\w*|sexual assault|sexual abuse",
              "Abuse",
              "Rape/Non-Con"),
          kind("self[- ]harm\\w*|cutting", "Self-Harm", null),
          kind("suicid\\w*", "Suicidal Thoughts", null),
          // Alcohol, drug and substance abuse are addiction, not abuse of a person.
          kind(
              "(?<!alcohol |drug |substance )(?:child |domestic |emotional |physical )?abus\\w*",
              "Abuse",
              null),
          kind(
              "addiction|drug use|drug abuse|alcoholism|alcoholic|alcohol abuse|substance abuse"
                  + "|overdose|relaps\\w*|withdrawal",
              "Addiction",
              null),
          kind(
              "eating disorders?|disordered eating|ED recovery|anorexia|bulimia",
              "Eating Disorder",
              null),
          kind("depression", "Depression", null),
          kind("homophob\\w*|transphob\\w*", "Homophobia", null),
          kind(
              "smut|sex|sexual content|explicit content|sexual situations|sexy ?times?|lemons?"
                  + "|adult (?:activit\\w*|content|situations)",
              "Sexual Content",
              null));

  private static Kind kind(String words, String content, String archive) {
    return new Kind(
        Pattern.compile("\\b(?:" + words + ")\\b", Pattern.CASE_INSENSITIVE), content, archive);
  }

  /**
   * "Nobody dies", "no character death", "no sex or violence": a denial at most two words before
   * the warned word.
   */
  private static final Pattern DENIED =
      Pattern.compile(
          "\\b(?:no|not|nobody|no one|no-one|never|without|zero)\\s+(?:\\w+\\s+){0,2}$",
          Pattern.CASE_INSENSITIVE);

  /** The kinds {@code text} warns of, in {@link #KINDS}'s order, leaving out denied ones. */
  public static List<Kind> named(String text) {
    List<Kind> out = new ArrayList<>();
    for (Kind k : KINDS) {
      if (warnedOf(k.pattern(), text)) {
        out.add(k);
      }
    }
    return out;
  }

  /** A match not denied by the words just before it. */
  private static boolean warnedOf(Pattern p, String text) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      String before = text.substring(Math.max(0, m.start() - 24), m.start());
      if (!DENIED.matcher(before).find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The content warning an author's warning names, when it names exactly one: "alcoholism" and
   * "addiction/withdrawal" are Addiction, "S6-flavoured depression" is Depression; "sex and
   * violence", naming two, and "hallucinations", naming none, give null.
   */
  public static String contentWarning(String written) {
    Set<String> named = new LinkedHashSet<>();
    for (Kind k : named(written)) {
      named.add(k.contentWarning());
    }
    return named.size() == 1 ? named.iterator().next() : null;
  }
}

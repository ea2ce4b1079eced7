package org.quire.tags;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.quire.analyse.KnowledgePack;
import org.quire.analyse.Packs;
import org.quire.model.TagType;
import org.quire.model.WarningWords;

/**
 * Canonical tags, their synonyms and their parents, as AO3's tag wranglers keep them. The knowledge
 * packs give the starting point (fandom spellings, character aliases, ship names, meta fandoms);
 * {@link TagRule}s made by archive keepers refine it. Search indexes every tag under its canonical
 * name and all its ancestors, so filtering by a canonical or meta tag finds its synonyms and
 * sub-tags. Safe to use from several threads.
 */
public final class TagWrangler {
  private static final int MAX_DEPTH = 8;

  private final Packs packs;
  private final List<TagRule> rules = new CopyOnWriteArrayList<>();

  /** Every name a rule mentions (as {@link #key(TagType, String)}): one lookup per search word. */
  private final Set<String> ruleNames = ConcurrentHashMap.newKeySet();

  private final Map<String, String> synonymOf = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> parentsOf = new ConcurrentHashMap<>();

  private final Set<String> metaFandoms = new java.util.HashSet<>();
  // Indexing asks for the same tags again and again; the packs' lookups use regexes. Replaced, not
  // cleared, when rules change: a lookup that began under the old rules then puts its answer into
  // the discarded cache.
  private volatile Filing filing = new Filing();

  /** Where one tag is filed: its canonical name, and its filter keys once asked for. */
  private static final class Filed {
    final String canonical;
    volatile List<String> filterKeys;

    Filed(String canonical) {
      this.canonical = canonical;
    }
  }

  /**
   * Filed tags by type and name, in two generations of at most {@value #GENERATION} names each:
   * when the young one is full it becomes the old one and the older is dropped, and a name found
   * only in the old one moves back to the young. Tags in use stay cached however long the tail of
   * tags used once (an archive has many more relationship tags than any cache would hold), and no
   * lookup builds a key string.
   */
  private static final class Filing {
    private static final int GENERATION = 100_000;
    private final Generations[] byType = new Generations[TagType.values().length];

    Filing() {
      for (int i = 0; i < byType.length; i++) {
        byType[i] = new Generations();
      }
    }

    private static final class Generations {
      volatile Map<String, Filed> young = new ConcurrentHashMap<>();
      volatile Map<String, Filed> old = Map.of();
    }

    Filed get(TagType type, String name, java.util.function.Function<String, Filed> compute) {
      Generations g = byType[type.ordinal()];
      Filed f = g.young.get(name);
      if (f == null) {
        f = g.old.get(name);
        if (f == null) {
          f = compute.apply(name);
        }
        Map<String, Filed> young = g.young;
        if (young.size() >= GENERATION) {
          synchronized (g) {
            if (g.young == young) {
              g.old = young;
              g.young = new ConcurrentHashMap<>();
            }
          }
        }
        g.young.put(name, f);
      }
      return f;
    }
  }

  public TagWrangler(Packs packs, List<TagRule> rules) {
    this.packs = packs;
    // A meta tag is a tag of its own, even where a pack also reads it as a spelling of its fandom.
    packs.all().forEach(p -> p.meta().forEach(m -> metaFandoms.add(key(m))));
    rules.forEach(this::add);
  }

  /** A wrangler that knows only the built-in packs. */
  public static TagWrangler builtIn() {
    return new TagWrangler(Packs.builtIn(), List.of());
  }

  /** Adds a rule; works already indexed need re-indexing to follow it. */
  public void add(TagRule rule) {
    clearCaches();
    rules.add(rule);
    String k = key(rule.type(), rule.name());
    ruleNames.add(k);
    ruleNames.add(key(rule.type(), rule.target()));
    if (rule.relation() == TagRule.Relation.SYNONYM_OF) {
      synonymOf.put(k, rule.target());
    } else {
      parentsOf.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(rule.target());
    }
  }

  /** Removes a rule; works already indexed need re-indexing to follow it. */
  public void remove(TagRule rule) {
    List<TagRule> kept = rules.stream().filter(r -> !r.equals(rule)).toList();
    clearCaches();
    rules.clear();
    ruleNames.clear();
    synonymOf.clear();
    parentsOf.clear();
    kept.forEach(this::add);
  }

  /**
   * The kinds of tag that {@code text} names as a whole, for a search box: a pack's fandom,
   * character or ship by any of its names ("btvs", "Spuffy", "William the Bloody"), AO3's fixed
   * names and their short forms ("MCD", "T"), and any name in a keeper's rule. Plain words name
   * none ("the", "walrus").
   *
   * @param bare words typed without a field: then a character is named only by their full name or a
   *     name of several words ("William the Bloody", not "Red", which is also a colour), and AO3's
   *     fixed names not at all ("other", "gen" and "e" are words first)
   */
  public List<TagType> namedBy(String text, boolean bare) {
    List<TagType> out = new ArrayList<>();
    String t = text == null ? "" : text.strip();
    if (t.isEmpty() || t.length() > 200) {
      return out;
    }
    for (TagType type : TagType.values()) {
      boolean named =
          switch (type) {
            case RATING, ARCHIVE_WARNING, CATEGORY ->
                !bare && org.quire.model.FixedTags.alias(type, t) != null;
            // "btvs", "MCU"; not "go" or "hp" typed among other words (Good Omens, Harry Potter):
            // a short abbreviation is a fandom when typed in capitals or in a field.
            case FANDOM ->
                known(type, t) && (!bare || t.length() > 3 || t.equals(t.toUpperCase(Locale.ROOT)));
            case RELATIONSHIP -> known(type, t);
            case CHARACTER ->
                known(type, t)
                    && (!bare
                        || t.contains(" ")
                        || packs.characters(t, List.of()).stream()
                            .anyMatch(c -> c.name().equalsIgnoreCase(t)));
            case CONTENT_WARNING, ADDITIONAL -> inRules(type, t);
          };
      if (named) {
        out.add(type);
      }
    }
    return out;
  }

  private boolean inRules(TagType type, String name) {
    return ruleNames.contains(key(type, name));
  }

  /**
   * Whether the archive knows this tag: a pack names it (a fandom, a character, a ship), or a
   * keeper's rule mentions it. Tags that are neither are new, and listed for keepers to wrangle.
   */
  public boolean known(TagType type, String name) {
    if (inRules(type, name)) {
      return true;
    }
    String k = key(name);
    return switch (type) {
      case FANDOM -> metaFandoms.contains(k) || packs.fandom(name) != null;
      case CHARACTER -> !packs.characters(name, List.of()).isEmpty();
      case RELATIONSHIP -> {
        // Known when every person in it is: "Buffy Summers/Spike", "Spuffy" (a ship name).
        String c = packs.canonicalRelationship(name, List.of());
        boolean all = c.contains("/") || c.contains("&");
        for (String part : c.split("[/&]")) {
          all &= !part.isBlank() && !packs.characters(part.strip(), List.of()).isEmpty();
        }
        yield all;
      }
      // Free-form tags are known once a keeper has wrangled them; the fixed kinds always are.
      case ADDITIONAL -> false;
      default -> true;
    };
  }

  /**
   * The fandoms a character or relationship tag belongs to (AO3's fandom parents of character
   * tags), from the packs: every pack that knows the character, or every person in the ship.
   */
  public Set<String> fandomsOf(TagType type, String name) {
    Set<String> out = new LinkedHashSet<>();
    if (type == TagType.CHARACTER) {
      packs.characters(name, List.of()).forEach(c -> out.add(c.pack().fandom()));
    } else if (type == TagType.RELATIONSHIP) {
      String c = packs.canonicalRelationship(name, List.of());
      for (String part : c.split("[/&]")) {
        if (!part.isBlank()) {
          packs.characters(part.strip(), List.of()).forEach(x -> out.add(x.pack().fandom()));
        }
      }
    }
    return out;
  }

  public List<TagRule> rules() {
    return List.copyOf(rules);
  }

  /** The canonical spelling of a tag: a keeper's rule first, then the packs, else as written. */
  public String canonical(TagType type, String name) {
    return filed(type, name).canonical;
  }

  private Filed filed(TagType type, String name) {
    return filing.get(type, name, n -> new Filed(resolve(type, n)));
  }

  private String resolve(TagType type, String name) {
    return chain(type, name).getLast();
  }

  /** The spellings a name resolves through, itself first and its canonical tag last. */
  private List<String> chain(TagType type, String name) {
    String n = tidy(name);
    List<String> out = new ArrayList<>(List.of(n));
    boolean ruled = false;
    for (int i = 0; i < MAX_DEPTH; i++) {
      String viaRule = synonymOf.get(key(type, n));
      ruled |= viaRule != null;
      // Once a keeper's rule has spoken, the built-in reading of warnings does not undo it
      // ("Violence" made a synonym of "Graphic Violence" is not read back as "Violence").
      boolean keep = ruled && type == TagType.CONTENT_WARNING;
      String next = viaRule != null ? viaRule : keep ? n : fromPacks(type, n);
      if (next.equals(n)) {
        return out;
      }
      n = next;
      out.add(n);
    }
    return out;
  }

  /**
   * Why a keeper's new rule cannot be made, or null when it can: AO3's fixed lists are not wrangled
   * (a rating made a synonym of another would show works under the wrong rating), a name has one
   * canonical tag, and no rule may lead round in a circle (a synonym of its own synonym, a tag
   * under its own sub-tag), where names would silently stop resolving.
   */
  public String refusal(TagRule rule) {
    TagType type = rule.type();
    if (!org.quire.model.FixedTags.names(type).isEmpty()) {
      return "Ratings, archive warnings and categories are AO3's fixed lists; they are not"
          + " wrangled.";
    }
    String name = tidy(rule.name());
    String k = key(name);
    if (rule.relation() == TagRule.Relation.SYNONYM_OF && parentsOf.containsKey(key(type, name))) {
      return "\u201c"
          + name
          + "\u201d has meta tags of its own; remove those rules first (and give them to \u201c"
          + rule.target()
          + "\u201d if they still apply).";
    }
    if (rule.relation() == TagRule.Relation.CHILD_OF && !key(canonical(type, name)).equals(k)) {
      return "\u201c"
          + name
          + "\u201d is filed under \u201c"
          + canonical(type, name)
          + "\u201d: put that tag under the meta tag instead.";
    }
    if (rule.relation() == TagRule.Relation.SYNONYM_OF) {
      String already = synonymOf.get(key(type, name));
      if (already != null) {
        return "\u201c"
            + name
            + "\u201d is already a synonym of \u201c"
            + already
            + "\u201d; remove that rule first.";
      }
      if (chain(type, rule.target()).stream().anyMatch(n -> key(n).equals(k))) {
        return "\u201c"
            + rule.target()
            + "\u201d already leads to \u201c"
            + name
            + "\u201d; the two would go round in a circle.";
      }
    } else {
      String ck = key(canonical(type, name));
      if (withAncestors(type, rule.target()).stream().anyMatch(a -> key(a).equals(ck))) {
        return "\u201c"
            + rule.target()
            + "\u201d is \u201c"
            + name
            + "\u201d or already under it; a tag cannot be under its own sub-tag.";
      }
    }
    return null;
  }

  private String fromPacks(TagType type, String name) {
    return switch (type) {
      case FANDOM -> metaFandoms.contains(key(name)) ? name : packs.canonicalFandom(name);
      case CHARACTER -> {
        // Only an alias that names one character anywhere: "Red" is not a tag synonym of anyone.
        var cast = packs.characters(name, List.of());
        Set<String> names = new LinkedHashSet<>();
        cast.forEach(c -> names.add(c.name()));
        yield names.size() == 1 ? names.iterator().next() : name;
      }
      case RELATIONSHIP -> packs.canonicalRelationship(name, List.of());
      // An author's warning in their own words files under the content warning it names.
      case CONTENT_WARNING -> {
        String named = WarningWords.contentWarning(name);
        yield named != null ? named : name;
      }
      // AO3's closed lists by their short forms: "T", "MCD", "femslash".
      case RATING, ARCHIVE_WARNING, CATEGORY -> {
        String fixed = org.quire.model.FixedTags.alias(type, name);
        yield fixed != null ? fixed : name;
      }
      default -> name;
    };
  }

  private void clearCaches() {
    filing = new Filing();
  }

  /**
   * The {@link #key}s a work tagged {@code name} is filed under: the spelling used, its canonical
   * tag and every meta tag above that. A filter by any of them finds the work. Cached, as {@link
   * #canonical} is: every tag of every indexed work asks.
   */
  public List<String> filterKeys(TagType type, String name) {
    Filed f = filed(type, name);
    List<String> keys = f.filterKeys;
    if (keys == null) {
      // Apart from the canonical name: the ancestors ask for canonical names of their own.
      Set<String> k = new LinkedHashSet<>();
      k.add(key(name));
      withAncestors(type, f.canonical).forEach(a -> k.add(key(a)));
      keys = List.copyOf(k);
      f.filterKeys = keys;
    }
    return keys;
  }

  /** The canonical tag followed by every meta tag above it, nearest first. */
  public Set<String> withAncestors(TagType type, String name) {
    Set<String> out = new LinkedHashSet<>();
    List<String> frontier = new ArrayList<>(List.of(canonical(type, name)));
    for (int depth = 0; depth < MAX_DEPTH && !frontier.isEmpty(); depth++) {
      List<String> next = new ArrayList<>();
      for (String t : frontier) {
        if (out.add(t)) {
          next.addAll(parents(type, t));
        }
      }
      frontier = next;
    }
    return out;
  }

  private List<String> parents(TagType type, String canonical) {
    List<String> out = new ArrayList<>();
    if (type == TagType.FANDOM) {
      KnowledgePack p = packs.fandom(canonical);
      if (p != null) {
        p.meta().forEach(m -> out.add(canonical(type, m)));
      }
    }
    for (String parent : parentsOf.getOrDefault(key(type, canonical), Set.of())) {
      out.add(canonical(type, parent));
    }
    return out;
  }

  /**
   * What wrangling says about a tag, for its page: the canonical tag a filter by {@code name}
   * stands for, the other names filed under it, the meta tags above it and the tags it covers.
   *
   * @param canonical the canonical tag
   * @param synonyms other spellings filed under it (a keeper's synonyms; a pack's spellings of a
   *     fandom, unique aliases of a character, names of a ship), each checked to resolve to it
   * @param metaTags the meta tags above it, nearest first
   * @param subTags the tags it is a meta tag of (a keeper's rules; fandoms a pack puts under it)
   * @param fandoms the fandoms a character or relationship belongs to
   */
  public record About(
      TagType type,
      String canonical,
      List<String> synonyms,
      List<String> metaTags,
      List<String> subTags,
      List<String> fandoms) {
    /** Whether there is anything to say beyond the name itself. */
    public boolean hasAny() {
      return !synonyms.isEmpty() || !metaTags.isEmpty() || !subTags.isEmpty() || !fandoms.isEmpty();
    }
  }

  /** At most this many synonyms or sub-tags are listed on a tag's page. */
  static final int MAX_LISTED = 50;

  public About about(TagType type, String name) {
    String canonical = canonical(type, name);
    String ck = key(canonical);
    Set<String> synonyms = new LinkedHashSet<>();
    Set<String> subTags = new LinkedHashSet<>();
    for (TagRule r : rules) {
      if (r.type() != type || !key(canonical(type, r.target())).equals(ck)) {
        continue;
      }
      (r.relation() == TagRule.Relation.SYNONYM_OF ? synonyms : subTags).add(tidy(r.name()));
    }
    switch (type) {
      case FANDOM -> {
        KnowledgePack p = packs.fandom(canonical);
        if (p != null && key(p.fandom()).equals(ck)) {
          synonyms.addAll(p.synonyms());
        }
        for (KnowledgePack other : packs.all()) {
          if (other.meta().stream().anyMatch(m -> key(m).equals(ck))) {
            subTags.add(other.fandom());
          }
        }
      }
      case CHARACTER ->
          packs.characters(canonical, List.of()).stream()
              .filter(c -> key(c.name()).equals(ck))
              .forEach(c -> synonyms.addAll(c.character().aliases()));
      case RELATIONSHIP ->
          packs.all().stream()
              .flatMap(p -> p.relationships().stream())
              .filter(r -> key(r.name()).equals(ck))
              .forEach(r -> synonyms.addAll(r.synonyms()));
      default -> {}
    }
    // Only names that really file under this tag (an alias two characters share does not).
    List<String> syn =
        synonyms.stream()
            .filter(n -> !key(n).equals(ck) && key(canonical(type, n)).equals(ck))
            .limit(MAX_LISTED)
            .toList();
    List<String> meta = new ArrayList<>(withAncestors(type, canonical));
    meta.removeIf(m -> key(m).equals(ck));
    // Only tags really filed under this one (a rule on a spelling that is not canonical is not).
    List<String> sub =
        subTags.stream()
            .filter(n -> !key(n).equals(ck))
            .filter(n -> withAncestors(type, n).stream().anyMatch(a -> key(a).equals(ck)))
            .limit(MAX_LISTED)
            .toList();
    return new About(
        type, canonical, syn, List.copyOf(meta), sub, List.copyOf(fandomsOf(type, canonical)));
  }

  /** Case- and spacing-insensitive form used to compare tag names (and as the filter term). */
  public static String key(String name) {
    return tidy(name).toLowerCase(Locale.ROOT);
  }

  private static String key(TagType type, String name) {
    return type.key() + "\u0000" + key(name);
  }

  /**
   * Curly apostrophes straightened, runs of whitespace made one space, ends stripped. By hand, not
   * with a regex: every tag of every indexed work passes through here.
   */
  static String tidy(String name) {
    StringBuilder out = null;
    boolean space = false;
    int n = name.length();
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      boolean ws = c == ' ' || (c >= '\t' && c <= '\r'); // what the regex \s matches
      char put = ws ? ' ' : c == '’' ? '\'' : c;
      boolean changed = put != c || (ws && space);
      if (changed && out == null) {
        out = new StringBuilder(n).append(name, 0, i);
      }
      if (!(ws && space) && out != null) {
        out.append(put);
      }
      space = ws;
    }
    return (out == null ? name : out.toString()).strip();
  }
}

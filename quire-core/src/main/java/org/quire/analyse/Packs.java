package org.quire.analyse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.quire.model.QuireException;

/**
 * The loaded knowledge packs, with look-ups from any spelling to the canonical tag. Built-in packs
 * come from the classpath ({@code packs/index.txt} lists them); a directory of the user's own packs
 * is read after them, and a user pack for the same fandom replaces the built-in one.
 */
public final class Packs {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final List<KnowledgePack> packs;
  private final Map<String, KnowledgePack> byFandomKey = new HashMap<>();
  private final Map<String, List<Cast>> castByName = new HashMap<>();
  private final Map<String, String> relationshipByKey = new HashMap<>();
  private final Set<String> canonCouples = new HashSet<>();

  /** A character with the pack it belongs to. */
  public record Cast(KnowledgePack pack, KnowledgePack.Character character) {
    public String name() {
      return character.name();
    }
  }

  private Packs(List<KnowledgePack> packs) {
    this.packs = List.copyOf(packs);
    for (KnowledgePack p : packs) {
      byFandomKey.put(key(p.fandom()), p);
      for (String s : p.synonyms()) {
        byFandomKey.putIfAbsent(key(s), p);
      }
      for (KnowledgePack.Character c : p.characters()) {
        Cast cast = new Cast(p, c);
        addName(c.name(), cast);
        // "Glory (Buffy the Vampire Slayer)" is also written plain "Glory".
        addName(c.name().replaceAll("\\s*\\([^)]*\\)\\s*$", ""), cast);
        c.aliases().forEach(a -> addName(a, cast));
      }
    }
    for (KnowledgePack p : packs) {
      for (KnowledgePack.Relationship r : p.relationships()) {
        relationshipByKey.put(key(r.name()), r.name());
        if (r.canon()) {
          canonCouples.add(r.name());
        }
        for (String s : r.synonyms()) {
          relationshipByKey.putIfAbsent(key(s), r.name());
        }
      }
    }
  }

  private void addName(String name, Cast cast) {
    List<Cast> l = castByName.computeIfAbsent(key(name), k -> new ArrayList<>());
    if (!l.contains(cast)) {
      l.add(cast);
    }
  }

  /** The built-in packs. */
  public static Packs builtIn() {
    return new Packs(loadBuiltIn());
  }

  /**
   * Built-in packs plus every {@code *.json} in {@code userDir} (when it exists).
   *
   * @throws QuireException naming the file when a user pack is not valid
   */
  public static Packs load(Path userDir) {
    Map<String, KnowledgePack> byFandom = new LinkedHashMap<>();
    for (KnowledgePack p : loadBuiltIn()) {
      byFandom.put(key(p.fandom()), p);
    }
    if (userDir != null && Files.isDirectory(userDir)) {
      try (Stream<Path> files = Files.list(userDir)) {
        for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          KnowledgePack p = read(f.getFileName().toString(), Files.newInputStream(f));
          byFandom.put(key(p.fandom()), p);
        }
      } catch (IOException e) {
        throw new QuireException(
            "Cannot read knowledge packs in " + userDir + ": " + e.getMessage(), e);
      }
    }
    return new Packs(new ArrayList<>(byFandom.values()));
  }

  /** Packs from explicit objects (tests). */
  static Packs of(List<KnowledgePack> packs) {
    return new Packs(packs);
  }

  private static List<KnowledgePack> loadBuiltIn() {
    List<KnowledgePack> out = new ArrayList<>();
    try (InputStream index = Packs.class.getResourceAsStream("/packs/index.txt")) {
      if (index == null) {
        return out;
      }
      for (String line : new String(index.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String name = line.strip();
        if (name.isEmpty() || name.startsWith("#")) {
          continue;
        }
        InputStream in = Packs.class.getResourceAsStream("/packs/" + name);
        if (in == null) {
          throw new QuireException(
              "Built-in knowledge pack packs/" + name + " is listed but missing.");
        }
        out.add(read(name, in));
      }
    } catch (IOException e) {
      throw new QuireException("Cannot read the built-in knowledge packs: " + e.getMessage(), e);
    }
    return out;
  }

  private static KnowledgePack read(String name, InputStream in) {
    try (in) {
      KnowledgePack p = JSON.readValue(in, KnowledgePack.class);
      if (p.fandom() == null || p.fandom().isBlank()) {
        throw new QuireException("Knowledge pack " + name + " has no \"fandom\" name.");
      }
      for (KnowledgePack.Character c : p.characters()) {
        if (c.name() == null || c.name().isBlank()) {
          throw new QuireException(
              "Knowledge pack " + name + " has a character without a \"name\".");
        }
      }
      return p;
    } catch (IOException e) {
      throw new QuireException(
          "Knowledge pack " + name + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  public List<KnowledgePack> all() {
    return packs;
  }

  /** The pack whose fandom name or synonym this is, or null. */
  public KnowledgePack fandom(String name) {
    if (name == null) {
      return null;
    }
    KnowledgePack p = byFandomKey.get(key(name));
    if (p == null) {
      // "Buffy the Vampire Slayer (TV)" → "Buffy the Vampire Slayer"
      p = byFandomKey.get(key(name.replaceAll("\\s*\\([^)]*\\)\\s*$", "")));
    }
    return p;
  }

  /** The canonical fandom tag for a spelling, or the spelling itself when unknown. */
  public String canonicalFandom(String name) {
    KnowledgePack p = fandom(name);
    return p == null ? name.strip() : p.fandom();
  }

  /**
   * Characters whose name or alias this is; when {@code within} is not empty, those of its packs
   * come first.
   */
  public List<Cast> characters(String name, List<KnowledgePack> within) {
    List<Cast> all = castByName.getOrDefault(key(name), List.of());
    if (all.isEmpty()) {
      all = disambiguated(name);
    }
    if (within.isEmpty() || all.size() <= 1) {
      return all;
    }
    List<Cast> in = new ArrayList<>();
    List<Cast> out = new ArrayList<>();
    for (Cast c : all) {
      (within.contains(c.pack()) ? in : out).add(c);
    }
    in.addAll(out);
    return in;
  }

  /** AO3's way of telling namesakes apart: "Spike (Buffy the Vampire Slayer)". */
  private static final java.util.regex.Pattern DISAMBIGUATOR =
      java.util.regex.Pattern.compile("(.+?)\\s*\\(([^()]+)\\)");

  /**
   * A name with its fandom in brackets, as AO3 tags namesakes: the character of that name in the
   * pack of that fandom (the fandom by any name the packs know it by); nobody when no pack of that
   * fandom has the name, so "Spike (Cowboy Bebop)" is never taken for Buffy's Spike.
   */
  private List<Cast> disambiguated(String name) {
    java.util.regex.Matcher m = DISAMBIGUATOR.matcher(name.strip());
    if (!m.matches()) {
      return List.of();
    }
    String fandom = key(canonicalFandom(m.group(2)));
    List<Cast> out = new ArrayList<>();
    for (Cast c : castByName.getOrDefault(key(m.group(1)), List.of())) {
      if (key(c.pack().fandom()).equals(fandom)) {
        out.add(c);
      }
    }
    return out;
  }

  /** The canonical character tag for a spelling, or the spelling itself when unknown. */
  public String canonicalCharacter(String name, List<KnowledgePack> within) {
    List<Cast> c = characters(name, within);
    return c.isEmpty() ? name.strip() : c.getFirst().name();
  }

  /**
   * The canonical relationship tag: a known name or nickname ("Spuffy"), else each side mapped to
   * its canonical character, sides sorted as AO3 sorts them, joined by "/" or " & ".
   */
  public String canonicalRelationship(String name, List<KnowledgePack> within) {
    String known = relationshipByKey.get(key(name));
    if (known != null) {
      return known;
    }
    Matcher bracket = TRAILING_BRACKET.matcher(name);
    if (bracket.matches()) {
      // "B/S (Spuffy!)": a ship name in brackets names the pairing written before it.
      known = relationshipByKey.get(key(bracket.group(2).replaceAll("[!?.]+$", "")));
      if (known != null) {
        return known;
      }
    }
    boolean platonic = !name.contains("/") && name.contains("&");
    String[] sides = name.split(platonic ? "\\s*&\\s*" : "\\s*/\\s*|\\s+[xX×]\\s+");
    if (sides.length < 2) {
      return name.strip();
    }
    List<String> names = new ArrayList<>();
    for (String s : sides) {
      names.add(canonicalCharacter(s, within));
    }
    // "Aziraphale/Crowley" is the pack's "Aziraphale/Crowley (Good Omens)", not the joined names.
    return relationship(names, platonic);
  }

  private static final Pattern TRAILING_BRACKET = Pattern.compile("(.*?)\\s*\\(([^()]+)\\)\\s*");

  /** Whether this canonical romantic relationship is a couple in the canon itself. */
  boolean canonCouple(String relationship) {
    return canonCouples.contains(relationship);
  }

  /** A relationship tag from canonical names: a pack's own spelling when it has one. */
  public String relationship(List<String> canonicalNames, boolean platonic) {
    String joined = join(canonicalNames, platonic);
    return relationshipByKey.getOrDefault(key(joined), joined);
  }

  private static String join(List<String> names, boolean platonic) {
    List<String> sorted = new ArrayList<>(names);
    Collections.sort(sorted, String.CASE_INSENSITIVE_ORDER);
    return String.join(platonic ? " & " : "/", sorted);
  }

  static String key(String s) {
    return s.toLowerCase(Locale.ROOT).replace('’', '\'').replaceAll("\\s+", " ").strip();
  }
}

package org.quire.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quire.app.Quire;
import org.quire.model.FixedTags;
import org.quire.model.TagType;
import org.quire.store.SiteStore;
import org.quire.tags.TagWrangler;

/**
 * Tags typed by name into the search form, as AO3's "other tags to include / exclude" fields:
 * {@code include_tags} and {@code exclude_tags}, each a comma-separated list of names ("Spike,
 * Fluff") or typed names ("character:Spike"). Each becomes an ordinary {@code include} or {@code
 * exclude} filter, so the result page's links and chips treat it like a facet the reader clicked;
 * the facets list only a type's most common tags, and this reaches every other one.
 *
 * <p>A bare name takes the kind it is most used as on works (so "Angel" is the character where
 * works tag him so), else any kind the tag wrangling knows it by (a synonym such as "BtVS"). A name
 * neither knows is reported, not searched as words: a filter that silently matched nothing would
 * look like an empty archive.
 */
final class TagInputs {
  static final String INCLUDE = "include_tags";
  static final String EXCLUDE = "exclude_tags";

  /** More names than this in one field are not looked up (each costs a query). */
  static final int MAX_NAMES = 20;

  private TagInputs() {}

  /**
   * The parameters with typed tag names turned into filters; names that are no tag are added to
   * {@code unknown}.
   */
  static Map<String, List<String>> expand(
      Map<String, List<String>> params, Quire quire, boolean member, List<String> unknown) {
    if (!params.containsKey(INCLUDE) && !params.containsKey(EXCLUDE)) {
      return params;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    params.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    List<String> in = names(out.remove(INCLUDE));
    List<String> ex = names(out.remove(EXCLUDE));
    for (String name : in) {
      filter(name, quire, member, unknown)
          .ifPresent(f -> out.computeIfAbsent("include", k -> new ArrayList<>()).add(f));
    }
    for (String name : ex) {
      filter(name, quire, member, unknown)
          .ifPresent(f -> out.computeIfAbsent("exclude", k -> new ArrayList<>()).add(f));
    }
    return out;
  }

  /** The names of a field's values, split at commas, blanks dropped, at most {@link #MAX_NAMES}. */
  static List<String> names(List<String> values) {
    List<String> out = new ArrayList<>();
    if (values == null) {
      return out;
    }
    for (String v : values) {
      for (String part : v.split(",")) {
        String name = part.replaceAll("\\p{Cntrl}", " ").strip();
        if (!name.isEmpty() && name.length() <= 200 && out.size() < MAX_NAMES) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** A filter parameter ("type:Name") for one typed name, or empty when no tag has that name. */
  private static Optional<String> filter(
      String name, Quire quire, boolean member, List<String> unknown) {
    int colon = name.indexOf(':');
    if (colon > 0) {
      try {
        TagType t = TagType.fromKey(name.substring(0, colon).strip());
        String rest = name.substring(colon + 1).strip();
        if (!rest.isEmpty()) {
          return Optional.of(t.key() + ":" + rest);
        }
      } catch (IllegalArgumentException e) {
        // Not a type: a name with a colon in it ("Angel: the Series").
      }
    }
    Optional<TagType> type = typeOf(name, quire, member);
    if (type.isEmpty()) {
      unknown.add(name);
    }
    return type.map(t -> t.key() + ":" + name);
  }

  static Optional<TagType> typeOf(String name, Quire quire, boolean member) {
    // Only works this searcher may find count: a name used only on drafts is no tag to them.
    List<TagType> used = quire.store().site().typesOf(name, member);
    if (!used.isEmpty()) {
      return Optional.of(used.getFirst());
    }
    for (TagType t : TagType.values()) {
      if (knownAs(t, name, quire)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code name} is a tag of kind {@code type} that Quire knows without any work using it:
   * AO3's fixed names and their short forms ("MCD"), the knowledge packs' names, a keeper's rule.
   */
  static boolean knownAs(TagType type, String name, Quire quire) {
    return switch (type) {
      case RATING, ARCHIVE_WARNING, CATEGORY -> FixedTags.alias(type, name) != null;
      case FANDOM, RELATIONSHIP, CHARACTER -> quire.wrangler().known(type, name);
      // Open kinds the packs do not list: known only from a keeper's rule.
      case CONTENT_WARNING, ADDITIONAL -> inRules(quire, type, name);
    };
  }

  private static boolean inRules(Quire quire, TagType type, String name) {
    String k = TagWrangler.key(name);
    return quire.wrangler().rules().stream()
        .anyMatch(
            r ->
                r.type() == type
                    && (TagWrangler.key(r.name()).equals(k)
                        || TagWrangler.key(r.target()).equals(k)));
  }

  /**
   * Suggestions for a tag name being typed: tags on works the searcher may see whose name or a word
   * of it starts with {@code prefix}, as JSON-ready maps ({@code type}, {@code label}, {@code
   * name}, and {@code param}: the value for an include or exclude field).
   */
  static List<Map<String, Object>> suggest(Quire quire, String prefix, boolean member) {
    // Control characters mean nothing in a name (and PostgreSQL refuses a NUL in a string).
    String p = prefix == null ? "" : prefix.replaceAll("\\p{Cntrl}", "").strip();
    if (p.isEmpty() || p.length() > 100) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (SiteStore.TagName t : quire.store().site().tagsStartingWith(p, member, 10)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", t.type().key());
      m.put("label", t.type().label());
      m.put("name", t.name());
      m.put("param", t.type().key() + ":" + t.name());
      out.add(m);
    }
    return out;
  }
}

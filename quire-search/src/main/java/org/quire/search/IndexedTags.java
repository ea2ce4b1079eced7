package org.quire.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.tags.TagWrangler;

/**
 * A work's shown tags as every backend indexes them, per tag type: the names to search (the
 * spelling used and its canonical tag), the filter keys (the spelling, the canonical tag and every
 * meta tag above it, so a filter by a canonical tag finds synonyms and sub-tags), and the canonical
 * names to count in facets.
 *
 * @param names searchable names by type
 * @param filterKeys {@link TagWrangler#key} values by type
 * @param facets canonical names by type
 */
public record IndexedTags(
    Map<TagType, List<String>> names,
    Map<TagType, List<String>> filterKeys,
    Map<TagType, List<String>> facets) {

  /** The tags of a work as the wrangler sees them now. */
  public static IndexedTags of(List<Tag> tags, TagWrangler wrangler) {
    Map<TagType, Set<String>> names = new LinkedHashMap<>();
    Map<TagType, Set<String>> keys = new LinkedHashMap<>();
    Map<TagType, Set<String>> facets = new LinkedHashMap<>();
    for (Tag t : tags) {
      if (!t.provenance().isShown()) {
        continue;
      }
      String canonical = wrangler.canonical(t.type(), t.name());
      Set<String> n = names.computeIfAbsent(t.type(), x -> new LinkedHashSet<>());
      n.add(t.name());
      n.add(canonical);
      keys.computeIfAbsent(t.type(), x -> new LinkedHashSet<>())
          .addAll(wrangler.filterKeys(t.type(), t.name()));
      facets.computeIfAbsent(t.type(), x -> new LinkedHashSet<>()).add(canonical);
    }
    return new IndexedTags(lists(names), lists(keys), lists(facets));
  }

  private static Map<TagType, List<String>> lists(Map<TagType, Set<String>> m) {
    Map<TagType, List<String>> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(new ArrayList<>(v))));
    return out;
  }

  /**
   * Case- and accent-insensitive sort key, ignoring a leading "The"/"A" as libraries do; at most 64
   * characters.
   */
  public static String sortKey(String s) {
    String k =
        java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("^(the|a|an)\\s+", "")
            .replaceAll("[^\\p{L}\\p{N} ]", "")
            .strip();
    return k.length() > 64 ? k.substring(0, 64) : k;
  }
}

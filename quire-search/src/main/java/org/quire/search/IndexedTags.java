package org.quire.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.tags.TagWrangler;

/**
 * A work's shown tags as every backend indexes them, per tag type: the filter keys (the spelling,
 * the canonical tag and every meta tag above it, so a filter by a canonical tag finds synonyms and
 * sub-tags), whose words are also what {@code tag:}, {@code character:} and plain words search, and
 * the canonical names to count in facets.
 *
 * @param filterKeys {@link TagWrangler#key} values by type
 * @param facets canonical names by type
 */
public record IndexedTags(
    Map<TagType, List<String>> filterKeys, Map<TagType, List<String>> facets) {

  /** The tags of a work as the wrangler sees them now. */
  public static IndexedTags of(List<Tag> tags, TagWrangler wrangler) {
    // Every indexed work comes through here: small lists with a contains check, no sets.
    Map<TagType, List<String>> keys = new EnumMap<>(TagType.class);
    Map<TagType, List<String>> facets = new EnumMap<>(TagType.class);
    for (Tag t : tags) {
      if (!t.provenance().isShown()) {
        continue;
      }
      String canonical = wrangler.canonical(t.type(), t.name());
      List<String> k = list(keys, t.type());
      for (String key : wrangler.filterKeys(t.type(), t.name())) {
        addNew(k, key);
      }
      addNew(list(facets, t.type()), canonical);
    }
    return new IndexedTags(frozen(keys), frozen(facets));
  }

  private static List<String> list(Map<TagType, List<String>> m, TagType type) {
    List<String> l = m.get(type);
    if (l == null) {
      l = new ArrayList<>(4);
      m.put(type, l);
    }
    return l;
  }

  private static Map<TagType, List<String>> frozen(Map<TagType, List<String>> m) {
    m.replaceAll((type, l) -> Collections.unmodifiableList(l));
    return Collections.unmodifiableMap(m);
  }

  private static void addNew(List<String> l, String s) {
    if (!l.contains(s)) {
      l.add(s);
    }
  }

  /**
   * Case- and accent-insensitive sort key, ignoring a leading "The"/"A" as libraries do; at most 64
   * characters.
   */
  public static String sortKey(String s) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && !generalPunctuation(c)) {
        return unicodeSortKey(s);
      }
    }
    // ASCII, as most titles and names are, perhaps with curly quotes and dashes (dropped): the
    // same key by hand (every indexed work has two).
    int from = articleEnd(s);
    StringBuilder k = new StringBuilder(n - from);
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        k.append((char) (c + 32));
      } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == ' ') {
        k.append(c);
      }
    }
    return cut(k.toString().strip());
  }

  /** Past a leading "the", "a" or "an" and the whitespace after it, else 0. */
  private static int articleEnd(String s) {
    for (String article : ARTICLES) {
      int end = article.length();
      if (s.length() > end && s.regionMatches(true, 0, article, 0, end) && space(s.charAt(end))) {
        while (end < s.length() && space(s.charAt(end))) {
          end++;
        }
        return end;
      }
    }
    return 0;
  }

  private static final List<String> ARTICLES = List.of("the", "a", "an");

  /** What the regex {@code \s} matches. */
  private static boolean space(char c) {
    return c == ' ' || c >= '\t' && c <= '\r';
  }

  /**
   * Unicode's General Punctuation block (curly quotes, dashes, ellipsis, odd spaces): no letters,
   * digits or combining marks, and no whitespace to the regex {@code \s}, so the key drops them.
   */
  private static boolean generalPunctuation(char c) {
    return c >= 0x2000 && c <= 0x206F;
  }

  private static String unicodeSortKey(String s) {
    String k =
        java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("^(the|a|an)\\s+", "")
            .replaceAll("[^\\p{L}\\p{N} ]", "")
            .strip();
    return cut(k);
  }

  private static String cut(String k) {
    return k.length() > 64 ? k.substring(0, 64) : k;
  }
}

package org.quire.search;

import java.time.Instant;
import java.util.List;
import org.quire.model.TagType;

/**
 * Everything a search asks for, independent of the backend: the words typed (see {@link
 * QueryText}), AO3-style include and exclude filters, ranges, a sort and a page.
 *
 * @param text what the user typed; blank matches every work
 * @param include tags every result must have (canonical, synonym or meta tag); several ratings mean
 *     any of them (see {@link #includeGroups()})
 * @param exclude tags no result may have
 * @param language a language name such as "English", or null for any
 * @param complete true for finished works only, false for works in progress only, null for both
 * @param words word-count range
 * @param updated date range on the last update
 * @param kudos kudos range
 * @param hits hits range
 * @param bookmarks bookmarks range
 * @param sort result order
 * @param offset results to skip (bounded by {@link #MAX_OFFSET})
 * @param limit page size (1..{@link #MAX_LIMIT})
 * @param audience who is searching: what they may see and what they chose not to
 * @param reverse the sort's own order turned round: oldest first, fewest kudos first, Z to A (best
 *     match has no other order)
 */
public record SearchQuery(
    String text,
    List<TagFilter> include,
    List<TagFilter> exclude,
    String language,
    Boolean complete,
    Range words,
    DateRange updated,
    Range kudos,
    Range hits,
    Range bookmarks,
    Sort sort,
    int offset,
    int limit,
    Audience audience,
    boolean reverse) {

  /** Deep paging stops here: past it, users are asked to narrow the search. */
  public static final int MAX_OFFSET = 10_000;

  public static final int MAX_LIMIT = 100;

  /** At most this many include plus exclude filters are applied. */
  public static final int MAX_FILTERS = 50;

  /**
   * Who is searching. Visitors find public works; archive members also find restricted ones; drafts
   * are never found. Muted authors and tags and hidden works are left out for this reader only, on
   * the server (not hidden with CSS as AO3 does), and are not shown as the reader's own filters.
   *
   * @param member whether the searcher is a logged-in member of the archive
   * @param mutedAuthors author names whose works are left out (case-insensitive)
   * @param mutedTags tags whose works are left out (canonical, synonym or meta tag)
   * @param hiddenWorks work ids left out (works already read, when the reader asks)
   */
  public record Audience(
      boolean member,
      List<String> mutedAuthors,
      List<TagFilter> mutedTags,
      List<Long> hiddenWorks) {
    public static final Audience VISITOR = new Audience(false, List.of(), List.of(), List.of());
    public static final Audience MEMBER = new Audience(true, List.of(), List.of(), List.of());

    public Audience {
      // Bounded so a reader's mute list can never build an unbounded query.
      mutedAuthors = List.copyOf(mutedAuthors == null ? List.of() : capMutes(mutedAuthors));
      mutedTags = List.copyOf(mutedTags == null ? List.of() : capMutes(mutedTags));
      hiddenWorks = List.copyOf(hiddenWorks == null ? List.of() : hiddenWorks);
    }

    /** Whether this reader's mutes or hidden works leave out anything the archive holds. */
    public boolean narrows() {
      return !mutedAuthors.isEmpty() || !mutedTags.isEmpty() || !hiddenWorks.isEmpty();
    }
  }

  /** At most this many muted authors, and as many muted tags, are applied. */
  public static final int MAX_MUTES = 300;

  private static <T> List<T> capMutes(List<T> l) {
    return l.size() > MAX_MUTES ? l.subList(0, MAX_MUTES) : l;
  }

  /** A tag filter. */
  public record TagFilter(TagType type, String name) {}

  /** An inclusive integer range; null ends are open. */
  public record Range(Integer min, Integer max) {
    public static final Range ANY = new Range(null, null);

    public boolean isAny() {
      return min == null && max == null;
    }
  }

  /** An inclusive date range; null ends are open. */
  public record DateRange(Instant from, Instant to) {
    public static final DateRange ANY = new DateRange(null, null);

    public boolean isAny() {
      return from == null && to == null;
    }
  }

  /** Result orders, as AO3 offers them. */
  public enum Sort {
    RELEVANCE("Best match"),
    UPDATED("Date updated"),
    POSTED("Date posted"),
    WORDS("Word count"),
    TITLE("Title"),
    AUTHOR("Author"),
    KUDOS("Kudos"),
    HITS("Hits"),
    BOOKMARKS("Bookmarks"),
    COMMENTS("Comments");

    private final String label;

    Sort(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The sort for a URL or API key; relevance for anything unknown. */
    public static Sort fromKey(String key) {
      for (Sort s : values()) {
        if (s.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
          return s;
        }
      }
      return RELEVANCE;
    }
  }

  public SearchQuery {
    text = text == null ? "" : text;
    include = List.copyOf(include == null ? List.of() : cap(include));
    exclude = List.copyOf(exclude == null ? List.of() : cap(exclude));
    language = language == null || language.isBlank() ? null : language.strip();
    words = words == null ? Range.ANY : words;
    updated = updated == null ? DateRange.ANY : updated;
    kudos = kudos == null ? Range.ANY : kudos;
    hits = hits == null ? Range.ANY : hits;
    bookmarks = bookmarks == null ? Range.ANY : bookmarks;
    sort = sort == null ? Sort.RELEVANCE : sort;
    offset = Math.max(0, offset);
    limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    audience = audience == null ? Audience.VISITOR : audience;
  }

  /**
   * The include filters as groups, of which a result must match one filter in each: a work has one
   * rating, so several ratings mean any of them (AO3's rating checkboxes), where every other tag
   * included must be there. The ratings' group stands where the first rating did.
   */
  public List<List<TagFilter>> includeGroups() {
    List<List<TagFilter>> groups = new java.util.ArrayList<>();
    List<TagFilter> ratings = null;
    for (TagFilter f : include) {
      if (f.type() != TagType.RATING) {
        groups.add(List.of(f));
      } else if (ratings == null) {
        ratings = new java.util.ArrayList<>();
        ratings.add(f);
        groups.add(ratings);
      } else {
        ratings.add(f);
      }
    }
    return groups.stream().map(List::copyOf).toList();
  }

  private static List<TagFilter> cap(List<TagFilter> l) {
    return l.size() > MAX_FILTERS ? l.subList(0, MAX_FILTERS) : l;
  }

  /** Words only, first page, best match first. */
  public static SearchQuery of(String text) {
    return new SearchQuery(
        text, null, null, null, null, null, null, null, null, null, null, 0, 20, null, false);
  }

  public SearchQuery withFilters(List<TagFilter> in, List<TagFilter> out) {
    return new SearchQuery(
        text, in, out, language, complete, words, updated, kudos, hits, bookmarks, sort, offset,
        limit, audience, reverse);
  }

  public SearchQuery withLanguage(String lang) {
    return new SearchQuery(
        text, include, exclude, lang, complete, words, updated, kudos, hits, bookmarks, sort,
        offset, limit, audience, reverse);
  }

  public SearchQuery withComplete(Boolean done) {
    return new SearchQuery(
        text, include, exclude, language, done, words, updated, kudos, hits, bookmarks, sort,
        offset, limit, audience, reverse);
  }

  public SearchQuery withWords(Range r) {
    return new SearchQuery(
        text, include, exclude, language, complete, r, updated, kudos, hits, bookmarks, sort,
        offset, limit, audience, reverse);
  }

  public SearchQuery withUpdated(DateRange r) {
    return new SearchQuery(
        text, include, exclude, language, complete, words, r, kudos, hits, bookmarks, sort, offset,
        limit, audience, reverse);
  }

  public SearchQuery withStats(Range k, Range h, Range b) {
    return new SearchQuery(
        text, include, exclude, language, complete, words, updated, k, h, b, sort, offset, limit,
        audience, reverse);
  }

  public SearchQuery withSort(Sort s) {
    return new SearchQuery(
        text, include, exclude, language, complete, words, updated, kudos, hits, bookmarks, s,
        offset, limit, audience, reverse);
  }

  public SearchQuery withAudience(Audience a) {
    return new SearchQuery(
        text, include, exclude, language, complete, words, updated, kudos, hits, bookmarks, sort,
        offset, limit, a, reverse);
  }

  /** The same search in the opposite of its sort's usual order (see {@link #reverse}). */
  public SearchQuery withReverse(boolean r) {
    return new SearchQuery(
        text, include, exclude, language, complete, words, updated, kudos, hits, bookmarks, sort,
        offset, limit, audience, r);
  }

  public SearchQuery withPage(int off, int lim) {
    return new SearchQuery(
        text, include, exclude, language, complete, words, updated, kudos, hits, bookmarks, sort,
        off, lim, audience, reverse);
  }
}

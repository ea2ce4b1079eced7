package org.quire.search;

import java.util.List;
import java.util.Map;

/**
 * A page of results with facet counts.
 *
 * @param total how many works match in all
 * @param hits this page, in the requested order
 * @param facets per facet dimension (a tag type's key, or "language"), the most frequent values
 * @param message a friendly note for the reader (a page beyond the deep-paging limit, say), or null
 */
public record SearchResults(
    long total, List<Hit> hits, Map<String, List<FacetValue>> facets, String message) {

  /**
   * The answer to a page past {@link SearchQuery#MAX_OFFSET}: the count and facets of the search,
   * no hits, and a word on narrowing it (deep paging is bounded on every backend).
   */
  public static SearchResults pastTheLimit(SearchResults counted) {
    return new SearchResults(
        counted.total(),
        List.of(),
        counted.facets(),
        "Results are shown up to number "
            + SearchQuery.MAX_OFFSET
            + ". Add words or filters to narrow the search.");
  }

  public SearchResults {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }

  /**
   * One matching work.
   *
   * @param workId the work's id in the store
   * @param score relevance (0 when sorted otherwise)
   * @param snippet the best matching passage of the chapters' text, or null when only the metadata
   *     matched
   */
  public record Hit(long workId, float score, Snippet snippet) {}

  /**
   * A passage with the matched words marked.
   *
   * @param chapter 1-based chapter the passage is in
   * @param offset the passage's start, in characters from the chapter's start
   * @param parts the passage's text in order; {@code match} parts are the matched words
   */
  public record Snippet(int chapter, int offset, List<Part> parts) {
    public Snippet {
      parts = List.copyOf(parts);
    }

    /** The words matched first in the passage, for a link that scrolls to them. */
    public String firstMatch() {
      return parts.stream().filter(Part::match).map(Part::text).findFirst().orElse("");
    }
  }

  /** A piece of a snippet. */
  public record Part(String text, boolean match) {}

  /** A facet value and how many matching works have it. */
  public record FacetValue(String name, long count) {}
}

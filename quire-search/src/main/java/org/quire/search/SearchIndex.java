package org.quire.search;

import org.quire.model.Work;

/**
 * A full-text, faceted index of works, rebuilt from the store whenever in doubt. Implementations
 * index each tag under its canonical name and every meta tag above it (see {@link
 * org.quire.tags.TagWrangler}), so filters by a canonical tag find its synonyms and sub-tags.
 */
public interface SearchIndex extends AutoCloseable {

  /** Adds or replaces a work; searchable within a second, durable after {@link #refresh()}. */
  void index(Work work, WorkStats stats);

  /** Adds or replaces a work nobody has read yet. */
  default void index(Work work) {
    index(work, WorkStats.fresh(work.importedAt()));
  }

  /**
   * Adds or replaces many works at once (a rebuild); backends on a server send them in one request.
   *
   * @param works the works
   * @param stats each work's figures, in the same order
   */
  default void indexAll(java.util.List<Work> works, java.util.List<WorkStats> stats) {
    for (int i = 0; i < works.size(); i++) {
      index(works.get(i), stats.get(i));
    }
  }

  /** Removes a work. */
  void delete(long workId);

  /** Makes every change visible to searches now and durable on disk. */
  void refresh();

  /**
   * Searches and filters. Any query string is accepted: syntax that cannot be read is taken as
   * plain words (see {@link QueryText}).
   */
  SearchResults search(SearchQuery query);

  /**
   * As {@link #search}, for pages that show no facets (the works listing, feeds): a backend may
   * leave the counts out, which at a large archive are most of a listing's cost.
   */
  default SearchResults hitsOnly(SearchQuery query) {
    return search(query);
  }

  /**
   * The tags of one kind on the works an audience may find, most used first, with how many works
   * carry each (counted under their canonical names, as facets are): the archive's fandom list,
   * say, beyond the few values a search's facets show.
   *
   * @param limit at most this many tags
   */
  java.util.List<SearchResults.FacetValue> tagCounts(
      org.quire.model.TagType type, SearchQuery.Audience audience, int limit);

  /** Number of indexed works. */
  long count();

  /**
   * The newest {@link WorkStats#updated()} time, in epoch milliseconds, among works indexed before
   * the last {@link #refresh()}: works the store changed after it need indexing again.
   */
  long indexedThrough();

  /** Removes every document (before a rebuild). */
  void clear();

  @Override
  void close();
}

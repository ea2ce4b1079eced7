package org.quire.search;

import java.util.List;
import org.quire.model.Work;

/** A full-text index of works, rebuilt from the store whenever in doubt. */
public interface SearchIndex extends AutoCloseable {

  /**
   * One result.
   *
   * @param workId the work's id in the store
   * @param score relevance, higher is better
   */
  record Hit(long workId, float score) {}

  /**
   * A page of results.
   *
   * @param total how many works match in all
   * @param hits this page's hits, best first
   */
  record Results(long total, List<Hit> hits) {}

  /** Adds or replaces a work; searchable after {@link #refresh()}. */
  void index(Work work);

  /** Removes a work. */
  void delete(long workId);

  /** Makes recent changes visible to searches and durable on disk. */
  void refresh();

  /**
   * Searches titles, authors, summaries, notes, tags and every chapter's text. Any string is
   * accepted: syntax it cannot read is taken as plain words.
   *
   * @param query what the user typed
   * @param offset results to skip
   * @param limit page size (capped)
   */
  Results search(String query, int offset, int limit);

  /** Number of indexed works. */
  long count();

  /** Removes every document (before a rebuild). */
  void clear();

  @Override
  void close();
}

package org.quire.search;

import java.util.List;

/**
 * Where the search index reads chapter text for snippets. The index does not keep its own copy of
 * every chapter: the store has it, and only a page of results needs it.
 */
@FunctionalInterface
public interface ChapterTexts {
  /** The chapters' text in order, or an empty list when the work is gone. */
  List<String> of(long workId);
}

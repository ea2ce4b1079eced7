package org.quire.web;

import java.util.Comparator;
import java.util.List;
import org.quire.model.WorkSummary;

/**
 * One of an author's works on their statistics page (AO3's stats): what readers did with it.
 *
 * @param work the work as listings show it
 * @param subscribers accounts following the work
 */
public record WorkStats(WorkSummary work, int subscribers) {

  /** The columns the page sorts by, the default first. */
  static final List<String> SORTS =
      List.of("hits", "kudos", "comments", "bookmarks", "subscribers", "words", "title");

  /** The order of a column: most first, titles A to Z. */
  static Comparator<WorkStats> order(String sort) {
    Comparator<WorkStats> c =
        switch (sort) {
          case "kudos" -> Comparator.comparingInt(s -> s.work().engagement().kudos());
          case "comments" -> Comparator.comparingInt(s -> s.work().engagement().comments());
          case "bookmarks" -> Comparator.comparingInt(s -> s.work().engagement().bookmarks());
          case "subscribers" -> Comparator.comparingInt(WorkStats::subscribers);
          case "words" -> Comparator.comparingInt(s -> s.work().wordCount());
          case "title" ->
              Comparator.comparing((WorkStats s) -> s.work().title(), String.CASE_INSENSITIVE_ORDER)
                  .reversed();
          default -> Comparator.comparingInt(s -> s.work().engagement().hits());
        };
    return c.reversed().thenComparingLong(s -> s.work().id());
  }
}

package org.quire.search;

import java.time.Instant;
import org.quire.model.Visibility;

/**
 * What the index needs about a work beyond its text and tags: dates for date filters and sorts, and
 * the readers' signals for AO3's sorts and ranges.
 *
 * @param posted when the work was first stored
 * @param updated when it last changed
 * @param kudos kudos left
 * @param hits reader visits
 * @param bookmarks bookmarks
 * @param comments comments
 * @param visibility who may find it
 */
public record WorkStats(
    Instant posted,
    Instant updated,
    int kudos,
    int hits,
    int bookmarks,
    int comments,
    Visibility visibility) {

  public WorkStats {
    visibility = visibility == null ? Visibility.PUBLIC : visibility;
  }

  /** A public work's stats. */
  public WorkStats(
      Instant posted, Instant updated, int kudos, int hits, int bookmarks, int comments) {
    this(posted, updated, kudos, hits, bookmarks, comments, Visibility.PUBLIC);
  }

  /** A work nobody has read yet. */
  public static WorkStats fresh(Instant posted) {
    Instant p = posted == null ? Instant.EPOCH : posted;
    return new WorkStats(p, p, 0, 0, 0, 0);
  }
}

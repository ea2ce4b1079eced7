package org.quire.search;

import java.time.Instant;

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
 */
public record WorkStats(
    Instant posted, Instant updated, int kudos, int hits, int bookmarks, int comments) {

  /** A work nobody has read yet. */
  public static WorkStats fresh(Instant posted) {
    Instant p = posted == null ? Instant.EPOCH : posted;
    return new WorkStats(p, p, 0, 0, 0, 0);
  }
}

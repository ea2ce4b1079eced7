package org.quire.store;

import java.util.List;
import java.util.Optional;

/** Series: ordered works under one title, as on AO3. Safe to use from several threads. */
public interface SeriesStore {

  /**
   * A series.
   *
   * @param id the store's id
   * @param title its title
   * @param summary its summary, or null
   * @param ownerId who made it, or null once their account is gone
   * @param workIds its works in reading order
   */
  record Series(long id, String title, String summary, Long ownerId, List<Long> workIds) {
    public Series {
      workIds = List.copyOf(workIds);
    }
  }

  long create(String title, String summary, long ownerId);

  Optional<Series> series(long id);

  /** Adds a work at the end of a series (nothing changes when it is already in it). */
  void addWork(long seriesId, long workId);

  boolean removeWork(long seriesId, long workId);

  /**
   * Renames a series and sets its works: those listed, in this order (the others leave it).
   *
   * @param summary the new summary, or null for none
   */
  void update(long seriesId, String title, String summary, List<Long> workIds);

  /** The series a work belongs to. */
  List<Series> seriesOf(long workId);

  /** Series an account made, newest first. */
  List<Series> ownedBy(long userId);
}

package org.quire.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** {@link SeriesStore} over the same database (and writer lock) as the works. */
final class JdbiSeriesStore implements SeriesStore {
  private final Db db;

  JdbiSeriesStore(Db db) {
    this.db = db;
  }

  @Override
  public long create(String title, String summary, long ownerId) {
    return db.write(
        "make the series",
        h ->
            h.createUpdate(
                    "INSERT INTO series (title, summary, owner_id, created_at) VALUES (?, ?, ?, ?)")
                .bind(0, title)
                .bind(1, summary)
                .bind(2, ownerId)
                .bind(3, System.currentTimeMillis())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public Optional<Series> series(long id) {
    return db.read("read the series", h -> load(h, id));
  }

  private static Optional<Series> load(Handle h, long id) {
    return h.createQuery("SELECT id, title, summary, owner_id FROM series WHERE id = ?")
        .bind(0, id)
        .map(
            (rs, ctx) -> {
              long owner = rs.getLong(4);
              Long ownerId = rs.wasNull() ? null : owner;
              return new Series(
                  rs.getLong(1), rs.getString(2), rs.getString(3), ownerId, List.of());
            })
        .findOne()
        .map(
            s ->
                new Series(
                    s.id(),
                    s.title(),
                    s.summary(),
                    s.ownerId(),
                    h.createQuery(
                            "SELECT work_id FROM series_works WHERE series_id = ? ORDER BY position")
                        .bind(0, id)
                        .mapTo(Long.class)
                        .list()));
  }

  @Override
  public void addWork(long seriesId, long workId) {
    db.write(
        "add the work to the series",
        h ->
            h.execute(
                "INSERT INTO series_works (series_id, work_id, position) VALUES (?, ?,"
                    + " (SELECT coalesce(max(position), 0) + 1 FROM series_works WHERE series_id = ?))"
                    + " ON CONFLICT DO NOTHING",
                seriesId,
                workId,
                seriesId));
  }

  @Override
  public boolean removeWork(long seriesId, long workId) {
    return db.write(
            "take the work out of the series",
            h ->
                h.execute(
                    "DELETE FROM series_works WHERE series_id = ? AND work_id = ?",
                    seriesId,
                    workId))
        > 0;
  }

  @Override
  public void update(long seriesId, String title, String summary, List<Long> workIds) {
    db.write(
        "change the series",
        h -> {
          h.execute(
              "UPDATE series SET title = ?, summary = ? WHERE id = ?", title, summary, seriesId);
          h.execute("DELETE FROM series_works WHERE series_id = ?", seriesId);
          int position = 0;
          for (long w : workIds) {
            h.execute(
                "INSERT INTO series_works (series_id, work_id, position) VALUES (?, ?, ?)"
                    + " ON CONFLICT DO NOTHING",
                seriesId,
                w,
                position++);
          }
          return null;
        });
  }

  @Override
  public List<Series> seriesOf(long workId) {
    return db.read(
        "read the work's series",
        h -> {
          List<Series> out = new ArrayList<>();
          for (long id :
              h.createQuery(
                      "SELECT series_id FROM series_works WHERE work_id = ? ORDER BY series_id")
                  .bind(0, workId)
                  .mapTo(Long.class)
                  .list()) {
            load(h, id).ifPresent(out::add);
          }
          return out;
        });
  }

  @Override
  public List<Series> ownedBy(long userId) {
    return db.read(
        "read the account's series",
        h -> {
          List<Series> out = new ArrayList<>();
          for (long id :
              h.createQuery("SELECT id FROM series WHERE owner_id = ? ORDER BY id DESC")
                  .bind(0, userId)
                  .mapTo(Long.class)
                  .list()) {
            load(h, id).ifPresent(out::add);
          }
          return out;
        });
  }
}

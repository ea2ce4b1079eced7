package org.quire.store;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.model.TagType;

/** {@link SiteStore} over the same database (and writer lock) as the works. */
final class JdbiSiteStore implements SiteStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Db db;

  JdbiSiteStore(Db db) {
    this.db = db;
  }

  @Override
  public Map<String, String> settings() {
    return db.read(
        "read the settings",
        h -> {
          Map<String, String> out = new LinkedHashMap<>();
          h.createQuery("SELECT key, value FROM settings ORDER BY key")
              .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return out;
        });
  }

  @Override
  public void setSetting(String key, String value) {
    db.write(
        "save the setting " + key,
        h ->
            value == null
                ? h.execute("DELETE FROM settings WHERE key = ?", key)
                : h.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    key,
                    value));
  }

  @Override
  public Invite createInvite() {
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    String code = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    long now = System.currentTimeMillis();
    db.write(
        "make an invitation",
        h -> h.execute("INSERT INTO invites (code, created_at) VALUES (?, ?)", code, now));
    return new Invite(code, Instant.ofEpochMilli(now), null);
  }

  @Override
  public List<Invite> invites() {
    return db.read(
        "read the invitations",
        h ->
            h.createQuery("SELECT code, created_at, used_by FROM invites ORDER BY created_at DESC")
                .map(
                    (rs, ctx) -> {
                      long used = rs.getLong(3);
                      return new Invite(
                          rs.getString(1),
                          Instant.ofEpochMilli(rs.getLong(2)),
                          rs.wasNull() ? null : used);
                    })
                .list());
  }

  @Override
  public boolean useInvite(String code, long userId) {
    return db.write(
            "use the invitation",
            h ->
                h.execute(
                    "UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_at IS NULL",
                    userId,
                    System.currentTimeMillis(),
                    code))
        > 0;
  }

  @Override
  public boolean inviteOpen(String code) {
    return code != null
        && db.read(
            "read the invitation",
            h ->
                h.createQuery("SELECT count(*) FROM invites WHERE code = ? AND used_at IS NULL")
                        .bind(0, code)
                        .mapTo(Integer.class)
                        .one()
                    > 0);
  }

  @Override
  public long report(long workId, Long commentId, long reporterId, String reason) {
    return db.write(
        "save the report",
        h ->
            h.createUpdate(
                    "INSERT INTO reports (work_id, comment_id, reporter_id, reason, created_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .bind(0, workId)
                .bind(1, commentId)
                .bind(2, reporterId)
                .bind(3, reason)
                .bind(4, System.currentTimeMillis())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<Report> reports(int limit) {
    return db.read(
        "read the reports",
        h ->
            h.createQuery("SELECT * FROM reports ORDER BY resolved, id DESC LIMIT ?")
                .bind(0, Math.max(0, Math.min(limit, 500)))
                .map(
                    (rs, ctx) -> {
                      long comment = rs.getLong("comment_id");
                      boolean noComment = rs.wasNull();
                      long reporter = rs.getLong("reporter_id");
                      boolean noReporter = rs.wasNull();
                      return new Report(
                          rs.getLong("id"),
                          rs.getLong("work_id"),
                          noComment ? null : comment,
                          noReporter ? null : reporter,
                          rs.getString("reason"),
                          Instant.ofEpochMilli(rs.getLong("created_at")),
                          rs.getInt("resolved") != 0);
                    })
                .list());
  }

  @Override
  public void resolveReport(long id) {
    db.write(
        "resolve the report", h -> h.execute("UPDATE reports SET resolved = 1 WHERE id = ?", id));
  }

  @Override
  public long openReports() {
    return db.read(
        "count the reports",
        h ->
            h.createQuery("SELECT count(*) FROM reports WHERE resolved = 0")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public List<TagUse> tagsInUse(TagType type, int limit) {
    return db.read(
        "list the tags in use",
        h ->
            h.createQuery(
                    "SELECT t.type, t.name, count(*) AS n FROM work_tags wt JOIN tags t"
                        + " ON t.id = wt.tag_id WHERE wt.provenance <> 'rejected'"
                        + (type == null ? "" : " AND t.type = :type")
                        + " GROUP BY t.id ORDER BY n DESC, t.name LIMIT :limit")
                .bind("type", type == null ? "" : type.key())
                .bind("limit", Math.max(0, Math.min(limit, 5_000)))
                .map(
                    (rs, ctx) ->
                        new TagUse(TagType.fromKey(rs.getString(1)), rs.getString(2), rs.getInt(3)))
                .list());
  }

  @Override
  public List<AccountStore.User> users(int offset, int limit) {
    return db.read(
        "list the accounts",
        h ->
            h.createQuery("SELECT * FROM users ORDER BY id LIMIT ? OFFSET ?")
                .bind(0, Math.max(0, Math.min(limit, 500)))
                .bind(1, Math.max(0, offset))
                .map((rs, ctx) -> JdbiAccountStore.user(rs))
                .list());
  }

  @Override
  public void setRole(long userId, AccountStore.Role role) {
    db.write(
        "change the account's role",
        h -> h.execute("UPDATE users SET role = ? WHERE id = ?", role.key(), userId));
  }
}

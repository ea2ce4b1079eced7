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
    return new Invite(code, Instant.ofEpochMilli(now), null, null);
  }

  @Override
  public List<Invite> invites() {
    return db.read(
        "read the invitations",
        h ->
            h.createQuery(
                    "SELECT code, created_at, used_at, used_by FROM invites"
                        + " ORDER BY created_at DESC")
                .map(
                    (rs, ctx) -> {
                      // wasNull() speaks of the column read last: read each nullable one, then
                      // ask at once.
                      long usedAt = rs.getLong(3);
                      Instant at = rs.wasNull() ? null : Instant.ofEpochMilli(usedAt);
                      long usedBy = rs.getLong(4);
                      Long by = rs.wasNull() ? null : usedBy;
                      return new Invite(
                          rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), at, by);
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
  public boolean revokeInvite(String code) {
    return db.write(
            "withdraw the invitation",
            h -> h.execute("DELETE FROM invites WHERE code = ? AND used_at IS NULL", code))
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
  public Filed report(long workId, Long commentId, long reporterId, String reason) {
    return db.write(
        "save the report",
        h -> {
          var same =
              h.createQuery(
                      "SELECT id FROM reports WHERE work_id = ? AND reporter_id = ? AND resolved = 0"
                          + (commentId == null ? " AND comment_id IS NULL" : " AND comment_id = ?")
                          + " ORDER BY id LIMIT 1")
                  .bind(0, workId)
                  .bind(1, reporterId);
          if (commentId != null) {
            same.bind(2, commentId);
          }
          java.util.Optional<Long> open = same.mapTo(Long.class).findOne();
          if (open.isPresent()) {
            h.execute("UPDATE reports SET reason = ? WHERE id = ?", reason, open.get());
            return new Filed(open.get(), true);
          }
          long id =
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
                  .one();
          return new Filed(id, false);
        });
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
  public List<TagName> tagsStartingWith(String prefix, boolean member, int limit) {
    // The typed words, as tag words are kept; each must start a word of the name ("tara m" finds
    // "Tara Maclay"). The longest picks the candidates, at most CANDIDATES of them, from the
    // index of words; the others filter those.
    List<String> typed = new java.util.ArrayList<>(JdbiWorkStore.tagWords(prefix));
    if (typed.isEmpty() || limit <= 0) {
      return List.of();
    }
    if (typed.size() > 4) {
      typed = typed.subList(0, 4);
    }
    String lead = typed.stream().max(java.util.Comparator.comparingInt(String::length)).get();
    List<String> rest = new java.util.ArrayList<>(typed);
    rest.remove(lead);
    StringBuilder sql =
        new StringBuilder(
            // DISTINCT: two words of one name can start with the same letters ("st": Tony
            // Stark/Steve Rogers).
            "SELECT t.type, t.name FROM (SELECT DISTINCT tag_id FROM (SELECT tag_id FROM tag_words"
                + " WHERE word >= :w AND word < :wEnd ORDER BY word, tag_id LIMIT "
                + CANDIDATES
                + ") x) c JOIN tags t ON t.id = c.tag_id WHERE");
    for (int k = 0; k < rest.size(); k++) {
      sql.append(" EXISTS (SELECT 1 FROM tag_words o WHERE o.tag_id = t.id AND o.word >= :o")
          .append(k)
          .append(" AND o.word < :oEnd")
          .append(k)
          .append(") AND");
    }
    sql.append(
        " EXISTS (SELECT 1 FROM work_tags wt JOIN works w ON w.id = wt.work_id"
            + " WHERE wt.tag_id = t.id AND wt.provenance <> 'rejected'"
            + " AND w.visibility IN (:public, :restricted))"
            + " ORDER BY CASE WHEN lower(t.name) LIKE :p ESCAPE '!' THEN 0 ELSE 1 END,"
            + " length(t.name), t.name LIMIT :limit");
    String whole = likeEscaped(prefix.strip().toLowerCase(java.util.Locale.ROOT));
    List<String> others = rest;
    return db.read(
        "suggest tags",
        h -> {
          var q =
              h.createQuery(sql.toString())
                  .bind("w", lead)
                  .bind("wEnd", lead + "\uffff")
                  .bind("p", whole + "%")
                  .bind("limit", Math.min(limit, 50));
          bindAudience(q, member);
          for (int k = 0; k < others.size(); k++) {
            q.bind("o" + k, others.get(k)).bind("oEnd" + k, others.get(k) + "\uffff");
          }
          return q.map((rs, ctx) -> new TagName(TagType.fromKey(rs.getString(1)), rs.getString(2)))
              .list();
        });
  }

  /** Binds {@code :public} and {@code :restricted}: the visibilities a searcher may see. */
  private static org.jdbi.v3.core.statement.Query bindAudience(
      org.jdbi.v3.core.statement.Query q, boolean member) {
    return q.bind("public", org.quire.model.Visibility.PUBLIC.key())
        .bind(
            "restricted",
            member
                ? org.quire.model.Visibility.RESTRICTED.key()
                : org.quire.model.Visibility.PUBLIC.key());
  }

  /** Tags looked at per suggestion, at most: a short prefix of a common word starts thousands. */
  static final int CANDIDATES = 2_000;

  /** A LIKE pattern's literal text: its wildcards and the escape character escaped with "!". */
  private static String likeEscaped(String s) {
    return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  @Override
  public List<TagType> typesOf(String name, boolean member) {
    return db.read(
        "find the kinds of a tag",
        h ->
            bindAudience(
                    h.createQuery(
                        "SELECT t.type FROM tags t JOIN work_tags wt ON wt.tag_id = t.id"
                            + " JOIN works w ON w.id = wt.work_id"
                            + " WHERE t.type IN (<types>) AND lower(t.name) = lower(:name)"
                            + " AND wt.provenance <> 'rejected' AND w.visibility IN (:public, :restricted)"
                            + " GROUP BY t.type ORDER BY count(*) DESC, t.type"),
                    member)
                .bindList(
                    "types", java.util.Arrays.stream(TagType.values()).map(TagType::key).toList())
                .bind("name", name.strip())
                .map((rs, ctx) -> TagType.fromKey(rs.getString(1)))
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

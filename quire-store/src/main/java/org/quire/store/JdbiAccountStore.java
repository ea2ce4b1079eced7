package org.quire.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** {@link AccountStore} over the same database (and the same writer lock) as the works. */
final class JdbiAccountStore implements AccountStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Db db;

  JdbiAccountStore(Db db) {
    this.db = db;
  }

  static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  @Override
  public User createUser(String name, String email, String passwordHash, Role role) {
    return write("create the account " + name, h -> insertUser(h, name, email, passwordHash, role));
  }

  @Override
  public User signUp(String name, String email, String passwordHash) {
    return write(
        "create the account " + name,
        h -> {
          accountsLock(h);
          boolean first = h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one() == 0;
          return insertUser(h, name, email, passwordHash, first ? Role.ADMIN : Role.MEMBER);
        });
  }

  /**
   * Serialises making accounts across processes on PostgreSQL (one process's writes are serialised
   * already): two web nodes would otherwise both see no account yet, or both see an email address
   * free. Held until the transaction ends.
   */
  private static void accountsLock(org.jdbi.v3.core.Handle h) {
    try {
      if (h.getConnection().getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
        h.createQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(7070)) AS l")
            .mapTo(Integer.class)
            .one();
      }
    } catch (java.sql.SQLException e) {
      throw new StoreException("Could not make the account: " + e.getMessage(), e);
    }
  }

  private static User insertUser(
      org.jdbi.v3.core.Handle h, String name, String email, String passwordHash, Role role) {
    accountsLock(h);
    long now = System.currentTimeMillis();
    if (h.createQuery("SELECT count(*) FROM users WHERE name_key = ?")
            .bind(0, nameKey(name))
            .mapTo(Long.class)
            .one()
        > 0) {
      throw new StoreException("The name \"" + name.strip() + "\" is taken.", null);
    }
    // One account per address: log-in and password resets by address find exactly one.
    if (email != null
        && h.createQuery("SELECT count(*) FROM users WHERE lower(email) = lower(?)")
                .bind(0, email.strip())
                .mapTo(Long.class)
                .one()
            > 0) {
      throw new StoreException("That email address belongs to another account.", null);
    }
    long id =
        h.createUpdate(
                "INSERT INTO users (name, name_key, email, password_hash, role, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")
            .bind(0, name.strip())
            .bind(1, nameKey(name))
            .bind(2, email)
            .bind(3, passwordHash)
            .bind(4, role.key())
            .bind(5, now)
            .executeAndReturnGeneratedKeys("id")
            .mapTo(Long.class)
            .one();
    return new User(id, name.strip(), email, passwordHash, role, Instant.ofEpochMilli(now));
  }

  @Override
  public Optional<User> user(long id) {
    return read("SELECT * FROM users WHERE id = ?", id);
  }

  @Override
  public Optional<User> userByName(String name) {
    return read("SELECT * FROM users WHERE name_key = ?", nameKey(name));
  }

  private Optional<User> read(String sql, Object arg) {
    return call(h -> h.createQuery(sql).bind(0, arg).map((rs, ctx) -> user(rs)).findOne());
  }

  static User user(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("email"),
        rs.getString("password_hash"),
        Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }

  @Override
  public Optional<User> userByEmail(String email) {
    if (email == null || email.length() > 200) {
      return Optional.empty();
    }
    List<User> found =
        call(
            h ->
                h.createQuery("SELECT * FROM users WHERE lower(email) = lower(?) LIMIT 2")
                    .bind(0, email.strip())
                    .map((rs, ctx) -> user(rs))
                    .list());
    return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
  }

  @Override
  public long countAdmins() {
    return call(
        h ->
            h.createQuery("SELECT count(*) FROM users WHERE role = 'admin'")
                .mapTo(Long.class)
                .one());
  }

  @Override
  public long countUsers() {
    return call(h -> h.createQuery("SELECT count(*) FROM users").mapTo(Long.class).one());
  }

  @Override
  public void setPassword(long userId, String passwordHash) {
    write(
        "change the password",
        h -> h.execute("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, userId));
  }

  @Override
  public List<Long> deleteUser(long userId) {
    return write(
        "delete the account",
        h -> {
          String name =
              h.createQuery("SELECT name FROM users WHERE id = ?")
                  .bind(0, userId)
                  .mapTo(String.class)
                  .findOne()
                  .orElse(null);
          List<Long> works =
              h.createQuery(
                      "SELECT work_id FROM work_creators WHERE user_id = ? AND accepted = 1"
                          + " UNION SELECT id FROM works WHERE owner_id = ? ORDER BY 1")
                  .bind(0, userId)
                  .bind(1, userId)
                  .mapTo(Long.class)
                  .list();
          long now = System.currentTimeMillis();
          for (long w : works) {
            h.execute(
                "UPDATE work_authors SET name = 'orphan_account' WHERE work_id = ? AND name = ?",
                w,
                name);
            oneOrphan(h, w);
            h.execute("UPDATE works SET updated_at = ? WHERE id = ?", now, w);
          }
          h.execute("DELETE FROM work_creators WHERE user_id = ?", userId);
          if (name != null) {
            h.execute(
                "DELETE FROM subscriptions WHERE kind = 'author' AND lower(value) = lower(?)",
                name);
          }
          h.execute("DELETE FROM sessions WHERE user_id = ?", userId);
          // Comments keep their place in threads, without the text or the name.
          h.execute("UPDATE comments SET body = '', deleted = 1 WHERE user_id = ?", userId);
          h.execute("UPDATE works SET owner_id = NULL WHERE owner_id = ?", userId);
          works.forEach(w -> dropInvitationsIfOrphaned(h, w));
          h.execute("DELETE FROM users WHERE id = ?", userId);
          return works;
        });
  }

  @Override
  public Session createSession(long userId, Duration lifetime) {
    String token = random();
    String csrf = random();
    long now = System.currentTimeMillis();
    Instant expires = Instant.ofEpochMilli(now).plus(lifetime);
    write(
        "start a session",
        h -> {
          // Expired sessions are swept whenever a new one starts.
          h.execute("DELETE FROM sessions WHERE expires_at < ?", now);
          return h.execute(
              "INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at)"
                  + " VALUES (?, ?, ?, ?, ?)",
              hash(token),
              userId,
              csrf,
              now,
              expires.toEpochMilli());
        });
    return new Session(token, userId, csrf, expires);
  }

  @Override
  public Optional<Session> session(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    long now = System.currentTimeMillis();
    return call(
        h ->
            h.createQuery(
                    "SELECT user_id, csrf, expires_at FROM sessions"
                        + " WHERE token_hash = ? AND expires_at > ?")
                .bind(0, hash(token))
                .bind(1, now)
                .map(
                    (rs, ctx) ->
                        new Session(
                            token,
                            rs.getLong(1),
                            rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3))))
                .findOne());
  }

  @Override
  public void deleteSession(String token) {
    write(
        "end the session",
        h -> h.execute("DELETE FROM sessions WHERE token_hash = ?", hash(token)));
  }

  @Override
  public void deleteSessions(long userId) {
    write(
        "end the sessions",
        h -> {
          h.execute("DELETE FROM api_tokens WHERE user_id = ?", userId);
          return h.execute("DELETE FROM sessions WHERE user_id = ?", userId);
        });
  }

  @Override
  public void setOwner(long workId, long userId) {
    write(
        "record the work's owner",
        h -> h.execute("UPDATE works SET owner_id = ? WHERE id = ?", userId, workId));
  }

  @Override
  public Optional<Long> owner(long workId) {
    return call(
        h ->
            h.createQuery("SELECT owner_id FROM works WHERE id = ? AND owner_id IS NOT NULL")
                .bind(0, workId)
                .mapTo(Long.class)
                .findOne());
  }

  @Override
  public String createToken(long userId, String name) {
    String token = "qt_" + random();
    write(
        "make the API token",
        h ->
            h.execute(
                "INSERT INTO api_tokens (user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)",
                userId,
                name,
                hash(token),
                System.currentTimeMillis()));
    return token;
  }

  @Override
  public java.util.List<ApiToken> tokens(long userId) {
    return call(
        h ->
            h.createQuery(
                    "SELECT id, name, created_at, last_used FROM api_tokens WHERE user_id = ?"
                        + " ORDER BY id")
                .bind(0, userId)
                .map(
                    (rs, ctx) -> {
                      long used = rs.getLong(4);
                      return new ApiToken(
                          rs.getLong(1),
                          rs.getString(2),
                          Instant.ofEpochMilli(rs.getLong(3)),
                          rs.wasNull() ? null : Instant.ofEpochMilli(used));
                    })
                .list());
  }

  @Override
  public boolean revokeToken(long userId, long tokenId) {
    return write(
            "revoke the API token",
            h -> h.execute("DELETE FROM api_tokens WHERE id = ? AND user_id = ?", tokenId, userId))
        > 0;
  }

  @Override
  public String createPasswordReset(long userId, Duration lifetime) {
    String secret = "qr_" + random();
    long now = System.currentTimeMillis();
    write(
        "make the password reset link",
        h -> {
          h.execute("DELETE FROM password_resets WHERE user_id = ? OR expires_at < ?", userId, now);
          return h.execute(
              "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at)"
                  + " VALUES (?, ?, ?, ?)",
              hash(secret),
              userId,
              now,
              now + lifetime.toMillis());
        });
    return secret;
  }

  @Override
  public Optional<User> passwordResetUser(String secret) {
    if (secret == null || secret.length() > 100) {
      return Optional.empty();
    }
    Optional<Long> uid =
        call(
            h ->
                h.createQuery(
                        "SELECT user_id FROM password_resets WHERE token_hash = ? AND expires_at > ?")
                    .bind(0, hash(secret))
                    .bind(1, System.currentTimeMillis())
                    .mapTo(Long.class)
                    .findOne());
    return uid.flatMap(this::user);
  }

  @Override
  public boolean resetPassword(String secret, String passwordHash) {
    if (secret == null || secret.length() > 100) {
      return false;
    }
    String hashed = hash(secret);
    return write(
        "reset the password",
        h -> {
          Optional<Long> uid =
              h.createQuery(
                      "SELECT user_id FROM password_resets WHERE token_hash = ? AND expires_at > ?")
                  .bind(0, hashed)
                  .bind(1, System.currentTimeMillis())
                  .mapTo(Long.class)
                  .findOne();
          if (uid.isEmpty()) {
            return false;
          }
          h.execute("UPDATE users SET password_hash = ? WHERE id = ?", passwordHash, uid.get());
          h.execute("DELETE FROM password_resets WHERE user_id = ?", uid.get());
          h.execute("DELETE FROM sessions WHERE user_id = ?", uid.get());
          // Whoever had the account before its owner got it back keeps no way in.
          h.execute("DELETE FROM api_tokens WHERE user_id = ?", uid.get());
          return true;
        });
  }

  @Override
  public Optional<User> userByToken(String token) {
    if (token == null || token.length() > 100) {
      return Optional.empty();
    }
    String hashed = hash(token);
    Optional<long[]> row =
        call(
            h ->
                h.createQuery(
                        "SELECT user_id, coalesce(last_used, 0) FROM api_tokens WHERE token_hash = ?")
                    .bind(0, hashed)
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .findOne());
    if (row.isEmpty()) {
      return Optional.empty();
    }
    long now = System.currentTimeMillis();
    // "Last used" to the minute is enough; a write per API request would queue behind imports.
    if (now - row.get()[1] > 60_000) {
      write(
          "note the token's use",
          h -> h.execute("UPDATE api_tokens SET last_used = ? WHERE token_hash = ?", now, hashed));
    }
    Optional<Long> uid = Optional.of(row.get()[0]);
    return user(uid.get());
  }

  @Override
  public void inviteCreator(long workId, long userId) {
    write(
        "invite the co-author",
        h ->
            h.execute(
                "INSERT INTO work_creators (work_id, user_id, accepted) VALUES (?, ?, 0)"
                    + " ON CONFLICT DO NOTHING",
                workId,
                userId));
  }

  @Override
  public boolean acceptCreator(long workId, long userId) {
    return db.write(
            "accept the invitation",
            h ->
                h.execute(
                    "UPDATE work_creators SET accepted = 1"
                        + " WHERE work_id = ? AND user_id = ? AND accepted = 0",
                    workId,
                    userId))
        > 0;
  }

  @Override
  public List<Long> invitedCreators(long workId) {
    return invitations("user_id", "work_id", workId, "");
  }

  @Override
  public List<Long> creatorInvitations(long userId) {
    return invitations("work_id", "user_id", userId, " DESC");
  }

  /** One side of the open invitations whose other side is {@code id} (column names are ours). */
  private List<Long> invitations(String listed, String given, long id, String order) {
    return call(
        h ->
            h.createQuery(
                    "SELECT "
                        + listed
                        + " FROM work_creators WHERE "
                        + given
                        + " = ? AND accepted = 0 ORDER BY "
                        + listed
                        + order)
                .bind(0, id)
                .mapTo(Long.class)
                .list());
  }

  @Override
  public boolean isCreator(long workId, long userId) {
    return call(
        h ->
            h.createQuery(
                        "SELECT (SELECT count(*) FROM works WHERE id = :w AND owner_id = :u)"
                            + " + (SELECT count(*) FROM work_creators WHERE work_id = :w"
                            + " AND user_id = :u AND accepted = 1)")
                    .bind("w", workId)
                    .bind("u", userId)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public boolean removeCreator(long workId, long userId) {
    return db.write(
            "take the co-author off the work",
            h ->
                h.execute(
                    "DELETE FROM work_creators WHERE work_id = ? AND user_id = ?", workId, userId))
        > 0;
  }

  @Override
  public boolean bylinesUnownedWork(String name) {
    return call(
            h ->
                h.createQuery(
                        "SELECT count(*) FROM (SELECT 1 FROM work_authors a"
                            + " JOIN works w ON w.id = a.work_id"
                            + " WHERE lower(a.name) = lower(:n) AND w.owner_id IS NULL"
                            + " AND NOT EXISTS (SELECT 1 FROM work_creators c"
                            + " WHERE c.work_id = w.id AND c.accepted = 1) LIMIT 1) x")
                    .bind("n", name.strip())
                    .mapTo(Long.class)
                    .one())
        > 0;
  }

  @Override
  public List<Long> creators(long workId) {
    return call(
        h ->
            h.createQuery(
                    "SELECT owner_id FROM works WHERE id = :w AND owner_id IS NOT NULL"
                        + " UNION SELECT user_id FROM work_creators WHERE work_id = :w"
                        + " AND accepted = 1 ORDER BY 1")
                .bind("w", workId)
                .mapTo(Long.class)
                .list());
  }

  @Override
  public void orphan(long workId, long userId) {
    write(
        "orphan the work",
        h -> {
          String name =
              h.createQuery("SELECT name FROM users WHERE id = ?")
                  .bind(0, userId)
                  .mapTo(String.class)
                  .findOne()
                  .orElse("");
          h.execute(
              "UPDATE works SET owner_id = NULL WHERE id = ? AND owner_id = ?", workId, userId);
          h.execute("DELETE FROM work_creators WHERE work_id = ? AND user_id = ?", workId, userId);
          dropInvitationsIfOrphaned(h, workId);
          h.execute(
              "UPDATE work_authors SET name = 'orphan_account' WHERE work_id = ? AND name = ?",
              workId,
              name);
          oneOrphan(h, workId);
          return h.execute(
              "UPDATE works SET updated_at = ? WHERE id = ?", System.currentTimeMillis(), workId);
        });
  }

  /** A work nobody keeps any more has nobody to stand behind its open invitations. */
  private static void dropInvitationsIfOrphaned(org.jdbi.v3.core.Handle h, long workId) {
    String orphaned =
        " AND NOT EXISTS (SELECT 1 FROM works WHERE id = ? AND owner_id IS NOT NULL)"
            + " AND NOT EXISTS (SELECT 1 FROM work_creators WHERE work_id = ? AND accepted = 1)";
    // The invitees' messages go with the invitations.
    h.execute(
        "DELETE FROM inbox WHERE work_id = ? AND link = '"
            + INVITATION_LINK
            + "' AND user_id IN (SELECT user_id FROM work_creators WHERE work_id = ?"
            + " AND accepted = 0)"
            + orphaned,
        workId,
        workId,
        workId,
        workId);
    h.execute(
        "DELETE FROM work_creators WHERE work_id = ? AND accepted = 0"
            + " AND NOT EXISTS (SELECT 1 FROM works WHERE id = ? AND owner_id IS NOT NULL)"
            + " AND NOT EXISTS (SELECT 1 FROM work_creators WHERE work_id = ? AND accepted = 1)",
        workId,
        workId,
        workId);
  }

  /** Co-authors who both orphaned a work leave one "orphan_account" in its byline, not two. */
  private static void oneOrphan(org.jdbi.v3.core.Handle h, long workId) {
    h.execute(
        "DELETE FROM work_authors WHERE work_id = ? AND name = 'orphan_account' AND position >"
            + " (SELECT min(position) FROM work_authors WHERE work_id = ? AND name ="
            + " 'orphan_account')",
        workId,
        workId);
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T call(org.jdbi.v3.core.HandleCallback<T, RuntimeException> cb) {
    return db.read("read accounts", cb);
  }

  private <T> T write(String what, org.jdbi.v3.core.HandleCallback<T, RuntimeException> cb) {
    return db.write(what, cb);
  }
}

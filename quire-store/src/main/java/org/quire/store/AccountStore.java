package org.quire.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Accounts, their sessions, and who owns which work. Safe to use from several threads. */
public interface AccountStore {

  /** An archive's roles: members post and read; admins also keep the archive. */
  enum Role {
    MEMBER,
    ADMIN;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * An account.
   *
   * @param id the store's id
   * @param name the name shown on works and comments, as the user wrote it
   * @param email contact address, or null
   * @param passwordHash a PHC-format Argon2id hash
   * @param role what the account may do
   * @param createdAt when the account was made
   */
  record User(
      long id, String name, String email, String passwordHash, Role role, Instant createdAt) {}

  /**
   * A logged-in session.
   *
   * @param token the secret the browser holds (only its hash is stored)
   * @param userId whose session
   * @param csrf the token every form of this session must carry
   * @param expiresAt when it ends
   */
  record Session(String token, long userId, String csrf, Instant expiresAt) {}

  /**
   * Creates an account.
   *
   * @throws StoreException when the name or the email address (compared without case) is taken
   */
  User createUser(String name, String email, String passwordHash, Role role);

  /**
   * Creates an account that signed up: the archive's first account is its admin, every later one a
   * member, decided in the same write as the account is made (two first sign-ups at once make one
   * admin).
   *
   * @throws StoreException when the name or the email address (compared without case) is taken
   */
  User signUp(String name, String email, String passwordHash);

  Optional<User> user(long id);

  /** The account with this name, compared without case. */
  Optional<User> userByName(String name);

  long countUsers();

  /** How many accounts are admins. */
  long countAdmins();

  /** The account with this email address (compared without case), when exactly one has it. */
  Optional<User> userByEmail(String email);

  void setPassword(long userId, String passwordHash);

  /**
   * Deletes an account and everything personal about it: its sessions, name and email. Its works
   * stay in the archive, orphaned as on AO3: no owner, and the account's name in their bylines
   * becomes {@code orphan_account}, so that whoever signs up with the name later takes over
   * nothing; readers following the name stop following it.
   *
   * @return the works whose byline changed (to index again)
   */
  List<Long> deleteUser(long userId);

  /** Starts a session; the returned token is the only copy of the secret. */
  Session createSession(long userId, Duration lifetime);

  /** The live session with this token, if any. */
  Optional<Session> session(String token);

  void deleteSession(String token);

  /**
   * Ends every session of an account and revokes its personal tokens (after a password change:
   * whoever knew the old password may have made one).
   */
  void deleteSessions(long userId);

  /**
   * A personal API token (its secret is never stored).
   *
   * @param id the store's id
   * @param name what the owner called it
   * @param createdAt when it was made
   * @param lastUsed when it last authenticated a request, or null
   */
  record ApiToken(long id, String name, Instant createdAt, Instant lastUsed) {}

  /** Makes a token; the returned secret is the only copy. */
  String createToken(long userId, String name);

  List<ApiToken> tokens(long userId);

  boolean revokeToken(long userId, long tokenId);

  /**
   * Makes a one-time password reset secret for an account, replacing any earlier one.
   *
   * @param lifetime how long the link works
   * @return the secret (only its hash is stored)
   */
  String createPasswordReset(long userId, Duration lifetime);

  /** The account a reset secret belongs to, while it is unused and unexpired. */
  Optional<User> passwordResetUser(String secret);

  /**
   * Sets a new password with a reset secret, once: the secret is spent and every session of the
   * account ends.
   *
   * @return false when the secret is unknown, used or expired
   */
  boolean resetPassword(String secret, String passwordHash);

  /** The account a token belongs to (and notes its use), if the token is valid. */
  Optional<User> userByToken(String token);

  /** Records who posted a work. */
  void setOwner(long workId, long userId);

  /** Who posted a work, when someone did. */
  Optional<Long> owner(long workId);

  /** Where an invitation to co-author a work sends its invitee (the inbox message's link). */
  String INVITATION_LINK = "/account/works#invitations";

  /**
   * Invites an account to co-author a work. It becomes a creator (may edit the work as its poster
   * can) only once it accepts; an account that already is one stays as it is.
   */
  void inviteCreator(long workId, long userId);

  /** Accepts an invitation to co-author a work; false when there was none. */
  boolean acceptCreator(long workId, long userId);

  /** The accounts invited to co-author a work that have not answered yet. */
  List<Long> invitedCreators(long workId);

  /** The works whose creators invited the account to co-author them, not yet answered. */
  List<Long> creatorInvitations(long userId);

  /**
   * Takes a co-author off a work, or withdraws (or declines) an invitation to become one; never the
   * owner. False when the account was neither.
   */
  boolean removeCreator(long workId, long userId);

  /** Whether the account posted the work or is one of its co-authors. */
  boolean isCreator(long workId, long userId);

  /** The accounts that may change a work: its owner and the co-authors who accepted. */
  List<Long> creators(long workId);

  /**
   * Whether a name (compared without case) bylines a work no account may change: an imported one,
   * whose author page an account of that name would otherwise share.
   */
  boolean bylinesUnownedWork(String name);

  /**
   * Gives a work up: the account stops being its poster or co-author, and its name on the byline
   * becomes {@code orphan_account}, as on AO3. The work stays in the archive.
   */
  void orphan(long workId, long userId);
}

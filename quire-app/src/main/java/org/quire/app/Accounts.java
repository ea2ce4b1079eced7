package org.quire.app;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import java.text.Normalizer;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.quire.store.AccountStore;
import org.quire.store.AccountStore.Session;
import org.quire.store.AccountStore.User;

/**
 * Sign-up, log-in and account changes. Passwords are hashed with Argon2id (19 MiB, 2 passes, one
 * lane: OWASP's recommended minimum); a log-in for a name that does not exist still runs one hash
 * so its timing does not tell whether the name exists. The first account made is the archive's
 * admin.
 */
public final class Accounts {
  static final Duration SESSION_LIFETIME = Duration.ofDays(30);
  static final int MIN_PASSWORD = 10;
  static final int MAX_PASSWORD = 200;

  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19_456, 2, 1, 32, Argon2.ID);
  // Checked against when a name is unknown, so both paths cost one Argon2 run.
  private static final String DUMMY_HASH = hash("not a real password, only a timing shield");

  private final AccountStore store;

  public Accounts(AccountStore store) {
    this.store = store;
  }

  static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  static boolean matches(String password, String hash) {
    return Password.check(password, hash).with(ARGON2);
  }

  /**
   * Makes an account.
   *
   * @throws IllegalArgumentException with a message for the form when a field is not acceptable
   * @throws org.quire.store.StoreException when the name is taken
   */
  public User signUp(String name, String email, String password) {
    // Compatibility forms folded (full-width "ＢＯＢ" is "BOB"), so look-alikes meet as one name.
    String n = name == null ? "" : Normalizer.normalize(name, Normalizer.Form.NFKC).strip();
    // Every field is checked, so one answer names every problem, each by its field.
    Map<String, String> problems = new LinkedHashMap<>();
    if (!n.matches("[\\p{L}\\p{N}_.\\- ]{2,40}")) {
      problems.put(
          "name", "A name has 2 to 40 letters, digits, spaces, dots, dashes or underscores.");
    } else if (mixesScripts(n)) {
      problems.put(
          "name",
          "A name's letters come from one alphabet (a Cyrillic \"а\" among Latin letters looks"
              + " like another member's name).");
    } else if (!n.matches(".*[\\p{L}\\p{N}].*")) {
      // ".." would make /authors/.. the archive's front page.
      problems.put("name", "A name has at least one letter or digit.");
    } else if (RESERVED.contains(n.toLowerCase(Locale.ROOT))) {
      problems.put("name", "The name \"" + n + "\" is the archive's own.");
    } else if (store.bylinesUnownedWork(n)) {
      // An account of that name would share their author page and feed, and pass for their author.
      problems.put(
          "name",
          "The name \""
              + n
              + "\" is the byline of works imported into this archive: choose another (if they"
              + " are yours, ask the archive's admin to give them to your account).");
    }
    String e = email == null || email.isBlank() ? null : email.strip();
    if (e != null && (e.length() > 200 || !e.matches("[^@\\s]+@[^@\\s]+"))) {
      problems.put("email", "That does not look like an email address.");
    }
    try {
      checkPassword(password);
    } catch (IllegalArgumentException x) {
      problems.put("password", x.getMessage());
    }
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    try {
      return store.signUp(n, e, hash(password));
    } catch (org.quire.store.StoreException x) {
      String m = x.getMessage() == null ? "" : x.getMessage();
      if (m.contains("is taken")) {
        throw new Refused(Map.of("name", m));
      }
      if (m.contains("email address")) {
        throw new Refused(Map.of("email", m));
      }
      throw x;
    }
  }

  /** A sign-up refused: what is wrong with each field, in the form's order. */
  public static final class Refused extends IllegalArgumentException {
    private final Map<String, String> fields;

    Refused(Map<String, String> fields) {
      super(String.join(" ", fields.values()));
      this.fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Field name to message, in the form's order. */
    public Map<String, String> fields() {
      return fields;
    }
  }

  /** Names that stand for no member: the byline of orphaned works, and a guest. */
  private static final Set<String> RESERVED =
      Set.of("orphan_account", "orphan account", "anonymous");

  /**
   * Whether a name's letters come from more than one script, the way look-alike names are made
   * ("аlice" with a Cyrillic а). Chinese, Japanese and Korean names mix their own scripts freely.
   */
  static boolean mixesScripts(String name) {
    Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
    name.codePoints()
        .filter(Character::isLetter)
        .mapToObj(Character.UnicodeScript::of)
        .map(s -> CJK.contains(s) ? Character.UnicodeScript.HAN : s)
        .filter(s -> s != Character.UnicodeScript.COMMON && s != Character.UnicodeScript.INHERITED)
        .forEach(scripts::add);
    return scripts.size() > 1;
  }

  private static final Set<Character.UnicodeScript> CJK =
      EnumSet.of(
          Character.UnicodeScript.HAN,
          Character.UnicodeScript.HIRAGANA,
          Character.UnicodeScript.KATAKANA,
          Character.UnicodeScript.HANGUL,
          Character.UnicodeScript.BOPOMOFO);

  private static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      throw new IllegalArgumentException(
          "A password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters.");
    }
  }

  /** The account when the name and password match; empty otherwise (never says which was wrong). */
  public Optional<User> logIn(String name, String password) {
    if (name == null
        || password == null
        || password.length() > MAX_PASSWORD
        || name.length() > 100) {
      return Optional.empty();
    }
    Optional<User> u = store.userByName(name);
    if (u.isEmpty() && name.contains("@")) {
      // Or by the account's email address, as AO3's log-in takes either.
      u = store.userByEmail(name.strip());
    }
    boolean ok = matches(password, u.map(User::passwordHash).orElse(DUMMY_HASH));
    return ok ? u : Optional.empty();
  }

  public Session startSession(User u) {
    return store.createSession(u.id(), SESSION_LIFETIME);
  }

  /** The user of a live session. */
  public Optional<User> userOf(Session s) {
    return store.user(s.userId());
  }

  public Optional<Session> session(String token) {
    return store.session(token);
  }

  public void endSession(String token) {
    store.deleteSession(token);
  }

  /**
   * Changes a password and ends every session of the account (the caller starts a new one).
   *
   * @throws IllegalArgumentException when the current password is wrong or the new one too short
   */
  public void changePassword(User u, String current, String next) {
    if (current == null || !matches(current, u.passwordHash())) {
      throw new IllegalArgumentException("The current password is not right.");
    }
    checkPassword(next);
    store.setPassword(u.id(), hash(next));
    store.deleteSessions(u.id());
  }

  /** How long a reset link sent by mail works. */
  static final Duration RESET_BY_MAIL = Duration.ofHours(1);

  /** How long a reset link an admin hands over works. */
  static final Duration RESET_BY_ADMIN = Duration.ofDays(2);

  /**
   * A reader forgot their password: when an account has this name or email address and an email
   * address, writes a mail with a one-time link into {@code outbox} (the host's mail system sends
   * what lands there). Says nothing either way, so nobody learns which names or addresses exist.
   *
   * @param nameOrEmail what the reader typed
   * @param linkBase the archive's address, such as {@code https://archive.example}
   * @param outbox the directory mails are written to
   */
  public void requestReset(String nameOrEmail, String linkBase, java.nio.file.Path outbox) {
    requestReset(nameOrEmail, linkBase, outbox, "Quire");
  }

  /** The same, the mail signed with the archive's name. */
  public void requestReset(
      String nameOrEmail, String linkBase, java.nio.file.Path outbox, String siteName) {
    if (nameOrEmail == null || nameOrEmail.isBlank() || nameOrEmail.length() > 200) {
      return;
    }
    String key = nameOrEmail.strip();
    Optional<User> u = store.userByName(key);
    if (u.isEmpty() && key.contains("@")) {
      u = store.userByEmail(key);
    }
    if (u.isEmpty() || u.get().email() == null) {
      return;
    }
    String secret = store.createPasswordReset(u.get().id(), RESET_BY_MAIL);
    String mail =
        from(linkBase, siteName)
            + "To: "
            + u.get().email()
            + "\r\nDate: "
            + java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC))
            + "\r\nSubject: Choose a new password\r\nMIME-Version: 1.0"
            + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
            + "Someone (we hope you) asked to choose a new password for "
            + u.get().name()
            + ".\r\nThis link works once, for one hour:\r\n\r\n"
            + linkBase
            + "/reset/"
            + secret
            + "\r\n\r\nIf it was not you, ignore this mail: your password stays as it is.\r\n";
    try {
      java.nio.file.Files.createDirectories(outbox);
      // Named by time, so a mailer (and a person) can send them in order.
      java.time.Instant now = java.time.Instant.now();
      String stamp = String.format("%d%09d", now.getEpochSecond(), now.getNano());
      java.nio.file.Path tmp =
          java.nio.file.Files.createTempFile(outbox, "reset-" + stamp + "-", ".tmp");
      java.nio.file.Files.writeString(tmp, mail);
      // Renamed into place whole, so a mailer watching the directory never sends half a mail.
      java.nio.file.Files.move(
          tmp,
          outbox.resolve(tmp.getFileName().toString().replace(".tmp", ".eml")),
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (java.io.IOException e) {
      throw new org.quire.model.QuireException(
          "Could not write the reset mail to " + outbox + ": " + e.getMessage(), e);
    }
  }

  /**
   * A From line at the archive's own host when its public address is known (a mailer given none
   * puts the sending account's address there itself).
   */
  public static String from(String linkBase) {
    return from(linkBase, "Quire");
  }

  /**
   * The same, named after the archive: a name in plain ASCII quoted, any other as an RFC 2047
   * encoded word; line breaks and control characters (a header's way out) never reach the mail.
   */
  public static String from(String linkBase, String siteName) {
    try {
      String host = linkBase == null ? null : java.net.URI.create(linkBase).getHost();
      if (host == null || !host.matches("[A-Za-z0-9.-]+")) {
        return "";
      }
      String name = siteName == null ? "" : siteName.replaceAll("\\p{Cntrl}", " ").strip();
      if (name.isEmpty()) {
        name = "Quire";
      }
      String shown =
          name.matches("[\\x20-\\x7e]+")
              ? "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
              : "=?UTF-8?B?"
                  + java.util.Base64.getEncoder()
                      .encodeToString(name.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                  + "?=";
      return "From: " + shown + " <noreply@" + host + ">\r\n";
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  /** A reset link an admin hands to the account's owner (for archives without mail). */
  public String adminReset(User u) {
    return store.createPasswordReset(u.id(), RESET_BY_ADMIN);
  }

  /** The account a reset link is for, while it works. */
  public Optional<User> resetUser(String secret) {
    return store.passwordResetUser(secret);
  }

  /**
   * Chooses a new password with a reset link; ends every session of the account.
   *
   * @throws IllegalArgumentException when the password is unacceptable or the link does not work
   */
  public void resetPassword(String secret, String password) {
    checkPassword(password);
    if (!store.resetPassword(secret, hash(password))) {
      throw new IllegalArgumentException("This link does not work any more: ask for a new one.");
    }
  }

  /**
   * Deletes an account and its personal data; its works stay, orphaned (see {@link
   * AccountStore#deleteUser}).
   *
   * @return the works whose byline changed, to index again
   * @throws IllegalArgumentException when the password is wrong
   */
  public List<Long> delete(User u, String password) {
    if (password == null || !matches(password, u.passwordHash())) {
      throw new IllegalArgumentException("The password is not right.");
    }
    if (u.role() == AccountStore.Role.ADMIN && store.countAdmins() <= 1) {
      throw new IllegalArgumentException(
          "You are the archive's only admin: make another account an admin first (on the"
              + " accounts page), or nobody can keep the archive.");
    }
    return store.deleteUser(u.id());
  }
}

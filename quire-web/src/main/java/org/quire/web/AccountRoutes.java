package org.quire.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.quire.app.Accounts;
import org.quire.app.Quire;
import org.quire.store.AccountStore;
import org.quire.store.StoreException;

/**
 * Sign up, log in, log out, change password, delete account; and the two filters every request
 * passes: who is asking (session cookie), and, for every POST, the CSRF token check.
 */
final class AccountRoutes {
  static final String SESSION_COOKIE = "quire_session";
  static final String CSRF_COOKIE = "quire_csrf";
  // Tokens come from a per-thread DRBG (seeded from the system source), drawn 32 tokens at a
  // time: the shared default generator took a lock and a system call per token, and a DRBG's
  // cost is mostly per call, not per byte (each showed in a new visitor's profile).
  private static final ThreadLocal<TokenBytes> RANDOM = ThreadLocal.withInitial(TokenBytes::new);

  private static final class TokenBytes {
    private final SecureRandom random = newRandom();
    private final byte[] buffer = new byte[32 * 32];
    private int at = buffer.length;

    void next(byte[] out) {
      if (at + out.length > buffer.length) {
        random.nextBytes(buffer);
        at = 0;
      }
      System.arraycopy(buffer, at, out, 0, out.length);
      java.util.Arrays.fill(buffer, at, at + out.length, (byte) 0); // handed out once only
      at += out.length;
    }

    private static SecureRandom newRandom() {
      try {
        return SecureRandom.getInstance("DRBG");
      } catch (java.security.NoSuchAlgorithmException e) {
        return new SecureRandom();
      }
    }
  }

  private final Quire quire;
  private final QuireWeb web;
  private final LoginLimiter limiter = new LoginLimiter();

  /**
   * Accounts made from one address: enough for a household or a school behind one address, too few
   * to fill the archive with accounts (each costs an Argon2 hash to make).
   */
  static final int SIGNUPS_PER_ADDRESS_AND_HOUR = 60;

  private final LoginLimiter signups =
      new LoginLimiter(
          Integer.MAX_VALUE, SIGNUPS_PER_ADDRESS_AND_HOUR, Integer.MAX_VALUE, 60 * 60 * 1000L);
  // Reset requests are limited apart from log-ins: asking for links must not lock anyone out.
  private final LoginLimiter resetLimiter = new LoginLimiter();

  AccountRoutes(Quire quire, QuireWeb web) {
    this.quire = quire;
    this.web = web;
  }

  private Accounts accounts() {
    return quire.accounts();
  }

  /** Before every request: who is asking, and a CSRF token for their forms. */
  void identify(Context ctx) {
    String path = ctx.path();
    if (path.startsWith("/assets/")
        || path.startsWith("/api/")
        || path.startsWith("/feeds/")
        || path.startsWith("/opds")
        || path.equals("/health")) {
      // Machine-read routes: no session lookups, no cookies.
      return;
    }
    String token = ctx.cookie(SESSION_COOKIE);
    if (token != null) {
      Optional<AccountStore.Session> s = accounts().session(token);
      Optional<AccountStore.User> u = s.flatMap(accounts()::userOf);
      if (u.isPresent()) {
        ctx.attribute(Viewer.ATTRIBUTE, new Viewer(u.get(), s.get(), s.get().csrf()));
        return;
      }
    }
    String csrf = ctx.cookie(CSRF_COOKIE);
    if (!validCsrf(csrf)) {
      csrf = random();
      setCookie(ctx, CSRF_COOKIE, csrf, -1, "Strict");
    }
    ctx.attribute(Viewer.ATTRIBUTE, new Viewer(null, null, csrf));
  }

  /** Before every POST: the form must carry this viewer's token. */
  void checkCsrf(Context ctx) {
    // The API authenticates by header only (never a cookie), so a forged cross-site request
    // carries no credentials there: it needs no CSRF token.
    if (ctx.method() != HandlerType.POST || ctx.path().startsWith("/api/")) {
      return;
    }
    String sent = ctx.formParam("csrf");
    String expected = Viewer.of(ctx).csrf();
    if (sent == null
        || expected.isEmpty()
        || !MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
      throw new ForbiddenResponse(
          "This form has expired or did not come from this site. Reload the page and try again.");
    }
  }

  void signupPage(Context ctx) {
    form(ctx, "signup.jte", "Sign up", null, Map.of());
  }

  /**
   * Whether sign-up is refused now, and why; null when it is allowed. The first account, the admin,
   * can always be made.
   */
  private String signupRefused(String invite) {
    return quire.store().accounts().countUsers() == 0 ? null : registrationRefusal(invite);
  }

  /** Whether the archive's registration setting refuses this sign-up, and why. */
  private String registrationRefusal(String invite) {
    return switch (quire.registration()) {
      case OPEN -> null;
      case CLOSED -> "This archive is not taking new members.";
      case INVITE ->
          quire.store().site().inviteOpen(invite)
              ? null
              : "This archive takes new members by invitation; that invitation is not valid"
                  + " (or was used already).";
    };
  }

  void signup(Context ctx) {
    String name = ctx.formParam("name");
    String invite = ctx.formParam("invite");
    String ip = QuireWeb.clientIp(ctx);
    if (!signups.allowed(ip, "")) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      form(
          ctx,
          "signup.jte",
          "Sign up",
          "Too many sign-ups came from your address lately. Try again in an hour.",
          Map.of("name", name == null ? "" : name));
      return;
    }
    String refused = signupRefused(invite);
    if (refused != null) {
      ctx.status(HttpStatus.FORBIDDEN);
      form(ctx, "signup.jte", "Sign up", refused, Map.of("name", name == null ? "" : name));
      return;
    }
    try {
      // Every attempt that may cost a password hash counts, taken names and all.
      signups.failed(ip, "");
      AccountStore.User u =
          accounts().signUp(name, ctx.formParam("email"), ctx.formParam("password"));
      String late = u.role() == AccountStore.Role.ADMIN ? null : registrationRefusal(invite);
      if (late != null && quire.registration() != Quire.Registration.INVITE) {
        // Let in as the first account, but another sign-up was first: registration applies.
        quire.store().accounts().deleteUser(u.id());
        ctx.status(HttpStatus.FORBIDDEN);
        form(ctx, "signup.jte", "Sign up", late, Map.of("name", name == null ? "" : name));
        return;
      }
      if (quire.registration() == Quire.Registration.INVITE
          && u.role() != AccountStore.Role.ADMIN
          && !quire.store().site().useInvite(invite, u.id())) {
        // Someone else used the invitation in the meantime.
        quire.store().accounts().deleteUser(u.id());
        throw new IllegalArgumentException("That invitation was used already.");
      }
      startSession(ctx, u);
      ctx.redirect("/", HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException | StoreException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      form(
          ctx,
          "signup.jte",
          "Sign up",
          e.getMessage(),
          Map.of("name", name == null ? "" : name),
          e instanceof org.quire.app.Accounts.Refused r ? r.fields() : Map.of());
    }
  }

  void loginPage(Context ctx) {
    form(ctx, "login.jte", "Log in", null, Map.of());
  }

  void login(Context ctx) {
    String name = ctx.formParam("name");
    String ip = QuireWeb.clientIp(ctx);
    if (!limiter.allowed(ip, name)) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      form(
          ctx,
          "login.jte",
          "Log in",
          "Too many failed attempts. Wait a quarter of an hour and try again.",
          Map.of());
      return;
    }
    Optional<AccountStore.User> u = accounts().logIn(name, ctx.formParam("password"));
    if (u.isEmpty()) {
      limiter.failed(ip, name);
      ctx.status(HttpStatus.UNAUTHORIZED);
      form(
          ctx,
          "login.jte",
          "Log in",
          "That name (or email) and password do not match an account.",
          Map.of("name", name == null ? "" : name));
      return;
    }
    limiter.succeeded(ip, name);
    startSession(ctx, u.get());
    ctx.redirect(next(ctx), HttpStatus.SEE_OTHER);
  }

  static final String RESET_SENT =
      "If that account has an email address, a link to choose a new password is on its way. It"
          + " works once, for an hour.";

  void forgotPage(Context ctx) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Forgot your password?", null));
    p.put("notice", "");
    p.put("error", "");
    web.render(ctx, "forgot.jte", p);
  }

  /**
   * The same answer whether or not the account exists, so the form tells nobody which names or
   * addresses are taken; limited per address like log-ins, so it cannot flood anyone's inbox.
   */
  void forgot(Context ctx) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Forgot your password?", null));
    String who = ctx.formParam("who");
    if (!resetLimiter.allowed(QuireWeb.clientIp(ctx), who)) {
      ctx.status(HttpStatus.TOO_MANY_REQUESTS);
      p.put("notice", "");
      p.put("error", "Too many requests. Wait a quarter of an hour and try again.");
      web.render(ctx, "forgot.jte", p);
      return;
    }
    // Counted as a failure so repeated requests are limited; never reset by a success.
    resetLimiter.failed(QuireWeb.clientIp(ctx), who);
    String base = quire.settings().getOrDefault("site.url", "");
    accounts().requestReset(who, base, quire.outbox(), quire.siteName());
    p.put("notice", RESET_SENT);
    p.put("error", "");
    web.render(ctx, "forgot.jte", p);
  }

  void resetPage(Context ctx) {
    resetForm(ctx, "");
  }

  private void resetForm(Context ctx, String error) {
    String secret = ctx.pathParam("secret");
    AccountStore.User u =
        accounts()
            .resetUser(secret)
            .orElseThrow(
                () ->
                    new io.javalin.http.NotFoundResponse(
                        "This link does not work any more: ask for a new one at /forgot."));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Choose a new password", null));
    p.put("name", u.name());
    p.put("secret", secret);
    p.put("error", error);
    web.render(ctx, "reset.jte", p);
  }

  void reset(Context ctx) {
    try {
      accounts().resetPassword(ctx.pathParam("secret"), ctx.formParam("password"));
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      resetForm(ctx, e.getMessage());
      return;
    }
    limiter.forgive(QuireWeb.clientIp(ctx));
    web.back(ctx, "/login", "Your new password is saved. Log in with it.");
  }

  void logout(Context ctx) {
    Viewer v = Viewer.of(ctx);
    if (v.loggedIn()) {
      accounts().endSession(v.session().token());
    }
    setCookie(ctx, SESSION_COOKIE, "", 0, "Lax");
    ctx.redirect("/", HttpStatus.SEE_OTHER);
  }

  void accountPage(Context ctx) {
    requireUser(ctx);
    form(ctx, "account.jte", "Your account", null, Map.of());
  }

  /** Makes a personal API token and shows it once. */
  void createToken(Context ctx) {
    AccountStore.User u = requireUser(ctx);
    String name = ctx.formParam("name");
    if (name == null || name.isBlank() || name.length() > 80) {
      ctx.status(HttpStatus.BAD_REQUEST);
      form(ctx, "account.jte", "Your account", "Name the token (up to 80 characters).", Map.of());
      return;
    }
    if (quire.store().accounts().tokens(u.id()).size() >= 20) {
      ctx.status(HttpStatus.BAD_REQUEST);
      form(ctx, "account.jte", "Your account", "You have 20 tokens; revoke one first.", Map.of());
      return;
    }
    String token = quire.store().accounts().createToken(u.id(), name.strip());
    form(ctx, "account.jte", "Your account", null, Map.of("newToken", token));
  }

  void revokeToken(Context ctx) {
    AccountStore.User u = requireUser(ctx);
    long id = ReaderRoutes.id(ctx, "tid");
    quire.store().accounts().revokeToken(u.id(), id);
    web.back(ctx, "/account#tokens", "The token was revoked.");
  }

  void changePassword(Context ctx) {
    AccountStore.User u = requireUser(ctx);
    try {
      accounts().changePassword(u, ctx.formParam("current"), ctx.formParam("password"));
      startSession(ctx, quire.store().accounts().user(u.id()).orElseThrow());
      ctx.redirect("/account?changed=1", HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      form(ctx, "account.jte", "Your account", e.getMessage(), Map.of());
    }
  }

  void deleteAccount(Context ctx) {
    AccountStore.User u = requireUser(ctx);
    try {
      quire.reindexOrphaned(accounts().delete(u, ctx.formParam("password")));
      setCookie(ctx, SESSION_COOKIE, "", 0, "Lax");
      ctx.redirect("/?deleted=1", HttpStatus.SEE_OTHER);
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      form(ctx, "account.jte", "Your account", e.getMessage(), Map.of());
    }
  }

  /** Thrown where a page needs an account; answered with a redirect to the log-in page. */
  static final class LoginRequired extends RuntimeException {
    /** True when the page is a members-only work (the log-in page then says so). */
    final boolean membersOnly;

    LoginRequired() {
      this(false);
    }

    LoginRequired(boolean membersOnly) {
      super("log in first", null, false, false);
      this.membersOnly = membersOnly;
    }
  }

  /** The logged-in account, or a redirect to the log-in page. */
  static AccountStore.User requireUser(Context ctx) {
    Viewer v = Viewer.of(ctx);
    if (!v.loggedIn()) {
      throw new LoginRequired();
    }
    return v.user();
  }

  private void startSession(Context ctx, AccountStore.User u) {
    AccountStore.Session s = accounts().startSession(u);
    setCookie(ctx, SESSION_COOKIE, s.token(), 30 * 24 * 3600, "Lax");
    ctx.attribute(Viewer.ATTRIBUTE, new Viewer(u, s, s.csrf()));
  }

  /** HttpOnly always; Secure when the request came over TLS (directly or via a proxy). */
  static void setCookie(Context ctx, String name, String value, int maxAge, String sameSite) {
    boolean tls = QuireWeb.overTls(ctx);
    ctx.res().addHeader("Set-Cookie", cookie(name, value, maxAge, sameSite, tls));
  }

  /** A {@code Set-Cookie} value: never readable by scripts, {@code Secure} over TLS. */
  static String cookie(String name, String value, int maxAge, String sameSite, boolean tls) {
    StringBuilder c =
        new StringBuilder(name)
            .append('=')
            .append(value)
            .append("; Path=/; HttpOnly; SameSite=")
            .append(sameSite);
    if (maxAge >= 0) {
      c.append("; Max-Age=").append(maxAge);
    }
    if (tls) {
      c.append("; Secure");
    }
    return c.toString();
  }

  private void form(
      Context ctx, String template, String title, String error, Map<String, String> values) {
    form(ctx, template, title, error, values, Map.of());
  }

  /**
   * A form page; {@code invalid} names the fields that were refused, each with its message (shown
   * beside the field and tied to it, as well as in the summary).
   */
  private void form(
      Context ctx,
      String template,
      String title,
      String error,
      Map<String, String> values,
      Map<String, String> invalid) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("layout", web.layout(ctx, QuireWeb.titled(title, error), null));
    params.put("error", error == null ? "" : error);
    if (template.equals("signup.jte")) {
      // A refused sign-up keeps what was typed (never the password).
      String email = ctx.formParam("email");
      params.put("email", email == null ? "" : email.strip());
      params.put("invalid", invalid);
    }
    params.put("name", values.getOrDefault("name", ""));
    params.put("next", next(ctx));
    String invite =
        ctx.formParam("invite") != null ? ctx.formParam("invite") : ctx.queryParam("invite");
    params.put("invite", invite == null ? "" : invite);
    params.put("registration", quire.registration().key());
    if (template.equals("account.jte")) {
      Viewer v = Viewer.of(ctx);
      params.put(
          "tokens",
          v.loggedIn() ? quire.store().accounts().tokens(v.user().id()) : java.util.List.of());
      params.put("newToken", values.getOrDefault("newToken", ""));
    }
    params.put(
        "notice",
        ctx.queryParam("changed") != null
            ? "Your password was changed. Your other sessions were ended and your personal"
                + " tokens revoked: make new ones for your apps."
            : "members".equals(ctx.queryParam("why"))
                ? "This work is for members of the archive only. Log in to read it."
                : "");
    web.render(ctx, template, params);
  }

  /** Where to go after logging in: a page of this site the visitor was sent from, else home. */
  static String next(Context ctx) {
    String n = ctx.formParam("next");
    if (n == null) {
      n = ctx.queryParam("next");
    }
    return QuireWeb.isLocalPath(n) ? n : "/";
  }

  /** Whether a visitor's token cookie has the shape of one this site made. */
  /**
   * Whether a token from a cookie has the shape of ours: 43 base64url characters. Anything else is
   * replaced, never used: cached pages have the token spliced into their HTML unescaped.
   */
  static boolean validCsrf(String csrf) {
    if (csrf == null || csrf.length() != 43) {
      return false;
    }
    for (int i = 0; i < 43; i++) {
      char c = csrf.charAt(i);
      if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_')) {
        return false;
      }
    }
    return true;
  }

  static String random() {
    byte[] b = new byte[32];
    RANDOM.get().next(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}

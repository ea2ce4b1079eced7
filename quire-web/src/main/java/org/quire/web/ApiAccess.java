package org.quire.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.quire.app.Quire;
import org.quire.store.AccountStore;

/**
 * Who calls the API, and how often. A request may carry {@code Authorization: Bearer TOKEN} (a
 * personal token made on the account page); it then acts as that account (members-only works become
 * visible, writes are allowed). Without one it is a visitor. Requests are counted per token or, for
 * visitors, per address, in one-minute windows; over the limit the answer is 429 with {@code
 * Retry-After}. The API never reads cookies, so it needs no CSRF token.
 */
final class ApiAccess {
  static final String USER = "quire.apiUser";
  static final int TOKEN_LIMIT = 600;
  static final int VISITOR_LIMIT = 120;
  private static final int MAX_KEYS = 100_000;

  private final Quire quire;
  private final Map<String, long[]> windows = new ConcurrentHashMap<>();

  ApiAccess(Quire quire) {
    this.quire = quire;
  }

  /**
   * Thrown for a missing, malformed or revoked token; answered as JSON, with the {@code
   * WWW-Authenticate} challenge HTTP asks of a 401 (RFC 6750's Bearer scheme).
   */
  static final class Unauthorized extends HttpResponseException {
    final String challenge;

    Unauthorized(String message, boolean tokenSent) {
      this(message, "Bearer realm=\"Quire\"" + (tokenSent ? ", error=\"invalid_token\"" : ""));
    }

    Unauthorized(String message, String challenge) {
      super(HttpStatus.UNAUTHORIZED.getCode(), message);
      this.challenge = challenge;
    }
  }

  /** Headers a script on any other site may read from an answer. */
  static final String EXPOSED =
      "ETag, Location, Content-Disposition, Retry-After, X-RateLimit-Limit,"
          + " X-RateLimit-Remaining, WWW-Authenticate";

  /**
   * Before every {@code /api/} request. The API may be called from scripts on other sites (CORS,
   * any origin): it reads no cookies, so a cross-site page can act only with a token it was given.
   */
  void check(Context ctx) {
    if (!ctx.path().startsWith("/api/")) {
      return;
    }
    ctx.header("Access-Control-Allow-Origin", "*");
    ctx.header("Access-Control-Expose-Headers", EXPOSED);
    if (!ctx.path().startsWith("/api/v1/") || ctx.method() == HandlerType.OPTIONS) {
      return; // the description, or a browser's preflight (answered by preflight()): not counted
    }
    String auth = ctx.header("Authorization");
    String key;
    if (auth != null) {
      if (!auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new Unauthorized("Send a personal token as \"Authorization: Bearer TOKEN\".", false);
      }
      AccountStore.User u =
          quire
              .store()
              .accounts()
              .userByToken(auth.substring(7).strip())
              .orElseThrow(
                  () -> new Unauthorized("That token is not valid (or was revoked).", true));
      ctx.attribute(USER, u);
      key = "u:" + u.id();
    } else {
      key = "ip:" + QuireWeb.clientIp(ctx);
    }
    int limit = auth != null ? TOKEN_LIMIT : VISITOR_LIMIT;
    long minute = System.currentTimeMillis() / 60_000;
    if (windows.size() > MAX_KEYS) {
      windows.clear();
    }
    long[] w = windows.computeIfAbsent(key, k -> new long[] {minute, 0});
    int used;
    synchronized (w) {
      if (w[0] != minute) {
        w[0] = minute;
        w[1] = 0;
      }
      used = (int) ++w[1];
    }
    ctx.header("X-RateLimit-Limit", Integer.toString(limit));
    ctx.header("X-RateLimit-Remaining", Integer.toString(Math.max(0, limit - used)));
    if (used > limit) {
      ctx.header("Retry-After", Long.toString(60 - (System.currentTimeMillis() / 1000) % 60));
      throw new HttpResponseException(
          HttpStatus.TOO_MANY_REQUESTS.getCode(),
          "Too many requests: "
              + limit
              + " a minute "
              + (auth != null ? "per token" : "per address")
              + ". Wait a little.");
    }
  }

  /** A browser's CORS preflight for any API address: which methods and headers may follow. */
  static void preflight(Context ctx) {
    ctx.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE");
    ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, If-None-Match");
    ctx.header("Access-Control-Max-Age", "600");
    ctx.status(HttpStatus.NO_CONTENT);
  }

  /** The account calling, or null for a visitor. */
  static AccountStore.User user(Context ctx) {
    return ctx.attribute(USER);
  }

  /** The account calling; a write without a token is refused. */
  static AccountStore.User requireUser(Context ctx) {
    AccountStore.User u = user(ctx);
    if (u == null) {
      throw new Unauthorized("This needs a personal token: make one on your account page.", false);
    }
    return u;
  }
}

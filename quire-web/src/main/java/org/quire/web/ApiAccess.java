package org.quire.web;

import io.javalin.http.Context;
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

  /** Thrown for a missing, malformed or revoked token; answered as JSON. */
  static final class Unauthorized extends HttpResponseException {
    Unauthorized(String message) {
      super(HttpStatus.UNAUTHORIZED.getCode(), message);
    }
  }

  /** Before every {@code /api/} request. */
  void check(Context ctx) {
    if (!ctx.path().startsWith("/api/v1/")) {
      return;
    }
    String auth = ctx.header("Authorization");
    String key;
    if (auth != null) {
      if (!auth.startsWith("Bearer ")) {
        throw new Unauthorized("Send a personal token as \"Authorization: Bearer TOKEN\".");
      }
      AccountStore.User u =
          quire
              .store()
              .accounts()
              .userByToken(auth.substring(7).strip())
              .orElseThrow(() -> new Unauthorized("That token is not valid (or was revoked)."));
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

  /** The account calling, or null for a visitor. */
  static AccountStore.User user(Context ctx) {
    return ctx.attribute(USER);
  }

  /** The account calling; a write without a token is refused. */
  static AccountStore.User requireUser(Context ctx) {
    AccountStore.User u = user(ctx);
    if (u == null) {
      throw new Unauthorized("This needs a personal token: make one on your account page.");
    }
    return u;
  }
}

package org.quire.web;

import io.javalin.http.Context;
import org.quire.store.AccountStore;

/**
 * Who is asking: a logged-in account with its session, or a visitor. Every state-changing form
 * carries {@link #csrf()}: the session's token, or for visitors the random token in their {@code
 * quire_csrf} cookie (double submit).
 *
 * @param user the account, or null for a visitor
 * @param session the session, or null for a visitor
 * @param csrf the token this viewer's forms must send back
 */
public record Viewer(AccountStore.User user, AccountStore.Session session, String csrf) {
  static final String ATTRIBUTE = "quire.viewer";

  public boolean loggedIn() {
    return user != null;
  }

  public String name() {
    return user == null ? null : user.name();
  }

  public boolean admin() {
    return user != null && user.role() == AccountStore.Role.ADMIN;
  }

  static Viewer of(Context ctx) {
    Viewer v = ctx.attribute(ATTRIBUTE);
    return v == null ? new Viewer(null, null, "") : v;
  }
}

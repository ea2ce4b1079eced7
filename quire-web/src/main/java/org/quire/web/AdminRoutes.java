package org.quire.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.app.Quire;
import org.quire.model.TagType;
import org.quire.store.AccountStore;
import org.quire.store.ReaderStore;
import org.quire.store.SiteStore;
import org.quire.tags.TagRule;

/**
 * The archive keepers' screens (admins only): site settings and invitations, accounts, reports of
 * abuse, and tag wrangling (synonyms, parents, and the new tags Quire proposed).
 */
final class AdminRoutes {
  private final Quire quire;
  private final QuireWeb web;

  AdminRoutes(Quire quire, QuireWeb web) {
    this.quire = quire;
    this.web = web;
  }

  static AccountStore.User requireAdmin(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    if (u.role() != AccountStore.Role.ADMIN) {
      throw new ForbiddenResponse("Only the archive's admins can see this page.");
    }
    return u;
  }

  private SiteStore site() {
    return quire.store().site();
  }

  private void render(Context ctx, String template, String title, Map<String, Object> more) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, title, null));
    p.putAll(more);
    web.render(ctx, template, p);
  }

  void overview(Context ctx) {
    requireAdmin(ctx);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("works", quire.store().count());
    p.put("users", quire.store().accounts().countUsers());
    p.put("openReports", site().openReports());
    p.put("name", quire.siteName());
    p.put("description", quire.siteDescription());
    p.put("registration", quire.registration().key());
    p.put("url", quire.settings().getOrDefault("site.url", ""));
    p.put("invites", site().invites());
    render(ctx, "admin.jte", "Keeping the archive", p);
  }

  void saveSettings(Context ctx) {
    requireAdmin(ctx);
    String name = ctx.formParam("name");
    String description = ctx.formParam("description");
    String registration = ctx.formParam("registration");
    if (name == null || name.isBlank() || name.length() > 80) {
      throw new BadRequestResponse("The archive's name has 1 to 80 characters.");
    }
    if (description != null && description.length() > 2_000) {
      throw new BadRequestResponse("The description has up to 2,000 characters.");
    }
    if (registration == null
        || java.util.Arrays.stream(Quire.Registration.values())
            .noneMatch(r -> r.key().equals(registration))) {
      throw new BadRequestResponse("Registration is open, by invitation, or closed.");
    }
    quire.setSetting("site.name", name.strip());
    quire.setSetting(
        "site.description",
        description == null || description.isBlank() ? null : description.strip());
    quire.setSetting("site.registration", registration);
    String url = ctx.formParam("url") == null ? "" : ctx.formParam("url").strip();
    if (!url.isEmpty()
        && !url.matches("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?(/[A-Za-z0-9._~/\\-]*)?")) {
      throw new BadRequestResponse(
          "The public address is like https://archive.example.org (or empty).");
    }
    quire.setSetting("site.url", url.isEmpty() ? null : url.replaceAll("/+$", ""));
    web.back(ctx, "/admin", "The settings were saved.");
  }

  void invite(Context ctx) {
    requireAdmin(ctx);
    SiteStore.Invite i = site().createInvite();
    web.back(
        ctx,
        "/admin#invites",
        "New invitation: " + QuireWeb.publicAddress(quire, ctx) + "/signup?invite=" + i.code());
  }

  /** Withdraws an unused invitation: its link no longer signs anyone up. */
  void revokeInvite(Context ctx) {
    requireAdmin(ctx);
    boolean revoked = site().revokeInvite(ctx.pathParam("code"));
    web.back(
        ctx,
        "/admin#invites",
        revoked
            ? "The invitation was withdrawn; its link no longer works."
            : "That invitation was already used or withdrawn.");
  }

  void users(Context ctx) {
    requireAdmin(ctx);
    int page = QuireWeb.pageParam(ctx);
    render(
        ctx,
        "admin-users.jte",
        "Accounts",
        Map.of("users", site().users((page - 1) * 100, 100), "page", page));
  }

  void setRole(Context ctx) {
    AccountStore.User me = requireAdmin(ctx);
    long id = ReaderRoutes.id(ctx, "uid");
    AccountStore.Role role =
        "admin".equals(ctx.formParam("role")) ? AccountStore.Role.ADMIN : AccountStore.Role.MEMBER;
    if (id == me.id() && role != AccountStore.Role.ADMIN) {
      throw new BadRequestResponse("You cannot remove your own admin role; ask another admin.");
    }
    site().setRole(id, role);
    web.back(ctx, "/admin/users", "The role was changed.");
  }

  void deleteUser(Context ctx) {
    AccountStore.User me = requireAdmin(ctx);
    long id = ReaderRoutes.id(ctx, "uid");
    if (id == me.id()) {
      throw new BadRequestResponse("Delete your own account from your account page.");
    }
    if (ctx.formParam("confirm") == null) {
      throw new BadRequestResponse("Tick the box beside Delete to confirm that the account goes.");
    }
    quire.deleteAccount(id);
    web.back(ctx, "/admin/users", "The account was deleted; its works stay, orphaned.");
  }

  /** A one-time reset link for an account whose owner cannot get mail; the admin hands it on. */
  void resetLink(Context ctx) {
    requireAdmin(ctx);
    AccountStore.User u =
        quire
            .store()
            .accounts()
            .user(ReaderRoutes.id(ctx, "uid"))
            .orElseThrow(() -> new io.javalin.http.NotFoundResponse("There is no such account."));
    String secret = quire.accounts().adminReset(u);
    web.back(
        ctx,
        "/admin/users",
        "Reset link for "
            + u.name()
            + " (works once, for two days): "
            + QuireWeb.publicAddress(quire, ctx)
            + "/reset/"
            + secret);
  }

  void reports(Context ctx) {
    requireAdmin(ctx);
    List<ReportView> out = new ArrayList<>();
    for (SiteStore.Report r : site().reports(200)) {
      String title =
          quire.store().summaries(List.of(r.workId())).stream()
              .findFirst()
              .map(w -> w.title())
              .orElse("(deleted work)");
      String who =
          r.reporterId() == null
              ? "(deleted account)"
              : quire
                  .store()
                  .accounts()
                  .user(r.reporterId())
                  .map(AccountStore.User::name)
                  .orElse("(deleted account)");
      // The comment's words, which its chapter's deletion may have hidden from the page.
      String comment =
          r.commentId() == null
              ? null
              : quire
                  .store()
                  .readers()
                  .comment(r.commentId())
                  .map(ReaderStore.Comment::body)
                  .orElse(null);
      out.add(new ReportView(r, title, who, comment));
    }
    render(ctx, "admin-reports.jte", "Reports", Map.of("reports", out));
  }

  void resolve(Context ctx) {
    requireAdmin(ctx);
    site().resolveReport(ReaderRoutes.id(ctx, "rid"));
    web.back(ctx, "/admin/reports", "Marked as dealt with.");
  }

  void tags(Context ctx) {
    requireAdmin(ctx);
    TagType type = null;
    String t = ctx.queryParam("type");
    if (t != null && !t.isBlank()) {
      try {
        type = TagType.fromKey(t);
      } catch (IllegalArgumentException e) {
        type = null;
      }
    }
    boolean onlyNew = ctx.queryParam("new") != null;
    var wrangler = quire.wrangler();
    List<TagView> views = new ArrayList<>();
    for (SiteStore.TagUse u : site().tagsInUse(type, 2_000)) {
      boolean known = wrangler.known(u.type(), u.name());
      if (onlyNew && known) {
        continue;
      }
      String canonical = wrangler.canonical(u.type(), u.name());
      List<String> parents = new ArrayList<>(wrangler.withAncestors(u.type(), canonical));
      parents.remove(canonical);
      // Characters and relationships belong to their fandoms.
      wrangler.fandomsOf(u.type(), canonical).stream()
          .filter(f -> !parents.contains(f))
          .forEach(parents::add);
      views.add(new TagView(u.type(), u.name(), u.works(), canonical, parents, known));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("tags", views);
    p.put("types", List.of(TagType.values()));
    p.put("type", type == null ? "" : type.key());
    p.put("onlyNew", onlyNew);
    p.put("rules", wrangler.rules());
    render(ctx, "admin-tags.jte", "Tag wrangling", p);
  }

  void addRule(Context ctx) {
    requireAdmin(ctx);
    TagRule rule = rule(ctx);
    int n;
    try {
      n = quire.wrangle(rule);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    web.back(ctx, "/admin/tags", "Rule saved; " + n + " works re-indexed.");
  }

  void removeRule(Context ctx) {
    requireAdmin(ctx);
    int n = quire.unwrangle(rule(ctx));
    web.back(
        ctx,
        "/admin/tags",
        n < 0 ? "There was no such rule." : "Rule removed; " + n + " works re-indexed.");
  }

  private static TagRule rule(Context ctx) {
    try {
      String name = ctx.formParam("name");
      String target = ctx.formParam("target");
      if (name == null || target == null || name.isBlank() || target.isBlank()) {
        throw new BadRequestResponse("Name the tag and the tag it belongs to.");
      }
      return new TagRule(
          TagType.fromKey(ctx.formParam("type")),
          name.strip(),
          TagRule.Relation.fromKey(ctx.formParam("relation")),
          target.strip());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadRequestResponse("That rule cannot be read: " + e.getMessage());
    }
  }

  /** Any logged-in reader reports a work or one of its comments to the keepers. */
  void report(Context ctx, ReaderRoutes readers) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id = ReaderRoutes.id(ctx, "id");
    readers.readable(ctx, id);
    String reason = ctx.formParam("reason");
    if (reason == null || reason.isBlank() || reason.length() > 2_000) {
      throw new BadRequestResponse("Say what is wrong, in up to 2,000 characters.");
    }
    Long comment = null;
    String c = ctx.formParam("comment");
    if (c != null && !c.isBlank()) {
      try {
        comment = Long.parseLong(c.strip());
      } catch (NumberFormatException e) {
        throw new BadRequestResponse("That comment cannot be reported.");
      }
      var found = quire.store().readers().comment(comment);
      boolean moderator =
          u.role() == AccountStore.Role.ADMIN || quire.store().accounts().isCreator(id, u.id());
      if (found.isEmpty()
          || found.get().workId() != id
          || !ReaderActions.visible(found.get(), u.id(), moderator)) {
        throw new BadRequestResponse("That comment is not on this work.");
      }
    }
    SiteStore.Filed filed = site().report(id, comment, u.id(), reason.strip());
    web.back(
        ctx,
        "/works/" + id,
        filed.again()
            ? "You had reported this already; your report now says what you wrote just now."
            : "Thank you. The archive's keepers will look at your report.");
  }
}

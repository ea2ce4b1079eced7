package org.quire.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.quire.app.Quire;
import org.quire.model.TagType;
import org.quire.model.Visibility;
import org.quire.model.Work;
import org.quire.search.SearchQuery;
import org.quire.store.AccountStore;
import org.quire.store.ReaderStore;
import org.quire.store.StoreException;

/**
 * What readers do on a work: kudos, comments, bookmarks; and the rules every listing follows for
 * them: who may see what, and what each reader muted.
 */
final class ReaderRoutes {
  private static final int HIT_MEMORY = 100_000;

  private final Quire quire;
  private final QuireWeb web;

  /** Visits already counted (giver + work), so reloading a page is not another hit. */
  private final Set<String> counted = ConcurrentHashMap.newKeySet();

  ReaderRoutes(Quire quire, QuireWeb web) {
    this.quire = quire;
    this.web = web;
  }

  private ReaderStore readers() {
    return quire.store().readers();
  }

  /**
   * What this viewer may find, minus what they muted: the filter every listing and search uses, so
   * muted authors and tags are gone on the server, not hidden in the page.
   */
  SearchQuery.Audience audience(Context ctx) {
    Viewer v = Viewer.of(ctx);
    if (!v.loggedIn()) {
      return SearchQuery.Audience.VISITOR;
    }
    List<Long> hidden =
        ReaderPrefs.of(ctx, readers()).hideRead()
            ? readers().readWorkIds(v.user().id(), 5_000)
            : List.of();
    return memberAudience(quire, v.user().id(), hidden);
  }

  /**
   * What a member sees in listings and search, on the pages and through the API alike: members-only
   * works, less the authors and tags they muted, the works of accounts they blocked, and {@code
   * hidden}.
   */
  static SearchQuery.Audience memberAudience(Quire quire, long userId, List<Long> hidden) {
    List<String> authors = new ArrayList<>();
    List<SearchQuery.TagFilter> tags = new ArrayList<>();
    for (ReaderStore.Mute m : quire.store().readers().mutes(userId)) {
      switch (m.kind()) {
        case AUTHOR -> authors.add(m.value());
        case TAG -> {
          SearchQuery.TagFilter f = tagFilter(m.value());
          if (f != null) {
            tags.add(f);
          }
        }
        case USER -> {
          // A blocked account's works go too.
          quire.store().accounts().user(parseId(m.value())).ifPresent(u -> authors.add(u.name()));
        }
      }
    }
    return new SearchQuery.Audience(true, authors, tags, hidden);
  }

  /** The accounts a reader blocked. */
  java.util.Set<Long> blocked(long userId) {
    return ReaderActions.blocked(quire, userId);
  }

  /** A muted tag as stored, {@code type:name}; null when unreadable. */
  static SearchQuery.TagFilter tagFilter(String value) {
    int colon = value.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    try {
      return new SearchQuery.TagFilter(
          TagType.fromKey(value.substring(0, colon)), value.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static long parseId(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Who leaves kudos: the account, or for a visitor a hash of their address (AO3 also counts guest
   * kudos per address; the address itself is never stored).
   */
  static String giver(Context ctx) {
    Viewer v = Viewer.of(ctx);
    if (v.loggedIn()) {
      return "u:" + v.user().id();
    }
    String known = ctx.attribute(GIVER);
    if (known != null) {
      return known; // hashed once per request
    }
    String giver = guest(QuireWeb.clientIp(ctx));
    ctx.attribute(GIVER, giver);
    return giver;
  }

  /** A visitor's giver key: a hash of their address. */
  static String guest(String ip) {
    String known = GUESTS.get(ip);
    if (known != null) {
      return known;
    }
    byte[] h = SHA256.get().digest(("quire-guest:" + ip).getBytes(StandardCharsets.UTF_8));
    String giver = "v:" + HexFormat.of().formatHex(h, 0, 12);
    if (GUESTS.size() >= MAX_GUESTS) {
      GUESTS.clear(); // recent addresses come back at once; no eviction order needed
    }
    GUESTS.put(ip, giver);
    return giver;
  }

  // Every page view asks for the same few addresses' keys: hash each once, not per request.
  private static final int MAX_GUESTS = 4096;
  private static final Map<String, String> GUESTS = new ConcurrentHashMap<>();
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException(e);
            }
          });

  private static final String GIVER = "quire.giver";

  /** Counts a visit to a work once per reader while the server runs; reloads are not hits. */
  void countHit(Context ctx, long workId) {
    if (ctx.attribute(PageFastPath.HEAD) != null) {
      return;
    }
    countHit(giver(ctx), workId);
  }

  void countHit(String giver, long workId) {
    if (counted.size() > HIT_MEMORY) {
      counted.clear();
    }
    if (counted.add(giver + "/" + workId)) {
      quire.hit(workId);
    }
  }

  /** Whether this viewer may read a work (for lists: works they may not read are left out). */
  boolean mayRead(Context ctx, long id) {
    Viewer v = Viewer.of(ctx);
    return quire.access(id, v.loggedIn() ? v.user().id() : null, v.admin()) == Quire.Access.ALLOWED;
  }

  /** The work, when this viewer may read it; members-only works send visitors to log in. */
  Work readable(Context ctx, long id) {
    Viewer v = Viewer.of(ctx);
    switch (quire.access(id, v.loggedIn() ? v.user().id() : null, v.admin())) {
      case ALLOWED -> {
        return quire
            .work(id)
            .orElseThrow(() -> new NotFoundResponse("There is no work " + id + "."));
      }
      case MEMBERS_ONLY -> throw new AccountRoutes.LoginRequired(true);
      default -> throw new NotFoundResponse("There is no work " + id + ".");
    }
  }

  static long id(Context ctx, String param) {
    try {
      return Long.parseLong(ctx.pathParam(param));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such page.");
    }
  }

  void kudos(Context ctx) {
    long id = id(ctx, "id");
    readable(ctx, id);
    Viewer v = Viewer.of(ctx);
    if (v.loggedIn() && quire.store().accounts().isCreator(id, v.user().id())) {
      web.back(ctx, backToWork(ctx, id), "You can't leave kudos on your own work.");
      return;
    }
    boolean added = readers().addKudos(id, giver(ctx), v.loggedIn() ? v.user().id() : null);
    if (added) {
      quire.engagementChanged(id);
    }
    web.back(
        ctx,
        backToWork(ctx, id),
        added ? "Thank you for leaving kudos!" : "You have already left kudos here.");
  }

  /**
   * Where an action on a work returns to: the page of the work its form was on (a chapter, or the
   * entire work), so the reader keeps their place; else the work's first page.
   */
  static String backToWork(Context ctx, long id) {
    String from = QuireWeb.formPage(ctx);
    String base = "/works/" + id;
    return from.equals(base) || from.startsWith(base + "/chapters/") || from.startsWith(base + "?")
        ? from
        : base;
  }

  void comment(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id = id(ctx, "id");
    Work w = readable(ctx, id);
    int n = (int) id(ctx, "n");
    Long parent = null;
    String p = ctx.formParam("parent");
    if (p != null && !p.isBlank()) {
      parent = parseId(p);
    }
    try {
      ReaderActions.commentBody(ctx.formParam("body"));
    } catch (io.javalin.http.BadRequestResponse e) {
      // The chapter again, its form holding what was typed and the reason (not a bare error page
      // whose "back" loses the text).
      ctx.status(HttpStatus.BAD_REQUEST);
      String typed = ctx.formParam("body");
      ctx.attribute(
          QuireWeb.COMMENT_DRAFT,
          new ReaderExtras.CommentDraft(
              e.getMessage(),
              typed == null ? "" : typed.substring(0, Math.min(typed.length(), 200_000)),
              parent));
      web.readerPage(ctx);
      return;
    }
    try {
      var posted = ReaderActions.comment(quire, w, n, parent, u, ctx.formParam("body"));
      if (posted.held()) {
        web.back(
            ctx,
            chapterUrl(w, n) + "#comment-" + posted.id(),
            "Your comment was sent; others see it once the work's author approves it.");
      } else {
        ctx.redirect(chapterUrl(w, n) + "#comment-" + posted.id(), HttpStatus.SEE_OTHER);
      }
    } catch (StoreException e) {
      web.back(ctx, chapterUrl(w, n) + "#comments", e.getMessage());
    }
  }

  /** Where a chapter's comments are: the chapter page, or the work for a one-chapter work. */
  static String chapterUrl(Work w, int n) {
    return w.chapters().size() == 1 ? "/works/" + w.id() : "/works/" + w.id() + "/chapters/" + n;
  }

  /**
   * Where a comment is now: its chapter's page, at the comment. Inbox messages link here, so they
   * still lead to it after chapters were moved or deleted (a deleted chapter's: the work).
   */
  void commentLink(Context ctx) {
    ReaderStore.Comment c =
        readers()
            .comment(id(ctx, "cid"))
            .orElseThrow(() -> new NotFoundResponse("There is no such comment."));
    Work w = readable(ctx, c.workId());
    Viewer v = Viewer.of(ctx);
    boolean moderator =
        v.admin() || v.loggedIn() && quire.store().accounts().isCreator(w.id(), v.user().id());
    if (!ReaderActions.visible(c, v.loggedIn() ? v.user().id() : null, moderator)) {
      // Held for approval: as if there were no such comment, so its existence is not probed.
      throw new NotFoundResponse("There is no such comment.");
    }
    if (c.chapter() < 1 || c.chapter() > w.chapters().size()) {
      ctx.redirect("/works/" + w.id(), HttpStatus.SEE_OTHER);
      return;
    }
    ctx.redirect(chapterUrl(w, c.chapter()) + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
  }

  /** The comment, when the viewer wrote it (to edit) or may moderate it (to delete). */
  private ReaderStore.Comment ownComment(Context ctx, boolean moderate) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    ReaderStore.Comment c =
        readers()
            .comment(id(ctx, "cid"))
            .filter(x -> !x.deleted())
            .orElseThrow(() -> new NotFoundResponse("There is no such comment."));
    boolean mine = c.userId() != null && c.userId() == u.id();
    boolean moderator =
        u.role() == AccountStore.Role.ADMIN
            || quire.store().accounts().isCreator(c.workId(), u.id());
    if (!ReaderActions.visible(c, u.id(), moderator)) {
      // A comment awaiting approval is not there for others: not even a 403 says it exists.
      throw new NotFoundResponse("There is no such comment.");
    }
    if (!mine && !(moderate && moderator)) {
      throw new ForbiddenResponse(
          moderate
              ? "Only the comment's writer or the work's author can delete it."
              : "Only the comment's writer can edit it.");
    }
    return c;
  }

  void editCommentPage(Context ctx) {
    ReaderStore.Comment c = ownComment(ctx, false);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Edit your comment", null));
    p.put("comment", c);
    web.render(ctx, "comment-edit.jte", p);
  }

  void editComment(Context ctx) {
    ReaderStore.Comment c = ownComment(ctx, false);
    readers().editComment(c.id(), ReaderActions.commentBody(ctx.formParam("body")));
    Work w = readable(ctx, c.workId());
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    if (readers().commentPolicy(w.id()) == ReaderStore.CommentPolicy.MODERATED
        && !quire.store().accounts().isCreator(w.id(), u.id())
        && readers().setHeld(c.id(), true)) {
      // Approved words, changed, are new words: the authors see them before anyone else again.
      readers()
          .notify(
              quire.store().accounts().creators(w.id()),
              w.id(),
              u.name() + " edited a comment on “" + w.title() + "”; it waits for your approval.",
              "/comments/" + c.id());
      quire.engagementChanged(w.id());
      web.back(
          ctx,
          chapterUrl(w, c.chapter()) + "#comment-" + c.id(),
          "Your comment was changed; others see it again once the work's author approves it.");
      return;
    }
    ctx.redirect(chapterUrl(w, c.chapter()) + "#comment-" + c.id(), HttpStatus.SEE_OTHER);
  }

  /** One of the work's authors (or an admin) shows a held comment to everyone. */
  void approveComment(Context ctx) {
    ReaderStore.Comment c = ownComment(ctx, true);
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    if (!web.canEdit(ctx, c.workId())) {
      throw new ForbiddenResponse("Only the work's authors approve its comments.");
    }
    Work w = readable(ctx, c.workId());
    if (readers().setHeld(c.id(), false)) {
      quire.engagementChanged(c.workId());
      if (c.userId() != null && c.userId() != u.id()) {
        readers()
            .notify(
                List.of(c.userId()),
                w.id(),
                "Your comment on “" + w.title() + "” was approved.",
                "/comments/" + c.id());
      }
    }
    web.back(ctx, chapterUrl(w, c.chapter()) + "#comment-" + c.id(), "The comment was approved.");
  }

  /** The work's authors choose who may comment (AO3's comment settings). */
  void commentPolicy(Context ctx) {
    AccountRoutes.requireUser(ctx);
    long id = id(ctx, "id");
    readable(ctx, id);
    if (!web.canEdit(ctx, id)) {
      throw new ForbiddenResponse("Only the work's authors can change it.");
    }
    ReaderStore.CommentPolicy policy =
        ReaderStore.CommentPolicy.of(String.valueOf(ctx.formParam("policy")))
            .orElseThrow(() -> new BadRequestResponse("Choose who may comment."));
    readers().setCommentPolicy(id, policy);
    web.back(ctx, "/works/" + id + "/edit#comment-settings", "Comment settings saved.");
  }

  void deleteComment(Context ctx) {
    ReaderStore.Comment c = ownComment(ctx, true);
    readers().deleteComment(c.id());
    quire.engagementChanged(c.workId());
    Work w = readable(ctx, c.workId());
    web.back(ctx, chapterUrl(w, c.chapter()) + "#comments", "The comment was deleted.");
  }

  void bookmark(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id = id(ctx, "id");
    readable(ctx, id);
    String t = ctx.formParam("tags");
    boolean later = ctx.formParam("later") != null;
    readers()
        .saveBookmark(
            u.id(),
            ReaderActions.bookmark(
                id,
                ctx.formParam("note"),
                t == null ? List.of() : List.of(t.split(",")),
                ctx.formParam("private") != null,
                later));
    quire.engagementChanged(id);
    web.back(
        ctx,
        backToWork(ctx, id),
        later ? "Marked for later: it is on your reading list (only you see it)." : "Bookmarked.");
  }

  void deleteBookmark(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id = id(ctx, "id");
    if (readers().deleteBookmark(u.id(), id)) {
      quire.engagementChanged(id);
    }
    web.back(
        ctx,
        ctx.formParam("back") != null ? "/bookmarks" : backToWork(ctx, id),
        "Bookmark removed.");
  }

  /** The work's author (or an admin) makes it public, members-only, or a draft again. */
  void visibility(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id = id(ctx, "id");
    readable(ctx, id);
    boolean owner = quire.store().accounts().isCreator(id, u.id());
    if (!owner && u.role() != AccountStore.Role.ADMIN) {
      throw new ForbiddenResponse("Only the work's author can change who sees it.");
    }
    Visibility v;
    try {
      v = Visibility.fromKey(ctx.formParam("visibility"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("Choose public, members only, or draft.");
    }
    quire.setVisibility(id, v);
    web.back(ctx, "/works/" + id, "This work is now: " + v.label() + ".");
  }
}

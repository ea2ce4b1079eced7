package org.quire.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.staticfiles.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.server.Handler;
import org.quire.app.Quire;
import org.quire.export.EpubWriter;
import org.quire.export.TextExports;
import org.quire.model.Work;
import org.quire.model.WorkSummary;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the Javalin app that serves an open archive. */
public final class QuireWeb {
  private static final Logger LOG = LoggerFactory.getLogger(QuireWeb.class);
  static final int PAGE_SIZE = 20;
  private static final int MAX_PAGE = 500;

  private final Quire quire;
  ReaderRoutes readers;
  private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

  /** Visitors' reader pages: 2,000 pages, each at most 5 s old. */
  final PageCache pages = new PageCache(2_000, 5_000);

  /** Who the reader behind a request is, through the proxies the keeper trusts. */
  final ClientAddress clients;

  private QuireWeb(Quire quire) {
    this.quire = quire;
    this.clients = new ClientAddress(quire.config().web().trustedProxies());
  }

  private static final String CLIENT = "quire.client";
  private static final String TLS = "quire.tls";

  /** The reader's address (see {@link ClientAddress}), as found when the request arrived. */
  static String clientIp(Context ctx) {
    String ip = ctx.attribute(CLIENT);
    return ip == null ? ctx.ip() : ip;
  }

  /**
   * Creates the app without starting it.
   *
   * @param quire the open archive to serve
   */
  public static Javalin create(Quire quire) {
    QuireWeb web = new QuireWeb(quire);
    Api api = new Api(quire);
    ApiAuthoring apiAuthoring = new ApiAuthoring(quire, api);
    ApiAccess apiAccess = new ApiAccess(quire);
    AccountRoutes accounts = new AccountRoutes(quire, web);
    PostingRoutes posting = new PostingRoutes(quire, web);
    ReaderRoutes readers = new ReaderRoutes(quire, web);
    LibraryRoutes library = new LibraryRoutes(quire, web);
    AdminRoutes admin = new AdminRoutes(quire, web);
    AuthoringRoutes authoring = new AuthoringRoutes(quire, web, readers);
    Catalog catalog = new Catalog(quire, readers);
    web.readers = readers;
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          // Visitors' cached reader pages are answered ahead of Javalin (see PageFastPath).
          // It sits just inside Jetty's statistics handler (which graceful stop counts on) and
          // outside the servlet context, whose request and response wrapping it does not need.
          config.jetty.modifyServer(
              server -> {
                server.setErrorHandler(new ErrorPages());
                // On stop, requests under way (an upload being analysed, say) get 30 s to finish.
                server.setStopTimeout(30_000);
                PageFastPath fast = new PageFastPath(quire, web.pages, readers, web.clients);
                if (server.getHandler() instanceof Handler.Wrapper outer) {
                  outer.insertHandler(fast);
                } else {
                  server.insertHandler(fast);
                }
              });
          config.staticFiles.add(
              s -> {
                s.hostedPath = "/assets";
                s.directory = "/public/assets";
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "public, max-age=3600");
              });
          // A known address asked with the wrong method says so (405), not "no such page".
          config.http.prefer405over404 = true;
          config.http.maxRequestSize = quire.config().ingest().maxFileBytes() + 1024 * 1024;
          config.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
          config.routes.before(ctx -> ctx.attribute(CLIENT, web.clients.of(ctx)));
          config.routes.before(
              ctx ->
                  ctx.attribute(
                      TLS,
                      tls(
                          ctx.scheme(),
                          web.clients.trusts(ctx.req().getRemoteAddr())
                              ? ctx.header("X-Forwarded-Proto")
                              : null)));
          config.routes.before(QuireWeb::securityHeaders);
          config.routes.before(accounts::identify);
          config.routes.before(accounts::checkCsrf);
          config.routes.before(apiAccess::check);
          config.routes.before(catalog::identify);
          // Any write may change what a cached page shows: before it (a page rendered meanwhile is
          // not kept) and after it (one rendered from the old data is dropped).
          config.routes.before(ctx -> web.pageWrite(ctx));
          config.routes.after(ctx -> web.pageWrite(ctx));
          config.routes.after(QuireWeb::serverTiming);
          config.routes.after(QuireWeb::privateCaching);
          config.routes.get("/signup", accounts::signupPage);
          config.routes.post("/signup", accounts::signup);
          config.routes.get("/login", accounts::loginPage);
          config.routes.post("/login", accounts::login);
          config.routes.post("/logout", accounts::logout);
          config.routes.get("/forgot", accounts::forgotPage);
          config.routes.post("/forgot", accounts::forgot);
          config.routes.get("/reset/{secret}", accounts::resetPage);
          config.routes.post("/reset/{secret}", accounts::reset);
          config.routes.get("/account", accounts::accountPage);
          config.routes.post("/account/password", accounts::changePassword);
          config.routes.post("/account/delete", accounts::deleteAccount);
          config.routes.post("/account/tokens", accounts::createToken);
          config.routes.post("/account/tokens/{tid}/revoke", accounts::revokeToken);
          config.routes.get("/works/new", posting::newWorkPage);
          config.routes.post("/works/new", posting::postWork);
          config.routes.get("/works/{id}/tags", posting::reviewPage);
          config.routes.post("/works/{id}/tags", posting::review);
          config.routes.post("/works/{id}/kudos", readers::kudos);
          config.routes.post("/works/{id}/chapters/{n}/comments", readers::comment);
          config.routes.get("/comments/{cid}", readers::commentLink);
          config.routes.get("/comments/{cid}/edit", readers::editCommentPage);
          config.routes.post("/comments/{cid}/edit", readers::editComment);
          config.routes.post("/comments/{cid}/delete", readers::deleteComment);
          config.routes.post("/comments/{cid}/approve", readers::approveComment);
          config.routes.post("/works/{id}/comment-policy", readers::commentPolicy);
          config.routes.post("/works/{id}/bookmark", readers::bookmark);
          config.routes.post("/works/{id}/bookmark/delete", readers::deleteBookmark);
          config.routes.post("/works/{id}/visibility", readers::visibility);
          config.routes.get("/bookmarks", library::bookmarks);
          config.routes.get("/history", library::history);
          config.routes.post("/history/clear", library::clearHistory);
          config.routes.get("/account/works", library::myWorks);
          config.routes.get("/account/stats", library::stats);
          config.routes.get("/prefs", library::prefsPage);
          config.routes.post("/prefs", library::savePrefs);
          config.routes.get("/mutes", library::mutesPage);
          config.routes.post("/mutes", library::mute);
          config.routes.post("/mutes/remove", library::unmute);
          config.routes.post("/works/{id}/report", ctx -> admin.report(ctx, readers));
          config.routes.get("/works/{id}/edit", authoring::editPage);
          config.routes.post("/works/{id}/edit", authoring::edit);
          config.routes.post("/works/{id}/chapters", authoring::addChapter);
          config.routes.post("/works/{id}/delete", authoring::delete);
          config.routes.post("/works/{id}/orphan", authoring::orphan);
          config.routes.post("/works/{id}/coauthors", authoring::addCoAuthor);
          config.routes.post("/works/{id}/coauthors/{uid}/remove", authoring::removeCoAuthor);
          config.routes.post("/works/{id}/coauthors/accept", authoring::acceptCoAuthor);
          config.routes.post("/works/{id}/coauthors/decline", authoring::declineCoAuthor);
          config.routes.post("/works/{id}/gift/refuse", library::refuseGift);
          config.routes.post("/works/{id}/series", authoring::createSeries);
          config.routes.get("/series/{sid}", authoring::series);
          config.routes.get("/series/{sid}/edit", authoring::editSeriesPage);
          config.routes.post("/series/{sid}/edit", authoring::editSeries);
          config.routes.get("/series/{sid}/download/epub", authoring::seriesEpub);
          config.routes.get("/authors/{name}", authoring::author);
          config.routes.get("/authors/{name}/download/epub", authoring::authorEpub);
          config.routes.post("/subscriptions", authoring::subscribe);
          config.routes.get("/inbox", authoring::inbox);
          config.routes.get("/admin", admin::overview);
          config.routes.post("/admin/settings", admin::saveSettings);
          config.routes.post("/admin/invites", admin::invite);
          config.routes.post("/admin/invites/{code}/revoke", admin::revokeInvite);
          config.routes.get("/admin/users", admin::users);
          config.routes.post("/admin/users/{uid}/role", admin::setRole);
          config.routes.post("/admin/users/{uid}/delete", admin::deleteUser);
          config.routes.post("/admin/users/{uid}/reset-link", admin::resetLink);
          config.routes.get("/admin/reports", admin::reports);
          config.routes.post("/admin/reports/{rid}/resolve", admin::resolve);
          config.routes.get("/admin/tags", admin::tags);
          config.routes.post("/admin/tags/rules", admin::addRule);
          config.routes.post("/admin/tags/rules/remove", admin::removeRule);
          config.routes.get("/", web::works);
          config.routes.get("/works", web::works);
          // AO3's addresses, as readers type them or follow them from their bookmarks.
          config.routes.get(
              "/tags/{name}/works",
              ctx ->
                  ctx.redirect(
                      "/search?include_tags=" + Texts.url(ao3TagName(ctx.pathParam("name")))));
          config.routes.get(
              "/users/{name}",
              ctx -> ctx.redirect("/authors/" + Texts.segment(ctx.pathParam("name"))));
          config.routes.get(
              "/users/{name}/works",
              ctx -> ctx.redirect("/authors/" + Texts.segment(ctx.pathParam("name"))));
          config.routes.get("/works/{id}", web::reader);
          config.routes.get("/works/{id}/chapters/{n}", web::reader);
          config.routes.get("/works/{id}/download/{format}", web::download);
          config.routes.get(
              "/api/v1/works/{id}/download/{format}", ctx -> web.sendDownload(ctx, api.load(ctx)));
          config.routes.get("/search", web::search);
          config.routes.get("/search/tags", web::suggestTags);
          config.routes.get("/fandoms", web::fandoms);
          config.routes.get("/api/v1/search", api::search);
          config.routes.get("/api/v1/works", api::works);
          config.routes.get("/api/v1/works/{id}", api::work);
          config.routes.post("/api/v1/works", api::post);
          config.routes.post("/api/v1/works/{id}/kudos", api::kudos);
          config.routes.get("/api/v1/works/{id}/chapters/{n}", api::chapter);
          config.routes.get("/api/v1/tags", api::suggestTags);
          config.routes.get("/api/v1/tags/{type}", api::tags);
          config.routes.get("/api/v1/works/{id}/chapters/{n}/comments", api::comments);
          config.routes.post("/api/v1/works/{id}/chapters/{n}/comments", api::comment);
          config.routes.get("/api/v1/bookmarks", api::bookmarks);
          config.routes.put("/api/v1/works/{id}/bookmark", api::saveBookmark);
          config.routes.delete("/api/v1/works/{id}/bookmark", api::deleteBookmark);
          config.routes.post("/api/v1/works/{id}/chapters", apiAuthoring::addChapter);
          config.routes.post("/api/v1/works/{id}/tags", apiAuthoring::tags);
          config.routes.patch("/api/v1/works/{id}", apiAuthoring::editWork);
          config.routes.patch("/api/v1/works/{id}/chapters/{n}", apiAuthoring::editChapter);
          config.routes.delete("/api/v1/works/{id}/chapters/{n}", apiAuthoring::deleteChapter);
          config.routes.get("/api/v1/authors/{name}", apiAuthoring::author);
          config.routes.get("/api/v1/series/{sid}", apiAuthoring::series);
          config.routes.get("/api/openapi.json", api::openApi);
          config.routes.options("/api/v1/*", ApiAccess::preflight);
          catalog.routes(config.routes, web);
          config.routes.get("/feeds/works.atom", catalog::atom);
          config.routes.get(
              "/health",
              // Public works only: drafts and members-only works are nobody else's business.
              ctx -> {
                Map<String, Object> health = new java.util.LinkedHashMap<>();
                health.put("status", "ok");
                health.put("works", quire.store().countPublic());
                ctx.json(health);
              });
          config.routes.exception(
              AccountRoutes.LoginRequired.class,
              (e, ctx) -> {
                if (ctx.path().startsWith("/opds")) {
                  // An e-reader app answers a challenge, not a login form.
                  ctx.header("WWW-Authenticate", Catalog.CHALLENGE);
                  web.error(ctx, 401, "Sign in", Catalog.SIGN_IN);
                  return;
                }
                ctx.redirect(
                    "/login?next="
                        + Texts.url(afterLogin(ctx))
                        + (e.membersOnly ? "&why=members" : ""),
                    HttpStatus.SEE_OTHER);
              });
          config.routes.exception(
              io.javalin.http.HttpResponseException.class,
              (e, ctx) -> {
                if (e instanceof ApiAccess.Unauthorized u) {
                  ctx.header("WWW-Authenticate", u.challenge);
                }
                if (e instanceof io.javalin.http.MethodNotAllowedResponse) {
                  String allowed = allowedMethods(e.getDetails());
                  if (allowed.isEmpty()) {
                    // Only the API's CORS preflight matched: no such address.
                    if (ctx.path().startsWith("/api/")) {
                      ctx.status(404).json(Map.of("error", "There is no such address in the API."));
                    } else {
                      web.error(ctx, 404, "Not found", "There is no page at this address.");
                    }
                    return;
                  }
                  ctx.header("Allow", allowed);
                }
                if (ctx.path().startsWith("/api/")) {
                  ctx.status(e.getStatus()).json(Map.of("error", e.getMessage()));
                } else if (e.getStatus() == 400) {
                  web.error(ctx, 400, "That did not work", e.getMessage());
                } else {
                  web.error(ctx, e.getStatus(), "Not allowed", e.getMessage());
                }
              });
          config.routes.exception(
              io.javalin.http.ForbiddenResponse.class,
              (e, ctx) -> {
                if (ctx.path().startsWith("/api/")) {
                  ctx.status(403).json(Map.of("error", e.getMessage()));
                } else {
                  web.error(ctx, 403, "Not allowed", e.getMessage());
                }
              });
          config.routes.exception(
              NotFoundResponse.class,
              (e, ctx) -> {
                // Javalin's own "Endpoint GET /x not found" for an address no route has.
                boolean noRoute = e.getMessage() == null || e.getMessage().startsWith("Endpoint ");
                if (ctx.path().startsWith("/api/")) {
                  ctx.status(404)
                      .json(
                          Map.of(
                              "error",
                              noRoute ? "There is no such address in the API." : e.getMessage()));
                } else {
                  web.error(
                      ctx,
                      404,
                      "Not found",
                      noRoute ? "There is no page at this address." : e.getMessage());
                }
              });
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                if (unreadable(e)) {
                  // A body the server cannot parse (a broken multipart form, say) is the
                  // sender's mistake: a 400, and one line in the log, not a stack trace.
                  LOG.info("Unreadable request on {} {}: {}", ctx.method(), ctx.path(), e);
                  web.error(ctx, 400, "Bad request", "The request could not be read.");
                  return;
                }
                LOG.error("Unhandled error on {} {}", ctx.method(), ctx.path(), e);
                web.error(
                    ctx,
                    500,
                    "Something went wrong",
                    "The error was logged. Please try again later.");
              });
          config.routes.error(
              404,
              ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                  if (ctx.path().startsWith("/api/")) {
                    ctx.json(Map.of("error", "There is no such address in the API."));
                  } else {
                    web.error(ctx, 404, "Not found", "There is no page at this address.");
                  }
                }
              });
        });
  }

  private static final String STARTED = "quire.started";

  /** The methods a 405's details name ("GET, POST"), leaving out the CORS preflight's OPTIONS. */
  static String allowedMethods(Map<String, String> details) {
    java.util.Set<String> methods = new java.util.LinkedHashSet<>();
    for (String v : details.values()) {
      for (String m : v.replaceAll("[\\[\\]]", "").split("[,\\s]+")) {
        if (m.matches("[A-Z]+") && !m.equals("OPTIONS")) {
          methods.add(m);
        }
      }
    }
    return String.join(", ", methods);
  }

  /**
   * How long Quire took to answer, in a standard {@code Server-Timing} header: browsers' developer
   * tools show it, and the serving benchmark reads it to separate server time from the network.
   */
  private static void serverTiming(Context ctx) {
    Long t0 = ctx.attribute(STARTED);
    if (t0 != null) {
      ctx.header("Server-Timing", serverTiming(t0));
    }
  }

  /** Strict headers on every response: no inline script can run, no framing, no sniffing. */
  static final List<Map.Entry<String, String>> SECURITY_HEADERS =
      List.of(
          Map.entry(
              "Content-Security-Policy",
              "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                  + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors"
                  + " 'none'"),
          Map.entry("X-Content-Type-Options", "nosniff"),
          Map.entry("Referrer-Policy", "same-origin"),
          Map.entry("X-Frame-Options", "DENY"));

  /**
   * Sent only over TLS: a browser told to insist on HTTPS for a plain-HTTP site would lock users
   * out.
   */
  static final Map.Entry<String, String> HSTS =
      Map.entry("Strict-Transport-Security", "max-age=31536000");

  /**
   * A member's pages (their tokens, their drafts, the admin screens) and answers to a token are
   * theirs alone: no cache keeps them, shared or not, unless the handler said otherwise; the API's
   * answers vary with the token.
   */
  private static void privateCaching(Context ctx) {
    boolean token = ctx.header("Authorization") != null;
    if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/opds")) {
      ctx.header("Vary", "Authorization");
    }
    String given = ctx.res().getHeader("Cache-Control");
    if (Viewer.of(ctx).loggedIn() && given == null) {
      ctx.header("Cache-Control", "private, no-store");
    } else if (token) {
      ctx.header("Cache-Control", "private, no-cache");
    }
  }

  private static void securityHeaders(Context ctx) {
    for (Map.Entry<String, String> h : SECURITY_HEADERS) {
      ctx.header(h.getKey(), h.getValue());
    }
    if (overTls(ctx)) {
      ctx.header(HSTS.getKey(), HSTS.getValue());
    }
  }

  /** Whether the request came over TLS, directly or through a proxy that says so. */
  /**
   * Whether this request came over TLS: directly, or through a trusted proxy that says so ({@code
   * X-Forwarded-Proto} from anyone else is not believed).
   */
  static boolean overTls(Context ctx) {
    Boolean tls = ctx.attribute(TLS);
    return tls != null ? tls : "https".equals(ctx.scheme());
  }

  static boolean tls(String scheme, String forwardedProto) {
    return "https".equals(scheme) || "https".equalsIgnoreCase(forwardedProto);
  }

  /** The {@code Server-Timing} value for a request that started at {@code startNanos}. */
  static String serverTiming(long startNanos) {
    return serverTimingOf(System.nanoTime() - startNanos);
  }

  /** Milliseconds with three decimals, without Formatter (it showed in a cached page's profile). */
  static String serverTimingOf(long nanos) {
    long micros = Math.max(0, nanos / 1000);
    long frac = micros % 1000;
    return "app;dur=" + micros / 1000 + (frac < 10 ? ".00" : frac < 100 ? ".0" : ".") + frac;
  }

  Layout layout(Context ctx, String title, String query) {
    return new Layout(
        quire.siteName(),
        title,
        query == null ? "" : query,
        Viewer.of(ctx),
        ReaderPrefs.of(ctx, quire.store().readers()),
        takeNotice(ctx),
        Viewer.of(ctx).loggedIn() ? quire.store().readers().unseen(Viewer.of(ctx).user().id()) : 0,
        ctx.path());
  }

  static final String NOTICE_COOKIE = "quire_notice";

  /**
   * Answers a form with a redirect back to a page that shows {@code message} once (kept for the
   * next page view in a short-lived cookie: post, redirect, get).
   */
  void back(Context ctx, String location, String message) {
    AccountRoutes.setCookie(
        ctx,
        NOTICE_COOKIE,
        java.net.URLEncoder.encode(message, java.nio.charset.StandardCharsets.UTF_8),
        60,
        "Lax");
    ctx.redirect(location, HttpStatus.SEE_OTHER);
  }

  private static String takeNotice(Context ctx) {
    String n = ctx.cookie(NOTICE_COOKIE);
    if (n == null || n.isEmpty()) {
      return "";
    }
    AccountRoutes.setCookie(ctx, NOTICE_COOKIE, "", 0, "Lax");
    String text = java.net.URLDecoder.decode(n, java.nio.charset.StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) : text;
  }

  void render(Context ctx, String template, Map<String, Object> params) {
    StringOutput out = new StringOutput();
    templates.render(template, params, out);
    ctx.contentType("text/html; charset=utf-8").result(out.toString());
  }

  /**
   * A tag's name in an AO3 address, where "/", "&amp;", ".", "?" and "#" are written {@code *s*},
   * {@code *a*}, {@code *d*}, {@code *q*} and {@code *h*} ("Buffy Summers*s*Spike").
   */
  static String ao3TagName(String segment) {
    return segment
        .replace("*s*", "/")
        .replace("*a*", "&")
        .replace("*d*", ".")
        .replace("*q*", "?")
        .replace("*h*", "#");
  }

  /** What a search does that the works listing does not: a sort, a filter, words. */
  private static final java.util.Set<String> SEARCH_PARAMS =
      java.util.Set.of(
          "q",
          "sort",
          "sort_direction",
          "include",
          "exclude",
          "include_tags",
          "exclude_tags",
          "lang",
          "complete",
          "words_min",
          "words_max",
          "kudos_min",
          "kudos_max",
          "hits_min",
          "hits_max",
          "bookmarks_min",
          "bookmarks_max",
          "updated_from",
          "updated_to");

  /** The newest works this viewer may see, minus what they muted (through the index). */
  private void works(Context ctx) {
    if (ctx.queryParamMap().keySet().stream().anyMatch(SEARCH_PARAMS::contains)) {
      // "/works?sort=kudos", "/works?include=fandom:…": the listing sorted or filtered is a search.
      String query = ctx.queryString();
      ctx.redirect("/search?" + (query == null ? "" : query));
      return;
    }
    int page = pageParam(ctx);
    SearchQuery.Audience audience = readers.audience(ctx);
    SearchResults res = newest(quire, audience, page);
    List<Blurb> blurbs = inOrder(res, summaries(quire, res)).stream().map(Blurb::of).toList();
    render(
        ctx,
        "works.jte",
        Map.of(
            "layout",
            layout(ctx, page == 1 ? "Works" : "Works, page " + page, null),
            "blurbs",
            blurbs,
            "description",
            page == 1 ? quire.siteDescription() : "",
            "pager",
            Pager.of("/works?", page, Math.min(res.total(), SearchQuery.MAX_OFFSET), PAGE_SIZE),
            "hidden",
            res.total() == 0 ? WhyEmpty.of(audience, quire.store().count()) : WhyEmpty.NOT));
  }

  /** Why the works listing shows nothing: the archive holds none, or this reader may see none. */
  public enum WhyEmpty {
    NOT,
    /** No works stored at all: the owner's first visit. */
    ARCHIVE,
    /** Every work is for members (or a draft), and this is a visitor. */
    MEMBERS_ONLY,
    /** This member's mutes or hidden read works leave nothing. */
    MUTED,
    /** Works exist, but none this member may read (drafts of others). */
    NONE_READABLE;

    static WhyEmpty of(SearchQuery.Audience a, long stored) {
      if (stored == 0) {
        return ARCHIVE;
      }
      if (!a.member()) {
        return MEMBERS_ONLY;
      }
      return a.narrows() ? MUTED : NONE_READABLE;
    }
  }

  /**
   * Where to go after logging in: the page asked for; or, for a form sent after the session ended
   * (its address takes only POSTs), the same-site page it was sent from.
   */
  static String afterLogin(Context ctx) {
    if (ctx.method() == io.javalin.http.HandlerType.GET) {
      return ctx.path();
    }
    String referer = ctx.header("Referer");
    if (referer != null) {
      try {
        java.net.URI u = java.net.URI.create(referer);
        String path = u.getRawPath();
        boolean sameSite = u.getRawAuthority() == null || u.getRawAuthority().equals(ctx.host());
        if (sameSite && path != null && path.startsWith("/") && !path.startsWith("//")) {
          return path;
        }
      } catch (IllegalArgumentException e) {
        // A malformed Referer: the home page.
      }
    }
    return "/";
  }

  /** Whether an error is Jetty refusing a malformed request (a broken multipart body, say). */
  private static boolean unreadable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.http.BadMessageException) {
        return true;
      }
    }
    return false;
  }

  private void pageWrite(Context ctx) {
    String m = ctx.method().name();
    // OPTIONS is a browser's CORS preflight: it changes nothing (and anyone may send it).
    if (!m.equals("GET") && !m.equals("HEAD") && !m.equals("OPTIONS")) {
      pages.changed();
    }
  }

  private void reader(Context ctx) {
    long id = idParam(ctx.pathParam("id"));
    Viewer viewer = Viewer.of(ctx);
    String notice = ctx.cookie(NOTICE_COOKIE);
    PageCache.Key key = null;
    if (!viewer.loggedIn() && (notice == null || notice.isEmpty())) {
      key =
          new PageCache.Key(
              ctx.path(),
              ctx.queryString(),
              ctx.cookie(ReaderPrefs.COOKIE),
              pages.kudos(
                  id,
                  ReaderRoutes.giver(ctx),
                  () -> quire.store().readers().hasKudos(id, ReaderRoutes.giver(ctx))));
      PageCache.Page cached = pages.page(key, true);
      if (cached != null) {
        readers.countHit(ctx, id);
        ctx.header("X-Quire-Page-Cache", "hit");
        ctx.contentType("text/html; charset=utf-8")
            .result(cached.plain(viewer.csrf().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return;
      }
      ctx.header("X-Quire-Page-Cache", "miss");
    }
    long version = pages.version();
    Work w = readers.readable(ctx, id);
    boolean full =
        "full".equals(ctx.queryParam("view"))
            || w.chapters().size() == 1
            || ReaderPrefs.of(ctx, quire.store().readers()).wholeWork();
    int n = 1;
    boolean chapterAsked = ctx.pathParamMap().containsKey("n");
    if (chapterAsked) {
      n = (int) idParam(ctx.pathParam("n"));
      if (n < 1 || n > w.chapters().size()) {
        throw new NotFoundResponse("This work has no chapter " + n + ".");
      }
      full = w.chapters().size() == 1;
    }
    ReaderView r = ReaderView.of(w, n, full);
    ReaderExtras.CommentDraft draft = ctx.attribute(COMMENT_DRAFT);
    StringOutput out = new StringOutput();
    templates.render(
        "work.jte",
        Map.of(
            "layout",
            layout(
                ctx, titled(readerTitle(w, n, full), draft == null ? null : draft.error()), null),
            "r",
            r,
            "x",
            extras(ctx, w, r, chapterAsked),
            "draft",
            java.util.Optional.ofNullable(draft)),
        out);
    String html = out.toString();
    if (key != null) {
      pages.put(key, version, html, viewer.csrf());
    }
    ctx.contentType("text/html; charset=utf-8").result(html);
  }

  /** A refused comment to show again in the page {@link #reader} renders (request attribute). */
  static final String COMMENT_DRAFT = "quire.commentDraft";

  /** The reader page of the request's work and chapter, e.g. again after a refused comment. */
  void readerPage(Context ctx) {
    reader(ctx);
  }

  /** The reader's side of the page; also counts the visit and remembers where they are. */
  private ReaderExtras extras(Context ctx, Work w, ReaderView r, boolean chapterAsked) {
    Viewer v = Viewer.of(ctx);
    var store = quire.store();
    var rs = store.readers();
    Long uid = v.loggedIn() ? v.user().id() : null;
    boolean creator = uid != null && store.accounts().isCreator(w.id(), uid);
    if (!creator) {
      // As on AO3, an author reading their own work is not a hit.
      readers.countHit(ctx, w.id());
    }
    boolean owner = creator || v.admin();
    int resume = 0;
    if (uid != null) {
      int shown = r.full() ? 0 : r.current();
      var before = rs.reading(uid, w.id());
      if (!chapterAsked && !r.full() && before.isPresent() && before.get().chapter() != shown) {
        resume = before.get().chapter();
      }
      if (chapterAsked || r.full() || before.isEmpty()) {
        rs.recordReading(uid, w.id(), r.full() ? r.total() : r.current());
      }
    }
    int commentChapter = r.shown().size() == 1 ? r.shown().getFirst().number() : 0;
    java.util.Set<Long> blocked = uid == null ? java.util.Set.of() : readers.blocked(uid);
    var kudos = rs.kudosGivers(w.id(), 100);
    return new ReaderExtras(
        store.visibility(w.id()).orElse(org.quire.model.Visibility.PUBLIC),
        rs.engagement(w.id()),
        rs.hasKudos(w.id(), ReaderRoutes.giver(ctx)),
        kudos.names(),
        kudos.guests(),
        owner,
        creator,
        uid == null ? null : rs.bookmark(uid, w.id()).orElse(null),
        resume,
        commentChapter,
        commentChapter == 0
            ? List.of()
            : ReaderExtras.thread(rs.comments(w.id(), commentChapter), uid, owner, blocked),
        rs.commentCounts(w.id()),
        seriesPlaces(ctx, w.id()),
        uid != null
            && rs.subscribed(
                uid,
                new org.quire.store.ReaderStore.Subscription(
                    org.quire.store.ReaderStore.SubscriptionKind.WORK, Long.toString(w.id()))),
        rs.publicBookmarks(w.id(), 50).stream().filter(b -> !blocked.contains(b.userId())).toList(),
        store.updatedAt(w.id()).orElse(w.importedAt()),
        rs.commentPolicy(w.id()),
        ReaderExtras.gifts(quire, w.id()));
  }

  /**
   * The work's place in each of its series, among the works this viewer may read: a draft or a
   * members-only work in the series is neither counted nor linked as the next part for those who
   * cannot open it.
   */
  private List<ReaderExtras.SeriesPlace> seriesPlaces(Context ctx, long workId) {
    List<ReaderExtras.SeriesPlace> out = new ArrayList<>();
    for (var s : quire.store().series().seriesOf(workId)) {
      List<Long> parts =
          s.workIds().stream().filter(id -> id == workId || readers.mayRead(ctx, id)).toList();
      int i = parts.indexOf(workId);
      out.add(
          new ReaderExtras.SeriesPlace(
              s.id(),
              s.title(),
              i + 1,
              parts.size(),
              i > 0 ? parts.get(i - 1) : 0,
              i + 1 < parts.size() ? parts.get(i + 1) : 0));
    }
    return out;
  }

  /** Whether the viewer may change a work: its poster, or an admin. */
  boolean canEdit(Context ctx, long workId) {
    Viewer v = Viewer.of(ctx);
    return v.loggedIn() && (v.admin() || quire.store().accounts().isCreator(workId, v.user().id()));
  }

  /** The first series a work belongs to, and its place there, for its EPUB; or null. */
  public static EpubWriter.SeriesPart seriesPart(org.quire.store.WorkStore store, long workId) {
    return store.series().seriesOf(workId).stream()
        .map(s -> EpubWriter.SeriesPart.of(s.title(), s.workIds(), workId))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  /** A work as EPUB, HTML, Markdown or text, as an attachment named after its title. */
  void download(Context ctx) {
    sendDownload(ctx, readers.readable(ctx, idParam(ctx.pathParam("id"))));
  }

  /** When a stored work last changed (its text, tags or who may read it). */
  public static java.time.Instant lastChanged(org.quire.store.WorkStore store, Work w) {
    return store
        .updatedAt(w.id())
        .orElse(w.importedAt() == null ? java.time.Instant.now() : w.importedAt());
  }

  /** The download of a work the caller may read (a browser's session or an API token). */
  void sendDownload(Context ctx, Work w) {
    long id = w.id();
    String format = ctx.pathParam("format");
    byte[] body;
    String type;
    switch (format) {
      case "epub" -> {
        String source = publicAddress(quire, ctx) + "/works/" + id;
        // dcterms:modified is when the work last changed, not when it was downloaded: a reader's
        // library then sees two downloads of an unchanged work as the same edition.
        body =
            EpubWriter.write(
                w, source, lastChanged(quire.store(), w), seriesPart(quire.store(), id));
        type = "application/epub+zip";
      }
      case "html" -> {
        body = TextExports.html(w).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        type = "text/html; charset=utf-8";
      }
      case "md" -> {
        body = TextExports.markdown(w).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        type = "text/markdown; charset=utf-8";
      }
      case "txt" -> {
        body = TextExports.text(w).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        type = "text/plain; charset=utf-8";
      }
      default -> throw new NotFoundResponse("Downloads come as epub, html, md or txt.");
    }
    ctx.header("Content-Disposition", TextExports.attachment(w.title(), format));
    ctx.contentType(type).result(body);
  }

  /**
   * Tag names for the search form's include and exclude fields, as JSON ({@code ?q=wil}): the
   * form's script asks as the reader types. Only tags of works this reader may find are offered.
   */
  private void suggestTags(Context ctx) {
    Api.send(
        ctx,
        Map.of(
            "tags", TagInputs.suggest(quire, ctx.queryParam("q"), readers.audience(ctx).member())));
  }

  /** Every fandom with works this reader may find, A to Z. */
  private void fandoms(Context ctx) {
    FandomsView v =
        FandomsView.of(
            quire
                .index()
                .tagCounts(
                    org.quire.model.TagType.FANDOM, readers.audience(ctx), MAX_FANDOMS_LISTED));
    render(ctx, "fandoms.jte", Map.of("layout", layout(ctx, "Fandoms", null), "v", v));
  }

  /** The fandom page lists at most this many (the most used, then A to Z). */
  static final int MAX_FANDOMS_LISTED = 5_000;

  private void search(Context ctx) {
    List<String> unknownTags = new ArrayList<>();
    SearchQuery.Audience audience = readers.audience(ctx);
    SearchForm form =
        SearchForm.of(TagInputs.expand(ctx.queryParamMap(), quire, audience.member(), unknownTags));
    SearchResults res = quire.index().search(form.query().withAudience(audience));
    Map<Long, WorkSummary> works = summaries(quire, res);
    List<SearchView.Result> results = new ArrayList<>();
    for (SearchResults.Hit h : res.hits()) {
      WorkSummary w = works.get(h.workId());
      if (w != null) {
        results.add(
            new SearchView.Result(
                Blurb.of(w),
                h.snippet(),
                h.snippet() == null
                    ? null
                    : SearchView.snippetHref(w.id(), w.chapterCount(), h.snippet())));
      }
    }
    // Past the last page of a small result: say so, not that deep pages are cut at 10,000.
    boolean pastEnd =
        results.isEmpty()
            && res.total() > 0
            && form.page() > 1
            && form.page() > form.pages(res.total());
    String message = pastEnd && res.total() < SearchQuery.MAX_OFFSET ? null : res.message();
    if (!unknownTags.isEmpty()) {
      message =
          (message == null ? "" : message + " ")
              + "No tag is called "
              + unknownTags.stream()
                  .map(t -> "\u201c" + t + "\u201d")
                  .collect(java.util.stream.Collectors.joining(", "))
              + ", so "
              + (unknownTags.size() == 1 ? "it was" : "they were")
              + " left out; pick from the suggestions as you type, or search for the words.";
    }
    if (pastEnd) {
      long pages = form.pages(res.total());
      message =
          (message == null ? "" : message + " ")
              + "This search has "
              + Texts.number(pages)
              + (pages == 1 ? " page" : " pages")
              + " of results; page "
              + Texts.number(form.askedPage())
              + " is past the end.";
    }
    if (!form.understood().isEmpty()) {
      message =
          (message == null ? "" : message + " ")
              + "Read "
              + String.join(", ", form.understood())
              + " as filters: they are in the form below now, where you can change them.";
    }
    if (!form.ignored().isEmpty()) {
      message =
          (message == null ? "" : message + " ")
              + "Some filters could not be read and were left out: "
              + String.join(", ", form.ignored())
              + ".";
    }
    SearchView view =
        new SearchView(
            form,
            res.total(),
            audience.narrows(),
            results,
            SearchView.facets(form, res.facets()),
            message,
            Pager.of(
                form.pagerBase(),
                form.page(),
                Math.min(res.total(), SearchQuery.MAX_OFFSET),
                form.pageSize()),
            SearchView.TagPanel.of(form, quire.wrangler()));
    String q = form.q();
    render(ctx, "search.jte", Map.of("layout", layout(ctx, view.title(), q), "v", view));
  }

  /**
   * A page of the newest works an audience may see, from the index (privacy and mutes apply);
   * without facet counts, which listings do not show.
   */
  static SearchResults newest(Quire quire, SearchQuery.Audience audience, int page) {
    return newest(quire, audience, page, PAGE_SIZE);
  }

  /** The same, {@code size} works to a page. */
  static SearchResults newest(Quire quire, SearchQuery.Audience audience, int page, int size) {
    return quire
        .index()
        .hitsOnly(
            SearchQuery.of("")
                .withSort(SearchQuery.Sort.POSTED)
                .withAudience(audience)
                .withPage((page - 1) * size, size));
  }

  /** The hits' listing data in hit order (works deleted since the search are left out). */
  static List<WorkSummary> inOrder(SearchResults res, Map<Long, WorkSummary> byId) {
    return res.hits().stream()
        .map(h -> byId.get(h.workId()))
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  /** The listing data of a page of hits, by work id (one query for the page). */
  static Map<Long, WorkSummary> summaries(Quire quire, SearchResults res) {
    Map<Long, WorkSummary> out = new java.util.HashMap<>();
    for (WorkSummary w :
        quire.store().summaries(res.hits().stream().map(SearchResults.Hit::workId).toList())) {
      out.put(w.id(), w);
    }
    return out;
  }

  /**
   * A reader page's title: each chapter's page has its own (WCAG 2.4.2), "Chapter 2: The Ball –
   * Title", and the whole work on one page says so.
   */
  static String readerTitle(Work w, int n, boolean full) {
    if (w.chapters().size() <= 1) {
      return w.title();
    }
    if (full) {
      return w.title() + " (entire work)";
    }
    return ReaderView.label(w.chapters().get(n - 1)) + " – " + w.title();
  }

  /**
   * A form page's title: "Error: " first when the form was refused, so that a screen reader's first
   * words on the new page say so (WCAG 3.3.1).
   */
  /**
   * Whether a path sent back by a form ({@code next}, {@code back}) stays on this site: "//host"
   * and "/\\host" would leave it (browsers read a backslash as a slash), as would a control
   * character.
   */
  static boolean isLocalPath(String p) {
    return p != null
        && p.startsWith("/")
        && !p.startsWith("//")
        && !p.startsWith("/\\")
        && p.length() <= 500
        && p.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
  }

  static String titled(String title, String error) {
    return error == null || error.isEmpty() ? title : "Error: " + title;
  }

  /**
   * A form refused because of one field: the form page marks that field ({@code aria-invalid},
   * described by the message) so a screen reader says which one it is.
   */
  static io.javalin.http.BadRequestResponse refusedField(String field, String message) {
    return new io.javalin.http.BadRequestResponse(message, Map.of("field", field));
  }

  /** The field a refusal names (see {@link #refusedField}), or "". */
  static String fieldOf(io.javalin.http.BadRequestResponse e) {
    return e.getDetails().getOrDefault("field", "");
  }

  void error(Context ctx, int status, String title, String message) {
    ctx.status(HttpStatus.forStatus(status));
    render(
        ctx,
        "error.jte",
        Map.of(
            "layout",
            layout(ctx, title, null),
            "title",
            title,
            "message",
            message == null ? "" : message,
            "back",
            status == 400 && "POST".equals(ctx.method().name()) ? formPage(ctx) : ""));
  }

  /**
   * The archive's public address: the one its keeper set on /admin (behind a proxy the request's
   * Host may be the proxy's upstream name, or whatever a client sent), else as the request reached
   * it.
   */
  static String publicAddress(Quire quire, Context ctx) {
    String set = quire.settings().getOrDefault("site.url", "").strip();
    if (set.startsWith("https://") || set.startsWith("http://")) {
      return set.endsWith("/") ? set.substring(0, set.length() - 1) : set;
    }
    return siteAddress(ctx);
  }

  /**
   * This site's address as the request reached it ({@code https://host:port}, no slash at the end),
   * for the few documents that must give absolute links; a proxy's X-Forwarded-Proto is followed as
   * for cookies.
   */
  static String siteAddress(Context ctx) {
    String host = ctx.header("Host");
    if (host == null
        || !host.matches("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?")) {
      host = ctx.host() == null ? "localhost" : ctx.host();
    }
    return (overTls(ctx) ? "https" : "http") + "://" + host;
  }

  /**
   * The page of this site a refused form was sent from (its Referer, when on this host), so the
   * error can lead back to it: the browser's back button keeps what was typed and chosen there.
   */
  static String formPage(Context ctx) {
    String referer = ctx.header("Referer");
    String host = ctx.header("Host");
    if (referer == null || host == null || referer.length() > 1000) {
      return "";
    }
    try {
      java.net.URI u = new java.net.URI(referer);
      String path = u.getRawPath();
      if (!host.equalsIgnoreCase(u.getRawAuthority())
          || path == null
          || !path.startsWith("/")
          || path.startsWith("//")) {
        return "";
      }
      return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
    } catch (java.net.URISyntaxException e) {
      return "";
    }
  }

  static int pageParam(Context ctx) {
    String p = ctx.queryParam("page");
    if (p == null) {
      return 1;
    }
    try {
      return Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(p.strip())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static long idParam(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such work.");
    }
  }
}

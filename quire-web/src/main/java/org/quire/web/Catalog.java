package org.quire.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quire.app.Quire;
import org.quire.export.Cover;
import org.quire.model.TagType;
import org.quire.model.WorkSummary;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.quire.store.AccountStore;

/**
 * The OPDS 1.2 catalogue ({@code /opds}) and Atom feeds ({@code /feeds/works.atom}). Both are the
 * search behind an Atom face: the same parameters, filters and privacy as {@code /search}.
 *
 * <p>E-reader apps sign in with HTTP Basic: a member's name and one of their personal tokens as the
 * password (an app keeps what it is given in plain text, so it gets a token the member can revoke,
 * never the account's password). The members' catalogue, {@code /opds/member/}, is the same
 * catalogue behind a challenge: every address below it asks for credentials, so an app that answers
 * challenges (rather than sending credentials unasked) signs in there, and every link in it,
 * downloads and covers too, stays below it, where the app sends them again. Credentials sent
 * unasked to {@code /opds} are honoured as well. Signed in, the catalogue shows what the member may
 * read, their mutes applied. The Atom feeds stay public.
 */
final class Catalog {
  static final String MEMBERS = "/opds/member";
  // Apps show the realm in their password prompt: say what goes there.
  static final String CHALLENGE =
      "Basic realm=\"Quire: your user name and a personal token (not your password)\","
          + " charset=\"UTF-8\"";
  static final String SIGN_IN =
      "Sign in with your user name and, as the password, a personal token from your account"
          + " page.";

  private final Quire quire;
  private final ReaderRoutes readers;

  Catalog(Quire quire, ReaderRoutes readers) {
    this.quire = quire;
    this.readers = readers;
  }

  /**
   * Before every {@code /opds} request: Basic credentials, when sent, must name a member and one of
   * their tokens; the request then reads as theirs. Without credentials it is a visitor's.
   */
  void identify(Context ctx) {
    if (!ctx.path().startsWith("/opds")) {
      return;
    }
    String auth = ctx.header("Authorization");
    if (auth == null) {
      if (members(ctx)) {
        throw new ApiAccess.Unauthorized(SIGN_IN, CHALLENGE);
      }
      return;
    }
    AccountStore.User u =
        member(auth).orElseThrow(() -> new ApiAccess.Unauthorized(SIGN_IN, CHALLENGE));
    ctx.attribute(Viewer.ATTRIBUTE, new Viewer(u, null, ""));
  }

  /** The member whose name and token {@code Basic} credentials carry. */
  private java.util.Optional<AccountStore.User> member(String auth) {
    if (!auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return java.util.Optional.empty();
    }
    String pair;
    try {
      pair =
          new String(
              java.util.Base64.getDecoder().decode(auth.substring(6).strip()),
              java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
    int colon = pair.indexOf(':');
    if (colon < 0) {
      return java.util.Optional.empty();
    }
    String name = pair.substring(0, colon).strip();
    return quire
        .store()
        .accounts()
        .userByToken(pair.substring(colon + 1).strip())
        .filter(u -> u.name().equalsIgnoreCase(name));
  }

  /** Whether this request is for the members' catalogue. */
  private static boolean members(Context ctx) {
    String p = ctx.path();
    return p.equals(MEMBERS) || p.startsWith(MEMBERS + "/");
  }

  /** Where this catalogue's addresses start: {@code /opds} or {@code /opds/member}. */
  private static String base(Context ctx) {
    return members(ctx) ? MEMBERS : "/opds";
  }

  /** The catalogue's routes, public and members'. */
  void routes(io.javalin.config.RoutesConfig routes, QuireWeb web) {
    for (String base : List.of("/opds", MEMBERS)) {
      routes.get(base, this::root);
      routes.get(base + "/fandoms", this::fandoms);
      routes.get(base + "/works", this::works);
      routes.get(base + "/works/{id}/cover", this::cover);
      // The site's downloads, below the catalogue: where the app sends its credentials.
      routes.get(base + "/works/{id}/download/{format}", web::download);
      routes.get(base + "/opensearch.xml", this::openSearch);
    }
    routes.get("/works/{id}/cover", this::cover);
  }

  /**
   * A work's cover, as its EPUB has it, for e-reader apps' shelves ({@code /works/{id}/cover}, and
   * below {@code /opds/} for a signed-in app). Drawn on request; the ETag changes with the work, so
   * an app asks again only for works that changed.
   */
  void cover(Context ctx) {
    long id = ReaderRoutes.id(ctx, "id");
    Viewer v = Viewer.of(ctx);
    switch (quire.access(id, v.loggedIn() ? v.user().id() : null, v.admin())) {
      case ALLOWED -> {}
      case MEMBERS_ONLY -> throw new AccountRoutes.LoginRequired(true);
      default -> throw new io.javalin.http.NotFoundResponse("There is no work " + id + ".");
    }
    WorkSummary w =
        quire.store().summaries(List.of(id)).stream()
            .findFirst()
            .orElseThrow(
                () -> new io.javalin.http.NotFoundResponse("There is no work " + id + "."));
    String etag = "\"cover-" + id + "-" + w.updatedAt().toEpochMilli() + "\"";
    ctx.header("ETag", etag);
    ctx.header(
        "Cache-Control",
        (w.visibility() == org.quire.model.Visibility.PUBLIC ? "public" : "private")
            + ", max-age=3600");
    if (StaticAssets.notModified(ctx.header("If-None-Match"), etag)) {
      ctx.status(io.javalin.http.HttpStatus.NOT_MODIFIED);
      return;
    }
    Cover.Image img = Cover.of(new Cover.Face(w.title(), w.authors(), w.tagNames(TagType.FANDOM)));
    ctx.contentType(img.mediaType()).result(img.bytes());
  }

  void root(Context ctx) {
    Viewer v = Viewer.of(ctx);
    String base = base(ctx);
    List<Feeds.Nav> entries = new ArrayList<>();
    entries.addAll(
        List.of(
            new Feeds.Nav(
                "urn:quire:new",
                "New works",
                "The newest works first.",
                base + "/works?sort=posted",
                Feeds.ACQUISITION),
            new Feeds.Nav(
                "urn:quire:kudos",
                "Most loved",
                "Works with the most kudos.",
                base + "/works?sort=kudos",
                Feeds.ACQUISITION),
            new Feeds.Nav(
                "urn:quire:complete",
                "Complete works",
                "Finished works, newest first.",
                base + "/works?sort=posted&complete=true",
                Feeds.ACQUISITION),
            new Feeds.Nav(
                "urn:quire:fandoms",
                "By fandom",
                "Browse the archive's fandoms.",
                base + "/fandoms",
                Feeds.NAVIGATION)));
    if (!v.loggedIn()) {
      entries.add(
          new Feeds.Nav(
              "urn:quire:signin",
              "Sign in",
              "The members' catalogue, with members-only works. " + SIGN_IN,
              MEMBERS + "/",
              Feeds.NAVIGATION));
    }
    String title = site() + " catalogue" + (v.loggedIn() ? " (" + v.name() + ")" : "");
    ctx.contentType(Feeds.NAVIGATION + ";charset=utf-8")
        .result(Feeds.navigation("urn:quire:root", title, base, base, Instant.now(), entries));
  }

  void fandoms(Context ctx) {
    // Every fandom of the works this reader may see (not only a search's top facets), most first.
    List<Feeds.Nav> entries = new ArrayList<>();
    for (SearchResults.FacetValue f :
        quire
            .index()
            .tagCounts(TagType.FANDOM, readers.audience(ctx), QuireWeb.MAX_FANDOMS_LISTED)) {
      entries.add(
          new Feeds.Nav(
              "urn:quire:fandom:" + Texts.segment(f.name()),
              f.name(),
              f.count() + (f.count() == 1 ? " work" : " works"),
              base(ctx) + "/works?include=" + Texts.url("fandom:" + f.name()),
              Feeds.ACQUISITION));
    }
    ctx.contentType(Feeds.NAVIGATION + ";charset=utf-8")
        .result(
            Feeds.navigation(
                "urn:quire:fandoms",
                "Fandoms",
                base(ctx) + "/fandoms",
                base(ctx),
                Instant.now(),
                entries));
  }

  void works(Context ctx) {
    acquisition(
        ctx,
        base(ctx) + "/works",
        Feeds.ACQUISITION + ";charset=utf-8",
        SearchQuery.Sort.RELEVANCE);
  }

  /** Atom feed of new works, for feed readers: any search parameters, newest first. */
  void atom(Context ctx) {
    acquisition(
        ctx, "/feeds/works.atom", "application/atom+xml;charset=utf-8", SearchQuery.Sort.POSTED);
  }

  private void acquisition(Context ctx, String path, String type, SearchQuery.Sort defaultSort) {
    // A visitor's feed (the Atom feeds always): tags typed by name resolve as a visitor's would;
    // unknown ones are left out.
    SearchQuery.Audience audience = readers.audience(ctx);
    Map<String, List<String>> params =
        new java.util.LinkedHashMap<>(
            TagInputs.expand(ctx.queryParamMap(), quire, audience.member(), new ArrayList<>()));
    params.putIfAbsent("sort", List.of(defaultSort.key()));
    SearchForm form = SearchForm.of(params, path);
    SearchResults res = quire.index().search(form.query().withAudience(audience));
    List<WorkSummary> works =
        quire.store().summaries(res.hits().stream().map(SearchResults.Hit::workId).toList());
    List<Feeds.Link> links = new ArrayList<>();
    long pages = form.pages(res.total());
    String base = form.pagerBase();
    links.add(Feeds.Link.of("first", base + "page=1", type));
    if (form.page() > 1) {
      links.add(Feeds.Link.of("previous", base + "page=" + (form.page() - 1), type));
    }
    if (form.page() < pages) {
      links.add(Feeds.Link.of("next", base + "page=" + (form.page() + 1), type));
    }
    // Facets as OPDS apps show them: how to order, whether finished, then tags with counts.
    for (SearchQuery.Sort s :
        List.of(
            SearchQuery.Sort.POSTED,
            SearchQuery.Sort.UPDATED,
            SearchQuery.Sort.KUDOS,
            SearchQuery.Sort.WORDS)) {
      links.add(
          new Feeds.Link(
              "http://opds-spec.org/facet",
              form.withParam("sort", s.key()),
              type,
              s.label(),
              "Sort by",
              form.sort() == s));
    }
    for (String done : List.of("", "true", "false")) {
      links.add(
          new Feeds.Link(
              "http://opds-spec.org/facet",
              form.withParam("complete", done.isEmpty() ? null : done),
              type,
              done.isEmpty() ? "Any" : done.equals("true") ? "Complete" : "In progress",
              "Status",
              form.complete().equals(done)));
    }
    for (TagType t : List.of(TagType.RATING, TagType.CATEGORY, TagType.FANDOM)) {
      for (SearchResults.FacetValue v : res.facets().getOrDefault(t.key(), List.of())) {
        links.add(
            new Feeds.Link(
                "http://opds-spec.org/facet",
                form.includeHref(t, v.name()),
                type,
                v.name() + " (" + v.count() + ")",
                t.label(),
                form.isIncluded(t, v.name())));
      }
    }
    String title = form.q().isBlank() ? site() + ": works" : site() + ": " + form.q();
    ctx.contentType(type)
        .result(
            Feeds.acquisition(
                "urn:quire:" + path + ":" + base,
                title,
                base + "page=" + form.page(),
                path.startsWith("/opds") ? base(ctx) : "/opds",
                works,
                links,
                new Feeds.Page(
                    res.total(), form.pageSize(), (form.page() - 1L) * form.pageSize() + 1),
                // Signed in, downloads go where the app sends its credentials.
                audience.member() ? base(ctx) + "/works/" : "/works/"));
  }

  void openSearch(Context ctx) {
    ctx.contentType(Feeds.OPENSEARCH + ";charset=utf-8")
        .result(Feeds.openSearch(site(), QuireWeb.publicAddress(quire, ctx), base(ctx)));
  }

  private String site() {
    return quire.siteName();
  }
}

package org.quire.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.app.Quire;
import org.quire.export.ChapterRenderer;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Work;
import org.quire.model.WorkSummary;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.quire.store.AccountStore;
import org.quire.store.ReaderStore;
import org.quire.text.WordCounter;

/**
 * The public JSON API under {@code /api/v1}, described by {@code /api/openapi.json}. Responses
 * carry an ETag; a request with a matching {@code If-None-Match} gets 304 and no body.
 */
final class Api {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Quire quire;

  Api(Quire quire) {
    this.quire = quire;
  }

  void works(Context ctx) {
    SearchForm form = SearchForm.of(ctx.queryParamMap());
    int page = form.page();
    int size = form.pageSize();
    // Public works only: the API has no accounts, so it sees what a visitor sees.
    SearchResults res = QuireWeb.newest(quire, audience(ctx), page, size);
    List<Map<String, Object>> results = new ArrayList<>();
    for (WorkSummary w : QuireWeb.inOrder(res, QuireWeb.summaries(quire, res))) {
      results.add(summary(w));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", res.total());
    body.put("page", page);
    body.put("pageSize", size);
    body.put("results", results);
    send(ctx, body);
  }

  void work(Context ctx) {
    Work w = load(ctx);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", w.id());
    body.put("title", w.title());
    body.put("titleGenerated", w.titleGenerated());
    body.put("authors", w.authors());
    body.put("summary", w.summary());
    body.put("notes", w.notes());
    body.put("endNotes", w.endNotes());
    body.put("language", w.language());
    body.put("posted", w.importedAt() == null ? null : w.importedAt().toString());
    body.put(
        "updated", quire.store().updatedAt(w.id()).map(java.time.Instant::toString).orElse(null));
    body.put("complete", w.complete());
    body.put(
        "visibility",
        quire.store().visibility(w.id()).orElse(org.quire.model.Visibility.PUBLIC).key());
    body.put("commentPolicy", quire.store().readers().commentPolicy(w.id()).key());
    body.put("gifts", ReaderExtras.gifts(quire, w.id()));
    body.put("expectedChapters", w.expectedChapters() > 0 ? w.expectedChapters() : null);
    body.put("words", w.wordCount());
    body.put("url", "/works/" + w.id());
    org.quire.model.Engagement e = quire.store().readers().engagement(w.id());
    body.put(
        "stats",
        new java.util.TreeMap<>(
            Map.of(
                "kudos", e.kudos(),
                "hits", e.hits(),
                "bookmarks", e.bookmarks(),
                "comments", e.comments())));
    List<Map<String, Object>> chapters = new ArrayList<>();
    for (Chapter c : w.chapters()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("number", c.number());
      m.put("title", c.title());
      m.put("words", WordCounter.count(c.text()));
      m.put("url", "/api/v1/works/" + w.id() + "/chapters/" + c.number());
      chapters.add(m);
    }
    body.put("chapters", chapters);
    body.put("tags", tagsJson(w));
    Map<String, String> downloads = new LinkedHashMap<>();
    for (String f : List.of("epub", "html", "md", "txt")) {
      downloads.put(f, "/works/" + w.id() + "/download/" + f);
    }
    body.put("downloads", downloads);
    // The same files for a token: the pages above need a browser's session for members-only works.
    Map<String, String> apiDownloads = new LinkedHashMap<>();
    downloads.forEach((f, url) -> apiDownloads.put(f, "/api/v1" + url));
    body.put("apiDownloads", apiDownloads);
    send(ctx, body);
  }

  /** A work's shown tags by type, each with its provenance, confidence and evidence. */
  static Map<String, List<Map<String, Object>>> tagsJson(Work w) {
    Map<String, List<Map<String, Object>>> tags = new LinkedHashMap<>();
    for (TagType t : TagType.values()) {
      List<Map<String, Object>> list = new ArrayList<>();
      for (Tag tag : w.tags(t)) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", tag.name());
        m.put("provenance", tag.provenance().key());
        m.put("confidence", tag.confidence());
        m.put("note", tag.note());
        m.put("evidence", tag.evidence().stream().map(e -> e.quote()).toList());
        list.add(m);
      }
      if (!list.isEmpty()) {
        tags.put(t.key(), list);
      }
    }
    return tags;
  }

  void chapter(Context ctx) {
    Work w = load(ctx);
    Chapter c = w.chapter(chapterNumber(ctx, w));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("work", w.id());
    body.put("number", c.number());
    body.put("title", c.title());
    body.put("notes", c.notes());
    body.put("endNotes", c.endNotes());
    body.put("format", w.format().name().toLowerCase(java.util.Locale.ROOT));
    body.put("text", c.text());
    body.put("html", ChapterRenderer.html(c.text(), w.format(), ChapterRenderer.blankSeparated(w)));
    send(ctx, body);
  }

  /** A token's account sees what a member sees; anyone else what a visitor sees. */
  /** A token sees what its member sees on the pages: their mutes and blocks apply. */
  private SearchQuery.Audience audience(Context ctx) {
    AccountStore.User u = ApiAccess.user(ctx);
    return u == null
        ? SearchQuery.Audience.VISITOR
        : ReaderRoutes.memberAudience(quire, u.id(), List.of());
  }

  /**
   * Posts a work from the request body (any format Quire imports), as the token's account. Query
   * parameters: {@code filename} (its extension picks the format; default {@code upload.txt}),
   * {@code visibility} (public, restricted or draft; default public) and {@code autotag} (false
   * keeps only the file's own tags; default true).
   */
  void post(Context ctx) {
    var u = ApiAccess.requireUser(ctx);
    String name = ctx.queryParam("filename");
    if (name == null || name.isBlank()) {
      name = "upload.txt";
    }
    org.quire.model.Visibility v;
    try {
      v =
          org.quire.model.Visibility.fromKey(
              ctx.queryParam("visibility") == null ? "public" : ctx.queryParam("visibility"));
    } catch (IllegalArgumentException e) {
      throw new io.javalin.http.BadRequestResponse("visibility is public, restricted or draft.");
    }
    String autoTag = ctx.queryParam("autotag");
    if (autoTag != null && !autoTag.equals("true") && !autoTag.equals("false")) {
      throw new io.javalin.http.BadRequestResponse("autotag is true or false.");
    }
    int planned = plannedChapters(ctx.queryParam("expectedChapters"));
    byte[] body = ctx.bodyAsBytes();
    try {
      var added =
          quire.post(
              name.replaceAll("[/\\\\]", "_"), body, u.id(), v, !"false".equals(autoTag), planned);
      if (added.duplicate()
          && quire.access(added.id(), u.id(), u.role() == org.quire.store.AccountStore.Role.ADMIN)
              != org.quire.app.Quire.Access.ALLOWED) {
        // Someone else's draft: say no more than that the file is here, never which work it is.
        throw new io.javalin.http.HttpResponseException(
            409,
            "The archive already holds a work made from this same file, one you cannot see;"
                + " nothing new was posted.");
      }
      ctx.status(added.duplicate() ? 200 : 201);
      if (!added.duplicate()) {
        ctx.header("Location", "/api/v1/works/" + added.id());
      }
      ctx.json(
          Map.of(
              "id",
              added.id(),
              "duplicate",
              added.duplicate(),
              "url",
              "/works/" + added.id(),
              "api",
              "/api/v1/works/" + added.id()));
    } catch (org.quire.ingest.IngestException e) {
      throw new io.javalin.http.BadRequestResponse("Quire could not read that: " + e.reason());
    }
  }

  /** Leaves kudos as the token's account (once; not on one's own work). */
  void kudos(Context ctx) {
    var u = ApiAccess.requireUser(ctx);
    Work w = load(ctx);
    if (quire.store().accounts().isCreator(w.id(), u.id())) {
      throw new io.javalin.http.BadRequestResponse("No kudos on your own work.");
    }
    boolean added = quire.store().readers().addKudos(w.id(), "u:" + u.id(), u.id());
    if (added) {
      quire.engagementChanged(w.id());
    }
    ctx.status(added ? 201 : 200);
    ctx.json(Map.of("kudos", quire.store().readers().engagement(w.id()).kudos(), "added", added));
  }

  /** A chapter's comments, oldest first, as threads (each names its parent); no token needed. */
  void comments(Context ctx) {
    Work w = load(ctx);
    int n = chapterNumber(ctx, w);
    var u = ApiAccess.user(ctx);
    java.util.Set<Long> blocked =
        u == null ? java.util.Set.of() : ReaderActions.blocked(quire, u.id());
    boolean moderator =
        u != null
            && (u.role() == AccountStore.Role.ADMIN
                || quire.store().accounts().isCreator(w.id(), u.id()));
    List<Map<String, Object>> out = new ArrayList<>();
    for (var c : quire.store().readers().comments(w.id(), n)) {
      if (c.userId() != null && blocked.contains(c.userId()) && !c.deleted()
          || !ReaderActions.visible(c, u == null ? null : u.id(), moderator)) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", c.id());
      m.put("parent", c.parentId());
      m.put("author", c.deleted() ? null : c.userName());
      m.put("deleted", c.deleted());
      m.put("body", c.deleted() ? "" : c.body());
      m.put("html", c.deleted() ? "" : ChapterRenderer.commentHtml(c.body()));
      m.put("created", c.createdAt().toString());
      m.put("edited", c.editedAt() == null ? null : c.editedAt().toString());
      m.put("held", c.held());
      out.add(m);
    }
    send(ctx, Map.of("work", w.id(), "chapter", n, "comments", out));
  }

  /** Comments as the token's account; JSON {@code {"body": "...", "parent": 12}}. */
  void comment(Context ctx) {
    var u = ApiAccess.requireUser(ctx);
    Work w = load(ctx);
    int n = chapterNumber(ctx, w);
    Map<?, ?> body = jsonBody(ctx);
    Object parent = body.get("parent");
    if (parent != null && !(parent instanceof Number)) {
      throw new io.javalin.http.BadRequestResponse("parent is a comment id (a number).");
    }
    Object text = body.get("body");
    try {
      var posted =
          ReaderActions.comment(
              quire,
              w,
              n,
              parent == null ? null : ((Number) parent).longValue(),
              u,
              text instanceof String t ? t : null);
      ctx.status(201);
      ctx.json(
          Map.of(
              "id",
              posted.id(),
              "held",
              posted.held(),
              "url",
              ReaderRoutes.chapterUrl(w, n) + "#comment-" + posted.id()));
    } catch (org.quire.store.StoreException e) {
      throw new io.javalin.http.BadRequestResponse(e.getMessage());
    }
  }

  /** The token's account's bookmarks, newest first ({@code page}, 50 a page). */
  void bookmarks(Context ctx) {
    var u = ApiAccess.requireUser(ctx);
    int page = QuireWeb.pageParam(ctx);
    List<Map<String, Object>> out = new ArrayList<>();
    for (var b : quire.store().readers().bookmarks(u.id(), (page - 1) * 50, 50)) {
      out.add(bookmarkJson(b));
    }
    send(ctx, Map.of("page", page, "bookmarks", out));
  }

  /**
   * Bookmarks a work as the token's account, or changes the bookmark; JSON {@code {"note": "…",
   * "tags": ["…"], "private": false, "later": false}}. A field left out keeps its stored value, so
   * changing the note never makes a private bookmark public.
   */
  void saveBookmark(Context ctx) {
    var u = ApiAccess.requireUser(ctx);
    Work w = load(ctx);
    Map<?, ?> body = jsonBody(ctx);
    var old = quire.store().readers().bookmark(u.id(), w.id());
    List<String> tags = new ArrayList<>(old.map(ReaderStore.Bookmark::tags).orElse(List.of()));
    if (body.containsKey("tags")) {
      if (!(body.get("tags") instanceof List<?> l)
          || !l.stream().allMatch(o -> o instanceof String)) {
        throw new BadRequestResponse(
            "tags must be a list of strings, such as [\"sea\", \"ferries\"].");
      }
      tags.clear();
      l.forEach(o -> tags.add((String) o));
    }
    String note = old.map(ReaderStore.Bookmark::note).orElse(null);
    if (body.containsKey("note")) {
      Object n = body.get("note");
      if (n != null && !(n instanceof String)) {
        throw new BadRequestResponse("note must be a string.");
      }
      note = (String) n;
    }
    boolean isPrivate =
        flag(body, "private", old.map(ReaderStore.Bookmark::isPrivate).orElse(false));
    boolean later = flag(body, "later", old.map(ReaderStore.Bookmark::later).orElse(false));
    quire
        .store()
        .readers()
        .saveBookmark(u.id(), ReaderActions.bookmark(w.id(), note, tags, isPrivate, later));
    quire.engagementChanged(w.id());
    ctx.status(old.isPresent() ? 200 : 201);
    ctx.json(bookmarkJson(quire.store().readers().bookmark(u.id(), w.id()).orElseThrow()));
  }

  /** A true/false field, or {@code otherwise} when it is left out. */
  private static boolean flag(Map<?, ?> body, String key, boolean otherwise) {
    if (!body.containsKey(key)) {
      return otherwise;
    }
    if (!(body.get(key) instanceof Boolean b)) {
      throw new BadRequestResponse(key + " must be true or false.");
    }
    return b;
  }

  void deleteBookmark(Context ctx) {
    var u = ApiAccess.requireUser(ctx);
    long id = ReaderRoutes.id(ctx, "id");
    if (!quire.store().readers().deleteBookmark(u.id(), id)) {
      throw new NotFoundResponse("You have no bookmark of work " + id + ".");
    }
    quire.engagementChanged(id);
    ctx.status(204);
  }

  private static Map<String, Object> bookmarkJson(org.quire.store.ReaderStore.Bookmark b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("work", b.workId());
    m.put("note", b.note());
    m.put("tags", b.tags());
    m.put("private", b.isPrivate());
    m.put("later", b.later());
    m.put("created", b.createdAt() == null ? null : b.createdAt().toString());
    return m;
  }

  private static int chapterNumber(Context ctx, Work w) {
    int n;
    try {
      n = Integer.parseInt(ctx.pathParam("n"));
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1 || n > w.chapters().size()) {
      throw new NotFoundResponse("Work " + w.id() + " has no chapter " + ctx.pathParam("n") + ".");
    }
    return n;
  }

  /** A JSON object from the request body; at most 64 KB. */
  private static Map<?, ?> jsonBody(Context ctx) {
    return jsonBody(ctx, 65_536);
  }

  /** A JSON object from the request body, of at most {@code max} bytes. */
  static Map<?, ?> jsonBody(Context ctx, int max) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > max) {
      throw new io.javalin.http.BadRequestResponse(
          "The request body is over " + (max / 1024) + " KB.");
    }
    try {
      Object o = JSON.readValue(bytes, Object.class);
      if (o instanceof Map<?, ?> m) {
        return m;
      }
    } catch (IOException e) {
      // answered below
    }
    throw new io.javalin.http.BadRequestResponse("The request body must be a JSON object.");
  }

  void tags(Context ctx) {
    TagType type;
    try {
      type = TagType.fromKey(ctx.pathParam("type"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundResponse("There is no tag type " + ctx.pathParam("type") + ".");
    }
    SearchResults all = quire.index().search(SearchQuery.of("").withPage(0, 1));
    List<Map<String, Object>> values = new ArrayList<>();
    for (SearchResults.FacetValue v : all.facets().getOrDefault(type.key(), List.of())) {
      values.add(
          Map.of(
              "name",
              v.name(),
              "count",
              v.count(),
              "canonical",
              quire.wrangler().canonical(type, v.name()),
              "fandoms",
              List.copyOf(quire.wrangler().fandomsOf(type, v.name()))));
    }
    send(ctx, Map.of("type", type.key(), "tags", values));
  }

  /**
   * Tags whose name or a word of it starts with {@code q}, on works the caller may find: for
   * completing the names given to {@code include_tags} and {@code exclude_tags}.
   */
  void suggestTags(Context ctx) {
    send(
        ctx,
        Map.of("tags", TagInputs.suggest(quire, ctx.queryParam("q"), ApiAccess.user(ctx) != null)));
  }

  /** The JSON form of a search: the same parameters as the page, results with snippets. */
  void search(Context ctx) {
    List<String> unknownTags = new ArrayList<>();
    SearchQuery.Audience audience = audience(ctx);
    SearchForm form =
        SearchForm.of(TagInputs.expand(ctx.queryParamMap(), quire, audience.member(), unknownTags));
    SearchResults res = quire.index().search(form.query().withAudience(audience));
    Map<Long, WorkSummary> works = QuireWeb.summaries(quire, res);
    List<Map<String, Object>> results = new ArrayList<>();
    for (SearchResults.Hit h : res.hits()) {
      WorkSummary w = works.get(h.workId());
      if (w == null) {
        continue;
      }
      Map<String, Object> r = summary(w);
      r.put("score", h.score());
      if (h.snippet() != null) {
        r.put(
            "snippet",
            Map.of(
                "chapter", h.snippet().chapter(),
                "offset", h.snippet().offset(),
                "url", SearchView.snippetHref(w.id(), w.chapterCount(), h.snippet()),
                "parts", h.snippet().parts()));
      }
      results.add(r);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("total", res.total());
    body.put("page", form.page());
    body.put("pageSize", form.pageSize());
    body.put("results", results);
    body.put("facets", res.facets());
    if (res.message() != null) {
      body.put("message", res.message());
    }
    if (!unknownTags.isEmpty()) {
      body.put("unknownTags", unknownTags);
    }
    if (!form.ignored().isEmpty()) {
      body.put("ignored", form.ignored());
    }
    if (!form.understood().isEmpty()) {
      body.put("understood", form.understood());
    }
    send(ctx, body);
  }

  void openApi(Context ctx) throws IOException {
    try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  static Map<String, Object> summary(WorkSummary w) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("id", w.id());
    r.put("title", w.title());
    r.put("authors", w.authors());
    r.put("url", "/works/" + w.id());
    r.put("api", "/api/v1/works/" + w.id());
    r.put("words", w.wordCount());
    r.put("chapters", w.chapterCount());
    r.put("complete", w.complete());
    r.put("expectedChapters", w.expectedChapters() > 0 ? w.expectedChapters() : null);
    r.put("language", w.language());
    r.put("posted", w.importedAt().toString());
    r.put("updated", w.updatedAt().toString());
    r.put(
        "stats",
        new java.util.TreeMap<>(
            Map.of(
                "kudos", w.engagement().kudos(),
                "hits", w.engagement().hits(),
                "bookmarks", w.engagement().bookmarks(),
                "comments", w.engagement().comments())));
    Map<String, List<String>> tags = new LinkedHashMap<>();
    for (TagType t : TagType.values()) {
      List<String> names = w.tagNames(t);
      if (!names.isEmpty()) {
        tags.put(t.key(), names);
      }
    }
    r.put("tags", tags);
    return r;
  }

  Work load(Context ctx) {
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such work.");
    }
    if (!readable(ctx, id)) {
      // Without a token, members-only works and drafts do not exist for the API.
      throw new NotFoundResponse("There is no work " + id + ".");
    }
    return quire.work(id).orElseThrow(() -> new NotFoundResponse("There is no work " + id + "."));
  }

  /** Whether the request's token (or a visitor, without one) may read the work. */
  boolean readable(Context ctx, long id) {
    var u = ApiAccess.user(ctx);
    return quire.access(
            id,
            u == null ? null : u.id(),
            u != null && u.role() == org.quire.store.AccountStore.Role.ADMIN)
        == Quire.Access.ALLOWED;
  }

  /** Writes JSON with an ETag, or 304 when the client already has this exact body. */
  static void send(Context ctx, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String etag = "\"" + sha1(bytes) + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "no-cache");
    // A list of tags, weak tags and "*" as RFC 9110 allows, as the static assets answer them.
    if (StaticAssets.notModified(ctx.header("If-None-Match"), etag)) {
      ctx.status(304);
      return;
    }
    ctx.contentType("application/json").result(bytes);
  }

  private static String sha1(byte[] b) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(b))
          .substring(0, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The {@code expectedChapters} parameter: absent is 0 (as the file says), else 1 to 9,999. */
  private static int plannedChapters(String v) {
    int n = AuthoringRoutes.plannedChapters(v);
    if (n < 0) {
      throw new io.javalin.http.BadRequestResponse(
          "expectedChapters is a whole number from 1 to 9999.");
    }
    return n;
  }
}

package org.quire.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.app.Quire;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Work;
import org.quire.model.WorkSummary;
import org.quire.store.AccountStore;
import org.quire.store.ReaderStore;
import org.quire.store.SeriesStore;

/**
 * The API's authors and series (lists of the works a reader may see), and its writes for a work's
 * author: a new chapter, and decisions on the suggested tags. The same rules as the pages: only a
 * work's creators (or an admin) change it.
 */
final class ApiAuthoring {
  private final Quire quire;
  private final Api api;

  ApiAuthoring(Quire quire, Api api) {
    this.quire = quire;
    this.api = api;
  }

  /** An author's works that the caller may read, newest first. */
  void author(Context ctx) {
    String name = ctx.pathParam("name").strip();
    List<Long> ids = new ArrayList<>();
    for (long id : quire.store().idsByAuthor(name)) {
      if (api.readable(ctx, id)) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      throw new NotFoundResponse("There are no works by " + name + " here.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("url", "/authors/" + Texts.segment(name));
    body.put("works", summaries(ids));
    body.put("epub", "/authors/" + Texts.segment(name) + "/download/epub");
    Api.send(ctx, body);
  }

  /** A series and, in order, the works in it that the caller may read. */
  void series(Context ctx) {
    SeriesStore.Series s;
    try {
      s =
          quire
              .store()
              .series()
              .series(Long.parseLong(ctx.pathParam("sid")))
              .orElseThrow(() -> new NotFoundResponse("There is no such series."));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such series.");
    }
    List<Long> ids = s.workIds().stream().filter(id -> api.readable(ctx, id)).toList();
    if (ids.isEmpty() && !ownsSeries(ctx, s)) {
      // As on the pages: a series of works the caller may not read is not there for them.
      throw new NotFoundResponse("There is no such series.");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", s.id());
    body.put("title", s.title());
    body.put("summary", s.summary());
    body.put("url", "/series/" + s.id());
    body.put("works", summaries(ids));
    body.put("epub", "/series/" + s.id() + "/download/epub");
    Api.send(ctx, body);
  }

  /** Whether the caller's token is the series owner's, or an admin's. */
  private static boolean ownsSeries(Context ctx, SeriesStore.Series s) {
    AccountStore.User u = ApiAccess.user(ctx);
    return u != null
        && (u.role() == AccountStore.Role.ADMIN || s.ownerId() != null && s.ownerId() == u.id());
  }

  private List<Map<String, Object>> summaries(List<Long> ids) {
    Map<Long, WorkSummary> byId = new LinkedHashMap<>();
    for (WorkSummary w : quire.store().summaries(ids)) {
      byId.put(w.id(), w);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (long id : ids) {
      WorkSummary w = byId.get(id);
      if (w != null) {
        out.add(Api.summary(w));
      }
    }
    return out;
  }

  /**
   * Adds a chapter at the end; JSON {@code {"title": "…", "text": "…", "notes": "…", "endNotes":
   * "…"}}.
   */
  void addChapter(Context ctx) {
    Work w = ownWork(ctx);
    Map<?, ?> body = Api.jsonBody(ctx, 8 * 1024 * 1024);
    String text = AuthoringRoutes.storyText(field(body, "text", AuthoringRoutes.MAX_CHAPTER));
    if (text == null) {
      throw new BadRequestResponse("text is the new chapter's text, and it is missing or empty.");
    }
    Work edited =
        quire.addChapter(
            w.id(),
            field(body, "title", 300),
            text,
            AuthoringRoutes.note(field(body, "notes", 20_000), null),
            AuthoringRoutes.note(field(body, "endNotes", 20_000), null));
    int n = edited.chapters().size();
    ctx.status(201);
    ctx.json(
        Map.of(
            "number",
            n,
            "url",
            "/works/" + w.id() + "/chapters/" + n,
            "api",
            "/api/v1/works/" + w.id() + "/chapters/" + n));
  }

  /**
   * Changes a work's metadata; JSON with any of {@code title}, {@code summary}, {@code notes},
   * {@code endNotes} (an empty string clears one), {@code complete}, {@code expectedChapters} (0
   * for unknown), {@code commentPolicy} ({@code open}, {@code moderated} or {@code closed}). What
   * is left out stays. Answers with the work as {@code GET} gives it.
   */
  void editWork(Context ctx) {
    Work w = ownWork(ctx);
    Map<?, ?> body = Api.jsonBody(ctx, 65_536);
    String title = body.containsKey("title") ? field(body, "title", 300) : w.title();
    if (title == null) {
      throw new BadRequestResponse("title cannot be empty.");
    }
    boolean complete = w.complete();
    if (body.containsKey("complete")) {
      if (!(body.get("complete") instanceof Boolean b)) {
        throw new BadRequestResponse("complete is true or false.");
      }
      complete = b;
    }
    int planned = w.expectedChapters();
    if (body.containsKey("expectedChapters")) {
      if (!(body.get("expectedChapters") instanceof Integer n) || n < 0 || n > 9_999) {
        throw new BadRequestResponse("expectedChapters is a whole number from 0 to 9,999.");
      }
      planned = n;
      if (planned > 0 && planned < w.chapters().size()) {
        throw new BadRequestResponse(
            "The work has " + w.chapters().size() + " chapters: plan at least that many, or 0.");
      }
    }
    ReaderStore.CommentPolicy policy = null;
    if (body.containsKey("commentPolicy")) {
      policy =
          ReaderStore.CommentPolicy.of(String.valueOf(body.get("commentPolicy")))
              .orElseThrow(
                  () -> new BadRequestResponse("commentPolicy is open, moderated or closed."));
    }
    boolean workChanged =
        java.util.stream.Stream.of(
                "title", "summary", "notes", "endNotes", "complete", "expectedChapters")
            .anyMatch(body::containsKey);
    if (workChanged) {
      quire.edit(
          w.id(),
          new Quire.Edit(
              title,
              body.containsKey("summary")
                  ? AuthoringRoutes.note(field(body, "summary", 5_000), w.summary())
                  : w.summary(),
              body.containsKey("notes")
                  ? AuthoringRoutes.note(field(body, "notes", 20_000), w.notes())
                  : w.notes(),
              body.containsKey("endNotes")
                  ? AuthoringRoutes.note(field(body, "endNotes", 20_000), w.endNotes())
                  : w.endNotes(),
              complete,
              w.chapters(),
              planned));
    }
    if (policy != null) {
      quire.store().readers().setCommentPolicy(w.id(), policy);
    }
    api.work(ctx);
  }

  /**
   * Replaces a chapter's title, text or notes; JSON with any of {@code title}, {@code text}, {@code
   * notes} (HTML as AO3's editor gives it is read as on the pages). What is left out stays.
   */
  void editChapter(Context ctx) {
    Work w = ownWork(ctx);
    int n = chapterNumber(ctx, w);
    Map<?, ?> body = Api.jsonBody(ctx, 8 * 1024 * 1024);
    List<org.quire.model.Chapter> chapters = new ArrayList<>();
    for (org.quire.model.Chapter c : w.chapters()) {
      if (c.number() != n) {
        chapters.add(c);
        continue;
      }
      String sent = field(body, "text", AuthoringRoutes.MAX_CHAPTER);
      String text =
          !body.containsKey("text")
              ? c.text()
              : sent == null || sent.equals(c.text().strip())
                  ? sent
                  : AuthoringRoutes.storyText(sent);
      if (text == null) {
        throw new BadRequestResponse("text cannot be empty: delete the chapter instead.");
      }
      chapters.add(
          new org.quire.model.Chapter(
              n,
              body.containsKey("title") ? field(body, "title", 300) : c.title(),
              text,
              body.containsKey("notes")
                  ? AuthoringRoutes.note(field(body, "notes", 20_000), c.notes())
                  : c.notes(),
              body.containsKey("endNotes")
                  ? AuthoringRoutes.note(field(body, "endNotes", 20_000), c.endNotes())
                  : c.endNotes()));
    }
    quire.edit(w.id(), Quire.Edit.chapters(w, chapters));
    api.chapter(ctx);
  }

  /** Deletes a chapter (its comments go with it; later chapters move up). 204. */
  void deleteChapter(Context ctx) {
    Work w = ownWork(ctx);
    int n = chapterNumber(ctx, w);
    if (w.chapters().size() == 1) {
      throw new BadRequestResponse("A work keeps at least one chapter; delete the work instead.");
    }
    quire.edit(
        w.id(),
        Quire.Edit.chapters(w, w.chapters().stream().filter(c -> c.number() != n).toList()));
    ctx.status(204);
  }

  private static int chapterNumber(Context ctx, Work w) {
    try {
      int n = Integer.parseInt(ctx.pathParam("n"));
      if (n >= 1 && n <= w.chapters().size()) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new NotFoundResponse("This work has no chapter " + ctx.pathParam("n") + ".");
  }

  /**
   * The author's decisions on a work's tags; JSON {@code {"decisions": [{"type": "character",
   * "name": "…", "decision": "accept"}], "add": [{"type": "additional", "name": "…"}]}}. A decision
   * is accept, reject (remembered, so analysis does not suggest it again) or remove. Answers with
   * the work's tags afterwards.
   */
  void tags(Context ctx) {
    Work w = ownWork(ctx);
    Map<?, ?> body = Api.jsonBody(ctx, 65_536);
    List<Tag> tags = new ArrayList<>(w.tags());
    for (Map<?, ?> d : objects(body.get("decisions"), "decisions")) {
      TagType type = type(d);
      String name = text(d.get("name"), "name");
      String decision = text(d.get("decision"), "decision");
      if (!List.of("accept", "reject", "remove").contains(decision)) {
        throw new BadRequestResponse("decision is accept, reject or remove; got " + decision + ".");
      }
      int at = -1;
      for (int i = 0; i < tags.size() && at < 0; i++) {
        Tag t = tags.get(i);
        if (t.type() == type && t.name().equalsIgnoreCase(name) && t.provenance().isShown()) {
          at = i;
        }
      }
      if (at < 0) {
        throw new BadRequestResponse(
            "Work " + w.id() + " has no " + type.key() + " tag named " + name + ".");
      }
      List<Tag> decided = PostingRoutes.decide(tags.remove(at), decision);
      tags.addAll(at, decided);
    }
    for (Map<?, ?> a : objects(body.get("add"), "add")) {
      TagType type = type(a);
      PostingRoutes.addByAuthor(tags, type, text(a.get("name"), "name").replaceAll("\\s+", " "));
    }
    // After the review, the author may post the work (or hide it again), as the web form does.
    String visibility = field(body, "visibility", 20);
    org.quire.model.Visibility v = null;
    if (visibility != null) {
      try {
        v = org.quire.model.Visibility.fromKey(visibility);
      } catch (IllegalArgumentException e) {
        throw new BadRequestResponse("visibility is public, restricted or draft.");
      }
    }
    quire.retag(w.id(), tags);
    if (v != null && quire.store().visibility(w.id()).orElse(null) != v) {
      quire.setVisibility(w.id(), v);
    }
    Work after = quire.work(w.id()).orElseThrow();
    Api.send(
        ctx,
        Map.of(
            "id",
            w.id(),
            "tags",
            Api.tagsJson(after),
            "visibility",
            quire.store().visibility(w.id()).orElseThrow().key()));
  }

  private Work ownWork(Context ctx) {
    AccountStore.User u = ApiAccess.requireUser(ctx);
    Work w = api.load(ctx);
    if (!quire.store().accounts().isCreator(w.id(), u.id())
        && u.role() != AccountStore.Role.ADMIN) {
      throw new ForbiddenResponse("Only the work's author can change it.");
    }
    return w;
  }

  private static String field(Map<?, ?> body, String key, int max) {
    Object v = body.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new BadRequestResponse(key + " must be a string.");
    }
    if (s.length() > max) {
      throw new BadRequestResponse(key + " is longer than " + max + " characters.");
    }
    return s.isBlank() ? null : s.strip();
  }

  private static List<Map<?, ?>> objects(Object v, String key) {
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l) || l.size() > 500) {
      throw new BadRequestResponse(key + " must be a list of at most 500 objects.");
    }
    List<Map<?, ?>> out = new ArrayList<>();
    for (Object o : l) {
      if (!(o instanceof Map<?, ?> m)) {
        throw new BadRequestResponse(key + " must be a list of objects.");
      }
      out.add(m);
    }
    return out;
  }

  private static TagType type(Map<?, ?> m) {
    String t = text(m.get("type"), "type");
    try {
      return TagType.fromKey(t);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("There is no tag type " + t + ".");
    }
  }

  private static String text(Object v, String key) {
    if (!(v instanceof String s) || s.isBlank()) {
      throw new BadRequestResponse(key + " is missing.");
    }
    return s.strip();
  }
}

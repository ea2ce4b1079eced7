package org.quire.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.app.Quire;
import org.quire.ingest.IngestException;
import org.quire.model.FixedTags;
import org.quire.model.Provenance;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Visibility;
import org.quire.model.Work;
import org.quire.store.AccountStore;
import org.quire.store.WorkStore;

/**
 * Posting a work (pasted text or an uploaded file in any format Quire imports) and reviewing its
 * tags: Quire's suggestions are shown with their evidence, and the author accepts or rejects each,
 * removes tags, and adds their own. Author-given tags always win.
 */
final class PostingRoutes {
  private final Quire quire;
  private final QuireWeb web;

  PostingRoutes(Quire quire, QuireWeb web) {
    this.quire = quire;
    this.web = web;
  }

  void newWorkPage(Context ctx) {
    AccountRoutes.requireUser(ctx);
    page(ctx, "", "");
  }

  /** The posting form; after a refused post, with what was typed in it, so nothing is lost. */
  private void page(Context ctx, String error) {
    page(ctx, error, "");
  }

  /** The posting form, with {@code invalid} the field at fault, or "". */
  private void page(Context ctx, String error, String invalid) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("invalid", invalid);
    p.put("layout", web.layout(ctx, QuireWeb.titled("Post a work", error), null));
    p.put("error", error);
    p.put("title", typed(ctx, "title"));
    p.put("text", typed(ctx, "text"));
    p.put("planned", typed(ctx, "expectedChapters"));
    p.put("summary", typed(ctx, "summary"));
    p.put("rating", typed(ctx, "rating"));
    for (String f : TAG_FIELDS.keySet()) {
      p.put(f, typed(ctx, f));
    }
    p.put(
        "warnings",
        ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParams("warning") : List.of());
    web.render(ctx, "post.jte", p);
  }

  void postWork(Context ctx) throws IOException {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    String fileName;
    byte[] bytes;
    UploadedFile file = ctx.uploadedFile("file");
    if (file != null && file.size() > 0) {
      fileName =
          file.filename() == null || file.filename().isBlank() ? "upload.txt" : file.filename();
      try (InputStream in = file.content()) {
        bytes = in.readNBytes((int) Math.min(file.size(), 65L * 1024 * 1024));
      }
    } else {
      String text = ctx.formParam("text");
      if (file != null && file.filename() != null && !file.filename().isBlank()) {
        ctx.status(HttpStatus.BAD_REQUEST);
        page(
            ctx,
            "The file " + file.filename() + " is empty: choose another, or paste the text.",
            "file");
        return;
      }
      if (text == null || text.isBlank()) {
        ctx.status(HttpStatus.BAD_REQUEST);
        page(ctx, "Paste the story's text or choose a file.", "text");
        return;
      }
      String title = ctx.formParam("title");
      if (org.quire.ingest.PastedText.looksLikeHtml(text)) {
        // Pasted HTML (AO3's editor gives it) is read as an HTML page, not shown as tags.
        text = org.quire.ingest.PastedText.asPage(title, text);
        fileName = "posted.html";
      } else {
        if (title != null && !title.isBlank()) {
          text = "Title: " + title.strip().replaceAll("\\s+", " ") + "\n\n" + text;
        }
        fileName = "posted.txt";
      }
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    Visibility visibility;
    try {
      visibility =
          Visibility.fromKey(
              ctx.formParam("visibility") == null ? "public" : ctx.formParam("visibility"));
    } catch (IllegalArgumentException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "Choose who may read the work: everyone, members only, or nobody yet (a draft).");
      return;
    }
    int planned;
    List<Tag> given = new ArrayList<>();
    try {
      planned = AuthoringRoutes.planned(ctx, true);
      // Checked before anything is stored: a rating outside AO3's list sends the form back.
      givenTags(ctx, given);
    } catch (io.javalin.http.BadRequestResponse e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, e.getMessage(), QuireWeb.fieldOf(e));
      return;
    }
    try {
      // Stored as a draft until its author has seen the suggested tags: a machine's guess at a
      // rating or warnings is never public before they confirm it (AO3's preview before posting).
      // The review page posts it for the readers chosen here.
      WorkStore.Added added =
          quire.post(
              fileName,
              bytes,
              u.id(),
              Visibility.DRAFT,
              true,
              planned,
              w -> withAuthorsChoices(w, ctx.formParam("summary"), given));
      Viewer viewer = Viewer.of(ctx);
      if (added.duplicate()
          && quire.access(added.id(), viewer.user().id(), viewer.admin()) != Quire.Access.ALLOWED) {
        // Someone else's draft: say no more than that the file is here, never which work it is.
        ctx.status(HttpStatus.CONFLICT);
        page(
            ctx,
            "The archive already holds a work made from this same file, one you cannot see:"
                + " nothing new was posted.");
      } else if (added.duplicate()) {
        web.back(
            ctx,
            "/works/" + added.id(),
            "That story is already in the archive, as this work: nothing new was posted.");
      } else {
        ctx.redirect(
            "/works/" + added.id() + "/tags?post=" + visibility.key(), HttpStatus.SEE_OTHER);
      }
    } catch (IngestException e) {
      ctx.status(HttpStatus.BAD_REQUEST);
      page(ctx, "Quire could not read that: " + e.reason());
    }
  }

  /** The posting form's tag fields (names separated by commas) and the kind each one gives. */
  static final Map<String, TagType> TAG_FIELDS =
      new java.util.LinkedHashMap<>(
          Map.of(
              "fandoms", TagType.FANDOM,
              "relationships", TagType.RELATIONSHIP,
              "characters", TagType.CHARACTER,
              "additional", TagType.ADDITIONAL));

  /** The tags an author gave on the posting form, checked (a refusal names the reason). */
  private static void givenTags(Context ctx, List<Tag> out) {
    String rating = ctx.formParam("rating");
    if (rating != null && !rating.isBlank()) {
      inField("rating", () -> addByAuthor(out, TagType.RATING, rating));
    }
    for (String w : ctx.formParams("warning")) {
      addByAuthor(out, TagType.ARCHIVE_WARNING, w);
    }
    for (Map.Entry<String, TagType> f : TAG_FIELDS.entrySet()) {
      String v = ctx.formParam(f.getKey());
      if (v != null) {
        for (String name : v.split(",")) {
          if (!name.isBlank()) {
            inField(f.getKey(), () -> addByAuthor(out, f.getValue(), name));
          }
        }
      }
    }
  }

  /** Runs a check of one field; its refusal names that field. */
  private static void inField(String field, Runnable check) {
    try {
      check.run();
    } catch (io.javalin.http.BadRequestResponse e) {
      throw QuireWeb.fieldOf(e).isEmpty() ? QuireWeb.refusedField(field, e.getMessage()) : e;
    }
  }

  /**
   * The summary and tags the author gave on the posting form, over what Quire found in the file:
   * the author's own tags win (a rating given replaces the one suggested).
   */
  private static Work withAuthorsChoices(Work w, String summary, List<Tag> given) {
    Work out = w;
    if (summary != null && !summary.isBlank()) {
      // A summary pasted from AO3's editor as HTML keeps its words, emphasis and links.
      String s = AuthoringRoutes.noteText(summary).strip();
      out = out.withSummary(s.length() > 5_000 ? s.substring(0, 5_000) : s);
    }
    if (!given.isEmpty()) {
      List<Tag> tags = new ArrayList<>(out.tags());
      for (Tag t : given) {
        addByAuthor(tags, t.type(), t.name());
      }
      out = out.withTags(tags);
    }
    return out;
  }

  private static String typed(Context ctx, String field) {
    String v = ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParam(field) : null;
    return v == null ? "" : v;
  }

  /** The work, when the viewer may review its tags (its poster, or an admin). */
  private Work ownWork(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id;
    try {
      id = Long.parseLong(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw new NotFoundResponse("There is no such work.");
    }
    Work w = quire.work(id).orElseThrow(() -> new NotFoundResponse("There is no work " + id + "."));
    boolean owner = quire.store().accounts().isCreator(id, u.id());
    if (!owner && u.role() != AccountStore.Role.ADMIN) {
      // Another's draft is not there at all, as far as this member can tell.
      if (quire.access(id, u.id(), false) != Quire.Access.ALLOWED) {
        throw new NotFoundResponse("There is no work " + id + ".");
      }
      throw new ForbiddenResponse("Only the work's author can change its tags.");
    }
    return w;
  }

  void reviewPage(Context ctx) {
    Work w = ownWork(ctx);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Tags of " + w.title(), null));
    p.put("work", w);
    p.put("types", List.of(TagType.values()));
    Visibility now = quire.store().visibility(w.id()).orElse(Visibility.DRAFT);
    Visibility intended = now;
    if (now == Visibility.DRAFT && ctx.queryParam("post") != null) {
      try {
        intended = Visibility.fromKey(ctx.queryParam("post"));
      } catch (IllegalArgumentException e) {
        // An odd link: keep the draft a draft.
      }
    }
    p.put("now", now);
    p.put("intended", intended);
    web.render(ctx, "review.jte", p);
  }

  void review(Context ctx) {
    Work w = ownWork(ctx);
    List<Tag> out = new ArrayList<>();
    List<Tag> tags = w.tags();
    for (int i = 0; i < tags.size(); i++) {
      Tag t = tags.get(i);
      String d = ctx.formParam("d" + i);
      List<Tag> decided = decide(t, d == null ? "keep" : d);
      String renamed = ctx.formParam("n" + i);
      if (!decided.isEmpty()
          && decided.getFirst().provenance().isShown()
          && renamed != null
          && !renamed.isBlank()
          && renamed.length() <= 200
          && !renamed.strip().equals(t.name())) {
        // An edited suggestion becomes the author's own tag; the original is remembered as
        // rejected so analysis does not propose it again.
        out.add(Tag.byAuthor(t.type(), fixed(t.type(), renamed)));
        if (t.provenance() != Provenance.AUTHOR) {
          out.add(t.withProvenance(Provenance.REJECTED));
        }
      } else {
        out.addAll(decided);
      }
    }
    String type = ctx.formParam("add_type");
    String names = ctx.formParam("add_name");
    if (type != null && names != null && !names.isBlank()) {
      TagType tt;
      try {
        tt = TagType.fromKey(type);
      } catch (IllegalArgumentException e) {
        throw new BadRequestResponse("There is no kind of tag called \"" + type + "\".");
      }
      // Several tags at once, separated by commas, as AO3's tag fields take them (no tag name
      // has a comma in it).
      for (String name : names.split(",")) {
        if (!name.isBlank()) {
          addByAuthor(out, tt, name);
        }
      }
    }
    quire.retag(w.id(), out);
    String chosen = ctx.formParam("visibility");
    if (chosen != null) {
      Visibility v;
      try {
        v = Visibility.fromKey(chosen);
      } catch (IllegalArgumentException e) {
        throw new BadRequestResponse(
            "Choose who may read the work: everyone, members, or only you.");
      }
      Visibility before = quire.store().visibility(w.id()).orElse(Visibility.DRAFT);
      if (v != before) {
        quire.setVisibility(w.id(), v);
        if (before == Visibility.DRAFT) {
          web.back(ctx, "/works/" + w.id(), "Your work is posted: " + v.label() + ".");
          return;
        }
      }
    }
    ctx.redirect("/works/" + w.id(), HttpStatus.SEE_OTHER);
  }

  /**
   * Adds an author's own tag to a work's list (see {@link FixedTags#addByAuthor}), refusing a name
   * over 200 characters or outside a closed type's list with a reason for the author.
   */
  static void addByAuthor(List<Tag> tags, TagType type, String name) {
    if (name.strip().length() > 200) {
      throw new BadRequestResponse("A tag name is at most 200 characters.");
    }
    try {
      FixedTags.addByAuthor(tags, type, name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  /** A renamed tag's name, checked against its type's fixed list when it has one. */
  private static String fixed(TagType type, String name) {
    try {
      return FixedTags.checked(type, name);
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
  }

  /** One tag after the author's decision: kept, accepted, rejected (remembered) or removed. */
  static List<Tag> decide(Tag t, String decision) {
    return switch (decision) {
      case "accept" ->
          List.of(t.provenance() == Provenance.AUTHOR ? t : t.withProvenance(Provenance.ACCEPTED));
      case "reject" ->
          // A rejected suggestion is kept, hidden, so analysis never proposes it again.
          t.provenance() == Provenance.AUTHOR
              ? List.of()
              : List.of(t.withProvenance(Provenance.REJECTED));
      case "remove" -> List.of();
      default -> List.of(t);
    };
  }
}

package org.quire.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.app.Quire;
import org.quire.model.Chapter;
import org.quire.model.Work;
import org.quire.model.WorkSummary;
import org.quire.store.AccountStore;
import org.quire.store.ReaderStore;
import org.quire.store.SeriesStore;

/**
 * What authors do after posting: edit a work, add chapters, delete or orphan it, add co-authors,
 * gather works into series; and what readers follow: subscriptions and the inbox of updates.
 */
final class AuthoringRoutes {
  static final int MAX_CHAPTER = 2_000_000;

  private final Quire quire;
  private final QuireWeb web;
  private final ReaderRoutes readers;

  AuthoringRoutes(Quire quire, QuireWeb web, ReaderRoutes readers) {
    this.quire = quire;
    this.web = web;
    this.readers = readers;
  }

  /** The work, when the viewer is one of its creators or an admin. */
  private Work ownWork(Context ctx) {
    AccountRoutes.requireUser(ctx);
    long id = ReaderRoutes.id(ctx, "id");
    Work w = readers.readable(ctx, id);
    if (!web.canEdit(ctx, id)) {
      throw new ForbiddenResponse("Only the work's authors can change it.");
    }
    return w;
  }

  private static String field(Context ctx, String name, int max) {
    String v = ctx.formParam(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    if (v.length() > max) {
      throw QuireWeb.refusedField(name, "That is too long: up to " + max + " characters.");
    }
    return v.strip().replace("\r\n", "\n");
  }

  void editPage(Context ctx) {
    renderEdit(ctx, ownWork(ctx), "", "");
  }

  /**
   * The edit form; after a refusal, as typed (the title too, even cleared), with the field at fault
   * marked.
   */
  private void renderEdit(Context ctx, Work w, String error, String invalid) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, QuireWeb.titled("Edit " + w.title(), error), null));
    p.put("work", w);
    p.put("series", quire.store().series().ownedBy(u.id()));
    p.put("inSeries", quire.store().series().seriesOf(w.id()));
    Long owner = quire.store().accounts().owner(w.id()).orElse(null);
    List<AccountStore.User> coauthors = new ArrayList<>();
    for (long c : quire.store().accounts().creators(w.id())) {
      if (owner == null || c != owner) {
        quire.store().accounts().user(c).ifPresent(coauthors::add);
      }
    }
    p.put("coauthors", coauthors);
    p.put(
        "ownerName",
        owner == null
            ? ""
            : quire.store().accounts().user(owner).map(AccountStore.User::name).orElse(""));
    List<AccountStore.User> invited = new ArrayList<>();
    for (long c : quire.store().accounts().invitedCreators(w.id())) {
      quire.store().accounts().user(c).ifPresent(invited::add);
    }
    p.put("invited", invited);
    p.put("commentPolicy", quire.store().readers().commentPolicy(w.id()));
    p.put("gifts", String.join(", ", ReaderExtras.gifts(quire, w.id())));
    Viewer v = Viewer.of(ctx);
    p.put("owns", v.admin() || owner != null && owner == v.user().id());
    p.put("error", error);
    p.put("invalid", invalid);
    String title = invalid.isEmpty() ? null : raw(ctx, "title", 300);
    p.put("typedTitle", title == null ? w.title() : title);
    web.render(ctx, "edit.jte", p);
  }

  void edit(Context ctx) {
    Work w = ownWork(ctx);
    try {
      save(ctx, w);
    } catch (BadRequestResponse e) {
      // The form again, as the author typed it, with the reason: nothing typed is lost.
      ctx.status(HttpStatus.BAD_REQUEST);
      renderEdit(ctx, typed(ctx, w), e.getMessage(), QuireWeb.fieldOf(e));
    }
  }

  /** The work as the edit form has it, for showing the form again (not stored). */
  private static Work typed(Context ctx, Work w) {
    List<Chapter> chapters = new ArrayList<>();
    for (Chapter c : w.chapters()) {
      chapters.add(
          new Chapter(
              c.number(),
              raw(ctx, "ctitle" + c.number(), 300),
              java.util.Objects.requireNonNullElse(raw(ctx, "text" + c.number(), MAX_CHAPTER), ""),
              raw(ctx, "cnotes" + c.number(), 20_000),
              raw(ctx, "cend" + c.number(), 20_000)));
    }
    String title = raw(ctx, "title", 300);
    return new Quire.Edit(
            title == null || title.isBlank() ? w.title() : title,
            raw(ctx, "summary", 5_000),
            raw(ctx, "notes", 20_000),
            raw(ctx, "endNotes", 20_000),
            ctx.formParam("complete") != null,
            chapters,
            planned(ctx, false))
        .applyTo(w);
  }

  /**
   * The "chapters planned" field: blank for unknown (0). Anything but a whole number from 1 to
   * 9,999 is refused when {@code strict}, else read as unknown.
   */
  static int planned(Context ctx, boolean strict) {
    int n = plannedChapters(ctx.formParam("expectedChapters"));
    if (n < 0 && strict) {
      throw QuireWeb.refusedField(
          "expectedChapters",
          "Chapters planned is a whole number from 1 to 9,999, or blank when you do not know.");
    }
    return Math.max(0, n);
  }

  /** A planned chapter count as given: 0 when absent or blank, -1 when not from 1 to 9,999. */
  static int plannedChapters(String v) {
    if (v == null || v.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(v.strip());
      return n >= 1 && n <= 9_999 ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** A chapter's text as pasted: HTML (as AO3's editor gives it) read into Quire's text. */
  static String storyText(String pasted) {
    return pasted == null ? null : org.quire.ingest.PastedText.toStoryText(pasted);
  }

  /**
   * A summary or note as typed: Markdown, or pasted HTML (AO3's editor) read into Markdown with its
   * links; what the author left as it was is kept as stored, never rewritten.
   */
  static String note(String typed, String stored) {
    if (typed == null || stored != null && typed.equals(stored.strip())) {
      return typed;
    }
    String text = noteText(typed).strip();
    return text.isEmpty() ? null : text;
  }

  /** A summary or note as pasted: HTML read into Markdown, keeping links; else as typed. */
  static String noteText(String pasted) {
    return pasted == null ? null : org.quire.ingest.PastedText.toNoteText(pasted);
  }

  /** A form field as typed, cut to what the form allows. */
  private static String raw(Context ctx, String name, int max) {
    String v = ctx.formParam(name);
    return v == null ? null : v.length() > max ? v.substring(0, max) : v;
  }

  private void save(Context ctx, Work w) {
    String title = field(ctx, "title", 300);
    if (title == null) {
      throw QuireWeb.refusedField("title", "A work needs a title.");
    }
    List<Chapter> chapters = new ArrayList<>();
    for (Chapter c : w.chapters()) {
      if (ctx.formParam("delete" + c.number()) != null) {
        continue;
      }
      String typed = field(ctx, "text" + c.number(), MAX_CHAPTER);
      // Only what the author changed is read as pasted HTML; stored text is never rewritten.
      String text = typed == null || typed.equals(c.text().strip()) ? typed : storyText(typed);
      if (text == null) {
        throw QuireWeb.refusedField(
            "text" + c.number(), "Chapter " + c.number() + " has no text; delete it instead.");
      }
      chapters.add(
          new Chapter(
              c.number(),
              field(ctx, "ctitle" + c.number(), 300),
              text,
              note(field(ctx, "cnotes" + c.number(), 20_000), c.notes()),
              note(field(ctx, "cend" + c.number(), 20_000), c.endNotes())));
    }
    if (chapters.isEmpty()) {
      throw new BadRequestResponse("A work keeps at least one chapter; delete the work instead.");
    }
    chapters = reordered(ctx, chapters, w.chapters().size());
    String giftsTyped = raw(ctx, "gifts", 1_100);
    List<String> gifts;
    try {
      gifts = giftsTyped == null ? null : quire.giftNames(w.id(), List.of(giftsTyped.split(",")));
    } catch (IllegalArgumentException e) {
      throw QuireWeb.refusedField("gifts", e.getMessage());
    }
    int planned = planned(ctx, true);
    if (planned > 0 && planned < chapters.size() && planned != w.expectedChapters()) {
      // Not silently "5/5, complete": the author meant something else.
      throw QuireWeb.refusedField(
          "expectedChapters",
          "The work has "
              + chapters.size()
              + " chapters: plan at least that many, or leave chapters planned blank.");
    }
    quire.edit(
        w.id(),
        new Quire.Edit(
            title,
            note(field(ctx, "summary", 5_000), w.summary()),
            note(field(ctx, "notes", 20_000), w.notes()),
            note(field(ctx, "endNotes", 20_000), w.endNotes()),
            ctx.formParam("complete") != null,
            chapters,
            planned));
    if (gifts != null) {
      // After the edit is saved: a refused form gives nobody anything.
      quire.setGifts(w.id(), gifts);
    }
    web.back(ctx, "/works/" + w.id(), "Your changes were saved.");
  }

  /**
   * The chapters in the places their authors gave them ({@code posN}, AO3's "rearrange chapters"):
   * moved chapters in the places asked for, the others in the places left, in their old order. Each
   * keeps its old number, so its comments and readers' places follow it.
   */
  static List<Chapter> reordered(Context ctx, List<Chapter> chapters, int total) {
    record Placed(Chapter chapter, int place) {}
    List<Placed> moved = new ArrayList<>();
    List<Chapter> staying = new ArrayList<>();
    for (Chapter c : chapters) {
      String p = ctx.formParam("pos" + c.number());
      int place = c.number();
      if (p != null && !p.isBlank()) {
        try {
          place = Integer.parseInt(p.strip());
        } catch (NumberFormatException e) {
          place = -1;
        }
        if (place < 1 || place > total) {
          throw QuireWeb.refusedField(
              "pos" + c.number(),
              "Chapter " + c.number() + "'s place is a number from 1 to " + total + ".");
        }
      }
      if (place == c.number()) {
        staying.add(c);
      } else {
        moved.add(new Placed(c, place));
      }
    }
    // Moved chapters take the places asked for (two asking for one place: the one moved up
    // first, then the next free place); the others fill the places left, in their old order.
    moved.sort(
        java.util.Comparator.comparingInt(Placed::place)
            .thenComparingInt(x -> Integer.signum(x.place() - x.chapter().number())));
    Chapter[] slots = new Chapter[total];
    for (Placed m : moved) {
      int at = m.place() - 1;
      while (at < total && slots[at] != null) {
        at++;
      }
      if (at == total) {
        at = m.place() - 1;
        while (slots[at] != null) {
          at--;
        }
      }
      slots[at] = m.chapter();
    }
    var rest = staying.iterator();
    for (int at = 0; at < total && rest.hasNext(); at++) {
      if (slots[at] == null) {
        slots[at] = rest.next();
      }
    }
    // Places of deleted chapters stay empty, and close up.
    return java.util.Arrays.stream(slots).filter(java.util.Objects::nonNull).toList();
  }

  void addChapter(Context ctx) {
    Work w = ownWork(ctx);
    String text = storyText(field(ctx, "text", MAX_CHAPTER));
    if (text == null) {
      throw new BadRequestResponse("Paste the new chapter's text.");
    }
    quire.addChapter(
        w.id(),
        field(ctx, "title", 300),
        text,
        note(field(ctx, "notes", 20_000), null),
        note(field(ctx, "endNotes", 20_000), null));
    ctx.redirect(
        "/works/" + w.id() + "/chapters/" + (w.chapters().size() + 1), HttpStatus.SEE_OTHER);
  }

  void delete(Context ctx) {
    Work w = ownWork(ctx);
    if (ctx.formParam("confirm") == null) {
      throw new BadRequestResponse("Tick the box to confirm that the work should be deleted.");
    }
    quire.deleteWork(w.id());
    web.back(ctx, "/account/works", "“" + w.title() + "” was deleted.");
  }

  void orphan(Context ctx) {
    Work w = ownWork(ctx);
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    if (ctx.formParam("confirm") == null) {
      throw new BadRequestResponse("Tick the box to confirm that your name comes off the work.");
    }
    quire.store().accounts().orphan(w.id(), u.id());
    quire.reindexWork(w.id());
    quire.index().refresh();
    web.back(ctx, "/works/" + w.id(), "The work is orphaned: it stays, without your name.");
  }

  void addCoAuthor(Context ctx) {
    Work w = ownWork(ctx);
    String name = field(ctx, "name", 100);
    AccountStore.User co =
        quire
            .store()
            .accounts()
            .userByName(name == null ? "" : name)
            .orElseThrow(() -> new BadRequestResponse("There is no account with that name."));
    boolean invited;
    try {
      invited = quire.inviteCoAuthor(w.id(), co.id(), AccountRoutes.requireUser(ctx).name());
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse(e.getMessage());
    }
    if (!invited) {
      throw new BadRequestResponse(
          co.name() + " is already one of this work's authors, or already invited.");
    }
    web.back(
        ctx,
        "/works/" + w.id() + "/edit#coauthors",
        co.name() + " is invited to co-author this work; their name joins it when they accept.");
  }

  /** The invited account accepts: it may now edit the work, and its name is on it. */
  void acceptCoAuthor(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id = ReaderRoutes.id(ctx, "id");
    if (!quire.store().accounts().creatorInvitations(u.id()).contains(id)
        || !quire.acceptCoAuthor(id, u.id())) {
      throw new BadRequestResponse("There is no invitation to co-author that work.");
    }
    web.back(ctx, "/works/" + id, "You are now a co-author of this work.");
  }

  /** The invited account declines: nothing of the work changes. */
  void declineCoAuthor(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id = ReaderRoutes.id(ctx, "id");
    if (!quire.store().accounts().creatorInvitations(u.id()).contains(id)) {
      throw new BadRequestResponse("There is no invitation to co-author that work.");
    }
    quire.removeCoAuthor(id, u.id());
    web.back(ctx, "/account/works", "You declined to co-author that work.");
  }

  /**
   * Takes a co-author off the work: the owner (or an admin) may take anyone off, a co-author
   * themselves.
   */
  void removeCoAuthor(Context ctx) {
    Work w = ownWork(ctx);
    long uid = ReaderRoutes.id(ctx, "uid");
    Viewer v = Viewer.of(ctx);
    boolean owner =
        v.admin() || quire.store().accounts().owner(w.id()).orElse(-1L) == v.user().id();
    boolean invitation = quire.store().accounts().invitedCreators(w.id()).contains(uid);
    // Any of the work's authors may withdraw an invitation; only its owner takes a co-author off.
    if (!owner && !invitation && uid != v.user().id()) {
      throw new ForbiddenResponse("Only the work's owner can take another co-author off.");
    }
    if (!quire.removeCoAuthor(w.id(), uid)) {
      throw new BadRequestResponse("That account is not a co-author of this work.");
    }
    if (invitation) {
      web.back(ctx, "/works/" + w.id() + "/edit#coauthors", "The invitation was withdrawn.");
      return;
    }
    web.back(
        ctx,
        uid == v.user().id() ? "/works/" + w.id() : "/works/" + w.id() + "/edit#coauthors",
        uid == v.user().id()
            ? "You are no longer a co-author of this work."
            : "The co-author was taken off this work.");
  }

  void createSeries(Context ctx) {
    Work w = ownWork(ctx);
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    String existing = ctx.formParam("series");
    long sid;
    if (existing != null && !existing.isBlank()) {
      sid = parse(existing);
      SeriesStore.Series s =
          quire
              .store()
              .series()
              .series(sid)
              .orElseThrow(() -> new BadRequestResponse("No such series."));
      if (s.ownerId() == null || s.ownerId() != u.id()) {
        throw new ForbiddenResponse("Only the series' maker can add works to it.");
      }
    } else {
      String title = field(ctx, "title", 300);
      if (title == null) {
        throw new BadRequestResponse("Choose a series or name a new one.");
      }
      sid = quire.store().series().create(title, note(field(ctx, "summary", 5_000), null), u.id());
    }
    quire.addToSeries(sid, w.id());
    web.back(ctx, "/series/" + sid, "“" + w.title() + "” is in the series.");
  }

  /**
   * Whether the viewer may see a series at all: its owner and admins always, anyone else when they
   * may read one of its works (a series of drafts or members-only works keeps even its title).
   */
  private boolean seriesVisible(Context ctx, SeriesStore.Series s) {
    Viewer v = Viewer.of(ctx);
    if (v.loggedIn() && (v.admin() || s.ownerId() != null && s.ownerId() == v.user().id())) {
      return true;
    }
    return s.workIds().stream().anyMatch(id -> readers.mayRead(ctx, id));
  }

  void series(Context ctx) {
    SeriesStore.Series s = seriesParam(ctx);
    long id = s.id();
    Viewer v = Viewer.of(ctx);
    List<Blurb> works = new ArrayList<>();
    for (WorkSummary w : quire.store().summaries(s.workIds())) {
      if (readers.mayRead(ctx, w.id())) {
        works.add(Blurb.of(w));
      }
    }
    boolean mine =
        v.loggedIn() && (v.admin() || s.ownerId() != null && s.ownerId() == v.user().id());
    if (works.isEmpty() && !mine) {
      // A series of drafts or members-only works says nothing of itself, not even its title.
      throw new NotFoundResponse("There is no such series.");
    }
    boolean subscribed =
        v.loggedIn()
            && quire
                .store()
                .readers()
                .subscribed(
                    v.user().id(),
                    new ReaderStore.Subscription(
                        ReaderStore.SubscriptionKind.SERIES, Long.toString(id)));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, s.title(), null));
    p.put("series", s);
    p.put("works", works);
    p.put("subscribed", subscribed);
    p.put(
        "owner",
        s.ownerId() == null
            ? ""
            : quire.store().accounts().user(s.ownerId()).map(AccountStore.User::name).orElse(""));
    p.put("mine", mine);
    web.render(ctx, "series.jte", p);
  }

  /** A series its owner (or an admin) may change; anyone else is refused. */
  private SeriesStore.Series ownSeries(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    SeriesStore.Series s = seriesParam(ctx);
    if (!Viewer.of(ctx).admin() && (s.ownerId() == null || s.ownerId() != u.id())) {
      throw new ForbiddenResponse("Only the series' owner can change it.");
    }
    return s;
  }

  /** {@code /series/{sid}/edit}: title, summary, and the works' order, or taking one out. */
  void editSeriesPage(Context ctx) {
    renderSeriesEdit(ctx, ownSeries(ctx), "");
  }

  private void renderSeriesEdit(Context ctx, SeriesStore.Series s, String error) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, QuireWeb.titled("Edit the series " + s.title(), error), null));
    p.put("series", s);
    // Other authors' drafts in the series stay unnamed here, as everywhere.
    p.put(
        "works",
        quire.store().summaries(s.workIds()).stream()
            .filter(w -> readers.mayRead(ctx, w.id()))
            .toList());
    p.put("error", error);
    web.render(ctx, "series-edit.jte", p);
  }

  void editSeries(Context ctx) {
    SeriesStore.Series s = ownSeries(ctx);
    String title = field(ctx, "title", 300);
    if (title == null) {
      ctx.status(HttpStatus.BAD_REQUEST);
      renderSeriesEdit(ctx, s, "A series needs a title.");
      return;
    }
    // Each work's place as typed (unreadable or blank: where it was), ties kept in the old order.
    List<Long> kept = new ArrayList<>();
    Map<Long, Double> place = new java.util.HashMap<>();
    for (int i = 0; i < s.workIds().size(); i++) {
      long w = s.workIds().get(i);
      if (ctx.formParam("remove" + w) != null) {
        continue;
      }
      double at = i + 1;
      String typed = ctx.formParam("position" + w);
      if (typed != null && typed.strip().matches("\\d{1,4}")) {
        int wanted = Integer.parseInt(typed.strip());
        // Moved up, it goes before the work now there; moved down, after it.
        at =
            wanted < i + 1
                ? wanted - 0.5 + i / 100_000.0
                : wanted > i + 1 ? wanted + 0.5 + i / 100_000.0 : wanted;
      }
      place.put(w, at);
      kept.add(w);
    }
    kept.sort(java.util.Comparator.comparingDouble(place::get));
    quire
        .store()
        .series()
        .update(s.id(), title, note(field(ctx, "summary", 5_000), s.summary()), kept);
    web.back(ctx, "/series/" + s.id(), "The series was saved.");
  }

  /** The works under one byline name that this viewer may read, newest first. */
  private List<Work> byAuthor(Context ctx, String name) {
    return readable(ctx, quire.store().idsByAuthor(name));
  }

  /** The works among these that this viewer may read, in the order given. */
  private List<Work> readable(Context ctx, List<Long> ids) {
    List<Work> out = new ArrayList<>();
    for (long id : ids) {
      if (readers.mayRead(ctx, id)) {
        quire.work(id).ifPresent(out::add);
      }
    }
    return out;
  }

  private SeriesStore.Series seriesParam(Context ctx) {
    long id = ReaderRoutes.id(ctx, "sid");
    return quire
        .store()
        .series()
        .series(id)
        .orElseThrow(() -> new NotFoundResponse("There is no such series."));
  }

  private static String authorParam(Context ctx) {
    String name = ctx.pathParam("name").strip();
    if (name.isEmpty() || name.length() > 200) {
      throw new NotFoundResponse("There is no such author.");
    }
    return name;
  }

  /** An author's page: their works, and following or muting them. */
  void author(Context ctx) {
    String name = authorParam(ctx);
    Viewer v = Viewer.of(ctx);
    List<Long> ids = byAuthor(ctx, name).stream().map(Work::id).toList();
    // A member who has posted nothing (yet) still has a page; a name nobody has is not found.
    if (ids.isEmpty() && quire.store().accounts().userByName(name).isEmpty()) {
      throw new NotFoundResponse("There are no works by " + name + " here.");
    }
    List<Blurb> works = quire.store().summaries(ids).stream().map(Blurb::of).toList();
    boolean following =
        v.loggedIn()
            && quire
                .store()
                .readers()
                .subscribed(
                    v.user().id(),
                    new ReaderStore.Subscription(ReaderStore.SubscriptionKind.AUTHOR, name));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Works by " + name, null));
    p.put("name", name);
    p.put("works", works);
    p.put("following", following);
    web.render(ctx, "author.jte", p);
  }

  /** Every work by an author this viewer may read, as one EPUB (newest first, as listed). */
  void authorEpub(Context ctx) {
    String name = authorParam(ctx);
    List<Work> works = byAuthor(ctx, name);
    if (works.isEmpty()) {
      throw new NotFoundResponse("There are no works by " + name + " here.");
    }
    sendBook(ctx, "Works by " + name, null, works, "/authors/" + Texts.segment(name));
  }

  private void sendBook(Context ctx, String title, String summary, List<Work> works, String path) {
    Work book = org.quire.export.Anthology.of(title, summary, works);
    String source = QuireWeb.publicAddress(quire, ctx) + path;
    ctx.header("Content-Disposition", org.quire.export.TextExports.attachment(title, "epub"));
    ctx.contentType("application/epub+zip")
        // A collection's contents depend on who asks and on works leaving it too: no edition
        // date can stand for it, so it is dated when it was made.
        .result(org.quire.export.EpubWriter.write(book, source, java.time.Instant.now()));
  }

  /** A series as one EPUB: the works this viewer may read, in order. */
  void seriesEpub(Context ctx) {
    SeriesStore.Series s = seriesParam(ctx);
    long id = s.id();
    List<Work> works = readable(ctx, s.workIds());
    if (works.isEmpty()) {
      // Said as for a series that does not exist: a series of drafts is not there for others.
      throw new NotFoundResponse("There is no such series.");
    }
    sendBook(ctx, s.title(), s.summary(), works, "/series/" + id);
  }

  private static long parse(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("No such series.");
    }
  }

  private static ReaderStore.Subscription subscription(Context ctx) {
    String kind = ctx.formParam("kind");
    String value = ctx.formParam("value");
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new BadRequestResponse("Say what to follow.");
    }
    try {
      return new ReaderStore.Subscription(
          ReaderStore.SubscriptionKind.valueOf(
              kind == null ? "" : kind.toUpperCase(java.util.Locale.ROOT)),
          value.strip());
    } catch (IllegalArgumentException e) {
      throw new BadRequestResponse("Follow a work, an author or a series.");
    }
  }

  /** A work or series to follow must exist and be readable by the follower. */
  private void requireFollowable(Context ctx, ReaderStore.Subscription s) {
    if (s.kind() == ReaderStore.SubscriptionKind.AUTHOR) {
      return;
    }
    long id;
    try {
      id = Long.parseLong(s.value());
    } catch (NumberFormatException e) {
      throw new BadRequestResponse("Follow a work or a series by its number.");
    }
    boolean exists =
        s.kind() == ReaderStore.SubscriptionKind.WORK
            ? readers.mayRead(ctx, id)
            : quire.store().series().series(id).filter(x -> seriesVisible(ctx, x)).isPresent();
    if (!exists) {
      throw new NotFoundResponse(
          "There is no "
              + (s.kind() == ReaderStore.SubscriptionKind.WORK ? "work " : "series ")
              + id
              + " to follow.");
    }
  }

  void subscribe(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    ReaderStore.Subscription s = subscription(ctx);
    boolean on = ctx.formParam("off") == null;
    if (on) {
      requireFollowable(ctx, s);
      quire.store().readers().subscribe(u.id(), s);
    } else {
      quire.store().readers().unsubscribe(u.id(), s);
    }
    String back = ctx.formParam("back");
    web.back(
        ctx,
        QuireWeb.isLocalPath(back) ? back : "/inbox",
        on ? "Subscribed: updates will arrive in your inbox." : "Unsubscribed.");
  }

  void inbox(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    var rs = quire.store().readers();
    List<ReaderStore.Update> updates = rs.inbox(u.id(), 200);
    List<MuteView> subs = new ArrayList<>();
    for (ReaderStore.Subscription sub : rs.subscriptions(u.id())) {
      String label = sub.value();
      try {
        long id = Long.parseLong(sub.value());
        label =
            switch (sub.kind()) {
              case WORK ->
                  readers.mayRead(ctx, id)
                      ? quire.work(id).map(Work::title).orElse("(deleted work)")
                      : "(a work you cannot see now)";
              case SERIES ->
                  quire
                      .store()
                      .series()
                      .series(id)
                      .map(x -> seriesVisible(ctx, x) ? x.title() : "(a series you cannot see now)")
                      .orElse("(deleted series)");
              case AUTHOR -> sub.value();
            };
      } catch (NumberFormatException e) {
        // An author's name.
      }
      subs.add(new MuteView(sub.kind().key(), sub.value(), label));
    }
    rs.markSeen(u.id());
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Inbox", null));
    p.put("updates", updates);
    p.put("subscriptions", subs);
    web.render(ctx, "inbox.jte", p);
  }
}

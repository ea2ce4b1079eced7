package org.quire.web;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.app.Quire;
import org.quire.model.TagType;
import org.quire.model.WorkSummary;
import org.quire.store.AccountStore;
import org.quire.store.ReaderStore;

/**
 * A reader's own pages: bookmarks (and the "for later" list), reading history, reading preferences,
 * mutes and blocks, and the works they posted (drafts included).
 */
final class LibraryRoutes {
  private static final int PAGE = 50;

  private final Quire quire;
  private final QuireWeb web;

  LibraryRoutes(Quire quire, QuireWeb web) {
    this.quire = quire;
    this.web = web;
  }

  private ReaderStore readers() {
    return quire.store().readers();
  }

  /**
   * Blurbs of works this viewer may still see, in the given order (a bookmarked work that became a
   * draft drops out).
   */
  private Map<Long, WorkSummary> visible(Context ctx, List<Long> ids) {
    Viewer v = Viewer.of(ctx);
    Map<Long, WorkSummary> out = new HashMap<>();
    for (WorkSummary w : quire.store().summaries(ids)) {
      if (quire.access(w.id(), v.user().id(), v.admin()) == Quire.Access.ALLOWED) {
        out.put(w.id(), w);
      }
    }
    return out;
  }

  void bookmarks(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    boolean later = ctx.queryParam("later") != null;
    int page = QuireWeb.pageParam(ctx);
    List<ReaderStore.Bookmark> marks =
        new ArrayList<>(readers().bookmarks(u.id(), later, (page - 1) * PAGE, PAGE + 1));
    boolean more = marks.size() > PAGE;
    if (more) {
      marks.removeLast();
    }
    Map<Long, WorkSummary> works =
        visible(ctx, marks.stream().map(ReaderStore.Bookmark::workId).toList());
    List<LibraryEntry> entries = new ArrayList<>();
    for (ReaderStore.Bookmark b : marks) {
      WorkSummary w = works.get(b.workId());
      if (w != null) {
        entries.add(
            new LibraryEntry(
                Blurb.of(w),
                b.note(),
                b.tags(),
                b.later()
                    ? "Marked for later (only you see it)"
                    : b.isPrivate() ? "Private bookmark" : "Bookmark"));
      }
    }
    Map<String, Object> p =
        page(
            ctx,
            later ? "Marked for later" : "Your bookmarks",
            entries,
            later ? "later" : "bookmarks");
    pager(p, page, more, later ? "/bookmarks?later=1&" : "/bookmarks?");
    web.render(ctx, "library.jte", p);
  }

  /** Links to the pages before and after this one, {@code base} ending in "?" or "&amp;". */
  private static void pager(Map<String, Object> p, int page, boolean more, String base) {
    p.put("pageNumber", page);
    p.put("previous", page > 1 ? base + "page=" + (page - 1) : null);
    p.put("next", more ? base + "page=" + (page + 1) : null);
  }

  void history(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    int page = QuireWeb.pageParam(ctx);
    List<ReaderStore.Reading> rs =
        new ArrayList<>(readers().history(u.id(), (page - 1) * PAGE, PAGE + 1));
    boolean more = rs.size() > PAGE;
    if (more) {
      rs.removeLast();
    }
    Map<Long, WorkSummary> works =
        visible(ctx, rs.stream().map(ReaderStore.Reading::workId).toList());
    List<LibraryEntry> entries = new ArrayList<>();
    for (ReaderStore.Reading r : rs) {
      WorkSummary w = works.get(r.workId());
      if (w != null) {
        entries.add(
            new LibraryEntry(
                Blurb.of(w),
                null,
                List.of(),
                "Last read chapter "
                    + r.chapter()
                    + " on "
                    + Texts.date(r.lastAt())
                    + (r.visits() > 1 ? " · visited " + r.visits() + " times" : "")));
      }
    }
    Map<String, Object> p = page(ctx, "Your reading history", entries, "history");
    pager(p, page, more, "/history?");
    web.render(ctx, "library.jte", p);
  }

  void clearHistory(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    if (ctx.formParam("confirm") == null) {
      // Nothing brings a history back: one stray click must not wipe it.
      throw new io.javalin.http.BadRequestResponse(
          "Tick the box to confirm that your whole history should be forgotten.");
    }
    readers().clearHistory(u.id());
    web.back(ctx, "/history", "Your reading history was cleared.");
  }

  void myWorks(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    List<LibraryEntry> entries = new ArrayList<>();
    for (WorkSummary w : quire.store().ownedBy(u.id(), 0, 500)) {
      entries.add(new LibraryEntry(Blurb.of(w), null, List.of(), w.visibility().label()));
    }
    Map<String, Object> p = page(ctx, "Your works", entries, "works");
    // An invitation names its work even when the invitee cannot open it yet (a draft); a gift
    // only when they can.
    p.put("invites", lines(quire.store().accounts().creatorInvitations(u.id()), id -> true));
    p.put("gifts", lines(readers().giftsTo(u.id()), id -> web.readers.mayRead(ctx, id)));
    web.render(ctx, "library.jte", p);
  }

  /** One line per work among these that is still there and shown. */
  private List<WorkLine> lines(List<Long> ids, java.util.function.LongPredicate shown) {
    List<WorkLine> out = new ArrayList<>();
    for (long id : ids) {
      if (shown.test(id)) {
        quire
            .work(id)
            .ifPresent(w -> out.add(new WorkLine(id, w.title(), String.join(", ", w.authors()))));
      }
    }
    return out;
  }

  /** How many accounts follow a work or an author. */
  private int followers(ReaderStore.SubscriptionKind kind, String value) {
    return readers().subscribers(List.of(new ReaderStore.Subscription(kind, value))).size();
  }

  /** A gift's recipient refuses it: their name leaves the work. */
  void refuseGift(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    long id = ReaderRoutes.id(ctx, "id");
    if (!web.readers.mayRead(ctx, id) || !readers().refuseGift(id, u.id())) {
      throw new BadRequestResponse("That work was not given to you.");
    }
    web.back(ctx, "/account/works", "The gift was refused: your name no longer shows on it.");
  }

  /** An author's statistics: every work they posted or co-wrote, with what readers did. */
  void stats(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    String sort = ctx.queryParam("sort");
    if (sort == null || !WorkStats.SORTS.contains(sort)) {
      sort = WorkStats.SORTS.getFirst();
    }
    List<WorkSummary> works = new ArrayList<>();
    for (int offset = 0; ; offset += 500) {
      List<WorkSummary> page = quire.store().ownedBy(u.id(), offset, 500);
      works.addAll(page);
      if (page.size() < 500) {
        break;
      }
    }
    List<WorkStats> rows = new ArrayList<>();
    for (WorkSummary w : works) {
      rows.add(
          new WorkStats(w, followers(ReaderStore.SubscriptionKind.WORK, Long.toString(w.id()))));
    }
    rows.sort(WorkStats.order(sort));
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Statistics", null));
    p.put("rows", rows);
    p.put("sort", sort);
    p.put("sorts", WorkStats.SORTS);
    p.put("authorSubscribers", (long) followers(ReaderStore.SubscriptionKind.AUTHOR, u.name()));
    web.render(ctx, "stats.jte", p);
  }

  private void list(Context ctx, String title, List<LibraryEntry> entries, String kind) {
    web.render(ctx, "library.jte", page(ctx, title, entries, kind));
  }

  private Map<String, Object> page(
      Context ctx, String title, List<LibraryEntry> entries, String kind) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, title, null));
    p.put("title", title);
    p.put("entries", entries);
    p.put("kind", kind);
    return p;
  }

  void prefsPage(Context ctx) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Reading preferences", null));
    // Saving returns to the page the reader came from (a chapter, say), not to this form.
    String from = ctx.queryParam("back") != null ? ctx.queryParam("back") : QuireWeb.formPage(ctx);
    p.put("back", localPage(from));
    web.render(ctx, "prefs.jte", p);
  }

  void savePrefs(Context ctx) {
    ReaderPrefs p =
        ReaderPrefs.of(
            ctx.formParam("theme"),
            ctx.formParam("font"),
            ctx.formParam("size"),
            ctx.formParam("width"),
            ctx.formParam("hide"),
            ctx.formParam("whole"));
    Viewer v = Viewer.of(ctx);
    if (v.loggedIn()) {
      readers().setPrefs(v.user().id(), p.encode());
    } else {
      AccountRoutes.setCookie(ctx, ReaderPrefs.COOKIE, p.encode(), 365 * 24 * 3600, "Lax");
    }
    ctx.attribute("quire.prefs", p);
    String back = localPage(ctx.formParam("back"));
    web.back(ctx, back.isEmpty() ? "/prefs" : back, "Your reading preferences were saved.");
  }

  /** A path on this site other than the preferences form itself, or "" for anything else. */
  private static String localPage(String path) {
    return QuireWeb.isLocalPath(path) && !path.startsWith("/prefs") ? path : "";
  }

  void mutesPage(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    List<MuteView> mutes = new ArrayList<>();
    for (ReaderStore.Mute m : readers().mutes(u.id())) {
      String label = m.value();
      if (m.kind() == ReaderStore.MuteKind.USER) {
        label =
            quire
                .store()
                .accounts()
                .user(parseLong(m.value()))
                .map(AccountStore.User::name)
                .orElse("(deleted account)");
      } else if (m.kind() == ReaderStore.MuteKind.TAG) {
        SearchTag t = SearchTag.of(m.value());
        label = t == null ? m.value() : t.name() + " (" + t.type().label() + ")";
      }
      mutes.add(new MuteView(m.kind().key(), m.value(), label));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("layout", web.layout(ctx, "Muted and blocked", null));
    p.put("mutes", mutes);
    p.put("types", List.of(TagType.values()));
    web.render(ctx, "mutes.jte", p);
  }

  /** A tag as {@code type:name}. */
  record SearchTag(TagType type, String name) {
    static SearchTag of(String value) {
      var f = ReaderRoutes.tagFilter(value);
      return f == null ? null : new SearchTag(f.type(), f.name());
    }
  }

  void mute(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    ReaderStore.Mute m = muteFromForm(ctx, u);
    if (readers().mutes(u.id()).size() >= 600) {
      throw new BadRequestResponse("You can mute up to 600 authors, tags and users.");
    }
    readers().mute(u.id(), m);
    String back = ctx.formParam("back");
    web.back(
        ctx,
        QuireWeb.isLocalPath(back) ? back : "/mutes",
        switch (m.kind()) {
          case AUTHOR -> "Works by " + m.value() + " are hidden from you now.";
          case TAG -> {
            SearchTag t = SearchTag.of(m.value());
            yield "Works tagged \u201c"
                + (t == null
                    ? m.value() + "\u201d"
                    : t.name() + "\u201d (" + t.type().label() + ")")
                + " are hidden from you now.";
          }
          case USER -> "You blocked that user.";
        });
  }

  void unmute(Context ctx) {
    AccountStore.User u = AccountRoutes.requireUser(ctx);
    readers().unmute(u.id(), muteFromForm(ctx, u));
    web.back(ctx, "/mutes", "Removed.");
  }

  private ReaderStore.Mute muteFromForm(Context ctx, AccountStore.User u) {
    String kind = ctx.formParam("kind");
    String value = ctx.formParam("value");
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new BadRequestResponse("Say what to mute.");
    }
    value = value.strip();
    return switch (kind == null ? "" : kind) {
      case "author" -> new ReaderStore.Mute(ReaderStore.MuteKind.AUTHOR, value);
      case "tag" -> new ReaderStore.Mute(ReaderStore.MuteKind.TAG, mutedTag(ctx, value));
      case "user" -> {
        long id =
            value.chars().allMatch(Character::isDigit)
                ? parseLong(value)
                : quire
                    .store()
                    .accounts()
                    .userByName(value)
                    .map(AccountStore.User::id)
                    .orElseThrow(() -> new BadRequestResponse("There is no user with that name."));
        if (id == u.id()) {
          throw new BadRequestResponse("You can't block yourself.");
        }
        yield new ReaderStore.Mute(ReaderStore.MuteKind.USER, Long.toString(id));
      }
      default -> throw new BadRequestResponse("Mute an author, a tag or a user.");
    };
  }

  /**
   * The tag a mute names, as {@code type:Name}: of the kind chosen when a tag of that kind has the
   * name, else of the kind the name is a tag of ("Major Character Death" is an archive warning,
   * whatever kind was left selected). A name no tag has is refused, never saved: a mute that hid
   * nothing would look like protection and give none.
   */
  private String mutedTag(Context ctx, String name) {
    String chosen = ctx.formParam("type");
    TagType type = null;
    if (chosen != null && !chosen.isBlank() && !chosen.equals("any")) {
      try {
        type = TagType.fromKey(chosen);
      } catch (IllegalArgumentException e) {
        throw new BadRequestResponse("Choose the kind of tag to mute.");
      }
    }
    boolean member = true;
    if (type != null
        && (quire.store().site().typesOf(name, member).contains(type)
            || TagInputs.knownAs(type, name, quire))) {
      return type.key() + ":" + name;
    }
    java.util.Optional<TagType> found = TagInputs.typeOf(name, quire, member);
    if (found.isEmpty()) {
      throw new BadRequestResponse(
          "No tag is called \u201c"
              + name
              + "\u201d"
              + (type == null ? "" : " (of any kind)")
              + ": check its spelling (the tag field on the search page suggests names as you"
              + " type).");
    }
    return found.get().key() + ":" + name;
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}

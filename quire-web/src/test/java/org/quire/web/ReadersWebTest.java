package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.quire.model.Visibility;
import org.quire.search.SearchQuery;

/**
 * Privacy, kudos, comments, bookmarks, history, preferences, mutes and blocks, over real HTTP: what
 * each kind of reader sees, on every surface.
 */
class ReadersWebTest extends ServerTestBase {

  static long post(String user, String title, String author, String body, Visibility v) {
    return post(user, "Title: " + title + "\nAuthor: " + author + "\n\n" + body, v);
  }

  /** Waits until the index shows a change made by a reader (searches see changes within 1 s). */
  static void awaitIndexed(String query, int total) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (quire
                .index()
                .search(SearchQuery.of(query).withAudience(SearchQuery.Audience.MEMBER))
                .total()
            != total
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }

  @Test
  void restrictedWorksOnlyReachMembersAndDraftsOnlyTheirAuthor() throws Exception {
    HttpBrowser author = signedUp("Tara M");
    long pub = post("Tara M", "Open Book", "Tara M", "A quince in the open.", Visibility.PUBLIC);
    long members =
        post("Tara M", "Members Book", "Tara M", "A quince for members.", Visibility.RESTRICTED);
    long draft = post("Tara M", "Draft Book", "Tara M", "A quince unfinished.", Visibility.DRAFT);
    HttpBrowser guest = visitor();
    HttpBrowser member = signedUp("Anya J");

    // Visitors: listing, search, reader, downloads, API, feeds, OPDS.
    assertThat(guest.get("/works").body()).contains("Open Book").doesNotContain("Members Book");
    assertThat(guest.get("/search?q=quince").body())
        .contains("Open Book")
        .doesNotContain("Members Book")
        .doesNotContain("Draft Book");
    HttpResponse<String> locked = guest.get("/works/" + members);
    assertThat(locked.statusCode()).isEqualTo(303);
    assertThat(locked.headers().firstValue("Location"))
        .hasValue("/login?next=%2Fworks%2F" + members + "&why=members");
    assertThat(guest.get(locked.headers().firstValue("Location").orElseThrow()).body())
        .contains("for members of the archive only");
    assertThat(guest.get("/works/" + members + "/download/epub").statusCode()).isEqualTo(303);
    assertThat(guest.get("/works/" + draft).statusCode()).isEqualTo(404);
    assertThat(guest.get("/api/v1/works").body()).contains("Open Book").doesNotContain("Members");
    assertThat(guest.get("/api/v1/works/" + members).statusCode()).isEqualTo(404);
    assertThat(guest.get("/api/v1/works/" + members + "/chapters/1").statusCode()).isEqualTo(404);
    assertThat(guest.get("/api/v1/search?q=quince").body()).doesNotContain("Members Book");
    assertThat(guest.get("/feeds/works.atom").body()).doesNotContain("Members Book");
    assertThat(guest.get("/opds/works?q=quince").body())
        .contains("Open Book")
        .doesNotContain("Members Book");
    assertThat(guest.get("/api/v1/tags/fandom").statusCode()).isEqualTo(200);

    // Members: the restricted work everywhere on the site, never the draft.
    assertThat(member.get("/search?q=quince").body())
        .contains("Members Book")
        .doesNotContain("Draft Book");
    assertThat(member.get("/works/" + members).statusCode()).isEqualTo(200);
    assertThat(member.get("/works/" + draft).statusCode()).isEqualTo(404);
    assertThat(member.get("/works/" + draft + "/download/txt").statusCode()).isEqualTo(404);

    // The author sees the draft among their works and can read it; nobody else can change it.
    assertThat(author.get("/account/works").body()).contains("Draft Book").contains("Draft");
    assertThat(author.get("/works/" + draft).statusCode()).isEqualTo(200);
    assertThat(
            member
                .submit("/", "/works/" + draft + "/visibility", Map.of("visibility", "public"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            member
                .submit("/", "/works/" + pub + "/visibility", Map.of("visibility", "draft"))
                .statusCode())
        .isEqualTo(403);

    // Publishing the draft makes it findable at once.
    assertThat(
            author
                .submit("/", "/works/" + draft + "/visibility", Map.of("visibility", "public"))
                .statusCode())
        .isEqualTo(303);
    assertThat(guest.get("/search?q=quince").body()).contains("Draft Book");
    // And making a public work members-only takes it out of public surfaces at once.
    author.submit("/", "/works/" + pub + "/visibility", Map.of("visibility", "restricted"));
    assertThat(guest.get("/search?q=quince").body()).doesNotContain("Open Book");
    assertThat(guest.get("/api/v1/works/" + pub).statusCode()).isEqualTo(404);
  }

  @Test
  void kudosAndBookmarksReturnToTheChapterTheyWereLeftOn() throws Exception {
    signedUp("D Hoffryn");
    long id =
        post(
            "D Hoffryn",
            "Title: Two Ledgers\nAuthor: D Hoffryn\n\nChapter 1\n\nProfit came first.\n\n"
                + "Chapter 2\n\nThen more profit.",
            Visibility.PUBLIC);
    String second = "/works/" + id + "/chapters/2";
    HttpBrowser reader = signedUp("Halfrek");
    HttpResponse<String> kudos = reader.submit(second, "/works/" + id + "/kudos", Map.of());
    assertThat(kudos.headers().firstValue("Location")).hasValue(second);
    HttpResponse<String> mark =
        reader.submit(second, "/works/" + id + "/bookmark", Map.of("note", "Good bit."));
    assertThat(mark.headers().firstValue("Location")).hasValue(second);
    String full = "/works/" + id + "?view=full";
    // The entire work leads to each chapter's comments.
    assertThat(
            org.jsoup.Jsoup.parse(reader.get(full).body())
                .select("section#comments a")
                .eachAttr("href"))
        .containsExactly(
            "/works/" + id + "/chapters/1#comments", "/works/" + id + "/chapters/2#comments");
    assertThat(
            reader
                .submit(full, "/works/" + id + "/bookmark/delete", Map.of())
                .headers()
                .firstValue("Location"))
        .hasValue(full);
    // A form sent from another site, or another work, returns to the work's first page.
    HttpResponse<String> elsewhere =
        reader.post(
            "/works/" + id + "/kudos",
            Map.of("csrf", reader.csrf(second)),
            "/works/" + (id + 1000) + "/chapters/2");
    assertThat(elsewhere.headers().firstValue("Location")).hasValue("/works/" + id);
  }

  @Test
  void authorsHoldCommentsForApprovalOrTurnThemOff() throws Exception {
    HttpBrowser author = signedUp("Ira R");
    long id =
        post("Ira R", "Gallery Night", "Ira R", "The gallery stayed open late.", Visibility.PUBLIC);
    String page = "/works/" + id;
    HttpBrowser reader = signedUp("Amy M");
    HttpBrowser other = signedUp("Jonathan L");
    assertThat(
            other.submit(page, page + "/comment-policy", Map.of("policy", "closed")).statusCode())
        .isEqualTo(403);
    var edit = Jsoup.parse(author.get(page + "/edit").body());
    assertThat(edit.select("input[name=policy][checked]").attr("value")).isEqualTo("open");
    author.submit(page + "/edit", page + "/comment-policy", Map.of("policy", "moderated"));
    assertThat(
            Jsoup.parse(author.get(page + "/edit").body())
                .select("input[name=policy][checked]")
                .attr("value"))
        .isEqualTo("moderated");
    assertThat(reader.get(page).body()).contains("approve each comment before others see it");

    // Held: its writer and the author see it, nobody else, and it counts nowhere.
    HttpResponse<String> sent =
        reader.submit(page, page + "/chapters/1/comments", Map.of("body", "Held words here"));
    assertThat(sent.statusCode()).isEqualTo(303);
    String loc = sent.headers().firstValue("Location").orElseThrow();
    long cid = Long.parseLong(loc.substring(loc.indexOf("#comment-") + 9));
    assertThat(reader.get(page).body()).contains("Held words here").contains("Awaiting approval");
    assertThat(other.get(page).body()).doesNotContain("Held words here");
    assertThat(visitor().get(page).body()).doesNotContain("Held words here");
    assertThat(other.get("/api/v1/works/" + id + "/chapters/1/comments").body())
        .doesNotContain("Held words here");
    assertThat(quire.store().readers().engagement(id).comments()).isZero();
    assertThat(author.get("/inbox").body()).contains("it waits for your approval");
    // Nobody but its writer and the authors answers it.
    assertThat(
            other
                .submit(
                    page,
                    page + "/chapters/1/comments",
                    Map.of("body", "A reply", "parent", Long.toString(cid)))
                .statusCode())
        .isEqualTo(404);
    assertThat(reader.submit(page, "/comments/" + cid + "/approve", Map.of()).statusCode())
        .isEqualTo(403);
    // To anyone else a held comment is not there: its link and edit page answer as for no comment.
    assertThat(other.get("/comments/" + cid).statusCode()).isEqualTo(404);
    assertThat(visitor().get("/comments/" + cid).statusCode()).isEqualTo(404);
    assertThat(other.get("/comments/" + cid + "/edit").statusCode()).isEqualTo(404);
    assertThat(author.get("/comments/" + cid).statusCode()).isEqualTo(303);
    // Not even the author answers it before approving it: the answer would show beside nothing.
    assertThat(
            author
                .submit(
                    page,
                    page + "/chapters/1/comments",
                    Map.of("body", "Too soon", "parent", Long.toString(cid)))
                .statusCode())
        .isEqualTo(400);
    // The author's own comments are never held.
    author.submit(page, page + "/chapters/1/comments", Map.of("body", "From the author"));
    assertThat(other.get(page).body()).contains("From the author");

    var approve = Jsoup.parse(author.get(page).body()).select("form[action$=/approve]");
    assertThat(approve).hasSize(1);
    author.submit(page, approve.attr("action"), Map.of());
    assertThat(other.get(page).body()).contains("Held words here").doesNotContain("Awaiting");
    assertThat(quire.store().readers().engagement(id).comments()).isEqualTo(2);
    assertThat(reader.get("/inbox").body()).contains("was approved");
    // An approved reply to it by another reader.
    other.submit(
        page,
        page + "/chapters/1/comments",
        Map.of("body", "An approved reply", "parent", Long.toString(cid)));
    var replyApprove = Jsoup.parse(author.get(page).body()).select("form[action$=/approve]");
    author.submit(page, replyApprove.attr("action"), Map.of());
    // Approved words changed are held again; the approved reply stays in view.
    reader.submit(page, "/comments/" + cid + "/edit", Map.of("body", "Changed words here"));
    assertThat(visitor().get(page).body()).contains("An approved reply");
    assertThat(other.get(page).body()).doesNotContain("Changed words here");
    assertThat(reader.get(page).body()).contains("Changed words here").contains("Awaiting");
    assertThat(author.get("/inbox").body()).contains("edited a comment");
    author.submit(page, "/comments/" + cid + "/approve", Map.of());
    assertThat(other.get(page).body()).contains("Changed words here");

    // Turned off: no form, no new comments (the old ones stay); the API says so too.
    author.submit(page + "/edit", page + "/comment-policy", Map.of("policy", "closed"));
    var closed = Jsoup.parse(reader.get(page).body());
    assertThat(closed.select("form.comment-form, details.reply")).isEmpty();
    assertThat(closed.text()).contains("turned its comments off").contains("Changed words here");
    HttpResponse<String> refused =
        reader.submit(page, page + "/chapters/1/comments", Map.of("body", "Too late"));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("turned its comments off");
    assertThat(visitor().get("/api/v1/works/" + id).body())
        .contains("\"commentPolicy\":\"closed\"");
    assertThat(
            author
                .submit(page + "/edit", page + "/comment-policy", Map.of("policy", "everyone"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void authorsSeeWhatReadersDidWithEachWork() throws Exception {
    HttpBrowser author = signedUp("Stats Author");
    long busy =
        post("Stats Author", "Busy Work", "Stats Author", "Many came to read.", Visibility.PUBLIC);
    long quiet =
        post("Stats Author", "Quiet Work", "Stats Author", "Few came to read.", Visibility.PUBLIC);
    HttpBrowser fan = signedUp("Stats Fan");
    fan.get("/works/" + busy);
    visitor().get("/works/" + busy);
    fan.submit("/works/" + busy, "/works/" + busy + "/kudos", Map.of());
    quire
        .store()
        .readers()
        .subscribe(
            quire.store().accounts().userByName("Stats Fan").orElseThrow().id(),
            new org.quire.store.ReaderStore.Subscription(
                org.quire.store.ReaderStore.SubscriptionKind.WORK, Long.toString(busy)));
    Document d = Jsoup.parse(author.get("/account/stats").body());
    assertThat(d.select("tbody th a").eachText()).containsExactly("Busy Work", "Quiet Work");
    var busyRow = d.select("tbody tr").first().select("td").eachText();
    // Words, hits, kudos, comments, bookmarks, subscribers.
    assertThat(busyRow).containsExactly("4", "2", "1", "0", "0", "1");
    assertThat(d.select("tfoot th").text()).contains("All 2 works");
    assertThat(
            Jsoup.parse(author.get("/account/stats?sort=title").body())
                .select("tbody th a")
                .eachText())
        .containsExactly("Busy Work", "Quiet Work");
    // Another member's numbers are theirs: a reader's own page lists none of these.
    assertThat(fan.get("/account/stats").body()).doesNotContain("Busy Work");
    assertThat(quiet).isPositive();
  }

  @Test
  void kudosOncePerReaderCommentsAreSanitisedThreadedAndModerated() throws Exception {
    HttpBrowser author = signedUp("Giles R");
    long id =
        post("Giles R", "Tea Leaves", "Giles R", "He brewed the tea slowly.", Visibility.PUBLIC);
    HttpBrowser reader = signedUp("Dawn S");
    String page = "/works/" + id;

    assertThat(reader.submit(page, page + "/kudos", Map.of()).statusCode()).isEqualTo(303);
    assertThat(reader.get(page).body()).contains("You left kudos").contains("Dawn S");
    reader.submit(page, page + "/kudos", Map.of());
    visitor().submit(page, page + "/kudos", Map.of());
    visitor().submit(page, page + "/kudos", Map.of()); // same address: the same guest
    author.submit(page, page + "/kudos", Map.of()); // no kudos on one's own work
    assertThat(quire.store().readers().engagement(id).kudos()).isEqualTo(2);
    assertThat(reader.get(page).body()).contains("Dawn S and 1 guest left kudos");

    // A comment: Markdown and basic HTML kept, script and handlers gone.
    HttpResponse<String> c =
        reader.submit(
            page,
            page + "/chapters/1/comments",
            Map.of(
                "body",
                "I *loved* this <b>so</b> much <script>alert(1)</script>"
                    + "<img src=x onerror=alert(2)> [me](javascript:alert(3))"));
    assertThat(c.statusCode()).isEqualTo(303);
    String loc = c.headers().firstValue("Location").orElseThrow();
    long cid = Long.parseLong(loc.substring(loc.indexOf("#comment-") + 9));
    Document d = Jsoup.parse(reader.get(page).body());
    var body = d.selectFirst("#comment-" + cid + " .comment-body");
    assertThat(body.select("em").text()).isEqualTo("loved");
    assertThat(body.select("b").text()).isEqualTo("so");
    assertThat(body.select("script, img, [onerror]")).isEmpty();
    assertThat(body.html()).doesNotContain("javascript:").doesNotContain("alert(1)");
    // The author hears of it in their inbox, with a link to the comment.
    Document inbox = Jsoup.parse(author.get("/inbox").body());
    assertThat(inbox.text()).contains("Dawn S commented on");
    // A link that finds the comment wherever its chapter goes.
    String link = inbox.select("a[href=/comments/" + cid + "]").attr("href");
    assertThat(link).isNotEmpty();
    assertThat(author.get(link).headers().firstValue("Location"))
        .hasValue("/works/" + id + "#comment-" + cid);

    // The author replies; the reply sits under the comment.
    author.submit(
        page,
        page + "/chapters/1/comments",
        Map.of("body", "Thank you!", "parent", Long.toString(cid)));
    d = Jsoup.parse(visitor().get(page).body());
    assertThat(d.select(".comment.indent-1 .comment-body").text()).isEqualTo("Thank you!");
    // The writer of the comment answered hears of the reply.
    assertThat(reader.get("/inbox").body()).contains("Giles R replied to your comment");
    assertThat(d.select(".comment-head strong").eachText()).containsExactly("Dawn S", "Giles R");
    // ... and says whom it answers, to screen readers.
    assertThat(d.select(".comment.indent-1 .comment-head .visually-hidden").text())
        .isEqualTo(", in reply to Dawn S");
    // A refused comment comes back in its form with the reason: what was typed is not lost.
    String tooLong = "So much to say. ".repeat(700);
    HttpResponse<String> refused =
        reader.submit(page, page + "/chapters/1/comments", Map.of("body", tooLong));
    assertThat(refused.statusCode()).isEqualTo(400);
    Document again = Jsoup.parse(refused.body());
    assertThat(again.title()).startsWith("Error: ");
    assertThat(again.select("#form-error").text()).contains("up to 10000 characters");
    assertThat(again.select("#comment-body").first().wholeText()).isEqualTo(tooLong);
    assertThat(again.select("#comment-body").attr("aria-invalid")).isEqualTo("true");
    HttpResponse<String> emptyReply =
        reader.submit(
            page,
            page + "/chapters/1/comments",
            Map.of("body", "  ", "parent", Long.toString(cid)));
    Document reply = Jsoup.parse(emptyReply.body());
    assertThat(reply.select("#comment-" + cid + " details.reply[open] #form-error").text())
        .isEqualTo("A comment needs some words.");
    // Visitors cannot comment; the form asks them to log in.
    assertThat(d.select("form.comment-form")).isEmpty();

    // Only the writer edits; the work's author may delete (moderate).
    assertThat(author.submit(page, "/comments/" + cid + "/edit", Map.of("body", "x")).statusCode())
        .isEqualTo(403);
    assertThat(
            reader
                .submit(page, "/comments/" + cid + "/edit", Map.of("body", "I loved it, edited"))
                .statusCode())
        .isEqualTo(303);
    assertThat(reader.get(page).body()).contains("I loved it, edited").contains("edited");
    HttpBrowser stranger = signedUp("Random Reader");
    assertThat(stranger.submit(page, "/comments/" + cid + "/delete", Map.of()).statusCode())
        .isEqualTo(403);
    assertThat(author.submit(page, "/comments/" + cid + "/delete", Map.of()).statusCode())
        .isEqualTo(303);
    d = Jsoup.parse(visitor().get(page).body());
    assertThat(d.text()).contains("This comment was deleted").contains("Thank you!");
    assertThat(d.text()).doesNotContain("I loved it");
    assertThat(quire.store().readers().engagement(id).comments()).isEqualTo(1);

    // Oversized and empty comments are refused with a message.
    HttpResponse<String> big =
        reader.submit(page, page + "/chapters/1/comments", Map.of("body", "x".repeat(10_001)));
    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(big.body()).contains("up to 10000 characters");
    assertThat(
            reader.submit(page, page + "/chapters/9/comments", Map.of("body", "hi")).statusCode())
        .isEqualTo(404);

    // The listing shows the counts once the index has them.
    awaitIndexed("tea", 1);
    long deadline = System.nanoTime() + 5_000_000_000L;
    String listing = "";
    while (System.nanoTime() < deadline && !listing.contains("<dt>Kudos</dt><dd>2</dd>")) {
      listing = visitor().get("/search?q=tea&sort=kudos").body();
      Thread.sleep(50);
    }
    assertThat(listing)
        .contains("<dt>Kudos</dt><dd>2</dd>")
        .contains("<dt>Comments</dt><dd>1</dd>");
  }

  @Test
  void bookmarksHistoryAndWhereYouStopped() throws Exception {
    HttpBrowser author = signedUp("Joyce S");
    long id =
        post(
            "Joyce S",
            "Three Rooms",
            "Joyce S",
            "Chapter 1\n\nThe hall.\n\nChapter 2\n\nThe kitchen.\n\nChapter 3\n\nThe attic.",
            Visibility.PUBLIC);
    HttpBrowser reader = signedUp("Faith L");
    String page = "/works/" + id;
    assertThat(reader.get(page + "/chapters/2").statusCode()).isEqualTo(200);
    Document d = Jsoup.parse(reader.get(page).body());
    assertThat(d.select(".resume a").attr("href")).isEqualTo(page + "/chapters/2");
    assertThat(reader.get("/history").body())
        .contains("Three Rooms")
        .contains("Last read chapter 2");

    // Marked for later: the reader's own reading list, neither shown to others nor counted.
    reader.submit(page, page + "/bookmark", Map.of("private", "1", "later", "1"));
    assertThat(reader.get("/bookmarks?later=1").body()).contains("Three Rooms");
    assertThat(quire.store().readers().engagement(id).bookmarks()).isZero();
    assertThat(Jsoup.parse(author.get(page).body()).select(".public-bookmarks li")).isEmpty();

    reader.submit(
        page,
        page + "/bookmark",
        Map.of("note", "Read the *attic* again", "tags", "cosy, houses, cosy"));
    String marks = reader.get("/bookmarks").body();
    assertThat(marks).contains("Three Rooms").contains("Read the <em>attic</em> again");
    assertThat(Jsoup.parse(marks).select(".tag-own").eachText()).containsExactly("cosy", "houses");
    assertThat(reader.get("/bookmarks?later=1").body())
        .doesNotContain("Three Rooms")
        .contains("only you see it");
    assertThat(quire.store().readers().engagement(id).bookmarks()).isEqualTo(1);
    // Other readers never see someone's bookmarks list, but do see public bookmarks on the work.
    assertThat(author.get("/bookmarks").body()).doesNotContain("Read the attic again");
    Document shown = Jsoup.parse(author.get(page).body());
    assertThat(shown.select(".public-bookmarks li").text())
        .contains("Faith L")
        .contains("Read the attic again")
        .contains("cosy, houses");
    reader.submit(page, page + "/bookmark", Map.of("note", "Secret note", "private", "1"));
    assertThat(author.get(page).body())
        .doesNotContain("Secret note")
        .doesNotContain("Bookmarked by");
    assertThat(reader.get("/bookmarks").body())
        .contains("Secret note")
        .contains("Private bookmark");
    reader.submit(page, page + "/bookmark/delete", Map.of());
    assertThat(reader.get("/bookmarks").body()).doesNotContain("Three Rooms");

    // Not without ticking the box: one stray click would lose it all.
    assertThat(reader.submit("/history", "/history/clear", Map.of()).statusCode()).isEqualTo(400);
    assertThat(reader.get("/history").body()).contains("Three Rooms");
    reader.submit("/history", "/history/clear", Map.of("confirm", "1"));
    assertThat(reader.get("/history").body()).doesNotContain("Three Rooms");
    assertThat(visitor().get("/history").statusCode()).isEqualTo(303);
    // A reader with many bookmarks pages through them all.
    for (int i = 0; i < 51; i++) {
      long w =
          post(
              "Joyce S",
              "Shelf " + i,
              "Joyce S",
              "Shelf number " + i + " of many.",
              Visibility.PUBLIC);
      quire
          .store()
          .readers()
          .saveBookmark(
              quire.store().accounts().userByName("Faith L").orElseThrow().id(),
              ReaderActions.bookmark(w, null, List.of(), true, i % 2 == 0));
    }
    Document first = Jsoup.parse(reader.get("/bookmarks").body());
    Document second = Jsoup.parse(reader.get(first.selectFirst("a[rel=next]").attr("href")).body());
    assertThat(first.select("ol.blurbs > li")).hasSize(50);
    assertThat(second.select("ol.blurbs > li")).hasSize(1);
    assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo("/bookmarks?page=1");
    assertThat(Jsoup.parse(reader.get("/bookmarks?later=1").body()).select("ol.blurbs > li"))
        .hasSize(26);
  }

  @Test
  void mutedAuthorsAndTagsAndBlockedUsersDisappearOnTheServer() throws Exception {
    HttpBrowser loud = signedUp("Harmony K");
    post("Harmony K", "Loud Story", "Harmony K", "Loud words about a walrus.", Visibility.PUBLIC);
    signedUp("Calm Writer");
    long calm =
        post(
            "Calm Writer",
            "Calm Story",
            "Calm Writer",
            "Calm words about a walrus.",
            Visibility.PUBLIC);
    HttpBrowser reader = signedUp("Cordelia C");
    assertThat(reader.get("/search?q=walrus").body())
        .contains("Loud Story")
        .contains("Calm Story")
        .doesNotContain("mutes</a> or reading settings hide");

    reader.submit("/mutes", "/mutes", Map.of("kind", "author", "value", "harmony k"));
    assertThat(reader.get("/search?q=walrus").body())
        .doesNotContain("Loud Story")
        .contains("Calm Story");
    assertThat(reader.get("/works").body()).doesNotContain("Loud Story");
    // The count says it leaves muted works out, so it is not read as the archive's size.
    assertThat(Jsoup.parse(reader.get("/search").body()).selectFirst("p.count").text())
        .endsWith("in the archive, leaving out those your mutes or reading settings hide");
    assertThat(Jsoup.parse(visitor().get("/search").body()).selectFirst("p.count").text())
        .endsWith("in the archive");
    // Not hidden with CSS: the muted work is simply not in the page.
    assertThat(reader.get("/search?q=walrus").body()).doesNotContain("Harmony K</");
    assertThat(visitor().get("/search?q=walrus").body()).contains("Loud Story");

    // Blocking: the blocked user's comments go, and they cannot comment on the blocker's works.
    HttpBrowser writer = signedUp("Calm Author");
    long own =
        post(
            "Calm Author", "Quiet Pond", "Calm Author", "A quiet pond at dusk.", Visibility.PUBLIC);
    String page = "/works/" + own;
    loud.submit(page, page + "/chapters/1/comments", Map.of("body", "A rude remark."));
    assertThat(writer.get(page).body()).contains("A rude remark.");
    writer.submit("/mutes", "/mutes", Map.of("kind", "user", "value", "Harmony K"));
    assertThat(writer.get(page).body()).doesNotContain("A rude remark.");
    assertThat(visitor().get(page).body()).contains("A rude remark.");
    HttpResponse<String> again =
        loud.submit(page, page + "/chapters/1/comments", Map.of("body", "Another."));
    assertThat(again.statusCode()).isEqualTo(403);
    assertThat(writer.get("/mutes").body()).contains("Blocked user").contains("Harmony K");
    assertThat(
            writer
                .submit("/mutes", "/mutes", Map.of("kind", "user", "value", "Calm Author"))
                .statusCode())
        .isEqualTo(400);
    assertThat(calm).isPositive();
  }

  @Test
  void aTagMuteFindsTheTagByItsNameAndRefusesNamesNoTagHas() throws Exception {
    signedUp("Grim Writer");
    post(
        "Grim Writer",
        "Grim Narwhal",
        "Grim Writer",
        "Warnings: Major Character Death\n\nThe narwhal of doom is gone by dawn.",
        Visibility.PUBLIC);
    post(
        "Grim Writer",
        "Gentle Narwhal",
        "Grim Writer",
        "The narwhal of doom naps until dawn.",
        Visibility.PUBLIC);
    HttpBrowser reader = signedUp("Mute Tester");
    assertThat(reader.get("/search?q=narwhal").body()).contains("Grim Narwhal");
    // The kind left at another one, and AO3's short form: still the archive warning.
    var muted =
        reader.submit("/mutes", "/mutes", Map.of("kind", "tag", "type", "rating", "value", "MCD"));
    assertThat(muted.statusCode()).isEqualTo(303);
    assertThat(reader.get("/mutes").body()).contains("(Archive Warning) are hidden from you now");
    assertThat(reader.get("/search?q=narwhal").body())
        .doesNotContain("Grim Narwhal")
        .contains("Gentle Narwhal");
    assertThat(Jsoup.parse(reader.get("/mutes").body()).text()).contains("MCD (Archive Warning)");
    // A name no tag has is refused, not saved as a mute that hides nothing.
    var typo =
        reader.submit(
            "/mutes",
            "/mutes",
            Map.of("kind", "tag", "type", "any", "value", "Majr Charcter Deth"));
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("No tag is called");
    assertThat(reader.get("/mutes").body()).doesNotContain("Majr");
  }

  @Test
  void readingPreferencesAreRememberedForVisitorsAndAccounts() throws Exception {
    HttpBrowser guest = visitor();
    guest.submit(
        "/prefs",
        "/prefs",
        Map.of("theme", "sepia", "font", "sans", "size", "130", "width", "wide"));
    assertThat(Jsoup.parse(guest.get("/").body()).body().className())
        .isEqualTo("theme-sepia font-sans size-130 width-wide");
    // Nonsense values fall back to the defaults.
    guest.submit(
        "/prefs",
        "/prefs",
        Map.of("theme", "<script>", "font", "comic", "size", "9999", "width", "\"x"));
    assertThat(Jsoup.parse(guest.get("/").body()).body().className())
        .isEqualTo("theme-auto font-serif size-200 width-medium");
    // Opened from a page (the footer's link), saving returns there.
    var form = Jsoup.parse(guest.get("/prefs?back=" + Texts.url("/works?page=1")).body());
    assertThat(form.selectFirst("input[name=back]").val()).isEqualTo("/works?page=1");
    HttpResponse<String> saved =
        guest.post(
            "/prefs",
            Map.of("csrf", guest.csrf("/prefs"), "theme", "dark", "back", "/works?page=1"));
    assertThat(saved.headers().firstValue("Location")).hasValue("/works?page=1");
    HttpResponse<String> offsite =
        guest.post("/prefs", Map.of("csrf", guest.csrf("/prefs"), "back", "//evil.example/"));
    assertThat(offsite.headers().firstValue("Location")).hasValue("/prefs");

    HttpBrowser member = signedUp("Kennedy");
    member.submit("/prefs", "/prefs", Map.of("theme", "dark", "size", "90", "hide", "1"));
    HttpBrowser elsewhere = new HttpBrowser(app.port());
    elsewhere.submit(
        "/login", "/login", Map.of("name", "Kennedy", "password", "correct horse battery"));
    assertThat(Jsoup.parse(elsewhere.get("/").body()).body().className())
        .contains("theme-dark")
        .contains("size-90");

    // The whole work by default, for a visitor (cookie) as for a member; a chapter's own address
    // still shows that chapter alone.
    long rooms =
        post(
            "Kennedy",
            "Two Rooms",
            "Kennedy",
            "Chapter 1\n\nThe cellar.\n\nChapter 2\n\nThe loft.",
            Visibility.PUBLIC);
    assertThat(Jsoup.parse(guest.get("/works/" + rooms).body()).select("section.chapter"))
        .hasSize(1);
    guest.submit("/prefs", "/prefs", Map.of("whole", "1"));
    assertThat(
            Jsoup.parse(guest.get("/prefs").body())
                .selectFirst("input[name=whole]")
                .hasAttr("checked"))
        .isTrue();
    assertThat(Jsoup.parse(guest.get("/works/" + rooms).body()).select("section.chapter"))
        .hasSize(2);
    assertThat(
            Jsoup.parse(guest.get("/works/" + rooms + "/chapters/2").body())
                .select("section.chapter"))
        .hasSize(1);
    // Another visitor (no cookie) is not served the first one's page from the cache.
    assertThat(Jsoup.parse(visitor().get("/works/" + rooms).body()).select("section.chapter"))
        .hasSize(1);
    member.submit(
        "/prefs", "/prefs", Map.of("theme", "dark", "size", "90", "hide", "1", "whole", "1"));
    assertThat(Jsoup.parse(elsewhere.get("/works/" + rooms).body()).select("section.chapter"))
        .hasSize(2);

    // Hiding works already read.
    long id = post("Kennedy", "Read Once", "Someone", "A one-off ostrich tale.", Visibility.PUBLIC);
    assertThat(member.get("/search?q=ostrich").body()).contains("Read Once");
    member.get("/works/" + id);
    assertThat(member.get("/search?q=ostrich").body()).doesNotContain("Read Once");
    assertThat(visitor().get("/search?q=ostrich").body()).contains("Read Once");
  }

  @Test
  void loggingInReturnsToTheLocalPageOnlyNeverToAnotherSite() throws Exception {
    signedUp("Oz D");
    for (String evil :
        new String[] {"//evil.example/x", "/\\evil.example", "https://evil.example"}) {
      HttpBrowser b = new HttpBrowser(app.port());
      HttpResponse<String> r =
          b.submit(
              "/login?next=" + HttpBrowser.enc(evil),
              "/login",
              Map.of("name", "Oz D", "password", "correct horse battery", "next", evil));
      assertThat(r.headers().firstValue("Location")).as(evil).hasValue("/");
    }
    HttpBrowser b = new HttpBrowser(app.port());
    HttpResponse<String> r =
        b.submit(
            "/login",
            "/login",
            Map.of("name", "Oz D", "password", "correct horse battery", "next", "/bookmarks"));
    assertThat(r.headers().firstValue("Location")).hasValue("/bookmarks");
  }
}

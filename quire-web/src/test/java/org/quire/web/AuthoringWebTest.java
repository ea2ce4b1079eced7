package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.quire.model.Chapter;
import org.quire.model.Provenance;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Visibility;
import org.quire.model.Work;

/** Editing, chapters, series, co-authors, orphaning, deleting; subscriptions and the inbox. */
class AuthoringWebTest extends ServerTestBase {

  static long post(String user, String title, String body, Visibility v) {
    return post(user, "Title: " + title + "\n\n" + body, v);
  }

  /** The id of the work a posting form's answer leads to ({@code /works/12/tags?…}). */
  static long postedId(HttpResponse<String> posted) {
    return Long.parseLong(
        posted
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceAll("\\?.*", "")
            .replaceAll("\\D", ""));
  }

  /** The edit form of a work with every field as the page filled it in, plus changes. */
  static Map<String, String> editForm(HttpBrowser b, long id, Map<String, String> changes)
      throws Exception {
    Document d = Jsoup.parse(b.get("/works/" + id + "/edit").body());
    Map<String, String> f = new HashMap<>();
    var form = d.selectFirst("form[action=/works/" + id + "/edit]");
    form.select("input[name], textarea[name]")
        .forEach(
            e -> {
              if (e.is("input[type=checkbox]")) {
                if (e.hasAttr("checked")) {
                  f.put(e.attr("name"), e.attr("value"));
                }
              } else {
                f.put(e.attr("name"), e.is("textarea") ? e.wholeText() : e.attr("value"));
              }
            });
    f.putAll(changes);
    return f;
  }

  @Test
  void thePostingFormTakesASummaryAndTheAuthorsOwnTags() throws Exception {
    HttpBrowser author = signedUp("Cordelia C");
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("text", "Queen C\n\nShe walked the halls of Sunnydale High as if she owned them.");
    form.put("summary", "A day in the life of the queen of the school.");
    form.put("rating", "Teen And Up Audiences");
    form.put("warning", "No Archive Warnings Apply");
    form.put("fandoms", "Buffy the Vampire Slayer");
    form.put("characters", "Cordelia Chase, Harmony Kendall");
    form.put("additional", "Character Study");
    HttpResponse<String> posted = author.submit("/works/new", "/works/new", form);
    assertThat(posted.statusCode()).isEqualTo(303);
    long id = postedId(posted);
    Work w = quire.work(id).orElseThrow();
    assertThat(w.summary()).isEqualTo("A day in the life of the queen of the school.");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
    assertThat(w.tags())
        .filteredOn(t -> t.provenance() == Provenance.AUTHOR)
        .extracting(Tag::name)
        .contains(
            "Teen And Up Audiences",
            "No Archive Warnings Apply",
            "Buffy the Vampire Slayer",
            "Cordelia Chase",
            "Harmony Kendall",
            "Character Study");
    assertThat(quire.store().visibility(id)).hasValue(Visibility.DRAFT); // until reviewed
    // A file, as the form sends it (multipart), with tags given beside it.
    HttpResponse<String> uploaded =
        author.upload(
            "/works/new",
            "/works/new",
            "hall.md",
            "# Hall Monitor\n\nCordelia checked every pass twice.\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            Map.of("additional", "Rules Lawyer, Hall Passes", "rating", "General Audiences"));
    assertThat(uploaded.statusCode()).isEqualTo(303);
    long fromFile = postedId(uploaded);
    Work file = quire.work(fromFile).orElseThrow();
    assertThat(file.title()).isEqualTo("Hall Monitor");
    assertThat(file.tagNames(TagType.ADDITIONAL)).contains("Rules Lawyer", "Hall Passes");
    assertThat(file.tagNames(TagType.RATING)).containsExactly("General Audiences");
    // A rating outside AO3's list sends the form back as typed, and nothing is posted.
    long before = quire.store().count();
    form.put("rating", "Super Explicit");
    form.put("text", "Another day\n\nMore halls.");
    HttpResponse<String> refused = author.submit("/works/new", "/works/new", form);
    assertThat(refused.statusCode()).isEqualTo(400);
    Document again = Jsoup.parse(refused.body());
    assertThat(again.select(".form-error").text()).contains("Super Explicit");
    assertThat(again.select("#summary").val())
        .isEqualTo("A day in the life of the queen of the school.");
    assertThat(again.select("#characters").val()).isEqualTo("Cordelia Chase, Harmony Kendall");
    assertThat(
            again
                .selectFirst("input[name=warning][value=No Archive Warnings Apply]")
                .hasAttr("checked"))
        .isTrue();
    assertThat(quire.store().count()).isEqualTo(before);
  }

  @Test
  void commentsAndReadersPlacesFollowTheirChapterWhenAnotherIsDeleted() throws Exception {
    HttpBrowser author = signedUp("Ember Author");
    long id =
        post(
            "Ember Author",
            "Three Fires",
            "Chapter 1: Kindling\n\nThe first fire was small.\n\n"
                + "Chapter 2: Tinder\n\nThe second fire caught.\n\n"
                + "Chapter 3: Embers\n\nThe third fire glowed all night.",
            Visibility.PUBLIC);
    assertThat(quire.work(id).orElseThrow().chapters()).hasSize(3);
    var readers = quire.store().readers();
    // The author reading their own work is not a hit; a reader is.
    author.get("/works/" + id);
    assertThat(readers.engagement(id).hits()).isZero();
    visitor().get("/works/" + id);
    assertThat(readers.engagement(id).hits()).isEqualTo(1);
    long reader = quire.store().accounts().userByName("Ember Author").orElseThrow().id();
    long onSecond = readers.addComment(id, 2, null, reader, "On the second");
    readers.addComment(id, 3, null, reader, "On the third");
    readers.recordReading(reader, id, 2);
    String page = "/works/" + id;
    author.post(page + "/edit", editForm(author, id, Map.of("delete2", "1")), page + "/edit");

    assertThat(quire.work(id).orElseThrow().chapters()).hasSize(2);
    // The third chapter is now the second, with its own comment; the deleted one's went with it.
    assertThat(readers.comments(id, 2)).extracting(c -> c.body()).containsExactly("On the third");
    assertThat(readers.comments(id, 3)).isEmpty();
    assertThat(readers.engagement(id).comments()).isEqualTo(1);
    // The deleted chapter's comment is hidden, not gone: a report about it still has it.
    assertThat(readers.comment(onSecond).orElseThrow().deleted()).isTrue();
    assertThat(author.get(page + "/chapters/2").body()).contains("On the third");
    // The reader who stopped in the deleted chapter stopped at the one after it.
    assertThat(readers.reading(reader, id).orElseThrow().chapter()).isEqualTo(2);
    // A chapter added now starts with no comments.
    author.submit(
        page + "/edit", page + "/chapters", Map.of("text", "A fourth fire, written later."));
    assertThat(quire.work(id).orElseThrow().chapters()).hasSize(3);
    assertThat(readers.comments(id, 3)).isEmpty();
  }

  @Test
  void chaptersAreRearrangedWithTheirCommentsAndReadersPlaces() throws Exception {
    HttpBrowser author = signedUp("Order Author");
    long id =
        post(
            "Order Author",
            "Out of Order",
            "Chapter 1: Dawn\n\nMorning came.\n\n"
                + "Chapter 2: Noon\n\nThe sun stood high.\n\n"
                + "Chapter 3: Prologue\n\nLong before, a seed.",
            Visibility.PUBLIC);
    var readers = quire.store().readers();
    long uid = quire.store().accounts().userByName("Order Author").orElseThrow().id();
    long onPrologue = readers.addComment(id, 3, null, uid, "On the prologue");
    readers.addComment(id, 1, null, uid, "On the dawn");
    readers.recordReading(uid, id, 3);
    String page = "/works/" + id;
    // The prologue to the front: 3, 1, 2.
    author.post(page + "/edit", editForm(author, id, Map.of("pos3", "1")), page + "/edit");
    assertThat(quire.work(id).orElseThrow().chapters())
        .extracting(c -> c.text().strip())
        .containsExactly("Long before, a seed.", "Morning came.", "The sun stood high.");
    assertThat(readers.comments(id, 1))
        .extracting(c -> c.body())
        .containsExactly("On the prologue");
    assertThat(readers.comments(id, 2)).extracting(c -> c.body()).containsExactly("On the dawn");
    assertThat(readers.reading(uid, id).orElseThrow().chapter()).isEqualTo(1);
    // The first chapter to the end: 1, 2, 3 becomes 2, 3, 1.
    author.post(page + "/edit", editForm(author, id, Map.of("pos1", "3")), page + "/edit");
    assertThat(quire.work(id).orElseThrow().chapters())
        .extracting(c -> c.text().strip())
        .containsExactly("Morning came.", "The sun stood high.", "Long before, a seed.");
    assertThat(readers.comments(id, 3))
        .extracting(c -> c.body())
        .containsExactly("On the prologue");
    // Two moves that cross: each chapter lands where it was asked to.
    author.post(
        page + "/edit", editForm(author, id, Map.of("pos1", "3", "pos3", "1")), page + "/edit");
    assertThat(quire.work(id).orElseThrow().chapters())
        .extracting(c -> c.text().strip())
        .containsExactly("Long before, a seed.", "The sun stood high.", "Morning came.");
    assertThat(readers.comments(id, 1))
        .extracting(c -> c.body())
        .containsExactly("On the prologue");
    // Headings that numbered their chapters in the file give the numbers the chapters have now,
    // in downloads and on the edit page as on the reader page.
    assertThat(author.get(page + "/download/txt").body())
        .contains("Chapter 1: Prologue")
        .contains("Chapter 3: Dawn")
        .doesNotContain("Chapter 3: Prologue");
    assertThat(Jsoup.parse(author.get(page + "/edit").body()).select("#ctitle1").attr("value"))
        .isEqualTo("Prologue");
    // The inbox's link to a comment finds it in its chapter's new place.
    assertThat(author.get("/comments/" + onPrologue).headers().firstValue("Location"))
        .hasValue(page + "/chapters/1#comment-" + onPrologue);
    assertThat(
            author
                .post(page + "/edit", editForm(author, id, Map.of("pos2", "9")), page + "/edit")
                .statusCode())
        .isEqualTo(400);

    // A summary pasted from AO3's editor keeps its words, emphasis, links and lists, not its
    // other tags; a link to anything but a web or mail address keeps only its words.
    author.post(
        page + "/edit",
        editForm(
            author,
            id,
            Map.of(
                "summary",
                "<p>Time runs <em>backwards</em> here [1]. Art by"
                    + " <a href=\"https://example.org/art?a=1&amp;b=2\" onclick=\"x()\">Ink</a>,"
                    + " <a href=\"javascript:alert(1)\">not this</a>.</p><ul><li>one</li>"
                    + "<li>two</li></ul>")),
        page + "/edit");
    assertThat(quire.work(id).orElseThrow().summary())
        .startsWith("Time runs *backwards* here \\[1\\].")
        .contains("[Ink](<https://example.org/art?a=1&b=2>)")
        .doesNotContain("javascript");
    Document shown = Jsoup.parse(visitor().get(page).body());
    assertThat(shown.select(".summary em").text()).isEqualTo("backwards");
    assertThat(shown.select(".summary blockquote").text()).contains("here [1].");
    Element link = shown.selectFirst(".summary a");
    assertThat(link).isNotNull();
    assertThat(link.attr("href")).isEqualTo("https://example.org/art?a=1&b=2");
    assertThat(link.attr("rel")).contains("nofollow");
    assertThat(link.hasAttr("onclick")).isFalse();
    assertThat(shown.select(".summary a")).hasSize(1);
    assertThat(shown.select(".summary li").eachText()).containsExactly("one", "two");
    // The same summary on the listings' blurbs.
    assertThat(
            Jsoup.parse(visitor().get("/works").body())
                .select("blockquote.summary a")
                .eachAttr("href"))
        .contains("https://example.org/art?a=1&b=2");
  }

  @Test
  void worksAreGivenAsGiftsAndGiftsRefused() throws Exception {
    HttpBrowser author = signedUp("Gift Giver");
    HttpBrowser recipient = signedUp("Gift Taker");
    long id = post("Gift Giver", "A Present", "Wrapped in paper.", Visibility.PUBLIC);
    String page = "/works/" + id;
    author.post(
        page + "/edit",
        editForm(author, id, Map.of("gifts", "gift taker, Someone Far Away")),
        page + "/edit");
    assertThat(Jsoup.parse(visitor().get(page).body()).select(".gifts").text())
        .isEqualTo("for gift taker, Someone Far Away");
    assertThat(recipient.get("/inbox").body()).contains("Gift Giver gave you a work");
    var listed = Jsoup.parse(recipient.get("/account/works").body()).select("section.gifts li");
    assertThat(listed.text()).contains("A Present");
    assertThat(visitor().get("/api/v1/works/" + id).body()).contains("\"gifts\":[\"gift taker\"");
    // Refused: the name leaves the work and an edit does not give it again.
    recipient.submit("/account/works", listed.select("form").attr("action"), Map.of());
    assertThat(Jsoup.parse(visitor().get(page).body()).select(".gifts").text())
        .isEqualTo("for Someone Far Away");
    author.post(
        page + "/edit",
        editForm(author, id, Map.of("gifts", "Gift Taker, Someone Far Away")),
        page + "/edit");
    assertThat(visitor().get(page).body()).doesNotContain("for Gift Taker");
    assertThat(
            signedUp("Not Given")
                .submit("/account/works", page + "/gift/refuse", Map.of())
                .statusCode())
        .isEqualTo(400);
    // Nobody who blocked the author is given a work.
    HttpBrowser blocker = signedUp("Gift Blocker");
    blocker.submit("/mutes", "/mutes", Map.of("kind", "user", "value", "Gift Giver"));
    HttpResponse<String> refused =
        author.post(
            page + "/edit", editForm(author, id, Map.of("gifts", "Gift Blocker")), page + "/edit");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("does not take gifts from you");
    // Nor in full-width letters or with an invisible character: the name is folded first.
    for (String lookAlike : List.of("ＧＩＦＴ ＢＬＯＣＫＥＲ", "Gift\u200b Blocker")) {
      assertThat(
              author
                  .post(
                      page + "/edit",
                      editForm(author, id, Map.of("gifts", lookAlike)),
                      page + "/edit")
                  .statusCode())
          .isEqualTo(400);
    }
    // A form refused for another reason gives nobody anything.
    HttpBrowser later = signedUp("Gift Later");
    assertThat(
            author
                .post(
                    page + "/edit",
                    editForm(author, id, Map.of("gifts", "Gift Later", "expectedChapters", "x")),
                    page + "/edit")
                .statusCode())
        .isEqualTo(400);
    assertThat(later.get("/inbox").body()).doesNotContain("gave you a work");
  }

  @Test
  void suggestionsDoNotContradictTheAuthorsOwnTags() throws Exception {
    HttpBrowser author = signedUp("Spuffy Writer");
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put(
        "text",
        "Patrol\n\nBuffy and Spike walked the cemetery. Spike talked about the old days; Buffy"
            + " listened and laughed at him, and Spike grinned. They staked two vampires together"
            + " and Buffy thanked Spike at the gate.");
    form.put("fandoms", "Buffy the Vampire Slayer");
    form.put("relationships", "Buffy Summers/Spike");
    form.put("warning", "Graphic Depictions Of Violence");
    HttpResponse<String> posted = author.submit("/works/new", "/works/new", form);
    long id = postedId(posted);
    Work w = quire.work(id).orElseThrow();
    // The author's romantic pairing decides the category, and is not suggested again as a
    // friendship; their warning is not joined by "No Archive Warnings Apply".
    assertThat(w.tagNames(TagType.CATEGORY)).contains("F/M").doesNotContain("Gen");
    assertThat(w.tagNames(TagType.RELATIONSHIP))
        .contains("Buffy Summers/Spike")
        .noneMatch(r -> r.contains("&") && r.contains("Buffy") && r.contains("Spike"));
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING))
        .containsExactly("Graphic Depictions Of Violence");
  }

  @Test
  void htmlPastedAsAo3sEditorGivesItIsReadNotShownAsTags() throws Exception {
    HttpBrowser author = signedUp("Html Paster");
    HttpResponse<String> posted =
        author.submit(
            "/works/new",
            "/works/new",
            Map.of(
                "title",
                "Pasted <Things>",
                "text",
                "<p>The lamp was <em>still</em> lit.</p>\n<p>She <strong>waited</strong>.</p>"));
    long id = postedId(posted);
    Work w = quire.work(id).orElseThrow();
    assertThat(w.title()).isEqualTo("Pasted <Things>");
    assertThat(w.chapters().getFirst().text())
        .contains("The lamp was *still* lit.")
        .doesNotContain("<p>");
    String page = "/works/" + id;
    author.submit(
        page + "/edit",
        page + "/chapters",
        Map.of("text", "<p>Morning came.</p><p><b>Later</b>, the lamp went out.</p>"));
    String second = quire.work(id).orElseThrow().chapters().get(1).text();
    assertThat(second).contains("Morning came.").contains("**Later**").doesNotContain("<b>");
    Document shown = Jsoup.parse(author.get(page + "/chapters/2").body());
    assertThat(shown.select(".userstuff strong").text()).isEqualTo("Later");
    assertThat(shown.select(".userstuff").text()).doesNotContain("<b>");
  }

  @Test
  void anEditWithAMistakeShowsTheFormAgainAsTyped() throws Exception {
    HttpBrowser author = signedUp("Typo Author");
    long id =
        post("Typo Author", "Kept Title", "The only chapter, as first written.", Visibility.PUBLIC);
    String page = "/works/" + id;
    HttpResponse<String> r =
        author.post(
            page + "/edit",
            editForm(
                author,
                id,
                Map.of(
                    "summary", "A summary typed with care", "text1", "  ", "title", "New Title")),
            page + "/edit");
    assertThat(r.statusCode()).isEqualTo(400);
    Document d = Jsoup.parse(r.body());
    assertThat(d.select(".form-error").text()).contains("Chapter 1 has no text");
    assertThat(d.select("textarea[name=summary]").text()).isEqualTo("A summary typed with care");
    assertThat(d.select("input[name=title]").attr("value")).isEqualTo("New Title");
    // Nothing was stored.
    assertThat(quire.work(id).orElseThrow().title()).isEqualTo("Kept Title");
    assertThat(quire.work(id).orElseThrow().summary()).isNull();
  }

  @Test
  void chapterEndNotesAreWrittenEditedAndShownAfterTheChaptersText() throws Exception {
    HttpBrowser author = signedUp("Ender E");
    long id = post("Ender E", "Two Evenings", "The first evening ended.", Visibility.PUBLIC);
    String page = "/works/" + id;
    author.submit(
        page + "/edit",
        page + "/chapters",
        Map.of("text", "The second evening.", "endNotes", "See you *soon*."));
    Document two = Jsoup.parse(author.get(page + "/chapters/2").body());
    var endNotes = two.selectFirst("#chapter-2 aside.chapter-end-notes");
    assertThat(endNotes).isNotNull();
    assertThat(endNotes.select("em").text()).isEqualTo("soon");
    // After the text, as on AO3, not with the notes that open the chapter.
    assertThat(endNotes.previousElementSibling().hasClass("userstuff")).isTrue();
    assertThat(author.get("/api/v1/works/" + id + "/chapters/2").body())
        .contains("\"endNotes\":\"See you *soon*.\"");

    assertThat(
            author
                .post(page + "/edit", editForm(author, id, Map.of("cend1", "The first's own.")))
                .statusCode())
        .isEqualTo(303);
    Work w = quire.work(id).orElseThrow();
    assertThat(w.chapters())
        .extracting(Chapter::endNotes)
        .containsExactly("The first's own.", "See you *soon*.");
    assertThat(w.chapters().get(0).notes()).isNull();
    assertThat(Jsoup.parse(author.get(page + "/edit").body()).select("#cend2").text())
        .isEqualTo("See you *soon*.");
    // Searchable like the other notes.
    assertThat(author.get("/search?q=%22first%27s+own%22").body()).contains("Two Evenings");
  }

  @Test
  void plannedChaptersShowAsOnAo3AndTheLastOneCompletesTheWork() throws Exception {
    HttpBrowser author = signedUp("Planner P");
    long id =
        post(
            "Planner P",
            "Title: Halfway House\nChapters: 1/2\n\nThe first of two parts.",
            Visibility.PUBLIC);
    String page = "/works/" + id;
    assertThat(Jsoup.parse(author.get(page).body()).select(".stats-line").text())
        .contains("Chapters: 1/2");
    assertThat(Jsoup.parse(author.get("/works").body()).select(".stats").text())
        .contains("Chapters 1/2");
    assertThat(Jsoup.parse(author.get(page + "/edit").body()).select("#expectedChapters").val())
        .isEqualTo("2");
    assertThat(author.get("/api/v1/works/" + id).body()).contains("\"expectedChapters\":2");

    HttpResponse<String> refused =
        author.post(
            page + "/edit",
            editForm(author, id, Map.of("expectedChapters", "two")),
            page + "/edit");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(refused.body()).select(".form-error").text())
        .contains("Chapters planned");
    assertThat(quire.work(id).orElseThrow().expectedChapters()).isEqualTo(2);

    author.submit(
        page + "/edit", page + "/chapters", Map.of("title", "Home", "text", "The second part."));
    // Fewer planned than written is refused, not silently made "2/2, complete".
    HttpResponse<String> fewer =
        author.post(
            page + "/edit", editForm(author, id, Map.of("expectedChapters", "1")), page + "/edit");
    assertThat(fewer.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(fewer.body()).select(".form-error").text())
        .contains("plan at least that many");
    assertThat(quire.work(id).orElseThrow().complete()).isTrue();
    assertThat(Jsoup.parse(author.get(page).body()).select(".stats-line").text())
        .contains("Chapters: 2/2");

    // Posting the first chapter of three makes a work in progress, "1/3".
    HttpResponse<String> posted =
        author.submit(
            "/works/new",
            "/works/new",
            Map.of("text", "Act One\n\nThe curtain rose.", "expectedChapters", "3"));
    long first =
        Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
    assertThat(quire.work(first).orElseThrow().complete()).isFalse();
    assertThat(quire.work(first).orElseThrow().expectedChapters()).isEqualTo(3);
    HttpResponse<String> refusedPost =
        author.submit(
            "/works/new",
            "/works/new",
            Map.of("text", "Act Two\n\nThe curtain fell.", "expectedChapters", "-1"));
    assertThat(refusedPost.statusCode()).isEqualTo(400);
    // The form comes back as typed: the pasted story is not lost.
    Document again = Jsoup.parse(refusedPost.body());
    assertThat(again.select(".form-error").text()).contains("Chapters planned");
    assertThat(again.select("textarea#text").val()).isEqualTo("Act Two\n\nThe curtain fell.");
    assertThat(again.select("#expectedChapters").val()).isEqualTo("-1");

    // Blank means unknown: an unfinished work shows "2/?".
    Map<String, String> unknown = editForm(author, id, Map.of("expectedChapters", ""));
    unknown.remove("complete");
    assertThat(author.post(page + "/edit", unknown).statusCode()).isEqualTo(303);
    assertThat(Jsoup.parse(author.get(page).body()).select(".stats-line").text())
        .contains("Chapters: 2/?");
  }

  @Test
  void chaptersAndEditsReachSubscribersAndSearch() throws Exception {
    HttpBrowser author = signedUp("Amy M");
    long id =
        post(
            "Amy M", "Rat Trouble", "She was a rat for a while. Cheese helped.", Visibility.PUBLIC);
    HttpBrowser reader = signedUp("Michael M");
    String page = "/works/" + id;
    reader.submit(page, "/subscriptions", Map.of("kind", "work", "value", Long.toString(id)));
    reader.submit(page, "/subscriptions", Map.of("kind", "author", "value", "Amy M"));
    // Nothing to follow: a work or series that does not exist is refused, not remembered.
    assertThat(
            reader
                .submit(page, "/subscriptions", Map.of("kind", "work", "value", "99999"))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            reader
                .submit(page, "/subscriptions", Map.of("kind", "series", "value", "x"))
                .statusCode())
        .isEqualTo(400);
    assertThat(reader.get(page).body()).contains("Unsubscribe from this work");

    // A reader cannot edit; the author can, and the change is searchable at once.
    assertThat(reader.get(page + "/edit").statusCode()).isEqualTo(403);
    assertThat(reader.submit(page, page + "/edit", Map.of("title", "Mine")).statusCode())
        .isEqualTo(403);
    HttpResponse<String> saved =
        author.post(
            page + "/edit",
            editForm(
                author,
                id,
                Map.of("title", "Rat Trouble Revised", "text1", "She was a rat. Gouda helped.")));
    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(reader.get("/search?q=gouda").body()).contains("Rat Trouble Revised");
    assertThat(reader.get("/search?q=cheese").body()).doesNotContain("Rat Trouble");

    // A new chapter: the subscriber's inbox hears of it once, with a link.
    HttpResponse<String> added =
        author.submit(
            page + "/edit",
            page + "/chapters",
            Map.of("title", "Back to Normal", "text", "Then she was a witch again."));
    assertThat(added.headers().firstValue("Location")).hasValue(page + "/chapters/2");
    Document home = Jsoup.parse(reader.get("/").body());
    assertThat(home.select("header.site .count").text()).isEqualTo("1");
    Document inbox = Jsoup.parse(reader.get("/inbox").body());
    assertThat(inbox.select(".update a").attr("href")).isEqualTo(page + "/chapters/2");
    assertThat(inbox.select(".update").text()).contains("Chapter 2 of “Rat Trouble Revised”");
    assertThat(inbox.select(".subscriptions a").eachText())
        .containsExactlyInAnyOrder("Amy M", "Rat Trouble Revised");
    assertThat(inbox.select(".subscriptions a").eachAttr("href"))
        .containsExactlyInAnyOrder("/authors/Amy%20M", page);
    assertThat(Jsoup.parse(reader.get("/").body()).select("header.site .count")).isEmpty();
    // The author is not told of their own chapter.
    assertThat(quire.store().readers().inbox(uid("Amy M"), 10)).isEmpty();

    // A new public work by a followed author is announced; a draft only when it is published.
    long draft = post("Amy M", "Secret Spell", "A spell in progress.", Visibility.DRAFT);
    assertThat(quire.store().readers().unseen(uid("Michael M"))).isZero();
    author.submit(
        "/works/" + draft, "/works/" + draft + "/visibility", Map.of("visibility", "public"));
    assertThat(reader.get("/inbox").body()).contains("New work by Amy M: “Secret Spell”");
  }

  @Test
  void seriesOrderWorksAndLinkThem() throws Exception {
    HttpBrowser author = signedUp("Jenny C");
    long one = post("Jenny C", "First Lesson", "Computers and magic.", Visibility.PUBLIC);
    long two = post("Jenny C", "Second Lesson", "More computers, more magic.", Visibility.PUBLIC);
    HttpResponse<String> made =
        author.submit(
            "/works/" + one + "/edit",
            "/works/" + one + "/series",
            Map.of("title", "Techno Pagan"));
    String seriesUrl = made.headers().firstValue("Location").orElseThrow();
    long sid = Long.parseLong(seriesUrl.substring(seriesUrl.lastIndexOf('/') + 1));
    HttpBrowser fan = signedUp("Fan Of Jenny");
    fan.submit(seriesUrl, "/subscriptions", Map.of("kind", "series", "value", Long.toString(sid)));
    author.submit(
        "/works/" + two + "/edit",
        "/works/" + two + "/series",
        Map.of("series", Long.toString(sid)));
    Document series = Jsoup.parse(fan.get(seriesUrl).body());
    assertThat(series.select(".blurb-title a").eachText())
        .containsExactly("First Lesson", "Second Lesson");
    Document second = Jsoup.parse(fan.get("/works/" + two).body());
    assertThat(second.select(".series-line").text()).contains("Part 2 of Techno Pagan");
    assertThat(second.select(".series-line a[rel=prev]").attr("href")).isEqualTo("/works/" + one);
    assertThat(fan.get("/inbox").body()).contains("was added to the series “Techno Pagan”");
    // The whole series as one book, in reading order.
    var epub =
        fan.http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        "http://127.0.0.1:" + app.port() + seriesUrl + "/download/epub"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertThat(epub.headers().firstValue("Content-Type")).hasValue("application/epub+zip");
    var book = new org.quire.ingest.Ingester().read("series.epub", epub.body());
    assertThat(book.title()).isEqualTo("Techno Pagan");
    assertThat(book.chapters())
        .extracting(c -> c.text().strip())
        .containsExactly("Computers and magic.", "More computers, more magic.");
    // A members-only third part and a draft fourth: a visitor's second part is the last they may
    // read, and a member's links skip the draft.
    long three = post("Jenny C", "Third Lesson", "Members read this.", Visibility.RESTRICTED);
    long four = post("Jenny C", "Fourth Lesson", "Not yet.", Visibility.DRAFT);
    for (long w : List.of(three, four)) {
      author.submit(
          "/works/" + w + "/edit", "/works/" + w + "/series", Map.of("series", Long.toString(sid)));
    }
    Document visitorsSecond = Jsoup.parse(visitor().get("/works/" + two).body());
    assertThat(visitorsSecond.select(".series-line").text()).contains("Part 2 of Techno Pagan");
    assertThat(visitorsSecond.select(".series-line a[rel=next]")).isEmpty();
    Document membersThird = Jsoup.parse(fan.get("/works/" + three).body());
    assertThat(membersThird.select(".series-line a[rel=prev]").attr("href"))
        .isEqualTo("/works/" + two);
    assertThat(membersThird.select(".series-line a[rel=next]")).isEmpty();
    assertThat(
            Jsoup.parse(fan.get("/works/" + two).body())
                .select(".series-line a[rel=next]")
                .attr("href"))
        .isEqualTo("/works/" + three);
    // Its owner renames it, reorders it and takes a work out; nobody else may.
    Document seriesPage = Jsoup.parse(author.get(seriesUrl).body());
    assertThat(seriesPage.select(".byline").text()).contains("A series by Jenny C");
    assertThat(seriesPage.select("a[href=" + seriesUrl + "/edit]")).hasSize(1);
    assertThat(Jsoup.parse(fan.get(seriesUrl).body()).select("a[href=" + seriesUrl + "/edit]"))
        .isEmpty();
    assertThat(fan.get(seriesUrl + "/edit").statusCode()).isEqualTo(403);
    author.submit(
        seriesUrl + "/edit",
        seriesUrl + "/edit",
        Map.of(
            "title",
            "Techno Pagans",
            "summary",
            "Lessons, in order.",
            "position" + two,
            "1",
            "position" + one,
            "2",
            "remove" + three,
            "1"));
    var changed = quire.store().series().series(sid).orElseThrow();
    assertThat(changed.title()).isEqualTo("Techno Pagans");
    assertThat(changed.summary()).isEqualTo("Lessons, in order.");
    assertThat(changed.workIds()).containsExactly(two, one, four);
    // Moved down, a work goes after the one now at that place.
    author.submit(
        seriesUrl + "/edit",
        seriesUrl + "/edit",
        Map.of("title", "Techno Pagans", "position" + two, "3"));
    assertThat(quire.store().series().series(sid).orElseThrow().workIds())
        .containsExactly(one, four, two);
    assertThat(
            author
                .submit(seriesUrl + "/edit", seriesUrl + "/edit", Map.of("title", " "))
                .statusCode())
        .isEqualTo(400);
    assertThat(quire.store().series().series(sid).orElseThrow().title()).isEqualTo("Techno Pagans");

    // Someone else's series is not theirs to fill.
    long other = post("Fan Of Jenny", "Fan Work", "A fan's homage.", Visibility.PUBLIC);
    assertThat(
            fan.submit(
                    "/works/" + other + "/edit",
                    "/works/" + other + "/series",
                    Map.of("series", Long.toString(sid)))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void coAuthorsEditOrphaningLetsGoDeletingRemoves() throws Exception {
    HttpBrowser author = signedUp("Xander H");
    HttpBrowser partner = signedUp("Anya E");
    long id =
        post("Xander H", "Joint Venture", "Two people wrote this about a shop.", Visibility.PUBLIC);
    String page = "/works/" + id;
    assertThat(partner.get(page + "/edit").statusCode()).isEqualTo(403);
    author.submit(page + "/edit", page + "/coauthors", Map.of("name", "anya e"));
    // Invited, not yet a co-author: nothing of the work is theirs until they accept.
    assertThat(partner.get(page + "/edit").statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(partner.get(page).body()).select(".byline").text())
        .doesNotContain("Anya E");
    assertThat(Jsoup.parse(author.get(page + "/edit").body()).select("ul.invited").text())
        .contains("Anya E");
    assertThat(partner.get("/inbox").body()).contains("invited you to co-author");
    var invites = Jsoup.parse(partner.get("/account/works").body()).select("#invitations + ul li");
    assertThat(invites.text()).contains("Joint Venture");
    assertThat(
            signedUp("Faith L")
                .submit("/account/works", page + "/coauthors/accept", Map.of())
                .statusCode())
        .isEqualTo(400);
    partner.submit("/account/works", invites.select("form").first().attr("action"), Map.of());
    assertThat(partner.get(page + "/edit").statusCode()).isEqualTo(200);
    assertThat(author.get("/inbox").body()).contains("Anya E is now a co-author");
    assertThat(partner.get("/account/works").body()).doesNotContain("Invitations to co-author");
    assertThat(Jsoup.parse(partner.get(page).body()).select(".byline").text())
        .contains("Xander H, Anya E");

    // Not without the box ticked: it cannot be undone.
    assertThat(author.submit(page + "/edit", page + "/orphan", Map.of()).statusCode())
        .isEqualTo(400);
    author.submit(page + "/edit", page + "/orphan", Map.of("confirm", "1"));
    assertThat(author.get(page + "/edit").statusCode()).isEqualTo(403);
    assertThat(Jsoup.parse(author.get(page).body()).select(".byline").text())
        .contains("orphan_account")
        .doesNotContain("Xander");
    assertThat(Jsoup.parse(author.get("/search?q=shop").body()).select(".blurb .byline").text())
        .contains("orphan_account")
        .doesNotContain("Xander");

    assertThat(partner.submit(page + "/edit", page + "/delete", Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(
            partner.submit(page + "/edit", page + "/delete", Map.of("confirm", "1")).statusCode())
        .isEqualTo(303);
    assertThat(partner.get(page).statusCode()).isEqualTo(404);
    assertThat(partner.get("/search?q=shop").body()).doesNotContain("Joint Venture");

    // A co-author hears of it, is listed on the edit page, and can be taken off (or leave).
    long third =
        post("Xander H", "Third Venture", "A third story about the shop.", Visibility.PUBLIC);
    String thirdPage = "/works/" + third;
    invite(author, partner, thirdPage);
    var listed = Jsoup.parse(author.get(thirdPage + "/edit").body()).select("ul.coauthors li");
    assertThat(listed.text()).contains("Anya E");
    String takeOff = listed.select("form").attr("action");
    HttpBrowser bystander = signedUp("Spike W");
    assertThat(bystander.submit(thirdPage, takeOff, Map.of()).statusCode()).isEqualTo(403);
    author.submit(thirdPage + "/edit", takeOff, Map.of());
    assertThat(partner.get(thirdPage + "/edit").statusCode()).isEqualTo(403);
    assertThat(quire.work(third).orElseThrow().authors()).containsExactly("Xander H");
    invite(author, partner, thirdPage);
    partner.submit(thirdPage + "/edit", takeOff, Map.of()); // leaves of her own accord
    assertThat(quire.work(third).orElseThrow().authors()).containsExactly("Xander H");
    assertThat(author.get(thirdPage + "/edit").statusCode()).isEqualTo(200);

    // An invitation declined, and one withdrawn, change nothing, and are gone.
    author.submit(thirdPage + "/edit", thirdPage + "/coauthors", Map.of("name", "Anya E"));
    assertThat(
            author
                .submit(thirdPage + "/edit", thirdPage + "/coauthors", Map.of("name", "Anya E"))
                .statusCode())
        .isEqualTo(400);
    partner.submit("/account/works", thirdPage + "/coauthors/decline", Map.of());
    assertThat(partner.get(thirdPage + "/edit").statusCode()).isEqualTo(403);
    // An invitation answered (or withdrawn) leaves no message asking for an answer.
    assertThat(partner.get("/inbox").body()).doesNotContain("Third Venture”: accept or decline");
    assertThat(
            partner
                .submit("/account/works", thirdPage + "/coauthors/accept", Map.of())
                .statusCode())
        .isEqualTo(400);
    author.submit(thirdPage + "/edit", thirdPage + "/coauthors", Map.of("name", "Anya E"));
    String withdraw =
        Jsoup.parse(author.get(thirdPage + "/edit").body())
            .select("ul.invited form")
            .attr("action");
    author.submit(thirdPage + "/edit", withdraw, Map.of());
    assertThat(
            partner
                .submit("/account/works", thirdPage + "/coauthors/accept", Map.of())
                .statusCode())
        .isEqualTo(400);
    assertThat(quire.work(third).orElseThrow().authors()).containsExactly("Xander H");

    // A draft is its authors': an invited account sees nothing of it, a co-author reads it.
    long draft = post("Xander H", "Draft Venture", "A secret plan for the shop.", Visibility.DRAFT);
    String draftPage = "/works/" + draft;
    author.submit(draftPage + "/edit", draftPage + "/coauthors", Map.of("name", "Anya E"));
    assertThat(partner.get(draftPage).statusCode()).isEqualTo(404);
    assertThat(partner.get(draftPage + "/tags").statusCode()).isEqualTo(404);
    assertThat(partner.get("/account/works").body())
        .contains("Draft Venture")
        .doesNotContain("secret plan");
    partner.submit("/account/works", draftPage + "/coauthors/accept", Map.of());
    assertThat(partner.get(draftPage).statusCode()).isEqualTo(200);
    assertThat(partner.get(draftPage + "/tags").statusCode()).isEqualTo(200);
    assertThat(visitor().get(draftPage).statusCode()).isEqualTo(404);

    // Both co-authors orphan another work: one orphan_account in its byline, not two.
    long both =
        post("Xander H", "Second Venture", "They wrote about the shop again.", Visibility.PUBLIC);
    String second = "/works/" + both;
    invite(author, partner, second);
    author.submit(second + "/edit", second + "/orphan", Map.of("confirm", "1"));
    partner.submit(second + "/edit", second + "/orphan", Map.of("confirm", "1"));
    assertThat(quire.work(both).orElseThrow().authors()).containsExactly("orphan_account");

    // An invitation outlives nobody: once the work is orphaned it cannot be accepted.
    long fourth = post("Xander H", "Fourth Venture", "The shop, once more.", Visibility.PUBLIC);
    String fourthPage = "/works/" + fourth;
    author.submit(fourthPage + "/edit", fourthPage + "/coauthors", Map.of("name", "Anya E"));
    author.submit(fourthPage + "/edit", fourthPage + "/orphan", Map.of("confirm", "1"));
    assertThat(partner.get("/account/works").body()).doesNotContain("Fourth Venture");
    assertThat(
            partner
                .submit("/account/works", fourthPage + "/coauthors/accept", Map.of())
                .statusCode())
        .isEqualTo(400);
    assertThat(partner.get(fourthPage + "/edit").statusCode()).isEqualTo(403);
  }

  /** Invites Anya E to co-author the work, and she accepts. */
  private static void invite(HttpBrowser author, HttpBrowser partner, String page)
      throws Exception {
    author.submit(page + "/edit", page + "/coauthors", Map.of("name", "Anya E"));
    partner.submit("/account/works", page + "/coauthors/accept", Map.of());
  }

  @Test
  void authorPagesListTheWorksAReaderMaySeeAndBindThemIntoOneBook() throws Exception {
    HttpBrowser author = signedUp("Oz Devon");
    post("Oz Devon", "Howl", "Full moon over the quarry.", Visibility.PUBLIC);
    post("Oz Devon", "Tour Bus", "The band played on.", Visibility.RESTRICTED);
    String page = "/authors/Oz%20Devon";
    var guest = Jsoup.parse(visitor().get(page).body());
    assertThat(guest.select(".blurb-title a").eachText()).containsExactly("Howl");
    var member = Jsoup.parse(author.get(page).body());
    assertThat(member.select(".blurb-title a").eachText()).containsExactly("Tour Bus", "Howl");
    assertThat(member.select(".blurb .byline a").attr("href")).isEqualTo(page);
    var epub =
        author.http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + app.port() + page + "/download/epub"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    var book = new org.quire.ingest.Ingester().read("oz.epub", epub.body());
    assertThat(book.title()).isEqualTo("Works by Oz Devon");
    assertThat(book.chapters()).hasSize(2);
    assertThat(visitor().get("/authors/Nobody%20Here").statusCode()).isEqualTo(404);
  }
}

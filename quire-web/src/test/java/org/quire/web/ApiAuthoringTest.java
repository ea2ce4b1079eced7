package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.model.TagType;
import org.quire.model.Visibility;

/**
 * The API's writes for authors (posting with or without automatic tags, new chapters, decisions on
 * suggested tags) and its author and series lists, checked against the OpenAPI description.
 */
class ApiAuthoringTest extends ServerTestBase {
  static final com.fasterxml.jackson.databind.ObjectMapper JSON = ApiTokensTest.JSON;

  private static final String STORY =
      "Title: Patrol Notes\n\n"
          + "Buffy staked the vampire outside the Bronze while Willow read from the spell book."
          + " Sunnydale was quiet after that. Willow laughed, and Buffy kissed her cheek.\n";

  private static HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    return ApiTokensTest.call(
        method, path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static OpenApiCheck spec() throws Exception {
    return new OpenApiCheck(JSON.readTree(call("GET", "/api/openapi.json", null, null).body()));
  }

  /** Every shown tag of a work as "type:name:provenance". */
  private static List<String> tags(JsonNode tags) {
    List<String> out = new ArrayList<>();
    tags.fields()
        .forEachRemaining(
            e ->
                e.getValue()
                    .forEach(
                        t ->
                            out.add(
                                e.getKey()
                                    + ":"
                                    + t.get("name").asText()
                                    + ":"
                                    + t.get("provenance").asText())));
    return out;
  }

  @Test
  void anAuthorEditsAWorkAndItsChaptersThroughTheApi() throws Exception {
    String token = ApiTokensTest.makeToken(signedUp("Api Editor"), "migration script");
    String other = ApiTokensTest.makeToken(signedUp("Api Stranger"), "theirs");
    long id =
        JSON.readTree(
                call(
                        "POST",
                        "/api/v1/works?filename=e.txt",
                        token,
                        "Title: Fixable\n\nChapter 1\n\nFirst, with a typo: teh.\n\n"
                            + "Chapter 2\n\nSecond.\n\nChapter 3\n\nThird.\n")
                    .body())
            .get("id")
            .asLong();
    String work = "/api/v1/works/" + id;
    HttpResponse<String> meta =
        call(
            "PATCH",
            work,
            token,
            "{\"title\": \"Fixed\", \"summary\": \"Now with a summary.\", \"expectedChapters\": 5,"
                + " \"commentPolicy\": \"moderated\"}");
    assertThat(meta.statusCode()).as(meta.body()).isEqualTo(200);
    JsonNode edited = JSON.readTree(meta.body());
    assertThat(spec().check(edited, "Work")).isEmpty();
    assertThat(edited.get("title").asText()).isEqualTo("Fixed");
    assertThat(edited.get("summary").asText()).isEqualTo("Now with a summary.");
    assertThat(edited.get("expectedChapters").asInt()).isEqualTo(5);
    assertThat(edited.get("commentPolicy").asText()).isEqualTo("moderated");
    assertThat(quire.work(id).orElseThrow().chapters()).hasSize(3); // chapters untouched

    HttpResponse<String> fixed =
        call(
            "PATCH",
            work + "/chapters/1",
            token,
            "{\"text\": \"<p>First, with the typo <em>fixed</em>.</p>\"}");
    assertThat(fixed.statusCode()).as(fixed.body()).isEqualTo(200);
    assertThat(quire.work(id).orElseThrow().chapters().getFirst().text())
        .isEqualTo("First, with the typo *fixed*.");
    assertThat(call("DELETE", work + "/chapters/2", token, null).statusCode()).isEqualTo(204);
    assertThat(quire.work(id).orElseThrow().chapters())
        .extracting(c -> c.text().strip())
        .containsExactly("First, with the typo *fixed*.", "Third.");

    // Not someone else's; not nonsense; not the last chapter.
    assertThat(call("PATCH", work, other, "{\"title\": \"Mine\"}").statusCode()).isEqualTo(403);
    assertThat(call("PATCH", work, null, "{\"title\": \"Mine\"}").statusCode()).isEqualTo(401);
    assertThat(call("PATCH", work, token, "{\"complete\": \"yes\"}").statusCode()).isEqualTo(400);
    assertThat(call("PATCH", work, token, "{\"expectedChapters\": 1}").statusCode()).isEqualTo(400);
    assertThat(call("PATCH", work, token, "{\"commentPolicy\": \"all\"}").statusCode())
        .isEqualTo(400);
    assertThat(call("PATCH", work + "/chapters/9", token, "{\"text\": \"x\"}").statusCode())
        .isEqualTo(404);
    call("DELETE", work + "/chapters/2", token, null);
    assertThat(call("DELETE", work + "/chapters/1", token, null).statusCode()).isEqualTo(400);
    assertThat(quire.work(id).orElseThrow().title()).isEqualTo("Fixed");
  }

  @Test
  void postingWithoutAutoTagsKeepsOnlyTheFilesOwnTags() throws Exception {
    String token = ApiTokensTest.makeToken(signedUp("Hand Tagger"), "script");
    HttpResponse<String> plain =
        call(
            "POST",
            "/api/v1/works?filename=a.txt&autotag=false",
            token,
            STORY.replace("Title: Patrol Notes", "Title: Patrol Notes\nFreeform: Fluff"));
    assertThat(plain.statusCode()).as(plain.body()).isEqualTo(201);
    long id = JSON.readTree(plain.body()).get("id").asLong();
    List<String> own =
        tags(JSON.readTree(call("GET", "/api/v1/works/" + id, token, null).body()).get("tags"));
    assertThat(own).containsExactly("additional:Fluff:author");

    HttpResponse<String> tagged = call("POST", "/api/v1/works?filename=b.txt", token, STORY);
    long auto = JSON.readTree(tagged.body()).get("id").asLong();
    List<String> suggested =
        tags(JSON.readTree(call("GET", "/api/v1/works/" + auto, token, null).body()).get("tags"));
    assertThat(suggested).contains("fandom:Buffy the Vampire Slayer:suggested");

    assertThat(
            call("POST", "/api/v1/works?filename=c.txt&autotag=maybe", token, STORY).statusCode())
        .isEqualTo(400);

    // The first chapter of four: in progress, "1/4".
    HttpResponse<String> planned =
        call(
            "POST",
            "/api/v1/works?filename=d.txt&expectedChapters=4",
            token,
            STORY.replace("Patrol Notes", "Patrol Plans"));
    assertThat(planned.statusCode()).as(planned.body()).isEqualTo(201);
    var work =
        JSON.readTree(
            call("GET", "/api/v1/works/" + JSON.readTree(planned.body()).get("id"), token, null)
                .body());
    assertThat(work.get("expectedChapters").asInt()).isEqualTo(4);
    assertThat(work.get("complete").asBoolean()).isFalse();
    assertThat(
            call("POST", "/api/v1/works?filename=e.txt&expectedChapters=0", token, STORY)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void anAuthorAcceptsRejectsAndAddsTagsThroughTheApi() throws Exception {
    String token = ApiTokensTest.makeToken(signedUp("Tag Reviewer"), "script");
    long id = post("Tag Reviewer", STORY.replace("Patrol", "Review"), Visibility.PUBLIC);
    String path = "/api/v1/works/" + id + "/tags";
    List<String> before =
        tags(JSON.readTree(call("GET", "/api/v1/works/" + id, null, null).body()).get("tags"));
    assertThat(before)
        .contains("character:Willow Rosenberg:suggested", "character:Buffy Summers:suggested");

    HttpResponse<String> r =
        call(
            "POST",
            path,
            token,
            "{\"decisions\":["
                + "{\"type\":\"character\",\"name\":\"willow rosenberg\",\"decision\":\"accept\"},"
                + "{\"type\":\"character\",\"name\":\"Buffy Summers\",\"decision\":\"reject\"}],"
                + "\"add\":[{\"type\":\"additional\",\"name\":\"  Patrol   Night \"}]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(spec().check(JSON.readTree(r.body()), "WorkTags")).isEmpty();
    List<String> after = tags(JSON.readTree(r.body()).get("tags"));
    assertThat(after)
        .contains("character:Willow Rosenberg:accepted", "additional:Patrol Night:author")
        .noneMatch(t -> t.startsWith("character:Buffy Summers"));
    // The page shows the same, and a rejected suggestion is not proposed again on re-analysis.
    assertThat(visitor().get("/works/" + id).body()).contains("Patrol Night");
    assertThat(quire.store().get(id).orElseThrow().tags())
        .anyMatch(t -> t.name().equals("Buffy Summers") && t.provenance().key().equals("rejected"));

    // Mistakes and strangers are refused with a reason.
    String bad = "{\"decisions\":[{\"type\":\"character\",\"name\":\"Willow Rosenberg\",";
    assertThat(call("POST", path, token, bad + "\"decision\":\"love\"}]}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> missing =
        call(
            "POST",
            path,
            token,
            "{\"decisions\":[{\"type\":\"character\",\"name\":\"Nobody\",\"decision\":\"accept\"}]}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(missing.body()).get("error").asText()).contains("Nobody");
    assertThat(
            call("POST", path, token, "{\"add\":[{\"type\":\"mood\",\"name\":\"x\"}]}")
                .statusCode())
        .isEqualTo(400);
    // Ratings, archive warnings and categories come from AO3's fixed lists; one rating only.
    HttpResponse<String> odd =
        call("POST", path, token, "{\"add\":[{\"type\":\"rating\",\"name\":\"Super Explicit\"}]}");
    assertThat(odd.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(odd.body()).get("error").asText())
        .contains("Super Explicit", "Teen And Up Audiences");
    assertThat(
            call(
                    "POST",
                    path,
                    token,
                    "{\"add\":[{\"type\":\"archive_warning\",\"name\":\"Banana\"}]}")
                .statusCode())
        .isEqualTo(400);
    for (String rating : List.of("explicit", "Mature")) {
      HttpResponse<String> rated =
          call(
              "POST", path, token, "{\"add\":[{\"type\":\"rating\",\"name\":\"" + rating + "\"}]}");
      assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
    }
    assertThat(quire.store().get(id).orElseThrow().tagNames(TagType.RATING))
        .containsExactly("Mature");
    assertThat(call("POST", path, null, "{}").statusCode()).isEqualTo(401);
    String stranger = ApiTokensTest.makeToken(signedUp("Tag Stranger"), "script");
    assertThat(call("POST", path, stranger, "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void anAuthorAddsChaptersThroughTheApi() throws Exception {
    String token = ApiTokensTest.makeToken(signedUp("Chapter Adder"), "script");
    long id =
        post("Chapter Adder", "Title: Two Parts\n\nThe first part ends here.", Visibility.PUBLIC);
    String path = "/api/v1/works/" + id + "/chapters";
    HttpResponse<String> added =
        call(
            "POST",
            path,
            token,
            "{\"title\":\"The Return\",\"text\":\"She came *back*.\\n\\nThe end.\",\"notes\":\"Thanks for waiting.\"}");
    assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    assertThat(spec().check(JSON.readTree(added.body()), "ChapterAdded")).isEmpty();
    assertThat(JSON.readTree(added.body()).get("number").asInt()).isEqualTo(2);
    JsonNode chapter = JSON.readTree(call("GET", path + "/2", null, null).body());
    assertThat(chapter.get("title").asText()).isEqualTo("The Return");
    assertThat(chapter.get("text").asText()).isEqualTo("She came *back*.\n\nThe end.");
    assertThat(chapter.get("notes").asText()).isEqualTo("Thanks for waiting.");
    assertThat(visitor().get("/works/" + id + "/chapters/2").body()).contains("The Return");
    JsonNode work = JSON.readTree(call("GET", "/api/v1/works/" + id, null, null).body());
    assertThat(work.get("chapters")).hasSize(2);
    assertThat(work.get("words").asInt()).isGreaterThan(6);

    assertThat(call("POST", path, token, "{\"title\":\"No text\"}").statusCode()).isEqualTo(400);
    assertThat(call("POST", path, token, "{\"text\":42}").statusCode()).isEqualTo(400);
    assertThat(call("POST", path, null, "{\"text\":\"x\"}").statusCode()).isEqualTo(401);
    String stranger = ApiTokensTest.makeToken(signedUp("Chapter Stranger"), "script");
    assertThat(call("POST", path, stranger, "{\"text\":\"x\"}").statusCode()).isEqualTo(403);
    assertThat(call("POST", "/api/v1/works/99999/chapters", token, "{\"text\":\"x\"}").statusCode())
        .isEqualTo(404);
    assertThat(JSON.readTree(call("GET", "/api/v1/works/" + id, null, null).body()).get("chapters"))
        .hasSize(2);
  }

  @Test
  void authorsAndSeriesListWhatTheCallerMayRead() throws Exception {
    HttpBrowser b = signedUp("Series Keeper");
    String token = ApiTokensTest.makeToken(b, "script");
    long first = post("Series Keeper", "Title: Islands One\n\nThe ferry left.", Visibility.PUBLIC);
    long second =
        post("Series Keeper", "Title: Islands Two\n\nThe ferry came back.", Visibility.RESTRICTED);
    long series = quire.store().series().create("Islands", "Two crossings.", uid("Series Keeper"));
    quire.addToSeries(series, first);
    quire.addToSeries(series, second);
    OpenApiCheck spec = spec();

    JsonNode visitorView =
        JSON.readTree(call("GET", "/api/v1/series/" + series, null, null).body());
    assertThat(spec.check(visitorView, "Series")).isEmpty();
    assertThat(visitorView.get("title").asText()).isEqualTo("Islands");
    assertThat(visitorView.get("works"))
        .extracting(w -> w.get("id").asLong())
        .containsExactly(first);
    JsonNode memberView =
        JSON.readTree(call("GET", "/api/v1/series/" + series, token, null).body());
    assertThat(memberView.get("works"))
        .extracting(w -> w.get("id").asLong())
        .containsExactly(first, second);
    assertThat(call("GET", "/api/v1/series/424242", null, null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/v1/series/x", null, null).statusCode()).isEqualTo(404);

    JsonNode author =
        JSON.readTree(call("GET", "/api/v1/authors/Series%20Keeper", token, null).body());
    assertThat(spec.check(author, "Author")).isEmpty();
    assertThat(author.get("works"))
        .extracting(w -> w.get("id").asLong())
        .containsExactly(second, first);
    JsonNode visitorAuthor =
        JSON.readTree(call("GET", "/api/v1/authors/Series%20Keeper", null, null).body());
    assertThat(visitorAuthor.get("works")).hasSize(1);
    assertThat(call("GET", "/api/v1/authors/Nobody%20Here", null, null).statusCode())
        .isEqualTo(404);

    // A work in a series carries it into its EPUB, for calibre and e-reader apps.
    byte[] epub =
        visitor()
            .http
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:"
                                + app.port()
                                + "/works/"
                                + first
                                + "/download/epub"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    var back = new org.quire.ingest.Ingester().read("islands.epub", epub);
    assertThat(back.notes()).contains("Series: Islands, part 1");
  }
}

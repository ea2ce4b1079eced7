package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quire.model.Visibility;

/**
 * Comments and bookmarks through the API, on a server of their own (the visitors' rate limit of
 * {@link ApiTokensTest} would otherwise be spent).
 */
class ApiReadersTest extends ServerTestBase {
  static final com.fasterxml.jackson.databind.ObjectMapper JSON = ApiTokensTest.JSON;

  private static HttpResponse<String> call(String method, String path, String token, byte[] body)
      throws Exception {
    return ApiTokensTest.call(method, path, token, body);
  }

  private static String makeToken(HttpBrowser b, String name) throws Exception {
    return ApiTokensTest.makeToken(b, name);
  }

  @Test
  void aTokenSeesWhatItsMemberSeesAndASeriesOfHiddenWorksIsNotThere() throws Exception {
    HttpBrowser muted = signedUp("Muted Writer");
    post("Muted Writer", "Title: Zebra Crossing\n\nThe zebrafinch sang.", Visibility.PUBLIC);
    HttpBrowser blocked = signedUp("Blocked Writer");
    post("Blocked Writer", "Title: Zebra Stripes\n\nThe zebrafinch flew.", Visibility.PUBLIC);
    signedUp("Kept Writer");
    post("Kept Writer", "Title: Zebra Herd\n\nThe zebrafinch stayed.", Visibility.PUBLIC);
    HttpBrowser reader = signedUp("Choosy Reader");
    reader.submit("/mutes", "/mutes", Map.of("kind", "author", "value", "Muted Writer"));
    reader.submit("/mutes", "/mutes", Map.of("kind", "user", "value", "Blocked Writer"));
    String token = makeToken(reader, "phone");
    String search = call("GET", "/api/v1/search?q=zebrafinch", token, null).body();
    assertThat(search).contains("Zebra Herd").doesNotContain("Zebra Crossing", "Zebra Stripes");
    String listing = call("GET", "/api/v1/works?size=100", token, null).body();
    assertThat(listing).contains("Zebra Herd").doesNotContain("Zebra Crossing", "Zebra Stripes");
    // A visitor's and another member's listings are theirs: nothing hidden.
    assertThat(call("GET", "/api/v1/search?q=zebrafinch", null, null).body())
        .contains("Zebra Crossing", "Zebra Stripes");

    // A series whose works are all drafts says nothing of itself, not even its title.
    long draft = post("Muted Writer", "Title: Plans\n\nNot yet.", Visibility.DRAFT);
    HttpResponse<String> made =
        muted.submit(
            "/works/" + draft + "/edit",
            "/works/" + draft + "/series",
            Map.of("title", "Secret Saga"));
    String seriesUrl = made.headers().firstValue("Location").orElseThrow();
    String sid = seriesUrl.substring(seriesUrl.lastIndexOf('/') + 1);
    assertThat(muted.get("/series/" + sid).body()).contains("Secret Saga");
    assertThat(visitor().get("/series/" + sid).statusCode()).isEqualTo(404);
    assertThat(blocked.get("/series/" + sid).body()).doesNotContain("Secret Saga");
    HttpResponse<String> api = call("GET", "/api/v1/series/" + sid, token, null);
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.body()).doesNotContain("Secret Saga");
    assertThat(call("GET", "/api/v1/series/" + sid, makeToken(muted, "own"), null).body())
        .contains("Secret Saga");
  }

  @Test
  void commentsAndBookmarksOverTheApiFollowTheSiteRulesAndTheDescription() throws Exception {
    HttpBrowser author = signedUp("Api Author");
    long id =
        post(
            "Api Author",
            "Title: Harbour Lights\n\nChapter 1\n\nThe ferry left.\n\nChapter 2\n\nIt came back.",
            org.quire.model.Visibility.PUBLIC);
    HttpBrowser reader = signedUp("Api Reader");
    String token = makeToken(reader, "app");
    OpenApiCheck spec =
        new OpenApiCheck(JSON.readTree(call("GET", "/api/openapi.json", null, null).body()));
    String comments = "/api/v1/works/" + id + "/chapters/2/comments";

    HttpResponse<String> posted =
        call("POST", comments, token, "{\"body\":\"Lovely *ending*\"}".getBytes());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    assertThat(spec.check(JSON.readTree(posted.body()), "CommentPosted")).isEmpty();
    long first = JSON.readTree(posted.body()).get("id").asLong();
    HttpResponse<String> reply =
        call(
            "POST",
            comments,
            token,
            ("{\"body\":\"<script>alert(1)</script>and more\",\"parent\":" + first + "}")
                .getBytes());
    assertThat(reply.statusCode()).isEqualTo(201);
    // The same rules as the page: no empty comments, replies only to this chapter's comments.
    assertThat(call("POST", comments, token, "{\"body\":\"  \"}".getBytes()).statusCode())
        .isEqualTo(400);
    assertThat(
            call(
                    "POST",
                    "/api/v1/works/" + id + "/chapters/1/comments",
                    token,
                    ("{\"body\":\"x\",\"parent\":" + first + "}").getBytes())
                .statusCode())
        .isEqualTo(400);
    assertThat(call("POST", comments, token, "not json".getBytes()).statusCode()).isEqualTo(400);
    assertThat(call("POST", comments, null, "{\"body\":\"x\"}".getBytes()).statusCode())
        .isEqualTo(401);
    assertThat(
            call("POST", "/api/v1/works/" + id + "/chapters/9/comments", token, "{}".getBytes())
                .statusCode())
        .isEqualTo(404);

    JsonNode thread = JSON.readTree(call("GET", comments, null, null).body());
    assertThat(spec.check(thread, "CommentPage")).isEmpty();
    assertThat(thread.get("comments")).hasSize(2);
    assertThat(thread.at("/comments/0/html").asText()).contains("<em>ending</em>");
    assertThat(thread.at("/comments/1/parent").asLong()).isEqualTo(first);
    assertThat(thread.at("/comments/1/html").asText()).doesNotContain("<script");
    assertThat(thread.at("/comments/1/author").asText()).isEqualTo("Api Reader");
    assertThat(author.get("/works/" + id + "/chapters/2").body()).contains("Lovely");

    // A blocked reader cannot comment on the blocker's works, through the API either.
    quire
        .store()
        .readers()
        .mute(
            uid("Api Author"),
            new org.quire.store.ReaderStore.Mute(
                org.quire.store.ReaderStore.MuteKind.USER, Long.toString(uid("Api Reader"))));
    HttpResponse<String> refused = call("POST", comments, token, "{\"body\":\"again\"}".getBytes());
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).get("error").asText()).contains("does not accept");

    String bookmark = "/api/v1/works/" + id + "/bookmark";
    HttpResponse<String> saved =
        call(
            "PUT",
            bookmark,
            token,
            "{\"note\":\"reread\",\"tags\":[\"sea\",\" sea \",\"ferries\"],\"later\":true}"
                .getBytes());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    assertThat(spec.check(JSON.readTree(saved.body()), "Bookmark")).isEmpty();
    assertThat(JSON.readTree(saved.body()).get("tags")).hasSize(2);
    assertThat(call("PUT", bookmark, token, "{\"private\":true}".getBytes()).statusCode())
        .isEqualTo(200);
    JsonNode mine = JSON.readTree(call("GET", "/api/v1/bookmarks", token, null).body());
    assertThat(spec.check(mine, "BookmarkPage")).isEmpty();
    assertThat(mine.at("/bookmarks/0/work").asLong()).isEqualTo(id);
    assertThat(mine.at("/bookmarks/0/private").asBoolean()).isTrue();
    assertThat(call("GET", "/api/v1/bookmarks", null, null).statusCode()).isEqualTo(401);
    // A private bookmark is not in the work's public count; changing its note leaves it private.
    assertThat(quire.store().readers().engagement(id).bookmarks()).isZero();
    HttpResponse<String> renoted = call("PUT", bookmark, token, "{\"note\":\"n2\"}".getBytes());
    assertThat(renoted.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(renoted.body()).get("private").asBoolean()).isTrue();
    assertThat(JSON.readTree(renoted.body()).get("tags")).hasSize(2);
    assertThat(call("PUT", bookmark, token, "{\"tags\":\"a, b\"}".getBytes()).statusCode())
        .isEqualTo(400);
    assertThat(call("PUT", bookmark, token, "{\"private\":\"yes\"}".getBytes()).statusCode())
        .isEqualTo(400);
    assertThat(call("PUT", bookmark, token, "{\"private\":false}".getBytes()).statusCode())
        .isEqualTo(200);
    // Still marked for later: the reader's own list, not a public bookmark.
    assertThat(quire.store().readers().engagement(id).bookmarks()).isZero();
    assertThat(call("PUT", bookmark, token, "{\"later\":false}".getBytes()).statusCode())
        .isEqualTo(200);
    assertThat(quire.store().readers().engagement(id).bookmarks()).isEqualTo(1);
    assertThat(call("DELETE", bookmark, token, null).statusCode()).isEqualTo(204);
    assertThat(call("DELETE", bookmark, token, null).statusCode()).isEqualTo(404);
    assertThat(quire.store().readers().engagement(id).bookmarks()).isZero();
  }
}

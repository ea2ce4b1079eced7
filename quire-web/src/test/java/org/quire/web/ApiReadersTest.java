package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

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

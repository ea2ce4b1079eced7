package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Personal API tokens: made and revoked on the account page; reads, writes and rate limits. */
class ApiTokensTest extends ServerTestBase {
  static final ObjectMapper JSON = new ObjectMapper();

  static HttpResponse<String> call(String method, String path, String token, byte[] body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return visitor().http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String makeToken(HttpBrowser b, String name) throws Exception {
    var page = Jsoup.parse(b.submit("/account", "/account/tokens", Map.of("name", name)).body());
    return page.select("code.token").text();
  }

  @Test
  void aTokenReadsMembersWorksPostsWorksLeavesKudosAndCanBeRevoked() throws Exception {
    HttpBrowser owner = signedUp("Token Owner");
    String token = makeToken(owner, "my e-reader script");
    assertThat(token).startsWith("qt_").hasSizeGreaterThan(40);
    assertThat(owner.get("/account").body()).contains("my e-reader script").doesNotContain(token);

    // Post a members-only work through the API.
    HttpResponse<String> posted =
        call(
            "POST",
            "/api/v1/works?filename=api.txt&visibility=restricted",
            token,
            "Title: Through the API\n\nA story about a quokka.\n".getBytes());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    long id = JSON.readTree(posted.body()).get("id").asLong();
    assertThat(posted.headers().firstValue("Location")).hasValue("/api/v1/works/" + id);
    // Answers to a token are the token's alone.
    HttpResponse<String> mine = call("GET", "/api/v1/works/" + id, token, null);
    assertThat(mine.headers().firstValue("Cache-Control")).hasValue("private, no-cache");
    assertThat(mine.headers().firstValue("Vary").orElse("")).contains("Authorization");
    assertThat(owner.get("/account").headers().firstValue("Cache-Control"))
        .hasValue("private, no-store");
    assertThat(visitor().get("/").headers().firstValue("Cache-Control").orElse(""))
        .doesNotContain("no-store");

    // The same file as another member's draft: refused without saying which work it is.
    byte[] secret = "Title: Still a Draft\n\nA story about a pangolin.\n".getBytes();
    HttpResponse<String> draft =
        call("POST", "/api/v1/works?filename=d.txt&visibility=draft", token, secret);
    long draftId = JSON.readTree(draft.body()).get("id").asLong();
    HttpBrowser other = signedUp("Token Other");
    HttpResponse<String> again =
        call("POST", "/api/v1/works?filename=d.txt", makeToken(other, "other"), secret);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).doesNotContain(Long.toString(draftId)).contains("cannot see");
    // Its author reviews the tags and posts it in the same call.
    HttpResponse<String> reviewed =
        call(
            "POST",
            "/api/v1/works/" + draftId + "/tags",
            token,
            "{\"visibility\": \"public\"}".getBytes());
    assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);
    assertThat(JSON.readTree(reviewed.body()).get("visibility").asText()).isEqualTo("public");
    assertThat(call("GET", "/api/v1/works/" + draftId, null, null).statusCode()).isEqualTo(200);
    assertThat(
            call(
                    "POST",
                    "/api/v1/works/" + draftId + "/tags",
                    token,
                    "{\"visibility\": \"everyone\"}".getBytes())
                .statusCode())
        .isEqualTo(400);
    quire.setVisibility(draftId, org.quire.model.Visibility.DRAFT);
    // Its tag page answers as if there were no such work; /health counts public works only.
    assertThat(other.get("/works/" + draftId + "/tags").statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(visitor().get("/health").body()).get("works").asLong())
        .isEqualTo(quire.store().countPublic())
        .isLessThan(quire.store().count());
    assertThat(call("GET", "/api/v1/works/" + id, token, null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/works/" + id, null, null).statusCode()).isEqualTo(404);
    // Its files, with the token (the browser's download links need a session).
    String epubLink =
        JSON.readTree(call("GET", "/api/v1/works/" + id, token, null).body())
            .get("apiDownloads")
            .get("epub")
            .asText();
    assertThat(epubLink).isEqualTo("/api/v1/works/" + id + "/download/epub");
    HttpResponse<String> epub = call("GET", epubLink, token, null);
    assertThat(epub.statusCode()).isEqualTo(200);
    assertThat(epub.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/epub+zip");
    assertThat(epub.headers().firstValue("Content-Disposition").orElse(""))
        .contains("through-the-api.epub");
    assertThat(call("GET", epubLink, null, null).statusCode()).isEqualTo(404);
    assertThat(call("GET", "/api/v1/works/" + id + "/download/pdf", token, null).statusCode())
        .isEqualTo(404);
    JsonNode found = JSON.readTree(call("GET", "/api/v1/search?q=quokka", token, null).body());
    assertThat(found.get("total").asInt()).isEqualTo(1);
    assertThat(
            JSON.readTree(call("GET", "/api/v1/search?q=quokka", null, null).body())
                .get("total")
                .asInt())
        .isZero();

    // Kudos from another account's token; not on one's own work; once only.
    HttpBrowser fan = signedUp("Token Fan");
    String fanToken = makeToken(fan, "fan");
    assertThat(call("POST", "/api/v1/works/" + id + "/kudos", fanToken, null).statusCode())
        .isEqualTo(201);
    assertThat(call("POST", "/api/v1/works/" + id + "/kudos", fanToken, null).statusCode())
        .isEqualTo(200);
    assertThat(call("POST", "/api/v1/works/" + id + "/kudos", token, null).statusCode())
        .isEqualTo(400);
    assertThat(quire.store().readers().engagement(id).kudos()).isEqualTo(1);

    // Writes need a token; bad tokens are refused with JSON.
    assertThat(call("POST", "/api/v1/works", null, "x".getBytes()).statusCode()).isEqualTo(401);
    HttpResponse<String> bad = call("GET", "/api/v1/works", "qt_nonsense", null);
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(bad.body()).get("error").asText()).contains("not valid");
    assertThat(
            call("POST", "/api/v1/works?filename=x.docx", token, "PK...".getBytes()).statusCode())
        .isEqualTo(400);

    // Revoked on the account page: refused at once.
    long tid = quire.store().accounts().tokens(uid("Token Owner")).getFirst().id();
    owner.submit("/account", "/account/tokens/" + tid + "/revoke", Map.of());
    assertThat(call("GET", "/api/v1/works", token, null).statusCode()).isEqualTo(401);
  }

  @Test
  void visitorsAreLimitedPerMinute() throws Exception {
    int limited = 0;
    String retry = null;
    // Windows are clock minutes: a run straddling a minute's end would split its requests between
    // two windows and stay under the limit in both. Start well inside a minute.
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 40_000) {
      Thread.sleep(60_000 - intoMinute + 100);
    }
    for (int i = 0; i < ApiAccess.VISITOR_LIMIT + 5; i++) {
      HttpResponse<String> r = call("GET", "/api/v1/tags/fandom", null, null);
      if (r.statusCode() == 429) {
        limited++;
        retry = r.headers().firstValue("Retry-After").orElse(null);
      }
    }
    // Other tests in this class share the address: at least the last five are over the limit.
    assertThat(limited).isGreaterThanOrEqualTo(5);
    assertThat(retry).isNotNull();
    assertThat(Integer.parseInt(retry)).isBetween(1, 60);
  }
}

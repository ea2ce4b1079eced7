package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Personal API tokens: made and revoked on the account page; reads, writes and rate limits. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

  static HttpResponse<byte[]> opds(String path, String name, String token) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    if (name != null) {
      b.header(
          "Authorization",
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString((name + ":" + token).getBytes(StandardCharsets.UTF_8)));
    }
    return visitor().http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static String text(HttpResponse<byte[]> r) {
    return new String(r.body(), StandardCharsets.UTF_8);
  }

  @Test
  void anEReaderAppSignsInToTheCatalogueWithANameAndAToken() throws Exception {
    HttpBrowser reader = signedUp("Catalogue Reader");
    String token = makeToken(reader, "e-reader");
    HttpResponse<String> posted =
        call(
            "POST",
            "/api/v1/works?filename=c.txt&visibility=restricted",
            token,
            "Title: Wombat Hours\n\nA story about a wombat at midnight.\n".getBytes());
    long id = JSON.readTree(posted.body()).get("id").asLong();

    // A visitor: the work is not listed; the root leads to the members' catalogue, every address
    // of which asks for credentials (so apps that wait to be asked sign in there).
    assertThat(text(opds("/opds/works?q=wombat", null, null)))
        .doesNotContain("Wombat Hours")
        .contains("<opensearch:totalResults>0</opensearch:totalResults>");
    assertThat(text(opds("/opds", null, null))).contains("href=\"/opds/member/\"");
    for (String path :
        List.of(
            "/opds/member/",
            "/opds/member/works",
            "/opds/member/works/" + id + "/download/epub",
            // the public catalogue's address of a members-only file: asked, not a login page
            "/opds/works/" + id + "/download/epub",
            "/opds/works/" + id + "/cover")) {
      HttpResponse<byte[]> ask = opds(path, null, null);
      assertThat(ask.statusCode()).as(path).isEqualTo(401);
      assertThat(ask.headers().firstValue("WWW-Authenticate").orElse(""))
          .as(path)
          .startsWith("Basic realm=")
          .contains("personal token");
    }

    // The work changes a while after it was posted, and is read a while after that.
    Thread.sleep(1_100);
    call(
        "POST",
        "/api/v1/works/" + id + "/tags",
        token,
        "{\"add\": [{\"type\": \"additional\", \"name\": \"Night Walks\"}]}".getBytes());
    var summary = quire.store().summaries(List.of(id)).getFirst();
    String posted_ = Feeds.time(summary.importedAt());
    String changed = Feeds.time(summary.updatedAt());
    assertThat(changed).isNotEqualTo(posted_);
    Thread.sleep(1_100);

    // Signed in with the name (any case) and the token: the member's catalogue, every link in it
    // below /opds/member/.
    String root = text(opds("/opds/member/", "catalogue reader", token));
    assertThat(root)
        .contains("(Catalogue Reader)")
        .doesNotContain("urn:quire:signin")
        .contains("href=\"/opds/member/works?sort=posted\"")
        .contains("href=\"/opds/member/fandoms\"");
    HttpResponse<byte[]> feed = opds("/opds/member/works?q=wombat", "Catalogue Reader", token);
    assertThat(feed.headers().firstValue("Cache-Control")).hasValue("private, no-store");
    assertThat(feed.headers().firstValue("Vary").orElse("")).contains("Authorization");
    String works = text(feed);
    assertThat(works)
        .contains("Wombat Hours")
        .contains("<opensearch:totalResults>1</opensearch:totalResults>")
        .contains("<opensearch:startIndex>1</opensearch:startIndex>")
        .contains("href=\"/opds/member/works/" + id + "/download/epub\"")
        .contains("href=\"/opds/member/works/" + id + "/cover\"")
        .contains("rel=\"start\" href=\"/opds/member\"")
        // An entry's updated is its last change, published its posting.
        .contains("<updated>" + changed + "</updated>\n<published>" + posted_ + "</published>");
    assertThat(text(opds("/opds/member/opensearch.xml", "Catalogue Reader", token)))
        .contains("/opds/member/works?q={searchTerms}");
    HttpResponse<byte[]> cover =
        opds("/opds/member/works/" + id + "/cover", "Catalogue Reader", token);
    assertThat(cover.statusCode()).isEqualTo(200);
    assertThat(cover.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
    assertThat(cover.headers().firstValue("Cache-Control").orElse("")).startsWith("private");
    HttpResponse<byte[]> epub =
        opds("/opds/member/works/" + id + "/download/epub", "Catalogue Reader", token);
    assertThat(epub.statusCode()).isEqualTo(200);
    assertThat(epub.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/epub+zip");
    // dcterms:modified is the work's last change, not the download's time: two downloads are
    // the same edition.
    assertThat(opf(epub.body())).contains("<meta property=\"dcterms:modified\">" + changed);

    // Credentials sent unasked to the public catalogue's address count too (KOReader's way).
    assertThat(text(opds("/opds/works?q=wombat", "Catalogue Reader", token)))
        .contains("Wombat Hours")
        .contains("href=\"/opds/works/" + id + "/download/epub\"");

    // Wrong token, another member's token under this name, the account's password: refused.
    HttpBrowser other = signedUp("Catalogue Other");
    String otherToken = makeToken(other, "theirs");
    for (String[] bad :
        new String[][] {
          {"Catalogue Reader", "qt_nonsense"},
          {"Catalogue Reader", otherToken},
          {"Catalogue Reader", "correct horse battery"}
        }) {
      for (String path : List.of("/opds/works", "/opds/member/works")) {
        HttpResponse<byte[]> r = opds(path, bad[0], bad[1]);
        assertThat(r.statusCode()).as(bad[1]).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        assertThat(text(r)).doesNotContain("Wombat Hours");
      }
    }
    assertThat(text(opds("/opds/member/works?q=wombat", "Catalogue Other", otherToken)))
        .contains("Wombat Hours"); // members-only: any member
  }

  /** The package document of an EPUB. */
  static String opf(byte[] epub) throws Exception {
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(epub))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().endsWith(".opf")) {
          return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no package document");
  }

  @Test
  void theApiAnswersScriptsOnOtherSitesAndSaysWhatWentWrong() throws Exception {
    HttpResponse<String> works = call("GET", "/api/v1/works", null, null);
    assertThat(works.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
    assertThat(works.headers().firstValue("Access-Control-Expose-Headers").orElse(""))
        .contains("X-RateLimit-Remaining")
        .contains("ETag");
    assertThat(
            call("GET", "/api/openapi.json", null, null)
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .hasValue("*");
    HttpResponse<String> preflight =
        visitor()
            .http
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/api/v1/works/1/bookmark"))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", "https://elsewhere.example")
                    .header("Access-Control-Request-Method", "PUT")
                    .header("Access-Control-Request-Headers", "authorization")
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse(""))
        .contains("PUT");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("Authorization")
        .contains("If-None-Match");
    // A preflight changes nothing: the visitors' page cache keeps its pages.
    signedUp("Cors Author");
    long pub =
        quire
            .post(
                "p.txt",
                "Title: Cached Page\n\nA story about a heron.\n".getBytes(StandardCharsets.UTF_8),
                uid("Cors Author"),
                org.quire.model.Visibility.PUBLIC)
            .id();
    HttpBrowser v = visitor();
    v.get("/works/" + pub);
    assertThat(v.get("/works/" + pub).headers().firstValue("X-Quire-Page-Cache")).hasValue("hit");
    call("OPTIONS", "/api/v1/works", null, null);
    assertThat(v.get("/works/" + pub).headers().firstValue("X-Quire-Page-Cache")).hasValue("hit");
    // Site pages are not open to other sites' scripts.
    assertThat(visitor().get("/").headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

    // 401 says how to authenticate (RFC 6750).
    HttpResponse<String> noToken = call("POST", "/api/v1/works", null, "x".getBytes());
    assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"Quire\"");
    HttpResponse<String> badToken = call("GET", "/api/v1/works", "qt_nonsense", null);
    assertThat(badToken.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("error=\"invalid_token\"");
    // A known address with the wrong method: 405, as JSON; an unknown one: 404, as JSON.
    HttpResponse<String> patch = call("PATCH", "/api/v1/works", null, null);
    assertThat(patch.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(patch.body()).has("error")).isTrue();
    assertThat(patch.headers().firstValue("Allow")).hasValue("GET, POST");
    HttpResponse<String> nowhere = call("GET", "/api/v1/nowhere", null, null);
    assertThat(nowhere.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(nowhere.body()).get("error").asText()).contains("no such address");
  }

  @Test
  @Order(Integer.MAX_VALUE) // uses up this address's allowance for the minute: last
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

package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.quire.model.Visibility;

/**
 * Visitors' reader pages are rendered once and shared: each visitor still gets their own form
 * token, a write shows at once, members and private works are never served from the cache.
 */
class PageCacheWebTest extends ServerTestBase {
  private static String cache(HttpResponse<String> r) {
    return r.headers().firstValue("X-Quire-Page-Cache").orElse("none");
  }

  private static String token(HttpResponse<String> r) {
    return Jsoup.parse(r.body()).selectFirst("input[name=csrf]").attr("value");
  }

  @Test
  void visitorsShareRenderedPagesButNotTokensAndWritesShowAtOnce() throws Exception {
    HttpBrowser author = signedUp("Cache Author");
    long id =
        post(
            "Cache Author",
            "Title: Lamplight\n\nChapter 1\n\nThe keeper lit the lamp.\n\nChapter 2\n\nDawn came.",
            Visibility.PUBLIC);
    String page = "/works/" + id + "/chapters/1";

    HttpBrowser a = visitor();
    HttpResponse<String> first = a.get(page);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(cache(first)).isEqualTo("miss");
    HttpResponse<String> again = a.get(page);
    assertThat(cache(again)).isEqualTo("hit");
    assertThat(again.body()).contains("The keeper lit the lamp.");
    assertThat(token(again)).isEqualTo(token(a.get(page)));

    // Another visitor gets the same page with their own token, and it works in their forms.
    HttpBrowser b = visitor();
    b.get("/works"); // gets b its own token cookie first
    HttpResponse<String> shared = b.get(page);
    assertThat(cache(shared)).isEqualTo("hit");
    assertThat(token(shared)).isNotEqualTo(token(first)).isNotEmpty();
    assertThat(shared.body()).doesNotContain(token(first));
    var kudos = b.post("/works/" + id + "/kudos", Map.of("csrf", token(shared)));
    assertThat(kudos.statusCode()).isEqualTo(303);

    // A write is seen by the next visitor at once: the comment, and the kudos just left.
    author.submit(page, page + "/comments", Map.of("body", "Fresh from the author"));
    HttpResponse<String> after = visitor().get(page);
    assertThat(cache(after)).isEqualTo("miss");
    assertThat(after.body()).contains("Fresh from the author");

    // Members are never served from the cache.
    HttpResponse<String> member = author.get(page);
    assertThat(cache(member)).isEqualTo("none");
    assertThat(member.body()).contains("Fresh from the author");

    // A members-only work is never cached for visitors: they are sent to log in.
    long closed =
        post("Cache Author", "Title: Shuttered\n\nA private lamp.", Visibility.RESTRICTED);
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> locked = visitor().get("/works/" + closed);
      assertThat(locked.statusCode()).isEqualTo(303);
      assertThat(locked.body()).doesNotContain("A private lamp.");
    }
  }

  /**
   * A cached page goes out ahead of the app (see {@link PageFastPath}) exactly as the app would
   * send it: security headers, a token cookie for a new visitor that matches the page's forms, the
   * same bytes whether compressed or not.
   */
  @Test
  void cachedPagesCarryTheAppsHeadersTokensAndCompression() throws Exception {
    signedUp("Fast Author");
    long id =
        post(
            "Fast Author",
            "Title: Ember — “Glow”\n\nThe lantern’s light fell on the café floor. "
                + "ash ".repeat(3000),
            Visibility.PUBLIC);
    String url = "http://127.0.0.1:" + app.port() + "/works/" + id;
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<byte[]> warm =
        http.send(get(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(warm.statusCode()).isEqualTo(200);

    HttpResponse<byte[]> plain =
        http.send(get(url).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(plain.headers().firstValue("X-Quire-Page-Cache")).hasValue("hit");
    assertThat(plain.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
    assertThat(plain.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    String cookie = plain.headers().firstValue("Set-Cookie").orElse("");
    assertThat(cookie).startsWith("quire_csrf=").contains("HttpOnly").contains("SameSite=Strict");
    String newToken = cookie.substring("quire_csrf=".length(), cookie.indexOf(';'));
    String html = new String(plain.body(), StandardCharsets.UTF_8);
    assertThat(html).contains("The lantern’s light fell on the café floor.");
    assertThat(Jsoup.parse(html).select("input[name=csrf]"))
        .isNotEmpty()
        .allSatisfy(i -> assertThat(i.attr("value")).isEqualTo(newToken));

    String mine = "T".repeat(43);
    HttpResponse<byte[]> zipped =
        http.send(
            get(url)
                .header("Accept-Encoding", "gzip, deflate")
                .header("Cookie", "quire_csrf=" + mine)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(zipped.headers().firstValue("X-Quire-Page-Cache")).hasValue("hit");
    assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(zipped.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(zipped.body().length).isLessThan(plain.body().length / 3);
    String unzipped;
    try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
      unzipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(unzipped).isEqualTo(html.replace(newToken, mine));

    // A cookie token of the right length but not our shape is replaced, never spliced into
    // the cached page's HTML (which takes the token unescaped).
    String hostile = ("<b>x</b>" + "a".repeat(43)).substring(0, 43);
    HttpResponse<byte[]> forged =
        http.send(
            get(url).header("Cookie", "quire_csrf=" + hostile).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(forged.headers().firstValue("X-Quire-Page-Cache")).hasValue("hit");
    assertThat(new String(forged.body(), StandardCharsets.UTF_8)).doesNotContain("<b>x</b>");
    assertThat(forged.headers().firstValue("Set-Cookie").orElse(""))
        .startsWith("quire_csrf=")
        .doesNotContain("<b>");

    // Refused gzip (q=0) is honoured; HEAD is left to the app.
    HttpResponse<byte[]> refused =
        http.send(
            get(url).header("Accept-Encoding", "gzip;q=0").build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
    HttpResponse<Void> head =
        http.send(
            get(url).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(head.statusCode()).isEqualTo(200);
  }

  private static HttpRequest.Builder get(String url) {
    return HttpRequest.newBuilder(URI.create(url));
  }

  @Test
  void aPageMadeStaleByAVisibilityChangeIsNotServed() throws Exception {
    HttpBrowser author = signedUp("Hiding Author");
    long id =
        post("Hiding Author", "Title: Soon Hidden\n\nA lamp in the window.", Visibility.PUBLIC);
    String page = "/works/" + id;
    HttpBrowser v = visitor();
    assertThat(v.get(page).statusCode()).isEqualTo(200);
    assertThat(cache(v.get(page))).isEqualTo("hit");
    assertThat(
            author
                .submit(page, page + "/visibility", Map.of("visibility", "restricted"))
                .statusCode())
        .isEqualTo(303);
    HttpResponse<String> now = v.get(page);
    assertThat(now.statusCode()).isEqualTo(303);
    assertThat(now.body()).doesNotContain("A lamp in the window.");
  }
}

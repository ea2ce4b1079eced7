package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
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

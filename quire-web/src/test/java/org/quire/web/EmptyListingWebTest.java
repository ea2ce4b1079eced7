package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.quire.model.Visibility;

/** An empty works listing says why: nothing stored, nothing open to visitors, or all muted. */
class EmptyListingWebTest extends ServerTestBase {

  private static String empty(HttpBrowser b) throws Exception {
    var p = Jsoup.parse(b.get("/works").body()).selectFirst("p.empty");
    return p == null ? null : p.text();
  }

  @Test
  void theListingSaysWhyItIsEmpty() throws Exception {
    assertThat(empty(visitor())).startsWith("The archive is empty.");

    HttpBrowser member = signedUp("Anya J");
    post(
        "Anya J",
        "Title: Members Only\n\nA tale for members about bunnies.",
        Visibility.RESTRICTED);
    // A visitor is not told the archive is empty, nor shown how to import: it is not theirs.
    assertThat(empty(visitor()))
        .isEqualTo(
            "No works here are open to visitors. Log in to read the works shared with members.");
    assertThat(member.get("/works").body()).contains("Members Only");
    assertThat(empty(member)).isNull();

    member.submit("/mutes", "/mutes", Map.of("kind", "author", "value", "Anya J"));
    assertThat(empty(member)).isEqualTo("Your mutes or reading settings hide every work here.");
  }
}

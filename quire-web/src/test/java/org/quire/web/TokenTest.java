package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Form tokens drawn from the per-thread buffer: well-formed and never repeated. */
class TokenTest {
  @Test
  void tokensAreWellFormedAndDistinctAcrossBufferRefills() throws Exception {
    Set<String> seen = new HashSet<>();
    Runnable draw =
        () -> {
          for (int i = 0; i < 1_000; i++) { // 31 refills of the 32-token buffer per thread
            String t = AccountRoutes.random();
            assertThat(AccountRoutes.validCsrf(t)).as(t).isTrue();
            assertThat(t).hasSize(43).matches("[A-Za-z0-9_-]+");
            synchronized (seen) {
              assertThat(seen.add(t)).as("repeated token %s", t).isTrue();
            }
          }
        };
    Thread other = new Thread(draw);
    other.start();
    draw.run();
    other.join();
    assertThat(seen).hasSize(2_000);
  }

  @Test
  void tokensFromCookiesMustHaveOurShape() {
    String ok = "a".repeat(40) + "-_9";
    assertThat(AccountRoutes.validCsrf(ok)).isTrue();
    assertThat(AccountRoutes.validCsrf(null)).isFalse();
    assertThat(AccountRoutes.validCsrf(ok + "a")).isFalse();
    assertThat(AccountRoutes.validCsrf(ok.substring(1))).isFalse();
    // Same length, but markup or other characters: would otherwise reach a cached page's HTML.
    for (String bad : new String[] {"\"><script>alert(1)</script>", "é", " ", "=", "+", "/"}) {
      String t = (bad + ok).substring(0, 43);
      assertThat(t).hasSize(43);
      assertThat(AccountRoutes.validCsrf(t)).as(t).isFalse();
    }
  }
}

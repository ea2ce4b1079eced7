package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageCacheTest {
  private static final PageCache.Key KEY = new PageCache.Key("/works/1", null, null, false);

  @Test
  void eachVisitorGetsTheirOwnTokenBack() {
    PageCache c = new PageCache(10, 60_000);
    c.put(KEY, c.version(), "<form><input value=\"tokA\"></form><form value=\"tokA\">", "tokA");
    assertThat(get(c, KEY, "tokB"))
        .isEqualTo("<form><input value=\"tokB\"></form><form value=\"tokB\">");
    assertThat(get(c, KEY, "tokB")).doesNotContain("tokA");
    assertThat(get(c, new PageCache.Key("/works/1", null, null, true), "tokB")).isNull();
  }

  @Test
  void aWriteOrAgeDropsPagesAndAPageRenderedDuringAWriteIsNotKept() throws Exception {
    PageCache c = new PageCache(10, 60_000);
    long before = c.version();
    c.changed(); // a write finished while the page was being rendered
    c.put(KEY, before, "<p>old</p>", "t");
    assertThat(get(c, KEY, "t")).isNull();
    c.put(KEY, c.version(), "<p>new</p>", "t");
    assertThat(get(c, KEY, "t")).isEqualTo("<p>new</p>");
    c.changed();
    assertThat(get(c, KEY, "t")).isNull();

    PageCache quick = new PageCache(10, 1);
    quick.put(KEY, quick.version(), "<p>x</p>", "t");
    Thread.sleep(5);
    assertThat(get(quick, KEY, "t")).isNull();
  }

  @Test
  void theCacheStaysWithinItsBounds() {
    PageCache c = new PageCache(3, 60_000);
    for (int i = 0; i < 10; i++) {
      c.put(new PageCache.Key("/works/" + i, null, null, false), c.version(), "<p>" + i, "t");
    }
    int kept = 0;
    for (int i = 0; i < 10; i++) {
      kept += get(c, new PageCache.Key("/works/" + i, null, null, false), "t") == null ? 0 : 1;
    }
    assertThat(kept).isBetween(1, 3);
    // The newest page survives making room; the oldest went.
    assertThat(get(c, new PageCache.Key("/works/9", null, null, false), "t")).isEqualTo("<p>9");
    assertThat(get(c, new PageCache.Key("/works/0", null, null, false), "t")).isNull();
    c.put(KEY, c.version(), "x".repeat(PageCache.MAX_PAGE_CHARS + 1), "t");
    assertThat(get(c, KEY, "t")).isNull(); // too large to keep
  }

  @Test
  void compressedPagesAreValidGzipForAnyToken() throws Exception {
    StringBuilder big = new StringBuilder();
    java.util.Random r = new java.util.Random(5);
    for (int i = 0; i < 20_000; i++) {
      big.append((char) ('a' + r.nextInt(26))).append(i % 13 == 0 ? "’ “é” " : "");
    }
    String[] pages = {
      "tok<p>start</p>",
      "<p>end</p>tok",
      "tok",
      "<a>tok</a><b>tok</b>toktok<c>tok</c>",
      "<p>" + big + "</p><input value=\"tok\">" + big,
      "<p>no token at all</p>"
    };
    for (String html : pages) {
      PageCache c = new PageCache(10, 60_000);
      c.put(KEY, c.version(), html, "tok");
      PageCache.Page p = c.page(KEY, true);
      for (String token : new String[] {"X", "a-much-longer-visitor-token-0123456789abcdefghij"}) {
        byte[] t = token.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String expected = html.replace("tok", token);
        assertThat(new String(p.plain(t), java.nio.charset.StandardCharsets.UTF_8))
            .isEqualTo(expected);
        try (var in =
            new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(p.gzip(t)))) {
          assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
              .isEqualTo(expected);
        }
      }
    }
  }

  /** The cached page with {@code token} put back in, as a string, or null. */
  private static String get(PageCache c, PageCache.Key key, String token) {
    PageCache.Page p = c.page(key, true);
    return p == null
        ? null
        : new String(
            p.plain(token.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            java.nio.charset.StandardCharsets.UTF_8);
  }
}

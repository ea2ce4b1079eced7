package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.Test;

class PageFastPathTest {
  @Test
  void onlyReaderPagesWithPlainDigitIdsAreTakenAhead() {
    assertThat(PageFastPath.workId("/works/12")).isEqualTo(12);
    assertThat(PageFastPath.workId("/works/12/chapters/3")).isEqualTo(12);
    assertThat(PageFastPath.workId("/works/123456789")).isEqualTo(123456789);
    for (String other :
        new String[] {
          "/works",
          "/works/",
          "/works/1/",
          "/works/x",
          "/works/1/chapters/",
          "/works/1/chapters/a",
          "/works/1/edit",
          "/works/1/chapters/2/comments",
          "/works/1234567890",
          "/works/%31",
          "/works/١٢",
          "/works/1;x",
          "/search",
          null
        }) {
      assertThat(PageFastPath.workId(other)).as(other).isEqualTo(-1);
    }
  }

  @Test
  void gzipOnlyWhenTheClientAcceptsIt() {
    assertThat(accepts("gzip")).isTrue();
    assertThat(accepts("deflate, gzip;q=0.8")).isTrue();
    assertThat(accepts("br, *")).isTrue();
    assertThat(accepts("gzip;q=0")).isFalse();
    assertThat(accepts("gzip; q=0.000")).isFalse();
    assertThat(accepts("br, deflate")).isFalse();
    assertThat(accepts("identity")).isFalse();
    assertThat(PageFastPath.acceptsGzip(null)).isFalse();
  }

  private static boolean accepts(String value) {
    return PageFastPath.acceptsGzip(new HttpField(HttpHeader.ACCEPT_ENCODING, value));
  }

  @Test
  void serverTimingIsMillisecondsWithThreeDecimals() {
    assertThat(QuireWeb.serverTimingOf(1_234_567)).isEqualTo("app;dur=1.234");
    assertThat(QuireWeb.serverTimingOf(5_000)).isEqualTo("app;dur=0.005");
    assertThat(QuireWeb.serverTimingOf(70_000)).isEqualTo("app;dur=0.070");
    assertThat(QuireWeb.serverTimingOf(12_000_000_000L)).isEqualTo("app;dur=12000.000");
    assertThat(QuireWeb.serverTimingOf(-5)).isEqualTo("app;dur=0.000");
  }
}

package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.app.Quire;
import org.quire.model.Visibility;

/** An archive behind a reverse proxy on loopback: guests are told apart by X-Forwarded-For. */
class ProxyWebTest {
  @TempDir static Path tmp;
  static Quire quire;
  static Javalin app;
  static long id;

  @BeforeAll
  static void start() {
    quire =
        Quire.open(
            ServerTestBase.testConfig(tmp.resolve("data"))
                .withTrustedProxies(List.of("127.0.0.1", "::1")));
    id =
        quire
            .post(
                "p.txt",
                "Title: Behind the Proxy\n\nA quiet story.\n".getBytes(StandardCharsets.UTF_8),
                quire
                    .store()
                    .accounts()
                    .createUser("Owner", null, "h", org.quire.store.AccountStore.Role.MEMBER)
                    .id(),
                Visibility.PUBLIC)
            .id();
    app = QuireWeb.create(quire).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    quire.close();
  }

  /** A guest's kudos, sent through the proxy that reports their address. */
  private static int kudos(String clientAddress) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String base = "http://127.0.0.1:" + app.port();
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/works/" + id))
                    .header("X-Forwarded-For", clientAddress)
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String csrf = org.jsoup.Jsoup.parse(page).selectFirst("input[name=csrf]").attr("value");
    return http.send(
            HttpRequest.newBuilder(URI.create(base + "/works/" + id + "/kudos"))
                .header("X-Forwarded-For", clientAddress)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", base + "/works/" + id)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  @Test
  void guestsBehindTheProxyAreToldApartByTheirForwardedAddress() throws Exception {
    assertThat(kudos("203.0.113.9")).isEqualTo(303);
    assertThat(kudos("203.0.113.10")).isEqualTo(303);
    assertThat(kudos("203.0.113.9")).isEqualTo(303); // the first guest again: not counted twice
    assertThat(quire.store().readers().engagement(id).kudos()).isEqualTo(2);
  }

  @Test
  void aTrustedProxySayingTlsGetsHstsAndSecureCookies() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + app.port();
    for (String path : List.of("/", "/works/" + id, "/assets/quire.css")) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path))
                  .header("X-Forwarded-Proto", "https")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.headers().firstValue("strict-transport-security"))
          .as(path)
          .hasValue("max-age=31536000");
    }
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(page.headers().allValues("set-cookie")).allMatch(c -> c.contains("Secure"));
  }
}

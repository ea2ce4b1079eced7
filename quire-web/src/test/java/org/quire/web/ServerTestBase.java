package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
import org.quire.model.Visibility;
import org.quire.testkit.TestServers;

/**
 * A real archive in a temporary directory behind the real web app on a free loopback port, one per
 * test class, with helpers to sign up over HTTP and post works as an account.
 */
abstract class ServerTestBase {
  @TempDir static Path tmp;
  static Quire quire;
  static Javalin app;

  /**
   * The archive the web tests run on: the embedded default, or, when the system property {@code
   * quire.test.backend} is {@code servers} (the build's scale-out run), a fresh PostgreSQL schema
   * and OpenSearch index on the real servers.
   */
  static QuireConfig testConfig(Path data) {
    QuireConfig c = QuireConfig.embedded(data).withPort(0).withHost("127.0.0.1");
    if ("servers".equals(System.getProperty("quire.test.backend"))) {
      c =
          c.withServers(
              TestServers.freshPostgres(), TestServers.openSearch(), TestServers.unique("web"));
    }
    return c;
  }

  @BeforeAll
  static void startServer() {
    quire = Quire.open(testConfig(tmp.resolve("data")));
    app = QuireWeb.create(quire).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stopServer() {
    app.stop();
    quire.close();
  }

  static HttpBrowser visitor() {
    return new HttpBrowser(app.port());
  }

  /** A browser that signed up (and so is logged in) as {@code name}. */
  static HttpBrowser signedUp(String name) throws Exception {
    HttpBrowser b = visitor();
    assertThat(
            b.submit(
                    "/signup", "/signup", Map.of("name", name, "password", "correct horse battery"))
                .statusCode())
        .isEqualTo(303);
    return b;
  }

  static long uid(String name) {
    return quire.store().accounts().userByName(name).orElseThrow().id();
  }

  /** Posts a story as an account, the way the posting form does (header lines, then text). */
  static long post(String user, String headerAndBody, Visibility v) {
    return quire
        .post("posted.txt", (headerAndBody + "\n").getBytes(StandardCharsets.UTF_8), uid(user), v)
        .id();
  }
}

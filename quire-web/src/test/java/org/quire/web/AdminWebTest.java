package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quire.model.Visibility;
import org.quire.store.SiteStore;

/** The keepers' screens: settings, registration, invitations, accounts, reports, tag wrangling. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminWebTest extends ServerTestBase {
  static HttpBrowser admin;
  static HttpBrowser member;

  @BeforeAll
  static void start() throws Exception {
    admin = signUp("Keeper", null);
    member = signUp("Member One", null);
  }

  static HttpBrowser signUp(String name, String invite) throws Exception {
    HttpBrowser b = new HttpBrowser(app.port());
    Map<String, String> f = new java.util.HashMap<>();
    f.put("name", name);
    f.put("password", "correct horse battery");
    if (invite != null) {
      f.put("invite", invite);
    }
    HttpResponse<String> r = b.submit("/signup", "/signup", f);
    return r.statusCode() == 303 ? b : null;
  }

  @Test
  @Order(1)
  void onlyAdminsReachTheKeepersScreens() throws Exception {
    assertThat(admin.get("/admin").statusCode()).isEqualTo(200);
    assertThat(admin.get("/").body()).contains("href=\"/admin\"");
    for (String page : new String[] {"/admin", "/admin/users", "/admin/reports", "/admin/tags"}) {
      assertThat(member.get(page).statusCode()).as(page).isEqualTo(403);
    }
    assertThat(
            member
                .submit("/", "/admin/settings", Map.of("name", "Mine", "registration", "open"))
                .statusCode())
        .isEqualTo(403);
    assertThat(new HttpBrowser(app.port()).get("/admin").statusCode()).isEqualTo(303);
  }

  @Test
  @Order(2)
  void settingsNameTheSiteAndControlWhoMaySignUp() throws Exception {
    HttpResponse<String> r =
        admin.submit(
            "/admin",
            "/admin/settings",
            Map.of(
                "name", "The Hellmouth Library",
                "description", "Stories from Sunnydale & beyond.",
                "registration", "closed"));
    assertThat(r.statusCode()).isEqualTo(303);
    String home = new HttpBrowser(app.port()).get("/").body();
    assertThat(Jsoup.parse(home).select("a.brand").text()).isEqualTo("The Hellmouth Library");
    assertThat(home).contains("Stories from Sunnydale &amp; beyond.");
    assertThat(signUp("Closed Out", null)).isNull();

    admin.submit(
        "/admin",
        "/admin/settings",
        Map.of("name", "The Hellmouth Library", "registration", "invite"));
    assertThat(signUp("No Invite", null)).isNull();
    admin.submit("/admin", "/admin/invites", Map.of());
    String code =
        Jsoup.parse(admin.get("/admin").body())
            .select("#invites ~ .table-scroll table code")
            .first()
            .text();
    code = code.substring(code.indexOf("invite=") + 7);
    assertThat(signUp("Invited Guest", code)).isNotNull();
    assertThat(signUp("Second Guest", code)).isNull(); // single use
    assertThat(quire.store().accounts().userByName("Second Guest")).isEmpty();
    // An invitation sent to the wrong person is withdrawn before it is used.
    admin.submit("/admin", "/admin/invites", Map.of());
    var page = Jsoup.parse(admin.get("/admin").body());
    String form =
        page.select("#invites ~ .table-scroll table form[action$=\"/revoke\"]")
            .first()
            .attr("action");
    String unused = form.substring("/admin/invites/".length(), form.length() - "/revoke".length());
    assertThat(unused).isNotEqualTo(code);
    assertThat(page.select("#invites ~ .table-scroll table form[action$=\"/revoke\"]"))
        .hasSize(1); // not the used
    assertThat(admin.submit("/admin", form, Map.of()).statusCode()).isEqualTo(303);
    assertThat(admin.get("/admin").body()).contains("was withdrawn");
    assertThat(signUp("Late Guest", unused)).isNull();
    assertThat(quire.store().site().inviteOpen(unused)).isFalse();
    admin.submit("/admin", form, Map.of());
    assertThat(admin.get("/admin").body()).contains("already used or withdrawn");
    assertThat(quire.store().site().invites()).extracting(SiteStore.Invite::code).contains(code);
    admin.submit(
        "/admin",
        "/admin/settings",
        Map.of("name", "The Hellmouth Library", "registration", "open"));
    assertThat(
            admin
                .submit("/admin", "/admin/settings", Map.of("name", "", "registration", "open"))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(2)
  void anAdminModeratesOthersWorksButReadsThemAsAReader() throws Exception {
    long uid = quire.store().accounts().userByName("Member One").orElseThrow().id();
    long id =
        quire
            .post(
                "m.txt",
                "Title: Someone Else's\n\nA story about a kettle.\n"
                    .getBytes(StandardCharsets.UTF_8),
                uid,
                Visibility.PUBLIC)
            .id();
    var page = Jsoup.parse(admin.get("/works/" + id).body());
    assertThat(page.select("dt").eachText()).contains("Moderate").doesNotContain("Your work");
    assertThat(page.selectFirst("a[href=/works/" + id + "/edit]")).isNotNull();
    // Kudos, following and reporting stay open to an admin who did not write the work.
    assertThat(page.selectFirst("button.kudos").hasAttr("disabled")).isFalse();
    assertThat(page.selectFirst("button.subscribe")).isNotNull();
    assertThat(page.selectFirst("details.report-panel")).isNotNull();
    assertThat(admin.submit("/works/" + id, "/works/" + id + "/kudos", Map.of()).statusCode())
        .isEqualTo(303);
    assertThat(quire.store().readers().engagement(id).kudos()).isEqualTo(1);
    // Its writer sees their own work's controls and no kudos button to press.
    var own = Jsoup.parse(member.get("/works/" + id).body());
    assertThat(own.select("dt").eachText()).contains("Your work");
    assertThat(own.selectFirst("button.kudos").hasAttr("disabled")).isTrue();
    assertThat(own.selectFirst("details.report-panel")).isNull();
  }

  @Test
  @Order(3)
  void reportsReachTheKeepersAndCanBeResolved() throws Exception {
    long uid = quire.store().accounts().userByName("Keeper").orElseThrow().id();
    long id =
        quire
            .post(
                "r.txt",
                "Title: Reported\n\nSome words about a lamp.\n".getBytes(StandardCharsets.UTF_8),
                uid,
                Visibility.PUBLIC)
            .id();
    HttpResponse<String> r =
        member.submit(
            "/works/" + id, "/works/" + id + "/report", Map.of("reason", "Copied from elsewhere"));
    assertThat(r.statusCode()).isEqualTo(303);
    String reports = admin.get("/admin/reports").body();
    assertThat(reports)
        .contains("Reported")
        .contains("Copied from elsewhere")
        .contains("Member One");
    // Reported again while open: the same report, in the newest words; not a second one.
    member.submit(
        "/works/" + id, "/works/" + id + "/report", Map.of("reason", "Copied, and badly"));
    assertThat(member.get("/works/" + id).body()).contains("You had reported this already");
    assertThat(admin.get("/admin").body()).contains("1 open report");
    assertThat(quire.store().site().reports(10).getFirst().reason()).isEqualTo("Copied, and badly");
    long rid = quire.store().site().reports(10).getFirst().id();
    admin.submit("/admin/reports", "/admin/reports/" + rid + "/resolve", Map.of());
    assertThat(quire.store().site().openReports()).isZero();
    // Once resolved, a new report is a new one.
    member.submit("/works/" + id, "/works/" + id + "/report", Map.of("reason", "Still there"));
    assertThat(quire.store().site().openReports()).isEqualTo(1);
    assertThat(quire.store().site().reports(10).getFirst().id()).isNotEqualTo(rid);
    quire.store().site().resolveReport(quire.store().site().reports(10).getFirst().id());
    assertThat(
            member
                .submit("/works/" + id, "/works/" + id + "/report", Map.of("reason", " "))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(4)
  void wranglingFromTheScreenChangesWhatFiltersFind() throws Exception {
    long uid = quire.store().accounts().userByName("Keeper").orElseThrow().id();
    long id =
        quire
            .post(
                "w.txt",
                "Title: Wrangled\nAdditional Tags: Hurt/Comfort-ish\n\nA quiet evening by a fire.\n"
                    .getBytes(StandardCharsets.UTF_8),
                uid,
                Visibility.PUBLIC)
            .id();
    String fresh = admin.get("/admin/tags?type=additional&new=1").body();
    assertThat(fresh).contains("Hurt/Comfort-ish");
    String search = "/search?include=" + HttpBrowser.enc("additional:Hurt/Comfort");
    assertThat(admin.get(search).body()).doesNotContain("Wrangled");
    admin.submit(
        "/admin/tags",
        "/admin/tags/rules",
        Map.of(
            "type", "additional",
            "name", "Hurt/Comfort-ish",
            "relation", "synonym_of",
            "target", "Hurt/Comfort"));
    assertThat(admin.get(search).body()).contains("Wrangled");
    assertThat(admin.get("/admin/tags?type=additional").body()).contains("is a synonym of");
    admin.submit(
        "/admin/tags",
        "/admin/tags/rules/remove",
        Map.of(
            "type", "additional",
            "name", "Hurt/Comfort-ish",
            "relation", "synonym_of",
            "target", "Hurt/Comfort"));
    assertThat(admin.get(search).body()).doesNotContain("Wrangled");
    assertThat(quire.store().tagRules()).isEmpty();
    assertThat(id).isPositive();
  }

  @Test
  @Order(5)
  void adminsManageAccounts() throws Exception {
    long mid = quire.store().accounts().userByName("Member One").orElseThrow().id();
    admin.submit("/admin/users", "/admin/users/" + mid + "/role", Map.of("role", "admin"));
    assertThat(member.get("/admin").statusCode()).isEqualTo(200);
    // Nobody demotes themselves (an archive must keep an admin).
    assertThat(
            member
                .submit("/admin/users", "/admin/users/" + mid + "/role", Map.of("role", "member"))
                .statusCode())
        .isEqualTo(400);
    assertThat(member.get("/admin").statusCode()).isEqualTo(200);
    long kid = quire.store().accounts().userByName("Keeper").orElseThrow().id();
    admin.submit("/admin/users", "/admin/users/" + kid + "/role", Map.of("role", "member"));
    assertThat(quire.store().accounts().user(kid).orElseThrow().role().key()).isEqualTo("admin");
    // One click is not enough: the box beside Delete confirms it.
    assertThat(
            admin.submit("/admin/users", "/admin/users/" + mid + "/delete", Map.of()).statusCode())
        .isEqualTo(400);
    assertThat(quire.store().accounts().userByName("Member One")).isPresent();
    assertThat(
            admin
                .submit("/admin/users", "/admin/users/" + mid + "/delete", Map.of("confirm", "1"))
                .statusCode())
        .isEqualTo(303);
    assertThat(quire.store().accounts().userByName("Member One")).isEmpty();
  }

  @Test
  @Order(6)
  void thePublicAddressNamesDownloadsInvitationsAndResetLinks() throws Exception {
    admin.submit(
        "/admin",
        "/admin/settings",
        Map.of(
            "name", "The Hellmouth Library",
            "registration", "open",
            "url", "https://archive.example.org/"));
    try {
      HttpResponse<String> invited = admin.submit("/admin", "/admin/invites", Map.of());
      assertThat(Jsoup.parse(admin.get("/admin").body()).select(".notice, .flash").text())
          .contains("https://archive.example.org/signup?invite=");
      assertThat(invited.statusCode()).isEqualTo(303);
      long uid = quire.store().accounts().userByName("Keeper").orElseThrow().id();
      long id =
          quire
              .post(
                  "p.txt",
                  "Title: Addressed\n\nA story about a postbox.\n".getBytes(StandardCharsets.UTF_8),
                  uid,
                  Visibility.PUBLIC)
              .id();
      var epub =
          admin.http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          "http://127.0.0.1:" + app.port() + "/works/" + id + "/download/epub"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      String opf = null;
      try (var zip =
          new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(epub.body()))) {
        for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
          if (e.getName().endsWith(".opf")) {
            opf = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
          }
        }
      }
      assertThat(opf).contains("https://archive.example.org/works/" + id);
    } finally {
      admin.submit(
          "/admin",
          "/admin/settings",
          Map.of("name", "The Hellmouth Library", "registration", "open", "url", ""));
    }
  }
}

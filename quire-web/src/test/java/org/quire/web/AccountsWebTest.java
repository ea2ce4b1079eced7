package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.quire.model.Provenance;
import org.quire.model.TagType;
import org.quire.model.Visibility;
import org.quire.model.Work;

/** Accounts, CSRF, posting and tag review, over real HTTP with a browser-like cookie jar. */
class AccountsWebTest extends ServerTestBase {

  /** A browser on this test's server. */
  static final class Browser extends HttpBrowser {
    Browser() {
      super(app.port());
    }
  }

  /** Posts the work a posting form sent, as its review page does, for everyone to read. */
  static long publish(Browser b, HttpResponse<String> posted) throws Exception {
    String review = posted.headers().firstValue("Location").orElseThrow();
    long id = Long.parseLong(review.replaceAll("\\?.*", "").replaceAll("\\D", ""));
    assertThat(
            b.submit(review, "/works/" + id + "/tags", Map.of("visibility", "public")).statusCode())
        .isEqualTo(303);
    return id;
  }

  static Browser signedUp(String name) throws Exception {
    Browser b = new Browser();
    HttpResponse<String> r =
        b.submit("/signup", "/signup", Map.of("name", name, "password", "correct horse battery"));
    assertThat(r.statusCode()).isEqualTo(303);
    return b;
  }

  @Test
  void signUpLogOutLogInAndTheSessionCookieIsHttpOnly() throws Exception {
    Browser b = new Browser();
    HttpResponse<String> r =
        b.submit(
            "/signup", "/signup", Map.of("name", "Willow R", "password", "correct horse battery"));
    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().allValues("Set-Cookie"))
        .anyMatch(
            c ->
                c.startsWith("quire_session=")
                    && c.contains("HttpOnly")
                    && c.contains("SameSite=Lax"));
    assertThat(b.get("/").body()).contains("Willow R").contains("Log out");
    assertThat(b.submit("/", "/logout", Map.of()).statusCode()).isEqualTo(303);
    assertThat(b.get("/").body()).doesNotContain("Willow R").contains("Log in");
    // The name is taken, whatever its case.
    HttpResponse<String> again =
        new Browser()
            .submit(
                "/signup",
                "/signup",
                Map.of("name", "willow r", "password", "another long password"));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("is taken");
    assertThat(
            b.submit(
                    "/login",
                    "/login",
                    Map.of("name", "WILLOW R", "password", "correct horse battery"))
                .statusCode())
        .isEqualTo(303);
    assertThat(b.get("/account").body()).contains("Willow R");
  }

  @Test
  void signUpNamesEveryFieldAtFaultAndNobodyTakesAnImportedByline() throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("imported", ".txt");
    java.nio.file.Files.writeString(
        file, "Title: Found Poems\nAuthor: Imported Ink\n\nThe words were already here.\n");
    assertThat(quire.importFiles(List.of(file), p -> {}).imported()).hasSize(1);
    HttpBrowser b = visitor();
    HttpResponse<String> taken =
        b.submit(
            "/signup",
            "/signup",
            Map.of("name", "imported ink", "password", "correct horse battery"));
    assertThat(taken.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(taken.body()).select("#name").attr("aria-invalid")).isEqualTo("true");
    assertThat(quire.store().accounts().userByName("imported ink")).isEmpty();
    // Full-width letters fold to the same name: no way round it.
    assertThat(
            b.submit(
                    "/signup",
                    "/signup",
                    Map.of("name", "ＩＭＰＯＲＴＥＤ ＩＮＫ", "password", "correct horse battery"))
                .statusCode())
        .isEqualTo(400);

    // Three fields wrong: one answer names all three, each tied to its field.
    HttpResponse<String> all =
        b.submit("/signup", "/signup", Map.of("name", "..", "email", "nope", "password", "short"));
    var page = Jsoup.parse(all.body());
    assertThat(page.select("#form-error li")).hasSize(3);
    for (String f : List.of("name", "email", "password")) {
      assertThat(page.select("#" + f).attr("aria-invalid")).as(f).isEqualTo("true");
      assertThat(page.select("#" + f).attr("aria-describedby")).isEqualTo(f + "-error");
      assertThat(page.select("#" + f + "-error").text()).as(f).isNotBlank();
    }
    assertThat(page.select("#name-error").text()).contains("letter or digit");
    assertThat(page.select("#email").val()).isEqualTo("nope");
  }

  @Test
  void formsWithoutTheRightTokenAreRefused() throws Exception {
    Browser b = signedUp("Token Test");
    assertThat(b.post("/logout", Map.of()).statusCode()).isEqualTo(403);
    assertThat(b.post("/logout", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
    // Another browser's token does not work here either.
    String other = new Browser().csrf("/login");
    assertThat(b.post("/logout", Map.of("csrf", other)).statusCode()).isEqualTo(403);
    assertThat(b.get("/account").body()).contains("Token Test");
    Browser visitor = new Browser();
    assertThat(visitor.post("/login", Map.of("name", "x", "password", "y")).statusCode())
        .isEqualTo(403);
  }

  @Test
  void wrongPasswordsAreRateLimitedWithoutSayingWhetherTheNameExists() throws Exception {
    signedUp("Limit Test");
    Browser b = new Browser();
    HttpResponse<String> unknown =
        b.submit("/login", "/login", Map.of("name", "Nobody Here", "password", "whatever at all"));
    HttpResponse<String> wrong =
        b.submit("/login", "/login", Map.of("name", "Limit Test", "password", "whatever at all"));
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    String message = Jsoup.parse(wrong.body()).select(".form-error").text();
    assertThat(Jsoup.parse(unknown.body()).select(".form-error").text()).isEqualTo(message);
    for (int i = 0; i < LoginLimiter.PER_ADDRESS_AND_NAME; i++) {
      b.submit("/login", "/login", Map.of("name", "Limit Test", "password", "still wrong " + i));
    }
    HttpResponse<String> limited =
        b.submit(
            "/login", "/login", Map.of("name", "Limit Test", "password", "correct horse battery"));
    assertThat(limited.statusCode()).isEqualTo(429);
  }

  @Test
  void postAWorkThenAcceptRejectAndAddTags() throws Exception {
    Browser b = signedUp("Author One");
    String story =
        "Buffy met Willow by the lockers at Sunnydale High. \"Research party tonight?\" Willow asked."
            + " Buffy grinned. Xander groaned about the library and Giles polished his glasses.\n\n"
            + "Later Buffy staked a vampire in Restfield Cemetery while Willow held the flashlight.\n";
    HttpResponse<String> posted =
        b.submit("/works/new", "/works/new", Map.of("title", "Lockers", "text", story));
    assertThat(posted.statusCode()).isEqualTo(303);
    String review = posted.headers().firstValue("Location").orElseThrow();
    assertThat(review).matches("/works/\\d+/tags\\?post=public");
    long id = Long.parseLong(review.replaceAll("\\D", ""));
    var page = Jsoup.parse(b.get(review).body());
    assertThat(page.select("li.review-tag")).isNotEmpty();
    // Nobody else sees the work, nor Quire's guesses at its rating and warnings, until its author
    // has reviewed them and posts it.
    assertThat(quire.store().visibility(id)).hasValue(Visibility.DRAFT);
    assertThat(new Browser().get("/works/" + id).statusCode()).isEqualTo(404);
    assertThat(page.selectFirst("input[name=visibility][value=public]").hasAttr("checked"))
        .isTrue();
    assertThat(page.select(".review button[type=submit]").text()).contains("post the work");
    Work w = quire.work(id).orElseThrow();
    assertThat(w.title()).isEqualTo("Lockers");
    int buffy = indexOf(w, TagType.CHARACTER, "Buffy Summers");
    int fandom = indexOf(w, TagType.FANDOM, "Buffy the Vampire Slayer");
    int willow = indexOf(w, TagType.CHARACTER, "Willow Rosenberg");
    assertThat(w.tags().get(buffy).provenance()).isEqualTo(Provenance.SUGGESTED);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("d" + buffy, "accept");
    form.put("d" + fandom, "reject");
    // Editing a suggestion: the author's spelling becomes their own tag.
    form.put("d" + willow, "accept");
    form.put("n" + willow, "Willow Rosenberg (Season 1)");
    form.put("add_type", "additional");
    form.put("add_name", "Library Research, Rainy Days ,");
    form.put("visibility", "public");
    assertThat(b.submit(review, review, form).statusCode()).isEqualTo(303);
    Work after = quire.work(id).orElseThrow();
    assertThat(after.tags())
        .anyMatch(t -> t.name().equals("Buffy Summers") && t.provenance() == Provenance.ACCEPTED);
    assertThat(after.tags())
        .anyMatch(
            t ->
                t.name().equals("Buffy the Vampire Slayer")
                    && t.provenance() == Provenance.REJECTED);
    assertThat(after.tagNames(TagType.FANDOM)).doesNotContain("Buffy the Vampire Slayer");
    // Several tags at once, separated by commas.
    assertThat(after.tagNames(TagType.ADDITIONAL)).contains("Library Research", "Rainy Days");
    assertThat(after.tags())
        .anyMatch(
            t ->
                t.name().equals("Willow Rosenberg (Season 1)")
                    && t.provenance() == Provenance.AUTHOR);
    assertThat(after.tagNames(TagType.CHARACTER)).doesNotContain("Willow Rosenberg");
    // The same story again is not a new work: the poster is told and shown the one stored.
    HttpResponse<String> again =
        b.submit("/works/new", "/works/new", Map.of("title", "Lockers", "text", story));
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(again.headers().firstValue("Location").orElseThrow()).isEqualTo("/works/" + id);
    assertThat(b.get("/works/" + id).body()).contains("already in the archive");
    HttpResponse<String> tampered =
        b.submit(
            "/works/new",
            "/works/new",
            Map.of("text", "Another one\n\nNew words here.", "visibility", "bogus"));
    assertThat(tampered.statusCode()).isEqualTo(400);
    assertThat(tampered.body()).contains("Choose who may read the work");
    // Files: an empty one is refused by name; a Markdown file becomes a work with its title.
    HttpResponse<String> empty =
        b.upload("/works/new", "/works/new", "blank.txt", new byte[0], Map.of());
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(empty.body()).text())
        .contains("The file blank.txt is empty: choose another, or paste the text.");
    HttpResponse<String> uploaded =
        b.upload(
            "/works/new",
            "/works/new",
            "gargoyles.md",
            "# Gargoyles at Dusk\n\nThe stone ones woke when the bell rang.\n"
                .getBytes(StandardCharsets.UTF_8),
            Map.of("visibility", "public"));
    assertThat(uploaded.statusCode()).isEqualTo(303);
    long fromFile =
        Long.parseLong(
            uploaded.headers().firstValue("Location").orElseThrow().replaceAll("\\D", ""));
    assertThat(quire.work(fromFile).orElseThrow().title()).isEqualTo("Gargoyles at Dusk");
    // A rating outside AO3's list, or a kind of tag that does not exist, is refused with a reason.
    HttpResponse<String> odd =
        b.submit(review, review, Map.of("add_type", "rating", "add_name", "Super Explicit"));
    assertThat(odd.statusCode()).isEqualTo(400);
    assertThat(odd.body()).contains("Super Explicit", "General Audiences");
    // The error leads back to the form it came from.
    assertThat(Jsoup.parse(odd.body()).selectFirst("a.back-to-form").attr("href"))
        .isEqualTo(review);
    assertThat(b.submit(review, review, Map.of("add_type", "mood", "add_name", "x")).statusCode())
        .isEqualTo(400);
    assertThat(quire.work(id).orElseThrow().tagNames(TagType.RATING))
        .doesNotContain("Super Explicit");
    // Search follows the review at once.
    assertThat(b.get("/search?include=" + HttpBrowser.enc("additional:Library Research")).body())
        .contains("Lockers");
    assertThat(b.get("/works/" + id).body()).contains("Review its tags");
    // Another member may neither see the review page nor change the tags.
    Browser other = signedUp("Someone Else");
    assertThat(other.get(review).statusCode()).isEqualTo(403);
    assertThat(other.submit("/", review, Map.of("d" + buffy, "reject")).statusCode())
        .isEqualTo(403);
    assertThat(other.get("/works/" + id).body()).doesNotContain("Review its tags");
    // A visitor is sent to log in.
    assertThat(new Browser().get("/works/new").statusCode()).isEqualTo(303);
  }

  @Test
  void namesThatLookLikeAnothersAndSecondAccountsOnOneAddressAreRefused() throws Exception {
    signedUp("Kennedy");
    for (String lookAlike : List.of("ＫＥＮＮＥＤＹ", "Kеnnedy", "orphan_account", "Anonymous")) {
      HttpResponse<String> r =
          new Browser()
              .submit(
                  "/signup",
                  "/signup",
                  Map.of("name", lookAlike, "password", "correct horse battery"));
      assertThat(r.statusCode()).as(lookAlike).isEqualTo(400);
    }
    assertThat(quire.store().accounts().userByName("ＫＥＮＮＥＤＹ")).isEmpty();
    // Scripts of one writing system mix; a plain name in another alphabet is fine.
    assertThat(signedUp("山田はなこ").get("/account").statusCode()).isEqualTo(200);
    assertThat(signedUp("Кеннеди").get("/account").statusCode()).isEqualTo(200);
    Map<String, String> first =
        Map.of(
            "name", "Mail One", "email", "shared@example.org", "password", "correct horse battery");
    assertThat(new Browser().submit("/signup", "/signup", first).statusCode()).isEqualTo(303);
    HttpResponse<String> second =
        new Browser()
            .submit(
                "/signup",
                "/signup",
                Map.of(
                    "name",
                    "Mail Two",
                    "email",
                    "SHARED@example.org",
                    "password",
                    "correct horse battery"));
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(second.body()).contains("belongs to another account");
  }

  @Test
  void aMembersPostIsCreditedToThemWhateverTheFileSays() throws Exception {
    signedUp("Site Keeper"); // the admin, if no account came before: keepers keep bylines
    Browser victim = signedUp("Real Bob");
    Browser poster = signedUp("Mallory");
    HttpResponse<String> posted =
        poster.submit(
            "/works/new",
            "/works/new",
            Map.of("text", "Title: Bob Confesses\nAuthor: Real Bob\n\nWords Bob never wrote.\n"));
    long id = publish(poster, posted);
    assertThat(quire.work(id).orElseThrow().authors()).containsExactly("Mallory");
    assertThat(victim.get("/authors/Real%20Bob").body()).doesNotContain("Bob Confesses");
  }

  @Test
  void anUnreadableFormIsABadRequestNotAnError() throws Exception {
    HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + app.port() + "/login"))
                    .header("Content-Type", "multipart/form-data")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("xx"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void passwordChangeEndsOtherSessionsAndDeletionOrphansWorks() throws Exception {
    Browser laptop = signedUp("Mover");
    Browser phone = new Browser();
    phone.submit("/login", "/login", Map.of("name", "Mover", "password", "correct horse battery"));
    assertThat(phone.get("/account").statusCode()).isEqualTo(200);
    HttpResponse<String> posted =
        laptop.submit(
            "/works/new",
            "/works/new",
            Map.of("text", "Short Story\n\nA quiet tale of a kettle.\n"));
    long id = publish(laptop, posted);
    assertThat(
            laptop
                .submit(
                    "/account",
                    "/account/password",
                    Map.of("current", "correct horse battery", "password", "a brand new password"))
                .statusCode())
        .isEqualTo(303);
    assertThat(laptop.get("/account").statusCode()).isEqualTo(200);
    assertThat(phone.get("/account").statusCode()).isEqualTo(303);
    assertThat(laptop.get("/account?changed=1").body()).contains("tokens revoked");
    signedUp("Mover Fan");
    long fan = quire.store().accounts().userByName("Mover Fan").orElseThrow().id();
    var follow =
        new org.quire.store.ReaderStore.Subscription(
            org.quire.store.ReaderStore.SubscriptionKind.AUTHOR, "Mover");
    quire.store().readers().subscribe(fan, follow);
    assertThat(quire.work(id).orElseThrow().authors()).containsExactly("Mover");
    HttpResponse<String> bad =
        laptop.submit("/account", "/account/delete", Map.of("password", "wrong password!"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(
            laptop
                .submit("/account", "/account/delete", Map.of("password", "a brand new password"))
                .statusCode())
        .isEqualTo(303);
    assertThat(quire.store().accounts().userByName("Mover")).isEmpty();
    assertThat(quire.work(id)).isPresent();
    assertThat(quire.store().accounts().owner(id)).isEmpty();
    assertThat(laptop.get("/account").statusCode()).isEqualTo(303);
    // Orphaned as on AO3: the byline no longer names the account, in the store and in search,
    // its followers stop following, and a newcomer taking the name takes over nothing.
    assertThat(quire.work(id).orElseThrow().authors()).containsExactly("orphan_account");
    assertThat(quire.store().readers().subscribed(fan, follow)).isFalse();
    quire.index().refresh();
    assertThat(quire.index().search(org.quire.search.SearchQuery.of("author:Mover")).total())
        .isZero();
    assertThat(
            quire.index().search(org.quire.search.SearchQuery.of("author:orphan_account")).hits())
        .anyMatch(h -> h.workId() == id);
    Browser newcomer = signedUp("Mover");
    HttpResponse<String> profile = newcomer.get("/authors/Mover");
    // A member without works has a page saying so; a name nobody has is not found.
    assertThat(profile.statusCode()).isEqualTo(200);
    assertThat(profile.body()).doesNotContain("Short Story").contains("has no works here yet");
    assertThat(newcomer.get("/authors/Nobody%20At%20All").statusCode()).isEqualTo(404);
  }

  @Test
  void aFormSentWithoutASessionLeadsBackToItsPageAfterLoggingIn() throws Exception {
    Browser author = signedUp("Returner");
    HttpResponse<String> posted =
        author.submit(
            "/works/new", "/works/new", Map.of("text", "Coming Back\n\nA tale of a return.\n"));
    long id = publish(author, posted);
    String page = "/works/" + id;
    // A visitor (or a member whose session ended) sends the comment form from the work's page.
    HttpResponse<String> r =
        new Browser().submit(page, page + "/chapters/1/comments", Map.of("body", "Lovely."));
    assertThat(r.statusCode()).isEqualTo(303);
    // Back to the page after logging in, not to the comment form's POST-only address.
    assertThat(r.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/login?next=" + Texts.url(page));
  }

  @Test
  void forgottenPasswordsAreResetOnceWithoutTellingWhichAccountsExist() throws Exception {
    Browser owner = new Browser();
    owner.submit(
        "/signup",
        "/signup",
        Map.of("name", "Resetter", "email", "resetter@example.org", "password", "an old password"));
    assertThat(owner.get("/account").statusCode()).isEqualTo(200);
    // The email address logs in as the name does.
    Browser byEmail = new Browser();
    assertThat(
            byEmail
                .submit(
                    "/login",
                    "/login",
                    Map.of("name", "Resetter@Example.org", "password", "an old password"))
                .statusCode())
        .isEqualTo(303);
    assertThat(byEmail.get("/account").statusCode()).isEqualTo(200);
    assertThat(
            new Browser()
                .submit(
                    "/login",
                    "/login",
                    Map.of("name", "resetter@example.org", "password", "a wrong password"))
                .statusCode())
        .isEqualTo(401);
    java.nio.file.Path outbox = quire.outbox();

    Browser stranger = new Browser();
    String known = notice(stranger.submit("/forgot", "/forgot", Map.of("who", "Resetter")));
    String unknown = notice(stranger.submit("/forgot", "/forgot", Map.of("who", "Nobody Here")));
    String byMail =
        notice(stranger.submit("/forgot", "/forgot", Map.of("who", "RESETTER@example.org")));
    assertThat(known).isEqualTo(unknown).isEqualTo(byMail).isEqualTo(AccountRoutes.RESET_SENT);
    List<java.nio.file.Path> mails;
    try (var files = java.nio.file.Files.list(outbox)) {
      mails = files.filter(f -> f.toString().endsWith(".eml")).sorted().toList();
    }
    assertThat(mails).hasSize(2);
    String mail = java.nio.file.Files.readString(mails.getLast());
    assertThat(mail).contains("To: resetter@example.org").contains("Choose a new password");
    // A mail a mailer can send as it is: dated, MIME, headers apart from the body.
    String headers = mail.substring(0, mail.indexOf("\r\n\r\n"));
    assertThat(headers).containsPattern("\r\nDate: \\w{3}, \\d{1,2} \\w{3} \\d{4} ");
    assertThat(headers).contains("MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8");
    assertThat(org.quire.app.Accounts.from("https://archive.example.org"))
        .isEqualTo("From: \"Quire\" <noreply@archive.example.org>\r\n");
    assertThat(
            org.quire.app.Accounts.from(
                "https://archive.example.org", "The \"Watchers\"\r\nBcc: x"))
        .isEqualTo("From: \"The \\\"Watchers\\\"  Bcc: x\" <noreply@archive.example.org>\r\n");
    assertThat(org.quire.app.Accounts.from("https://a.example", "Bibliothèque"))
        .isEqualTo("From: =?UTF-8?B?QmlibGlvdGjDqHF1ZQ==?= <noreply@a.example>\r\n");
    assertThat(org.quire.app.Accounts.from("")).isEmpty();
    // Two requests, one live link: the newer one replaced the older.
    String first = secretIn(java.nio.file.Files.readString(mails.getFirst()));
    String secret = secretIn(mail);
    assertThat(stranger.get("/reset/" + first).statusCode()).isEqualTo(404);

    assertThat(stranger.get("/reset/" + secret).body()).contains("Resetter");
    assertThat(
            stranger
                .submit("/reset/" + secret, "/reset/" + secret, Map.of("password", "short"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            stranger
                .submit(
                    "/reset/" + secret, "/reset/" + secret, Map.of("password", "a new password"))
                .statusCode())
        .isEqualTo(303);
    // Every old session ended; the link is spent; the new password works, the old one not.
    assertThat(owner.get("/account").statusCode()).isEqualTo(303);
    assertThat(stranger.get("/reset/" + secret).statusCode()).isEqualTo(404);
    Browser again = new Browser();
    assertThat(
            again
                .submit(
                    "/login", "/login", Map.of("name", "Resetter", "password", "an old password"))
                .statusCode())
        .isEqualTo(401);
    assertThat(
            again
                .submit(
                    "/login", "/login", Map.of("name", "Resetter", "password", "a new password"))
                .statusCode())
        .isEqualTo(303);
  }

  @Test
  void adminsHandOutResetLinksForAccountsWithoutMail() throws Exception {
    Browser admin = signedUp("Keeper Of Keys");
    quire.store().site().setRole(uid("Keeper Of Keys"), org.quire.store.AccountStore.Role.ADMIN);
    Browser member = signedUp("No Mail");
    long before = mailCount();
    new Browser().submit("/forgot", "/forgot", Map.of("who", "No Mail"));
    assertThat(mailCount()).isEqualTo(before);
    HttpResponse<String> made =
        admin.submit("/admin/users", "/admin/users/" + uid("No Mail") + "/reset-link", Map.of());
    assertThat(made.statusCode()).isEqualTo(303);
    String page = admin.get("/admin/users").body();
    String secret = secretIn(page);
    assertThat(new Browser().get("/reset/" + secret).body()).contains("No Mail");
    // Only admins: a visitor is sent to log in, a member is refused.
    HttpResponse<String> visitor =
        new Browser().submit("/login", "/admin/users/" + uid("No Mail") + "/reset-link", Map.of());
    assertThat(visitor.headers().firstValue("Location").orElse("")).startsWith("/login");
    assertThat(
            member
                .submit(
                    "/account", "/admin/users/" + uid("Keeper Of Keys") + "/reset-link", Map.of())
                .statusCode())
        .isEqualTo(403);
  }

  private static long mailCount() throws Exception {
    if (!java.nio.file.Files.isDirectory(quire.outbox())) {
      return 0;
    }
    try (var files = java.nio.file.Files.list(quire.outbox())) {
      return files.count();
    }
  }

  private static String notice(HttpResponse<String> r) {
    assertThat(r.statusCode()).isEqualTo(200);
    return Jsoup.parse(r.body()).select("p.notice").text();
  }

  private static String secretIn(String text) {
    var m = java.util.regex.Pattern.compile("/reset/(qr_[A-Za-z0-9_-]+)").matcher(text);
    assertThat(m.find()).as("a reset link in %s", text).isTrue();
    return m.group(1);
  }

  static int indexOf(Work w, TagType type, String name) {
    List<org.quire.model.Tag> tags = w.tags();
    for (int i = 0; i < tags.size(); i++) {
      if (tags.get(i).type() == type && tags.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError(name + " not among " + tags);
  }
}

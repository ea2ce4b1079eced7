package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.javalin.Javalin;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;

/**
 * The archive in a real browser: Debian's headless Chromium driven by Selenium, against a real
 * server on an embedded archive. One reader's and one author's whole path: sign up, post with tag
 * review, read, kudos, comment, bookmark, search and filter, mute, and the members-only rules.
 * Screenshots of each main page go to {@code target/screenshots/}.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SHOTS = Path.of("target", "screenshots");

  @TempDir static Path tmp;
  static Quire quire;
  static Javalin app;
  static ChromeDriver driver;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      fail(
          "The browser tests need Debian's chromium and chromium-driver"
              + " (scripts/test installs them: apt-get install chromium chromium-driver).");
    }
    quire = Quire.open(QuireConfig.embedded(tmp.resolve("data")).withPort(0).withHost("127.0.0.1"));
    app = QuireWeb.create(quire).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + app.port();
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + tmp.resolve("profile"),
        "--window-size=1280,1000");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, o);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    Files.createDirectories(SHOTS);
  }

  @AfterAll
  static void stop() {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (app != null) {
        app.stop();
      }
      if (quire != null) {
        quire.close();
      }
    }
  }

  private static void open(String path) {
    driver.get(base + path);
  }

  private static WebElement css(String selector) {
    return driver.findElement(By.cssSelector(selector));
  }

  private static List<WebElement> all(String selector) {
    return driver.findElements(By.cssSelector(selector));
  }

  private static void type(String selector, String text) {
    WebElement e = css(selector);
    e.clear();
    e.sendKeys(text);
  }

  /** Clicks and waits for the next page to replace this one. */
  private static void submit(WebElement button) {
    WebElement html = css("html");
    button.click();
    // The old page's root goes stale once the new page replaces it; while the navigation is under
    // way Chromium may also answer that the node left the document, which means the same.
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d -> {
              try {
                html.isEnabled();
                return false;
              } catch (org.openqa.selenium.WebDriverException e) {
                return true;
              }
            });
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
  }

  private static String axe;
  private static final List<String> VIOLATIONS = new java.util.ArrayList<>();

  /**
   * Saves a screenshot and checks the page with axe-core (WCAG 2 A and AA rules: landmarks, labels,
   * contrast, names, structure); violations are collected and asserted at the end.
   */
  private static void shot(String name) throws Exception {
    Files.write(SHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    if (axe == null) {
      try (var in = BrowserTest.class.getResourceAsStream("/axe.min.js")) {
        axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    }
    driver.executeScript(axe);
    Object result =
        driver.executeAsyncScript(
            "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa',"
                + " 'wcag21a', 'wcag21aa']}}).then(function (r) {"
                + " done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): '"
                + " + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); })); },"
                + " function (e) { done(['axe failed: ' + e]); });");
    for (Object v : (List<?>) result) {
      VIOLATIONS.add(name + ": " + v);
    }
  }

  private static void signUp(String name) {
    open("/signup");
    type("#name", name);
    type("#password", "correct horse battery");
    submit(css("form.stacked button[type=submit]"));
  }

  private static void logOut() {
    submit(css("header.site form[action='/logout'] button"));
  }

  private static final String STORY =
      "The Long Night\n\nSummary: Willow keeps watch over Sunnydale.\n\n"
          + "Willow sat on the steps of the library with a stake across her knees. The Slayer was"
          + " late again, and Sunnydale was too quiet.\n\n"
          + "\"You worry too much,\" Buffy said, when she finally came out of the dark with dust"
          + " on her jacket. Willow laughed and said she had every right to worry.\n\n"
          + "They walked home past the cemetery, arguing about homework, and Willow thought that"
          + " this, more than any spell, was what kept the Hellmouth shut.\n";

  @Test
  @org.junit.jupiter.api.Order(1) // its first account becomes the admin
  void aReaderAndAnAuthorUseTheArchiveInABrowser() throws Exception {
    // The author signs up and posts a work by pasting it.
    signUp("Rupert G");
    assertThat(css("header.site nav").getText()).contains("Rupert G").contains("Post a work");
    open("/works/new");
    shot("01-post");
    type("#text", STORY);
    submit(css("form[action='/works/new'] button[type=submit]"));

    // Tag review: Quire's suggestions with their evidence; the author adds a tag of their own.
    assertThat(driver.getCurrentUrl()).endsWith("/tags?post=public");
    assertThat(css(".review .notice").getText()).contains("saved as a draft");
    assertThat(css("h1").getText()).contains("The Long Night");
    List<String> suggested =
        all(".review-tag legend strong").stream().map(WebElement::getText).toList();
    assertThat(suggested).contains("Buffy the Vampire Slayer", "Willow Rosenberg");
    assertThat(all(".evidence q")).isNotEmpty();
    shot("02-tag-review");
    type("#add_name", "Friendship");
    new org.openqa.selenium.support.ui.Select(css("#add_type")).selectByValue("additional");
    submit(css(".review button[type=submit]"));

    // The reader page.
    String workUrl = driver.getCurrentUrl();
    assertThat(css("h1.work-title").getText()).isEqualTo("The Long Night");
    assertThat(css(".work-meta").getText()).contains("Friendship").contains("Willow Rosenberg");
    assertThat(css(".userstuff").getText()).contains("Willow sat on the steps");
    long workId = Long.parseLong(workUrl.substring(workUrl.lastIndexOf('/') + 1));
    logOut();

    // A reader signs up, reads, leaves kudos, comments and bookmarks.
    signUp("Dawn S");
    driver.get(workUrl);
    submit(css("button.subscribe"));
    assertThat(css("button.subscribe").getText()).contains("Unsubscribe");
    submit(css("button.kudos"));
    assertThat(css(".flash").getText()).contains("kudos");
    assertThat(css("button.kudos").getText()).contains("You left kudos");
    assertThat(css(".kudos-list").getText()).contains("Dawn S");
    type("#comment-body", "This made me *so* happy. <script>alert(1)</script>");
    submit(css("form.comment-form button"));
    WebElement comment = css(".comment .comment-body");
    assertThat(comment.getText()).isEqualTo("This made me so happy.");
    assertThat(comment.findElements(By.tagName("em"))).hasSize(1);
    css(".bookmark-panel summary").click();
    type("#bookmark-note", "Read on a rainy day");
    type("#bookmark-tags", "comfort, friendship");
    submit(css(".bookmark-panel form.stacked button"));
    shot("03-reader");
    open("/bookmarks");
    assertThat(css(".blurb-title").getText()).contains("The Long Night");
    assertThat(css(".bookmark-note").getText()).isEqualTo("Read on a rainy day");
    shot("04-bookmarks");

    // Search and filter: full text, then a facet click.
    open("/search?q=" + HttpBrowser.enc("\"too quiet\""));
    assertThat(all(".blurb-title a").stream().map(WebElement::getText)).contains("The Long Night");
    assertThat(css(".snippet mark").getText().toLowerCase()).contains("too");
    shot("05-search");
    WebElement facet =
        driver.findElement(By.xpath("//a[contains(@href,'include=') and contains(., 'Willow')]"));
    submit(facet);
    assertThat(driver.getCurrentUrl()).contains("include=");
    assertThat(all(".blurb-title a").stream().map(WebElement::getText)).contains("The Long Night");

    // Reading preferences: dark theme and larger text, remembered with the account.
    open("/prefs");
    css("input[name=theme][value=dark]").click();
    new org.openqa.selenium.support.ui.Select(css("#size")).selectByValue("120");
    submit(css("form.prefs button"));
    assertThat(css("body").getAttribute("class")).contains("theme-dark").contains("size-120");
    driver.get(workUrl);
    shot("06-reader-dark");

    // Muting the author: the work leaves this reader's listings and searches.
    submit(css("form.mute-form button"));
    open("/search?q=sunnydale");
    assertThat(all(".blurb-title a").stream().map(WebElement::getText))
        .doesNotContain("The Long Night");
    open("/mutes");
    assertThat(css(".mutes").getText()).contains("Rupert G");
    shot("07-mutes");
    submit(css(".mutes form button"));
    open("/search?q=sunnydale");
    assertThat(all(".blurb-title a").stream().map(WebElement::getText)).contains("The Long Night");
    logOut();

    // Members-only: the author restricts the work; a visitor is asked to log in.
    open("/login");
    type("#name", "Rupert G");
    type("#password", "correct horse battery");
    submit(css("form.stacked button[type=submit]"));
    driver.get(workUrl);
    new org.openqa.selenium.support.ui.Select(css("#visibility")).selectByValue("restricted");
    submit(css(".visibility-form button"));
    assertThat(css(".badge").getText()).isEqualTo("Archive members only");
    // The author adds a second chapter from the edit page.
    open(workUrl.substring(base.length()) + "/edit");
    shot("08-edit");
    type("#new-title", "Morning");
    type("#new-text", "Morning came, and the library doors opened on time.");
    submit(css("form[action$='/chapters'] button"));
    assertThat(driver.getCurrentUrl()).endsWith("/chapters/2");
    assertThat(css(".userstuff").getText()).contains("library doors opened");
    // And, as the first account, keeps the archive: the tag wrangling screen.
    open("/admin/tags");
    assertThat(all(".tags-table tbody tr")).isNotEmpty();
    shot("09-admin-tags");
    logOut();
    open("/works");
    assertThat(all(".blurb-title a").stream().map(WebElement::getText))
        .doesNotContain("The Long Night");
    driver.get(workUrl);
    assertThat(driver.getCurrentUrl()).contains("/login?next=");
    assertThat(css("main .notice").getText()).contains("members of the archive only");
    shot("10-members-only-login");
    type("#name", "Dawn S");
    type("#password", "correct horse battery");
    submit(css("form.stacked button[type=submit]"));
    assertThat(driver.getCurrentUrl()).isEqualTo(workUrl);
    assertThat(css("h1.work-title").getText()).contains("The Long Night");
    // The subscriber's inbox heard about the chapter; the arrow key turns to it.
    assertThat(css("header.site .count").getText()).isEqualTo("1");
    css("body").sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT);
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.urlContains("/chapters/2"));
    assertThat(css(".userstuff").getText()).contains("library doors opened");
    open("/inbox");
    assertThat(css(".update a").getText()).contains("Chapter 2 of “The Long Night”");
    shot("11-inbox");

    // The listing on a phone-sized screen.
    open("/works");
    driver.manage().window().setSize(new Dimension(390, 844));
    open("/works");
    shot("12-works-phone");
    driver.manage().window().setSize(new Dimension(1280, 1000));
    // Reflow at 320 CSS pixels (a 1280 px screen at 400 %): no page scrolls sideways (WCAG 1.4.10).
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        java.util.Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", false));
    for (String page :
        List.of(
            "/works",
            "/search",
            "/search?q=library",
            "/search?include=fandom:Buffy+the+Vampire+Slayer",
            "/inbox",
            "/account")) {
      open(page);
      assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")))
          .as(page + " at 320 px")
          .extracting(Number::intValue)
          .satisfies(w -> assertThat(w).isLessThanOrEqualTo(320));
    }
    driver.get(workUrl);
    assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth")))
        .as("the work at 320 px")
        .extracting(Number::intValue)
        .satisfies(w -> assertThat(w).isLessThanOrEqualTo(320));
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    assertThat(quire.store().readers().engagement(workId).kudos()).isEqualTo(1);
    assertThat(VIOLATIONS).as("accessibility (axe-core)").isEmpty();
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void noHostileVectorRunsEvenWithTheContentSecurityPolicySwitchedOff() throws Exception {
    // With the CSP bypassed, anything that reached the page as markup would run: this checks the
    // escaping and sanitising themselves, not the safety net.
    List<String> vectors = XssVectorsTest.vectors();
    var accounts = quire.store().accounts();
    long uid =
        accounts
            .userByName("Vector Poster")
            .orElseGet(
                () ->
                    accounts.createUser(
                        "Vector Poster", null, "x", org.quire.store.AccountStore.Role.MEMBER))
            .id();
    StringBuilder story = new StringBuilder("Title: Hostile " + vectors.get(0) + "\n");
    story.append("Author: ").append(vectors.get(6)).append("\n");
    story
        .append("Additional Tags: ")
        .append(String.join(", ", vectors.subList(0, 8)))
        .append("\n\n");
    vectors.forEach(v -> story.append("Before ").append(v).append(" after.\n\n"));
    long id =
        quire
            .post(
                "hostile.txt",
                story.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                uid,
                org.quire.model.Visibility.PUBLIC)
            .id();
    long md =
        quire
            .post(
                "hostile.md",
                ("# Hostile Markdown\n\n" + String.join("\n\n", vectors))
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                uid,
                org.quire.model.Visibility.PUBLIC)
            .id();
    for (String v : vectors) {
      quire.store().readers().addComment(id, 1, null, uid, v);
      quire.store().readers().addComment(md, 1, null, uid, v);
    }
    driver.executeCdpCommand("Page.setBypassCSP", java.util.Map.of("enabled", true));
    int pages = 0;
    try {
      // The probe: with the CSP off, markup that did reach a page would run.
      open("/works");
      driver.executeScript(
          "document.body.insertAdjacentHTML('beforeend',"
              + " '<img src=x onerror=\"window.__probe=1\">');");
      Thread.sleep(300);
      assertThat(driver.executeScript("return window.__probe")).isEqualTo(1L);
      for (String path :
          List.of(
              "/works/" + id,
              "/works/" + md,
              "/search?q=" + HttpBrowser.enc(vectors.get(0)),
              "/search?q=hostile",
              "/works")) {
        open(path);
        // Give onload/onerror handlers a moment to fire, and hover/focus everything.
        driver.executeScript(
            "document.querySelectorAll('*').forEach(function (e) {"
                + " ['mouseover', 'focus', 'toggle'].forEach(function (t) {"
                + " e.dispatchEvent(new Event(t)); }); });");
        Thread.sleep(300);
        assertThat(driver.executeScript("return typeof window.__xss"))
            .as(path)
            .isEqualTo("undefined");
        try {
          String text = driver.switchTo().alert().getText();
          fail("A script ran on " + path + ": alert(" + text + ")");
        } catch (org.openqa.selenium.NoAlertPresentException expected) {
          // Nothing ran.
        }
        pages++;
      }
    } finally {
      driver.executeCdpCommand("Page.setBypassCSP", java.util.Map.of("enabled", false));
    }
    // Each page holds every vector (in the story, its tags, byline and comments).
    org.quire.testkit.HostileTally tally =
        new org.quire.testkit.HostileTally("browser: XSS vectors with the CSP off");
    tally.passed(pages * vectors.size());
    tally.finish();
  }
}

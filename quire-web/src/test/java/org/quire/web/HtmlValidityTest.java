package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.parser.ParseError;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quire.model.Visibility;

/**
 * Every page parses as HTML5 without a single parse error (jsoup's tree builder follows the WHATWG
 * parsing rules and reports each error: misnested or unclosed elements, a form inside a paragraph,
 * stray end tags, bad attributes), and has the landmarks and labels a screen reader needs. The
 * browser test runs axe-core on the rendered pages; this covers every template.
 */
class HtmlValidityTest extends ServerTestBase {
  static HttpBrowser admin;
  static HttpBrowser visitor;
  static HttpBrowser reader;
  static long work;

  @BeforeAll
  static void start() throws Exception {
    admin = new HttpBrowser(app.port());
    admin.submit(
        "/signup", "/signup", Map.of("name", "Keeper", "password", "correct horse battery"));
    long uid = quire.store().accounts().userByName("Keeper").orElseThrow().id();
    String text =
        "Title: Checked\nSummary: A work for checking pages.\nAdditional Tags: Testing\n\n"
            + "Chapter 1\n\nWillow opened the book in Sunnydale.\n\n* * *\n\nBuffy waited.\n\n"
            + "Chapter 2\n\nThe end came quietly.\n";
    work = quire.post("c.txt", text.getBytes(StandardCharsets.UTF_8), uid, Visibility.PUBLIC).id();
    String page = "/works/" + work;
    reader = new HttpBrowser(app.port());
    reader.submit(
        "/signup", "/signup", Map.of("name", "Reader", "password", "correct horse battery"));
    reader.submit(page, page + "/chapters/1/comments", Map.of("body", "Lovely *opening*."));
    reader.submit(page, page + "/bookmark", Map.of("note", "Again", "tags", "cosy"));
    reader.submit(page, page + "/report", Map.of("reason", "Just checking."));
    reader.submit(page, "/subscriptions", Map.of("kind", "work", "value", Long.toString(work)));
    admin.submit(page + "/edit", page + "/chapters", Map.of("text", "A third chapter."));
    admin.submit(page + "/edit", page + "/series", Map.of("title", "Checks"));
    visitor = new HttpBrowser(app.port());
  }

  private static List<String> problems(HttpBrowser b, String path) throws Exception {
    var res = b.get(path);
    List<String> out = new ArrayList<>();
    if (res.statusCode() != 200) {
      out.add(path + ": status " + res.statusCode());
      return out;
    }
    Parser parser = Parser.htmlParser().setTrackErrors(50);
    Document d = parser.parseInput(res.body(), "http://127.0.0.1/");
    for (ParseError e : parser.getErrors()) {
      out.add(path + ": " + e);
    }
    if (!res.body().startsWith("<!DOCTYPE html>")) {
      out.add(path + ": no HTML5 doctype");
    }
    if (d.select("main#main").size() != 1 || d.select("header").isEmpty()) {
      out.add(path + ": missing main or header landmark");
    }
    if (d.select("html[lang]").isEmpty() || d.title().isBlank()) {
      out.add(path + ": missing lang or title");
    }
    if (d.select("h1").size() != 1) {
      out.add(path + ": " + d.select("h1").size() + " h1 headings");
    }
    // Every form field has a name a screen reader can read: a label, a wrapping label, or
    // aria-label.
    for (var field : d.select("input:not([type=hidden]), select, textarea")) {
      boolean labelled =
          field.hasAttr("aria-label")
              || (field.hasAttr("id") && !d.select("label[for=" + field.id() + "]").isEmpty())
              || !field.parents().select("label").isEmpty();
      if (!labelled) {
        out.add(path + ": unlabelled " + field.tagName() + " " + field.attr("name"));
      }
    }
    // aria-label only where a role takes a name (not on a plain span, p or div), and never
    // hiding a visible label's words from voice users (WCAG 2.5.3).
    for (var e : d.select("span[aria-label], p[aria-label], div[aria-label]:not([role])")) {
      out.add(path + ": aria-label on a plain " + e.tagName() + ": " + e.attr("aria-label"));
    }
    for (var field : d.select("label input[aria-label], label select[aria-label]")) {
      String visible = field.parents().select("label").first().ownText().strip();
      if (!visible.isEmpty()
          && !field
              .attr("aria-label")
              .toLowerCase(java.util.Locale.ROOT)
              .contains(visible.toLowerCase(java.util.Locale.ROOT))) {
        out.add(
            path + ": label \"" + visible + "\" hidden by aria-label " + field.attr("aria-label"));
      }
    }
    var ids = new java.util.HashSet<String>();
    for (var e : d.select("[id]")) {
      if (!ids.add(e.id())) {
        out.add(path + ": duplicate id " + e.id());
      }
    }
    return out;
  }

  @Test
  void everyPageIsWellFormedHtml5WithLandmarksAndLabels() throws Exception {
    String w = "/works/" + work;
    List<String> out = new ArrayList<>();
    for (String p :
        List.of(
            "/",
            "/works",
            "/search",
            "/search?q=willow&include=" + HttpBrowser.enc("additional:Testing"),
            w,
            w + "/chapters/2",
            w + "?view=full",
            "/series/1",
            "/authors/Keeper",
            "/login",
            "/signup",
            "/fandoms",
            "/prefs")) {
      out.addAll(problems(visitor, p));
    }
    for (String p :
        List.of(
            "/",
            w,
            w + "/chapters/1",
            w + "/edit",
            w + "/tags",
            "/works/new",
            "/account",
            "/account/works",
            "/account/stats",
            "/bookmarks",
            "/history",
            "/inbox",
            "/mutes",
            "/prefs",
            "/admin",
            "/admin/users",
            "/admin/reports",
            "/admin/tags",
            "/series/1/edit")) {
      out.addAll(problems(admin, p));
    }
    out.addAll(problems(reader, "/comments/1/edit"));
    out.addAll(problems(reader, w + "/chapters/1"));
    assertThat(out).isEmpty();
    // Each chapter's page, and the entire work, have titles of their own (WCAG 2.4.2).
    var titles = new java.util.LinkedHashSet<String>();
    for (String p : List.of(w + "/chapters/1", w + "/chapters/2", w + "?view=full")) {
      titles.add(org.jsoup.Jsoup.parse(visitor.get(p).body()).title());
    }
    assertThat(titles).hasSize(3).anyMatch(t -> t.startsWith("Chapter 2"));
    // The work's own words carry its language.
    assertThat(
            org.jsoup.Jsoup.parse(visitor.get(w + "/chapters/1").body())
                .select(".userstuff[lang=en]"))
        .isNotEmpty();
  }

  @Test
  void theCheckerCatchesMisnestedMarkup() {
    Parser parser = Parser.htmlParser().setTrackErrors(10);
    parser.parseInput("<!DOCTYPE html><html><body><p>a<form></p></form><b><i>x</b></i>", "");
    assertThat(parser.getErrors()).isNotEmpty();
  }
}

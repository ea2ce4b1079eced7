package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.quire.model.Visibility;

/**
 * The OWASP filter-evasion vectors in every place a stranger's text reaches a page: titles,
 * summaries, author names, tags, plain and Markdown story text, comments, bookmark notes and tags,
 * search queries and filters, mutes. Each page must come back with no script, no event handler, no
 * script URL and no active element that the vector brought. (The browser test renders the same
 * vectors in Chromium with the CSP switched off and checks that none ran.)
 */
class XssVectorsTest extends ServerTestBase {

  static List<String> vectors() throws Exception {
    List<String> out = new ArrayList<>();
    try (var r =
        new BufferedReader(
            new InputStreamReader(
                XssVectorsTest.class.getResourceAsStream("/xss-vectors.txt"),
                StandardCharsets.UTF_8))) {
      r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(out::add);
    }
    return out;
  }

  private static final List<String> URL_ATTRIBUTES =
      List.of("href", "src", "action", "formaction", "background", "data", "srcdoc", "poster");

  static boolean isOwnScript(Element s) {
    String src = s.attr("src");
    return src.startsWith("/assets/")
        && StaticAssets.FILES.containsKey(src.substring("/assets/".length()))
        && src.endsWith(".js")
        && s.attributesSize() == 2
        && s.hasAttr("defer")
        && s.data().isEmpty();
  }

  /** What a page must not contain, as a list of problems (empty when clean). */
  static List<String> activeContent(String where, String html) {
    Document d = Jsoup.parse(html);
    List<String> out = new ArrayList<>();
    for (Element s : d.select("script")) {
      // Quire's own scripts, by their exact tag: no inline code, no attributes but src and defer.
      if (!isOwnScript(s)) {
        out.add(where + ": script " + s.outerHtml());
      }
    }
    for (Element e :
        d.select(
            "iframe, frame, frameset, object, embed, base, meta[http-equiv], style, svg, math")) {
      out.add(where + ": element " + e.tagName());
    }
    for (Element e : d.select("link")) {
      if (!List.of("stylesheet", "alternate", "search").contains(e.attr("rel"))
          || e.attr("href").toLowerCase(Locale.ROOT).contains("script")) {
        out.add(where + ": link " + e.outerHtml());
      }
    }
    for (Element e : d.getAllElements()) {
      for (Attribute a : e.attributes()) {
        String name = a.getKey().toLowerCase(Locale.ROOT);
        if (name.startsWith("on") || name.equals("style")) {
          out.add(where + ": attribute " + name + " on " + e.tagName());
        }
        if (URL_ATTRIBUTES.contains(name)) {
          String v = a.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
          if (v.startsWith("javascript:") || v.startsWith("vbscript:") || v.startsWith("data:")) {
            out.add(where + ": " + name + "=" + a.getValue());
          }
        }
      }
    }
    return out;
  }

  @Test
  void noVectorRunsAnywhere() throws Exception {
    HttpBrowser author = signedUp("Vector Author");
    HttpBrowser reader = signedUp("Vector Reader");
    List<String> problems = new ArrayList<>();
    int cases = 0;
    int n = 0;
    for (String v : vectors()) {
      n++;
      String header =
          "Title: Vector "
              + n
              + " "
              + v
              + "\nAuthor: "
              + v
              + "\nSummary: "
              + v
              + "\nAdditional Tags: "
              + v
              + "\n\n";
      long plain =
          post("Vector Author", header + "Before " + v + " after.\n\n" + v, Visibility.PUBLIC);
      long md =
          quire
              .post(
                  "v" + n + ".md",
                  ("# Markdown " + n + "\n\nBefore " + v + " after.\n\n" + v + "\n")
                      .getBytes(StandardCharsets.UTF_8),
                  uid("Vector Author"),
                  Visibility.PUBLIC)
              .id();
      String page = "/works/" + plain;
      reader.submit(page, page + "/chapters/1/comments", Map.of("body", v));
      reader.submit(page, page + "/bookmark", Map.of("note", v, "tags", v));
      reader.submit("/mutes", "/mutes", Map.of("kind", "tag", "type", "additional", "value", v));
      String[] pages = {
        page,
        "/works/" + md,
        "/search?q=" + HttpBrowser.enc(v),
        "/search?include=" + HttpBrowser.enc("additional:" + v),
        "/bookmarks",
        "/mutes"
      };
      for (String p : pages) {
        var res = reader.get(p);
        cases++;
        if (res.statusCode() != 200) {
          problems.add(p + ": status " + res.statusCode());
        }
        problems.addAll(activeContent("vector " + n + " " + p, res.body()));
      }
      reader.submit("/mutes", "/mutes/remove", Map.of("kind", "tag", "value", "additional:" + v));
    }
    for (String p : new String[] {"/works", "/works?page=2", "/works?page=3", "/account/works"}) {
      cases++;
      problems.addAll(activeContent(p, author.get(p).body()));
    }
    System.out.printf(
        "XSS: %d vectors, %d page checks, %d problems%n", vectors().size(), cases, problems.size());
    assertThat(problems).isEmpty();
    // Feeds are XML: a vector arrives as escaped text, never as markup.
    String atom = author.get("/feeds/works.atom").body();
    assertThat(atom).doesNotContain("<script").doesNotContain("<img").doesNotContain("<svg");
    assertThat(cases).isGreaterThan(300);
    org.quire.testkit.HostileTally tally =
        new org.quire.testkit.HostileTally("web: XSS vectors on every page");
    tally.passed(cases + 1);
    tally.finish();
  }
}

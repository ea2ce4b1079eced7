package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.app.ImportReport;
import org.quire.app.Quire;

/** The web app over real HTTP on a free port, against a real embedded archive. */
class WebTest {
  @TempDir static Path tmp;
  static Quire quire;
  static Javalin app;
  static HttpClient http = HttpClient.newHttpClient();
  static long hostileId;
  static long chaptersId;
  static long markdownId;

  @BeforeAll
  static void start() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(
        in.resolve("hostile.txt"),
        "Title: <script>alert('x')</script> & Friends\nAuthor: <b>Mallory</b>\nFandom: Buffy the Vampire Slayer\nSummary: <img src=x onerror=alert(1)>\n\n"
            + "She typed <script>alert(2)</script> into the box.\n\n* * *\n\nThen she left.\n");
    Files.writeString(
        in.resolve("chapters.txt"),
        "Three Parts\n\n(A/N: Thanks, beta!)\n\nChapter 1: Start\n\nFirst part.\nSecond line of it.\n\nChapter 2\n\nMiddle part.\n\nChapter 3\n\nLast part.\n\nEnd Notes: Bye.\n");
    Files.writeString(
        in.resolve("md.md"),
        "# Marked\n\nSome *emphasis* and <script>alert(3)</script> and [link](javascript:alert(4)).\n\n~~~\n\nAfter the break.\n");
    quire = Quire.open(ServerTestBase.testConfig(tmp.resolve("data")));
    ImportReport r = quire.importFiles(List.of(in), f -> {});
    assertThat(r.failed()).isEmpty();
    for (ImportReport.Imported i : r.imported()) {
      switch (i.file().getFileName().toString()) {
        case "hostile.txt" -> hostileId = i.workId();
        case "chapters.txt" -> chaptersId = i.workId();
        default -> markdownId = i.workId();
      }
    }
    app = QuireWeb.create(quire).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    app.stop();
    quire.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void listingShowsWorksWithEscapedTitles() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    String body = r.body();
    assertThat(body).startsWith("<!DOCTYPE html>");
    assertThat(body).contains("Three Parts").contains("Marked");
    assertThat(body).contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; Friends");
    assertThat(ownScriptRemoved(body))
        .doesNotContain("<script")
        .doesNotContain("<img")
        .doesNotContain("<b>Mallory");
    assertThat(body).contains("<main id=\"main\">").contains("role=\"search\"");
    // Each blurb is dated by its last change, as AO3's are; the reader page gives both dates.
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    var dates = org.jsoup.Jsoup.parse(body).select("li.blurb .blurb-date time");
    assertThat(dates).hasSize(3);
    assertThat(dates.eachAttr("datetime")).containsOnly(today);
    assertThat(
            org.jsoup.Jsoup.parse(get("/works/" + chaptersId).body()).select(".stats-line").text())
        .contains("Published: " + Texts.date(java.time.Instant.now()))
        .contains("Updated: ");
    var api =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(get("/api/v1/works").body());
    assertThat(api.findValuesAsText("updated")).hasSize(3).allMatch(u -> u.startsWith(today));
  }

  @Test
  void readerShowsNotesApartAndSceneBreaksAsBreaks() throws Exception {
    String body = get("/works/" + hostileId).body();
    assertThat(body).contains("She typed &lt;script&gt;alert(2)&lt;/script&gt; into the box.");
    assertThat(body).contains("<hr class=\"scene-break\"");
    assertThat(ownScriptRemoved(body)).doesNotContain("<script");
    String ch = get("/works/" + chaptersId).body();
    assertThat(ch).contains("<h2 id=\"notes-heading\">Notes</h2>").contains("Thanks, beta!");
    assertThat(ch).contains("Chapter 1: Start").contains("First part.<br>Second line of it.");
    // Where the reader is, with a way on, above the chapter as well as below it.
    var top =
        org.jsoup.Jsoup.parse(get("/works/" + chaptersId + "/chapters/2").body())
            .selectFirst("nav.prev-next-top");
    assertThat(top.text()).contains("Chapter 2 of 3", "Previous", "Next");
    assertThat(ch).doesNotContain("Middle part.");
    assertThat(ch).contains("/works/" + chaptersId + "/chapters/2").contains("Next chapter");
    assertThat(ch).doesNotContain("Bye.");
  }

  @Test
  void chapterPagesAndEntireWork() throws Exception {
    String last = get("/works/" + chaptersId + "/chapters/3").body();
    assertThat(last)
        .contains("Last part.")
        .contains("Previous chapter")
        .contains("Bye.")
        .doesNotContain("First part.");
    String full = get("/works/" + chaptersId + "?view=full").body();
    assertThat(full)
        .contains("First part.")
        .contains("Middle part.")
        .contains("Last part.")
        .contains("Bye.");
    assertThat(get("/works/" + chaptersId + "/chapters/4").statusCode()).isEqualTo(404);
    assertThat(get("/works/" + chaptersId + "/chapters/x").statusCode()).isEqualTo(404);
  }

  @Test
  void markdownIsRenderedAndSanitised() throws Exception {
    String body = get("/works/" + markdownId).body();
    assertThat(body).contains("<em>emphasis</em>");
    assertThat(body).contains("&lt;script&gt;");
    assertThat(body).doesNotContain("javascript:");
    assertThat(ownScriptRemoved(body)).doesNotContain("<script");
    assertThat(body).contains("After the break.");
  }

  @Test
  void missingWorkIsAFriendly404() throws Exception {
    HttpResponse<String> r = get("/works/999999");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("There is no work 999999.").doesNotContain("Exception");
    assertThat(get("/works/abc").statusCode()).isEqualTo(404);
    assertThat(get("/no/such/page").statusCode()).isEqualTo(404);
  }

  @Test
  void requestsRefusedBeforeTheAppGetQuiresOwnPageOrJson() throws Exception {
    String tooLong = "q=" + "a".repeat(9000);
    HttpResponse<String> page = get("/search?" + tooLong);
    assertThat(page.statusCode()).isEqualTo(414);
    assertThat(page.headers().firstValue("Content-Type").orElse("")).contains("charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.body()).contains("That did not work", "too long").doesNotContain("Jetty");
    HttpResponse<String> nul = get("/authors/%00");
    assertThat(nul.statusCode()).isEqualTo(400);
    assertThat(nul.body()).contains("That did not work").doesNotContain("Jetty");
    // Jetty keeps no address or headers of a refused request: API clients get the same status.
    assertThat(get("/api/v1/search?" + tooLong).statusCode()).isEqualTo(414);
    assertThat(get("/api/v1/works/%00").statusCode()).isEqualTo(400);
  }

  @Test
  void headAnswersAsGetWouldWithoutABodyAndIsNotAHit() throws Exception {
    for (String path :
        List.of("/works/999999", "/no/such/page", "/api/v1/works/999999", "/works/abc")) {
      assertThat(head(path).statusCode()).as(path).isEqualTo(get(path).statusCode()).isEqualTo(404);
    }
    Path fresh = tmp.resolve("head-only.txt");
    java.nio.file.Files.writeString(fresh, "Head Only\n\nA story nobody has opened yet.\n");
    long id = quire.importFiles(List.of(fresh), f -> {}).imported().getFirst().workId();
    try {
      assertThat(head("/works/" + id).statusCode()).isEqualTo(200);
      assertThat(quire.store().readers().engagement(id).hits()).isZero();
      // The same reader's GET is counted: the HEAD before it was not taken for a visit.
      assertThat(get("/works/" + id).statusCode()).isEqualTo(200);
      assertThat(quire.store().readers().engagement(id).hits()).isEqualTo(1);
    } finally {
      // The other tests count the archive's works.
      quire.deleteWork(id);
    }
    for (String path :
        List.of(
            "/works/" + chaptersId, "/works", "/api/v1/works/" + chaptersId, "/feeds/works.atom")) {
      HttpResponse<String> r = head(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).isEmpty();
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as(path)
          .isEqualTo(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                          .build(),
                      HttpResponse.BodyHandlers.discarding())
                  .headers()
                  .firstValue("Content-Type")
                  .orElse("?"));
    }
  }

  private static HttpResponse<String> head(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void searchFindsFullTextAndSurvivesHostileQueries() throws Exception {
    String body = get("/search?q=" + Texts.url("middle")).body();
    assertThat(body).contains("Three Parts").contains("1 work found");
    for (String q :
        List.of("\"unclosed", "<script>alert(1)</script>", "((((", "*", "' OR 1=1 --")) {
      HttpResponse<String> r = get("/search?q=" + Texts.url(q));
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).doesNotContain("<script>alert");
    }
  }

  @Test
  void searchShowsSnippetsLinkedToTheirChapterAndFacetsThatFilter() throws Exception {
    org.jsoup.nodes.Document doc =
        org.jsoup.Jsoup.parse(get("/search?q=" + Texts.url("middle")).body());
    var snippet = doc.selectFirst(".snippet");
    assertThat(snippet).isNotNull();
    assertThat(snippet.select("mark").text()).isEqualToIgnoringCase("middle");
    assertThat(snippet.selectFirst("a").attr("href"))
        .matches(
            "/works/"
                + chaptersId
                + "/chapters/2#:~:text=Middle(,-part\\.)?"); // the words after, where the snippet
    // has them
    // The words around the match go into the link, so it lands on this passage.
    assertThat(SearchView.plainWords("She said to Buffy: \"put her hands in her", true))
        .isEqualTo("hands in her");
    assertThat(SearchView.plainWords(" jacket *pockets* now", false)).isEqualTo("jacket");
    assertThat(SearchView.plainWords("Over.\nThen", true)).isEqualTo("Then");
    // With no words the page browses the whole archive with its facets.
    org.jsoup.nodes.Document all = org.jsoup.Jsoup.parse(get("/search").body());
    assertThat(all.select(".count").text()).contains("3 works");
    var languages = all.select("aside.facets section.facet");
    assertThat(languages).isNotEmpty();
    var item = all.selectFirst("aside.facets li:has(a.facet-out)");
    String include = item.selectFirst("a.facet-in").attr("href");
    String exclude = item.selectFirst("a.facet-out").attr("href");
    org.jsoup.nodes.Document in = org.jsoup.Jsoup.parse(get(include).body());
    org.jsoup.nodes.Document out = org.jsoup.Jsoup.parse(get(exclude).body());
    int inCount = in.select("ol.blurbs > li").size();
    int outCount = out.select("ol.blurbs > li").size();
    assertThat(inCount).isPositive();
    assertThat(inCount + outCount).isEqualTo(3);
    assertThat(in.select(".chips .chip")).hasSize(1);
  }

  @Test
  void searchApiReturnsTheSameResultsAsJson() throws Exception {
    HttpResponse<String> r = get("/api/v1/search?q=middle&sort=words&include=nonsense");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/json");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
    assertThat(json.get("total").asLong()).isEqualTo(1);
    var first = json.get("results").get(0);
    assertThat(first.get("title").asText()).isEqualTo("Three Parts");
    assertThat(first.get("snippet").get("chapter").asInt()).isEqualTo(2);
    assertThat(first.get("snippet").get("parts").toString()).contains("\"match\":true");
    assertThat(json.get("facets").has("language")).isTrue();
    assertThat(json.get("ignored").get(0).asText()).isEqualTo("nonsense");
    var odd =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(get("/api/v1/search?q=middle&sort=bogus&page=0").body());
    assertThat(odd.get("ignored").toString()).contains("sort=bogus", "page=0");
    assertThat(odd.get("total").asLong()).isEqualTo(1);
    // Page size, 1 to 100, in searches and the works list alike.
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var small = mapper.readTree(get("/api/v1/search?sort=title&page_size=2&page=2").body());
    assertThat(small.get("pageSize").asInt()).isEqualTo(2);
    assertThat(small.get("results")).hasSize(1);
    assertThat(small.get("total").asLong()).isEqualTo(3);
    var works = mapper.readTree(get("/api/v1/works?page_size=1").body());
    assertThat(works.get("results")).hasSize(1);
    assertThat(works.get("pageSize").asInt()).isEqualTo(1);
    assertThat(mapper.readTree(get("/api/v1/works?page_size=5000").body()).get("pageSize").asInt())
        .isEqualTo(100);
  }

  @Test
  void hostileSearchParametersGetAPageNotAnError() throws Exception {
    List<String> hostile =
        List.of(
            "include=character:" + Texts.url("<script>alert(1)</script>"),
            "exclude=" + Texts.url("::::"),
            "include=nosuchtype:x",
            "words_min=abc&words_max=-5",
            "updated_from=2020-13-45",
            "sort=" + Texts.url("'; DROP TABLE works; --"),
            "page=" + Long.MAX_VALUE,
            "q=" + Texts.url("a".repeat(5000)),
            "lang=" + Texts.url("\u0000"),
            "q=" + Texts.url("tea\u0000x\u001b[31m"),
            "include=" + Texts.url("fandom:a\u0000b"));
    for (String qs : hostile) {
      HttpResponse<String> r = get("/search?" + qs);
      assertThat(r.statusCode()).as(qs).isEqualTo(200);
      assertThat(r.body()).as(qs).doesNotContain("<script>alert").doesNotContain("Exception");
      // Control characters are dropped, never echoed into the page.
      assertThat(r.body().chars().filter(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t'))
          .as(qs)
          .isEmpty();
      assertThat(get("/api/v1/search?" + qs).statusCode()).as(qs).isEqualTo(200);
    }
    assertThat(get("/search?include=nosuchtype:x").body()).contains("could not be read");
    org.quire.testkit.HostileTally tally =
        new org.quire.testkit.HostileTally("web: hostile search parameters, page and API");
    tally.passed(hostile.size() * 2);
    tally.finish();
  }

  @Test
  void worksDownloadAsEpubHtmlMarkdownAndText() throws Exception {
    var epub =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + app.port()
                            + "/works/"
                            + chaptersId
                            + "/download/epub"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(epub.statusCode()).isEqualTo(200);
    assertThat(epub.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/epub+zip");
    assertThat(epub.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"three-parts.epub\"");
    var back = new org.quire.ingest.Ingester().read("three-parts.epub", epub.body());
    assertThat(back.title()).isEqualTo("Three Parts");
    assertThat(back.chapters()).hasSize(3);
    HttpResponse<String> html = get("/works/" + hostileId + "/download/html");
    assertThat(html.body()).doesNotContain("<script>alert").contains("&lt;script&gt;");
    assertThat(html.headers().firstValue("Content-Disposition").orElse(""))
        .isEqualTo("attachment; filename=\"script-alert-x-script-friends.html\"");
    assertThat(get("/works/" + chaptersId + "/download/md").body())
        .startsWith("Title: Three Parts");
    assertThat(get("/works/" + chaptersId + "/download/txt").body()).contains("Chapter 2");
    assertThat(get("/works/" + chaptersId + "/download/pdf").statusCode()).isEqualTo(404);
    assertThat(get("/works/999999/download/epub").statusCode()).isEqualTo(404);
  }

  /** Parses Atom strictly (namespaces on, no DOCTYPE allowed) and checks what RFC 4287 requires. */
  static org.w3c.dom.Document atom(String xml) throws Exception {
    var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var doc =
        f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(xml)));
    String atomNs = "http://www.w3.org/2005/Atom";
    var root = doc.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(atomNs);
    assertThat(root.getLocalName()).isEqualTo("feed");
    for (String required : List.of("id", "title", "updated", "author")) {
      assertThat(childText(root, required)).as("feed " + required).isNotNull();
    }
    var entries = root.getElementsByTagNameNS(atomNs, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      var e = (org.w3c.dom.Element) entries.item(i);
      for (String required : List.of("id", "title", "updated")) {
        assertThat(childText(e, required)).as("entry " + required).isNotBlank();
      }
      java.time.Instant.parse(childText(e, "updated"));
    }
    java.time.Instant.parse(childText(root, "updated"));
    return doc;
  }

  static String childText(org.w3c.dom.Element parent, String name) {
    var kids = parent.getChildNodes();
    for (int i = 0; i < kids.getLength(); i++) {
      if (kids.item(i) instanceof org.w3c.dom.Element k
          && "http://www.w3.org/2005/Atom".equals(k.getNamespaceURI())
          && k.getLocalName().equals(name)) {
        return k.getTextContent();
      }
    }
    return null;
  }

  static List<String> links(org.w3c.dom.Document doc, String rel) {
    List<String> out = new java.util.ArrayList<>();
    var links = doc.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link");
    for (int i = 0; i < links.getLength(); i++) {
      var l = (org.w3c.dom.Element) links.item(i);
      if (l.getAttribute("rel").equals(rel)) {
        out.add(l.getAttribute("href"));
      }
    }
    return out;
  }

  @Test
  void opdsCatalogueIsValidAtomAndEveryLinkWorks() throws Exception {
    HttpResponse<String> root = get("/opds");
    assertThat(root.headers().firstValue("Content-Type").orElse("")).contains("kind=navigation");
    var nav = atom(root.body());
    List<String> sections = links(nav, "subsection");
    assertThat(sections).hasSizeGreaterThanOrEqualTo(4);
    for (String href : sections) {
      HttpResponse<String> r = get(href);
      if (href.equals("/opds/member/")) {
        // The members' catalogue asks an e-reader app for a member's name and token.
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
        continue;
      }
      assertThat(r.statusCode()).as(href).isEqualTo(200);
      atom(r.body());
    }
    var works = atom(get("/opds/works?sort=posted").body());
    List<String> epubs = links(works, "http://opds-spec.org/acquisition");
    assertThat(epubs).isNotEmpty();
    // Each entry's content opens with the blurb's stats line, as e-reader apps show it.
    var contents = works.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "content");
    assertThat(contents.getLength()).isEqualTo(epubs.size() / 2);
    assertThat(contents.item(0).getTextContent()).containsPattern("Words: [0-9,]+ · Chapters: ");
    for (String href : epubs) {
      assertThat(get(href).statusCode()).as(href).isEqualTo(200);
    }
    assertThat(links(works, "http://opds-spec.org/facet"))
        .contains("/opds/works?sort=kudos", "/opds/works?sort=posted")
        .anyMatch(h -> h.contains("complete=true"))
        .anyMatch(h -> h.contains("include=category"));
    // Every facet leads to a feed; the chosen ones say so.
    for (String href : links(works, "http://opds-spec.org/facet")) {
      assertThat(get(href).statusCode()).as(href).isEqualTo(200);
    }
    assertThat(get("/opds/works?sort=posted").body())
        .containsPattern(
            "title=\"Date posted\" opds:facetGroup=\"Sort by\" opds:activeFacet=\"true\"")
        .containsPattern("title=\"Any\" opds:facetGroup=\"Status\" opds:activeFacet=\"true\"");
    // Covers for the app's shelf, as the EPUB has them; asked again, unchanged: 304.
    List<String> covers = links(works, "http://opds-spec.org/image");
    assertThat(covers).hasSize(epubs.size() / 2); // an EPUB and an HTML link per work
    for (String href : covers) {
      HttpResponse<String> c = get(href);
      assertThat(c.statusCode()).as(href).isEqualTo(200);
      assertThat(c.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
      assertThat(c.headers().firstValue("Cache-Control").orElse("")).startsWith("public");
      String etag = c.headers().firstValue("ETag").orElseThrow();
      HttpResponse<String> again =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + app.port() + href))
                  .header("If-None-Match", etag)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).isEqualTo(304);
    }
    // The hostile title is escaped, not markup.
    assertThat(get("/opds/works?q=box").body()).doesNotContain("<script>");
    String openSearch = get("/opds/opensearch.xml").body();
    // Absolute templates, as the specification asks: the HTML page for browsers, the feed for
    // OPDS readers.
    String base = "http://127.0.0.1:" + app.port();
    assertThat(openSearch)
        .contains("type=\"text/html\" template=\"" + base + "/search?q={searchTerms}\"")
        .contains("template=\"" + base + "/opds/works?q={searchTerms}\"");
    // Entry ids are IRIs (no spaces), and languages BCP 47 tags.
    String fandoms = get("/opds/fandoms").body();
    var ids = atom(fandoms).getElementsByTagNameNS("http://www.w3.org/2005/Atom", "id");
    assertThat(ids.getLength()).isGreaterThan(1);
    assertThat(fandoms).contains("urn:quire:fandom:Buffy%20the%20Vampire%20Slayer");
    for (int i = 0; i < ids.getLength(); i++) {
      assertThat(ids.item(i).getTextContent()).doesNotContain(" ");
    }
    assertThat(get("/opds/works").body())
        .contains("<dc:language>en</dc:language>")
        .doesNotContain("<dc:language>English");
    // A language code in the search form means its language's name.
    assertThat(get("/search?lang=en&q=middle").body()).contains("1 work found");
    var found = atom(get("/opds/works?q=middle").body());
    assertThat(found.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength())
        .isEqualTo(1);
  }

  @Test
  void atomFeedOfNewWorksFollowsFilters() throws Exception {
    HttpResponse<String> r = get("/feeds/works.atom");
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/atom+xml");
    var all = atom(r.body());
    assertThat(all.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength())
        .isEqualTo(3);
    var none = atom(get("/feeds/works.atom?include=" + Texts.url("fandom:No Such Fandom")).body());
    assertThat(none.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength())
        .isZero();
  }

  @Test
  void apiResponsesMatchTheOpenApiDescription() throws Exception {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    var spec = mapper.readTree(get("/api/openapi.json").body());
    assertThat(spec.get("openapi").asText()).startsWith("3.");
    OpenApiCheck check = new OpenApiCheck(spec);
    Map<String, String> calls =
        Map.of(
            "/api/v1/works",
            "WorkPage",
            "/api/v1/works/" + chaptersId,
            "Work",
            "/api/v1/works/" + chaptersId + "/chapters/2",
            "Chapter",
            "/api/v1/works/" + markdownId + "/chapters/1",
            "Chapter",
            "/api/v1/tags/character",
            "TagList",
            "/api/v1/search?q=part&sort=title",
            "SearchPage",
            "/api/v1/search?include=nosuchtype:x&page=9999",
            "SearchPage",
            "/api/v1/works/999999",
            "Error",
            "/api/v1/works/" + chaptersId + "/chapters/9",
            "Error");
    for (var call : calls.entrySet()) {
      HttpResponse<String> r = get(call.getKey());
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as(call.getKey())
          .startsWith("application/json");
      assertThat(check.check(mapper.readTree(r.body()), call.getValue()))
          .as(call.getKey())
          .isEmpty();
      // Every path the test calls is described.
      String path =
          call.getKey()
              .replaceAll("\\?.*", "")
              .replaceAll("/works/\\d+", "/works/{id}")
              .replaceAll("/chapters/\\d+", "/chapters/{n}")
              .replaceAll("/tags/\\w+", "/tags/{type}");
      assertThat(spec.get("paths").has(path)).as(path).isTrue();
    }
    assertThat(get("/api/v1/works/999999").statusCode()).isEqualTo(404);
    var work = mapper.readTree(get("/api/v1/works/" + chaptersId).body());
    assertThat(work.get("chapters")).hasSize(3);
    assertThat(work.get("title").asText()).isEqualTo("Three Parts");
  }

  @Test
  void apiAnswersNotModifiedForAMatchingEtag() throws Exception {
    HttpResponse<String> first = get("/api/v1/works/" + chaptersId);
    String etag = first.headers().firstValue("ETag").orElseThrow();
    // The tag alone, weak, in a list, or "*" (RFC 9110).
    for (String match : List.of(etag, "W/" + etag, "\"x\", " + etag, "*")) {
      HttpResponse<String> again =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + app.port() + "/api/v1/works/" + chaptersId))
                  .header("If-None-Match", match)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(again.statusCode()).as(match).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
    HttpResponse<String> other =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/api/v1/works/" + chaptersId))
                .header("If-None-Match", "\"stale\"")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void securityHeadersAndStylesheet() throws Exception {
    HttpResponse<String> r = get("/");
    assertThat(r.headers().firstValue("content-security-policy").orElse(""))
        .contains("script-src 'self'");
    assertThat(r.headers().firstValue("x-content-type-options")).contains("nosniff");
    assertThat(r.headers().firstValue("referrer-policy")).contains("same-origin");
    assertThat(r.headers().firstValue("content-security-policy").orElse(""))
        .contains("frame-ancestors 'none'");
    // HSTS only when the request came over TLS (through a trusted proxy that says so, see
    // ProxyWebTest): a client's own X-Forwarded-Proto is not believed.
    assertThat(r.headers().firstValue("strict-transport-security")).isEmpty();
    HttpResponse<String> tls =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/"))
                .header("X-Forwarded-Proto", "https")
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(tls.headers().firstValue("strict-transport-security")).isEmpty();
    HttpResponse<String> css = get("/assets/quire.css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(".userstuff");
  }

  @Test
  void assetsComeFromMemoryCompressedCachedAndRevalidated() throws Exception {
    byte[] css = Files.readAllBytes(Path.of("src/main/resources/public/assets/quire.css"));
    HttpResponse<byte[]> plain = getBytes("/assets/quire.css", Map.of());
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.body()).isEqualTo(css);
    assertThat(plain.headers().firstValue("content-type")).hasValue("text/css;charset=utf-8");
    assertThat(plain.headers().firstValue("cache-control")).hasValue("public, max-age=3600");
    assertThat(plain.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(plain.headers().firstValue("content-security-policy")).isPresent();
    String etag = plain.headers().firstValue("etag").orElseThrow();
    assertThat(etag).startsWith("\"").endsWith("\"");

    HttpResponse<byte[]> gz = getBytes("/assets/quire.css", Map.of("Accept-Encoding", "gzip"));
    assertThat(gz.headers().firstValue("content-encoding")).hasValue("gzip");
    assertThat(gz.body().length).isLessThan(css.length);
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
      assertThat(in.readAllBytes()).isEqualTo(css);
    }

    for (String tag : List.of(etag, "W/" + etag, "\"other\", " + etag)) {
      HttpResponse<byte[]> again = getBytes("/assets/quire.css", Map.of("If-None-Match", tag));
      assertThat(again.statusCode()).as(tag).isEqualTo(304);
      assertThat(again.body()).isEmpty();
    }
    assertThat(getBytes("/assets/quire.css", Map.of("If-None-Match", "\"other\"")).statusCode())
        .isEqualTo(200);
    HttpResponse<byte[]> js = getBytes("/assets/reader.js", Map.of());
    assertThat(js.statusCode()).isEqualTo(200);
    assertThat(js.body())
        .isEqualTo(Files.readAllBytes(Path.of("src/main/resources/public/assets/reader.js")));
    assertThat(getBytes("/assets/nothing.css", Map.of()).statusCode()).isEqualTo(404);
    assertThat(getBytes("/assets/../assets/quire.css", Map.of()).statusCode()).isNotEqualTo(500);
  }

  @Test
  void everyAssetFileIsServedFromMemory() throws Exception {
    try (var files = Files.list(Path.of("src/main/resources/public/assets"))) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .containsExactlyInAnyOrderElementsOf(StaticAssets.FILES.keySet());
    }
  }

  static HttpResponse<byte[]> getBytes(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void pagesParseWithoutHtmlErrorsAndHaveLandmarksAndLabels() throws Exception {
    for (String path :
        List.of(
            "/",
            "/works/" + hostileId,
            "/works/" + chaptersId,
            "/works/" + chaptersId + "/chapters/2",
            "/works/" + chaptersId + "?view=full",
            "/works/" + markdownId,
            "/search?q=part",
            "/search",
            "/works/424242")) {
      org.jsoup.parser.Parser parser = org.jsoup.parser.Parser.htmlParser().setTrackErrors(50);
      org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(get(path).body(), "", parser);
      assertThat(parser.getErrors()).as("HTML errors on " + path).isEmpty();
      assertThat(doc.select("main")).as(path).hasSize(1);
      assertThat(doc.select("header.site nav[aria-label]")).as(path).hasSize(1);
      assertThat(doc.select("h1")).as(path).hasSize(1);
      assertThat(doc.documentType()).as(path).isNotNull();
      for (org.jsoup.nodes.Element input : doc.select("input:not([type=hidden])")) {
        assertThat(doc.select("label[for=" + input.id() + "]"))
            .as("label for #" + input.id() + " on " + path)
            .isNotEmpty();
      }
      assertThat(doc.select("[id]").eachAttr("id"))
          .as("unique ids on " + path)
          .doesNotHaveDuplicates();
    }
  }

  @Test
  void pagingParametersAreForgiving() throws Exception {
    assertThat(get("/works?page=-3").statusCode()).isEqualTo(200);
    assertThat(get("/works?page=zzz").statusCode()).isEqualTo(200);
    assertThat(get("/works?page=99999999999").statusCode()).isEqualTo(200);
    // Past the last page: a way back, not a claim that the archive is empty.
    org.jsoup.nodes.Document past = org.jsoup.Jsoup.parse(get("/works?page=400").body());
    assertThat(past.text()).contains("There are only 1 page(s) of works").doesNotContain("empty");
    assertThat(past.select("p.empty a").attr("href")).isEqualTo("/works?page=1");
  }

  /** The page without Quire's own external scripts, so any other script tag stands out. */
  static String ownScriptRemoved(String html) {
    return html.replace("<script src=\"/assets/reader.js\" defer></script>", "")
        .replace("<script src=\"/assets/tags.js\" defer></script>", "");
  }
}

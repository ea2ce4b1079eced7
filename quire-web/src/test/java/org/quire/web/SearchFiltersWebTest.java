package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quire.model.Visibility;

/**
 * The search page's filters beyond the facets: tags typed by name (with suggestions), kudos, hits
 * and bookmark ranges, facets that undo themselves, and pages past the end.
 */
class SearchFiltersWebTest extends ServerTestBase {
  static long fluff;
  static long angst;
  static long members;
  static long draft;

  @BeforeAll
  static void works() throws Exception {
    signedUp("Quill");
    fluff =
        post(
            "Quill",
            "Title: Cocoa Night\nAuthor: Quill\nFandom: Buffy the Vampire Slayer\n"
                + "Rating: General Audiences\n"
                + "Characters: Spike, Willow Rosenberg\nAdditional Tags: Fluff, Hot Chocolate\n\n"
                + "They drank cocoa on the porch until the sun came up.",
            Visibility.PUBLIC);
    angst =
        post(
            "Quill",
            "Title: Ashes Again\nAuthor: Quill\nFandom: Buffy the Vampire Slayer\n"
                + "Rating: Teen And Up Audiences\n"
                + "Characters: Willow Rosenberg\nAdditional Tags: Angst, Rain\n\n"
                + "The rain did not stop all week, and neither did the grief.",
            Visibility.PUBLIC);
    members =
        post(
            "Quill",
            "Title: Back Room\nAuthor: Quill\nAdditional Tags: Fluffernutter Sandwiches\n\n"
                + "A sandwich was made in the back room of the shop.",
            Visibility.RESTRICTED);
    draft =
        post(
            "Quill",
            "Title: Unfinished\nAuthor: Quill\nAdditional Tags: Fluffy Secret Plans\n\n"
                + "Nothing to see here yet.",
            Visibility.DRAFT);
    quire.store().readers().addKudos(fluff, "a guest", null);
    quire.engagementChanged(fluff);
    quire.index().refresh();
  }

  private static Document page(HttpBrowser b, String path) throws Exception {
    var r = b.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return Jsoup.parse(r.body());
  }

  @Test
  void tagsTypedByNameBecomeFiltersAndChips() throws Exception {
    HttpBrowser b = visitor();
    Document in = page(b, "/search?include_tags=" + Texts.url("fluff"));
    assertThat(in.select(".count").text()).contains("1 work found");
    assertThat(in.text()).contains("Cocoa Night").doesNotContain("Ashes Again");
    assertThat(in.select(".chips .chip").text()).contains("Additional Tags: fluff");
    // The chip's link removes the filter again.
    Document removed = page(b, in.selectFirst(".chips .chip a").attr("href"));
    assertThat(removed.select(".chips .chip")).isEmpty();

    Document out =
        page(
            b,
            "/search?exclude_tags="
                + Texts.url("Hot Chocolate, character:Spike")
                + "&include_tags="
                + Texts.url("Willow Rosenberg"));
    assertThat(out.text()).contains("Ashes Again").doesNotContain("Cocoa Night");
    assertThat(out.select(".chips .chip-out").text()).contains("Spike", "Hot Chocolate");
    // Names known only to the packs are found by their kind too (no work is tagged Xander).
    assertThat(page(b, "/search?include_tags=" + Texts.url("Xander Harris")).text())
        .contains("0 works found")
        .doesNotContain("No tag is called");
    // A name no tag has is reported, never searched as a silent empty filter.
    Document unknown = page(b, "/search?include_tags=" + Texts.url("Nonexistent Tag <b>x</b>"));
    assertThat(unknown.select(".notice").text())
        .contains("No tag is called \u201cNonexistent Tag <b>x</b>\u201d");
    assertThat(unknown.select(".notice b")).isEmpty();
    assertThat(unknown.select(".chips .chip")).isEmpty();

    JsonNode api =
        new ObjectMapper()
            .readTree(
                b.get("/api/v1/search?include_tags=" + Texts.url("Angst, Nothing Such")).body());
    assertThat(api.get("total").asLong()).isEqualTo(1);
    assertThat(api.get("results").get(0).get("title").asText()).isEqualTo("Ashes Again");
    assertThat(api.get("unknownTags").toString()).isEqualTo("[\"Nothing Such\"]");
  }

  @Test
  void suggestionsOfferOnlyTagsOfWorksTheReaderMayFind() throws Exception {
    JsonNode visitor = new ObjectMapper().readTree(visitor().get("/search/tags?q=flu").body());
    assertThat(names(visitor)).containsExactly("Fluff");
    assertThat(visitor.get("tags").get(0).get("param").asText()).isEqualTo("additional:Fluff");
    HttpBrowser member = signedUp("Reader Two");
    JsonNode signedIn = new ObjectMapper().readTree(member.get("/search/tags?q=FLU").body());
    // Members also find restricted works' tags; nobody finds a draft's.
    assertThat(names(signedIn)).containsExactly("Fluff", "Fluffernutter Sandwiches");
    JsonNode word = new ObjectMapper().readTree(visitor().get("/search/tags?q=chocol").body());
    assertThat(names(word)).containsExactly("Hot Chocolate");
    JsonNode api = new ObjectMapper().readTree(visitor().get("/api/v1/tags?q=rosen").body());
    assertThat(names(api)).containsExactly("Willow Rosenberg");
    for (String q : List.of("", "%", "_", "'", "a".repeat(500), "\u0000")) {
      var r = visitor().get("/search/tags?q=" + Texts.url(q));
      assertThat(r.statusCode()).as(q).isEqualTo(200);
      assertThat(names(new ObjectMapper().readTree(r.body()))).as(q).isEmpty();
    }
    // The page offers the fields, and the script that fills their suggestions is served.
    Document search = page(visitor(), "/search");
    assertThat(search.select("input#include_tags[data-suggest][list]")).hasSize(1);
    assertThat(search.select("input#exclude_tags[data-suggest][list]")).hasSize(1);
    // The language field offers the archive's languages.
    assertThat(search.select("datalist#lang-list option").eachAttr("value")).contains("English");
    assertThat(visitor().get("/assets/tags.js").statusCode()).isEqualTo(200);
  }

  private static List<String> names(JsonNode body) {
    return body.get("tags").findValuesAsText("name");
  }

  @Test
  void kudosRangesFilterAndShowInTheForm() throws Exception {
    HttpBrowser b = visitor();
    Document liked = page(b, "/search?kudos_min=1");
    assertThat(liked.text()).contains("Cocoa Night").doesNotContain("Ashes Again");
    assertThat(liked.selectFirst("#kudos_min").attr("value")).isEqualTo("1");
    assertThat(liked.selectFirst("details.more #kudos_min")).isNotNull();
    Document none = page(b, "/search?kudos_max=0&hits_min=0&bookmarks_max=0");
    assertThat(none.text()).contains("Ashes Again").doesNotContain("Cocoa Night");
    // The pager and the facets keep the range.
    assertThat(liked.select("aside.facets a.facet-in").eachAttr("href"))
        .isNotEmpty()
        .allMatch(h -> h.contains("kudos_min=1"));
    JsonNode api = new ObjectMapper().readTree(b.get("/api/v1/search?kudos_min=1").body());
    assertThat(api.get("total").asLong()).isEqualTo(1);
    assertThat(page(b, "/search?hits_min=lots").select(".notice").text()).contains("hits_min=lots");
    // Ranges, language and status show as chips, each removable on its own.
    Document several =
        page(b, "/search?kudos_min=1&words_max=5000&lang=en&complete=true&updated_from=2020-01-01");
    assertThat(several.select(".chips .chip-range span").eachText())
        .containsExactly(
            "Language: English",
            "Complete only",
            "Words: at most 5,000",
            "Kudos: at least 1",
            "Updated since 2020-01-01");
    String withoutKudos = several.selectFirst(".chips .chip-range:contains(Kudos) a").attr("href");
    assertThat(withoutKudos).doesNotContain("kudos_min").contains("words_max=5000", "lang=");
  }

  @Test
  void aFacetAlreadyFilteredOnLinksToTheSearchWithoutIt() throws Exception {
    HttpBrowser b = visitor();
    String include = "/search?include=" + Texts.url("additional:Fluff");
    Document d = page(b, include);
    var on = d.selectFirst("aside.facets li.on a.facet-in");
    assertThat(on).isNotNull();
    assertThat(on.ownText()).isEqualTo("Fluff");
    assertThat(on.attr("aria-current")).isEqualTo("true");
    // What selecting it does is said in the link, not in a tooltip only a mouse reaches.
    assertThat(on.select(".visually-hidden").text()).contains("select to remove");
    Document undone = page(b, on.attr("href"));
    assertThat(undone.select(".chips .chip")).isEmpty();
    assertThat(undone.select(".count").text()).contains("in the archive");
    // A filter given twice is one filter, whatever its case; typed in lower case, the facet
    // still shows it on, and undoes it.
    Document twice = page(b, include + "&include=" + Texts.url("additional:fluff"));
    assertThat(twice.select(".chips .chip")).hasSize(1);
    Document lower = page(b, "/search?include=" + Texts.url("additional:fluff"));
    var onLower = lower.selectFirst("aside.facets li.on a.facet-in");
    assertThat(onLower.ownText()).isEqualTo("Fluff");
    assertThat(page(b, onLower.attr("href")).select(".chips .chip")).isEmpty();
    assertThat(lower.select("p.jump-filters a[href=#filters]")).hasSize(1);
    assertThat(lower.select("aside#filters")).hasSize(1);
  }

  @Test
  void readersVisitsReachTheIndexForSortsAndRangesByHits() throws Exception {
    HttpBrowser b = visitor();
    assertThat(b.get("/works/" + angst).statusCode()).isEqualTo(200);
    // Indexed on the next pass (every few seconds), here run at once.
    quire.indexNewHits();
    assertThat(quire.indexNewHits()).isZero();
    quire.index().refresh();
    JsonNode sorted = new ObjectMapper().readTree(b.get("/api/v1/search?sort=hits").body());
    assertThat(sorted.get("results").get(0).get("title").asText()).isEqualTo("Ashes Again");
    JsonNode read = new ObjectMapper().readTree(b.get("/api/v1/search?hits_min=1").body());
    assertThat(read.get("results").findValuesAsText("title")).containsExactly("Ashes Again");
  }

  @Test
  void theFandomsPageListsEveryFandomAToZWithItsWorks() throws Exception {
    Document d = page(visitor(), "/fandoms");
    var buffy = d.selectFirst("section#letter-B a:containsOwn(Buffy the Vampire Slayer)");
    assertThat(buffy).isNotNull();
    assertThat(buffy.parent().selectFirst(".n").text()).isEqualTo("(2)");
    assertThat(d.select("nav.letters a").eachAttr("href")).contains("#letter-B");
    Document works = page(visitor(), buffy.attr("href"));
    assertThat(works.select(".count").text()).contains("2 works found");
    assertThat(page(visitor(), "/").select("header nav a[href=/fandoms]")).hasSize(1);
  }

  @Test
  void sortsRunEitherWay() throws Exception {
    HttpBrowser b = visitor();
    ObjectMapper json = new ObjectMapper();
    assertThat(
            json.readTree(b.get("/api/v1/search?sort=title").body())
                .get("results")
                .findValuesAsText("title"))
        .containsExactly("Ashes Again", "Cocoa Night");
    assertThat(
            json.readTree(b.get("/api/v1/search?sort=title&sort_direction=desc").body())
                .get("results")
                .findValuesAsText("title"))
        .containsExactly("Cocoa Night", "Ashes Again");
    // Kudos run most first, or fewest first when asked.
    assertThat(
            json.readTree(b.get("/api/v1/search?sort=kudos&sort_direction=asc").body())
                .get("results")
                .findValuesAsText("title"))
        .containsExactly("Ashes Again", "Cocoa Night");
    Document page = page(b, "/search?sort=kudos&sort_direction=asc");
    assertThat(page.selectFirst("#sort_direction option[value=asc]").hasAttr("selected")).isTrue();
    assertThat(page.select(".pager a, aside.facets a.facet-in").eachAttr("href"))
        .isNotEmpty()
        .allMatch(h -> h.contains("sort_direction=asc"));
    assertThat(page(b, "/search?sort_direction=sideways").select(".notice").text())
        .contains("sort_direction=sideways");
  }

  @Test
  void ratingsWarningsAndCategoriesAreCheckboxesAndSeveralRatingsMeanAnyOfThem() throws Exception {
    HttpBrowser b = visitor();
    Document form = page(b, "/search");
    assertThat(form.select("form.search-page input[type=checkbox][name=include]")).hasSize(17);
    assertThat(form.select("form.search-page input[type=checkbox][name=exclude]")).hasSize(17);
    assertThat(form.select("form.search-page input[type=checkbox][checked]")).isEmpty();
    assertThat(form.selectFirst("details.boxes").hasAttr("open")).isFalse();
    // Every box has its own label.
    for (var box : form.select("input[type=checkbox]")) {
      assertThat(form.select("label[for=" + box.id() + "]")).as(box.id()).hasSize(1);
    }

    String general = "&include=" + Texts.url("rating:General Audiences");
    String teen = "&include=" + Texts.url("rating:Teen And Up Audiences");
    Document one = page(b, "/search?q=" + general);
    assertThat(one.text()).contains("Cocoa Night").doesNotContain("Ashes Again");
    var box = one.selectFirst("input[name=include][value=rating:General Audiences]");
    assertThat(box.hasAttr("checked")).isTrue();
    // Folded away (a phone would scroll past 34 boxes to the results); the chips show the filter.
    assertThat(one.selectFirst("details.boxes").hasAttr("open")).isFalse();
    assertThat(one.select("ul.chips li").text()).contains("General Audiences");
    // The box carries the filter, so no hidden field sends it twice.
    assertThat(one.select("input[type=hidden][name=include]")).isEmpty();

    Document both = page(b, "/search?q=" + general + teen);
    assertThat(both.select(".count").text()).contains("2 works found");
    JsonNode api = new ObjectMapper().readTree(b.get("/api/v1/search?q=" + general + teen).body());
    assertThat(api.get("total").asLong()).isEqualTo(2);
    // With another tag, the ratings are one filter among the rest.
    Document fluffy =
        page(b, "/search?q=" + general + teen + "&include=" + Texts.url("additional:Fluff"));
    assertThat(fluffy.select(".count").text()).contains("1 work found");
    assertThat(fluffy.select("input[type=hidden][name=include]").eachAttr("value"))
        .containsExactly("additional:Fluff");

    Document out = page(b, "/search?exclude=" + Texts.url("rating:general audiences"));
    assertThat(out.text()).contains("Ashes Again").doesNotContain("Cocoa Night");
    assertThat(
            out.selectFirst("input[name=exclude][value=rating:General Audiences]")
                .hasAttr("checked"))
        .isTrue();
    assertThat(out.select("input[type=hidden][name=exclude]")).isEmpty();
  }

  @Test
  void filteringByOneTagShowsWhatTheWranglingKnowsOfIt() throws Exception {
    HttpBrowser b = visitor();
    Document d = page(b, "/search?include=" + Texts.url("character:William the Bloody"));
    assertThat(d.text()).contains("Cocoa Night");
    var panel = d.selectFirst("section.tag-panel");
    assertThat(panel).isNotNull();
    assertThat(panel.selectFirst("h2").ownText()).isEqualTo("Spike");
    assertThat(panel.text()).contains("\u201cWilliam the Bloody\u201d is filed under Spike");
    assertThat(panel.select("dt:contains(Fandom) + dd a").eachText())
        .containsExactly("Buffy the Vampire Slayer");
    assertThat(panel.selectFirst("dt:contains(Other names) + dd").text()).contains("Spikey");
    Document fandom = page(b, panel.selectFirst("dt:contains(Fandom) + dd a").attr("href"));
    assertThat(fandom.select(".count").text()).contains("2 works found");
    // A fandom's meta tag, and the tags under a meta tag.
    Document marvel = page(b, "/search?include=" + Texts.url("fandom:Marvel"));
    assertThat(marvel.select("section.tag-panel dt:contains(Sub-tags) + dd a").eachText())
        .contains("Marvel Cinematic Universe");
    // Nothing to say, or more than one tag: no panel.
    assertThat(
            page(b, "/search?include=" + Texts.url("additional:Hot Chocolate"))
                .select(".tag-panel"))
        .isEmpty();
    assertThat(
            page(
                    b,
                    "/search?include="
                        + Texts.url("character:Spike")
                        + "&include="
                        + Texts.url("character:Willow Rosenberg"))
                .select(".tag-panel"))
        .isEmpty();
    // A keeper's names are shown as text, never as markup.
    quire.wrangle(
        new org.quire.tags.TagRule(
            org.quire.model.TagType.ADDITIONAL,
            "Rain",
            org.quire.tags.TagRule.Relation.CHILD_OF,
            "<b>Weather</b><script>alert(1)</script>"));
    Document hostile = page(b, "/search?include=" + Texts.url("additional:Rain"));
    var meta = hostile.selectFirst("section.tag-panel dt:contains(Meta tags) + dd a");
    assertThat(meta).isNotNull();
    assertThat(meta.text()).isEqualTo("<b>Weather</b><script>alert(1)</script>");
    assertThat(hostile.select("section.tag-panel b, script:containsData(alert)")).isEmpty();
  }

  @Test
  void aoThreesAddressesAndASortedListingLeadToTheSearch() throws Exception {
    HttpBrowser b = visitor();
    var sorted = b.get("/works?sort=kudos&include=" + Texts.url("rating:Mature"));
    assertThat(sorted.statusCode()).isEqualTo(302);
    assertThat(sorted.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/search?sort=kudos&include=" + Texts.url("rating:Mature"));
    assertThat(b.get("/works?page=1").statusCode()).isEqualTo(200);
    var tag = b.get("/tags/" + Texts.segment("Buffy Summers*s*Spike") + "/works");
    assertThat(tag.statusCode()).isEqualTo(302);
    // AO3 writes "/" in a tag's address as *s*.
    assertThat(tag.headers().firstValue("Location").orElseThrow())
        .isEqualTo("/search?include_tags=" + Texts.url("Buffy Summers/Spike"));
    assertThat(b.get("/users/Quill").headers().firstValue("Location").orElseThrow())
        .isEqualTo("/authors/Quill");
    // A filtered search offers its own feed.
    Document d = page(b, "/search?include=" + Texts.url("rating:Mature"));
    String feed = d.selectFirst("p.count a[href^=/feeds/works.atom]").attr("href");
    assertThat(feed).isEqualTo("/feeds/works.atom?include=" + Texts.url("rating:Mature"));
    assertThat(b.get(feed).statusCode()).isEqualTo(200);
    // Facets and chips land on the results, not on the top of the form.
    assertThat(d.select("aside.facets a.facet-in").eachAttr("href"))
        .allMatch(h -> h.endsWith("#results"));
    assertThat(d.selectFirst("#results")).isNotNull();
  }

  @Test
  void aPagePastTheEndSaysSo() throws Exception {
    Document far = page(visitor(), "/search?page=999");
    assertThat(far.select(".notice").text())
        .contains("page 999 is past the end")
        .doesNotContain("10000");
    Document d = page(visitor(), "/search?page=50");
    assertThat(d.select("ol.blurbs > li")).isEmpty();
    assertThat(d.select(".notice").text())
        .contains("This search has 1 page of results")
        .contains("page 50 is past the end");
  }
}

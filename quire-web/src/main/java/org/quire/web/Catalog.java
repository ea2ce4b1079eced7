package org.quire.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quire.app.Quire;
import org.quire.model.TagType;
import org.quire.model.WorkSummary;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;

/**
 * The OPDS 1.2 catalogue ({@code /opds}) and Atom feeds ({@code /feeds/works.atom}). Both are the
 * search behind an Atom face: the same parameters, filters and privacy as {@code /search}.
 */
final class Catalog {
  private final Quire quire;

  Catalog(Quire quire) {
    this.quire = quire;
  }

  void root(Context ctx) {
    List<Feeds.Nav> entries =
        List.of(
            new Feeds.Nav(
                "urn:quire:new",
                "New works",
                "The newest works first.",
                "/opds/works?sort=posted",
                Feeds.ACQUISITION),
            new Feeds.Nav(
                "urn:quire:kudos",
                "Most loved",
                "Works with the most kudos.",
                "/opds/works?sort=kudos",
                Feeds.ACQUISITION),
            new Feeds.Nav(
                "urn:quire:complete",
                "Complete works",
                "Finished works, newest first.",
                "/opds/works?sort=posted&complete=true",
                Feeds.ACQUISITION),
            new Feeds.Nav(
                "urn:quire:fandoms",
                "By fandom",
                "Browse the archive's fandoms.",
                "/opds/fandoms",
                Feeds.NAVIGATION));
    ctx.contentType(Feeds.NAVIGATION + ";charset=utf-8")
        .result(
            Feeds.navigation(
                "urn:quire:root", site() + " catalogue", "/opds", Instant.now(), entries));
  }

  void fandoms(Context ctx) {
    // Every fandom of the public works (not only a search's top facets), most works first.
    List<Feeds.Nav> entries = new ArrayList<>();
    for (SearchResults.FacetValue f :
        quire
            .index()
            .tagCounts(TagType.FANDOM, SearchQuery.Audience.VISITOR, QuireWeb.MAX_FANDOMS_LISTED)) {
      entries.add(
          new Feeds.Nav(
              "urn:quire:fandom:" + Texts.segment(f.name()),
              f.name(),
              f.count() + (f.count() == 1 ? " work" : " works"),
              "/opds/works?include=" + Texts.url("fandom:" + f.name()),
              Feeds.ACQUISITION));
    }
    ctx.contentType(Feeds.NAVIGATION + ";charset=utf-8")
        .result(
            Feeds.navigation(
                "urn:quire:fandoms", "Fandoms", "/opds/fandoms", Instant.now(), entries));
  }

  void works(Context ctx) {
    acquisition(
        ctx, "/opds/works", Feeds.ACQUISITION + ";charset=utf-8", SearchQuery.Sort.RELEVANCE);
  }

  /** Atom feed of new works, for feed readers: any search parameters, newest first. */
  void atom(Context ctx) {
    acquisition(
        ctx, "/feeds/works.atom", "application/atom+xml;charset=utf-8", SearchQuery.Sort.POSTED);
  }

  private void acquisition(Context ctx, String path, String type, SearchQuery.Sort defaultSort) {
    // Feeds are public: tags typed by name resolve as a visitor's would; unknown ones are left out.
    Map<String, List<String>> params =
        new java.util.LinkedHashMap<>(
            TagInputs.expand(ctx.queryParamMap(), quire, false, new ArrayList<>()));
    params.putIfAbsent("sort", List.of(defaultSort.key()));
    SearchForm form = SearchForm.of(params, path);
    SearchResults res = quire.index().search(form.query());
    List<WorkSummary> works =
        quire.store().summaries(res.hits().stream().map(SearchResults.Hit::workId).toList());
    List<Feeds.Link> links = new ArrayList<>();
    long pages = form.pages(res.total());
    String base = form.pagerBase();
    links.add(Feeds.Link.of("first", base + "page=1", type));
    if (form.page() > 1) {
      links.add(Feeds.Link.of("previous", base + "page=" + (form.page() - 1), type));
    }
    if (form.page() < pages) {
      links.add(Feeds.Link.of("next", base + "page=" + (form.page() + 1), type));
    }
    for (TagType t : List.of(TagType.RATING, TagType.FANDOM)) {
      for (SearchResults.FacetValue v : res.facets().getOrDefault(t.key(), List.of())) {
        links.add(
            new Feeds.Link(
                "http://opds-spec.org/facet",
                form.includeHref(t, v.name()),
                type,
                v.name() + " (" + v.count() + ")",
                t.label(),
                form.isIncluded(t, v.name())));
      }
    }
    String title = form.q().isBlank() ? site() + ": works" : site() + ": " + form.q();
    ctx.contentType(type)
        .result(
            Feeds.acquisition(
                "urn:quire:" + path + ":" + base,
                title,
                base + "page=" + form.page(),
                Instant.now(),
                works,
                links));
  }

  void openSearch(Context ctx) {
    ctx.contentType(Feeds.OPENSEARCH + ";charset=utf-8")
        .result(Feeds.openSearch(site(), QuireWeb.publicAddress(quire, ctx)));
  }

  private String site() {
    return quire.siteName();
  }
}

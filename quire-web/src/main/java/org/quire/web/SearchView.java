package org.quire.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.quire.model.TagType;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.quire.tags.TagWrangler;

/**
 * What the search page shows: the form's state, the results with their snippets, and the facet
 * sidebar with include and exclude links.
 */
public record SearchView(
    SearchForm form,
    long total,
    boolean narrowed,
    List<Result> results,
    List<FacetGroup> facets,
    String message,
    Pager pager,
    TagPanel tag) {

  /**
   * The page's heading: a tag's name and kind when the page is that tag's works (AO3's tag page,
   * "Xander Harris (Character)"), else "Search".
   */
  public String heading() {
    List<SearchQuery.TagFilter> in = form.include();
    if (form.q().isBlank() && in.size() == 1) {
      return in.getFirst().name() + " (" + in.getFirst().type().label() + ")";
    }
    return "Search";
  }

  /** The page's title: the heading, the words searched for, and which page of how many. */
  public String title() {
    String t = heading().equals("Search") ? "Search" : heading() + ": works";
    if (!form.q().isBlank()) {
      t += ": " + form.q();
    }
    return pager.pages() > 1 ? t + ", page " + pager.page() + " of " + pager.pages() : t;
  }

  /**
   * What the archive knows about the one tag a search filters by, as AO3's tag pages show it: the
   * canonical tag (when the filter named a synonym), the other names filed under it, its meta tags,
   * the tags it covers and a character's fandoms; each links to its own works.
   *
   * @param asked the filter as given
   * @param about what wrangling says
   */
  public record TagPanel(SearchQuery.TagFilter asked, TagWrangler.About about) {
    /** Whether the filter named another spelling than the canonical tag. */
    public boolean synonym() {
      return !TagWrangler.key(asked.name()).equals(TagWrangler.key(about.canonical()));
    }

    /** The works of a tag of this panel's type. */
    public String href(String name) {
      return href(asked.type(), name);
    }

    public static String href(TagType type, String name) {
      return "/search?include=" + Texts.url(type.key() + ":" + name);
    }

    /**
     * The panel for a search, or null: shown when exactly one tag of an open type (not a rating,
     * warning or category) is included and wrangling has something to say about it.
     */
    static TagPanel of(SearchForm form, TagWrangler wrangler) {
      List<SearchQuery.TagFilter> in = form.include();
      if (in.size() != 1 || SearchForm.BOXED.contains(in.getFirst().type())) {
        return null;
      }
      SearchQuery.TagFilter f = in.getFirst();
      TagWrangler.About a = wrangler.about(f.type(), f.name());
      TagPanel p = new TagPanel(f, a);
      return a.hasAny() || p.synonym() ? p : null;
    }
  }

  /** A result: the work's blurb, and the passage that matched with a link to its place. */
  public record Result(Blurb blurb, SearchResults.Snippet snippet, String snippetHref) {}

  /** One facet dimension. */
  public record FacetGroup(String label, List<FacetItem> items) {}

  /** One facet value with its count and the links that filter by it. */
  public record FacetItem(
      String name,
      long count,
      String includeHref,
      String excludeHref,
      boolean included,
      boolean excluded) {}

  static List<FacetGroup> facets(SearchForm form, Map<String, List<SearchResults.FacetValue>> f) {
    List<FacetGroup> groups = new ArrayList<>();
    for (TagType t : TagType.values()) {
      List<SearchResults.FacetValue> values = f.getOrDefault(t.key(), List.of());
      if (values.isEmpty()) {
        continue;
      }
      List<FacetItem> items = new ArrayList<>();
      for (SearchResults.FacetValue v : values) {
        var in = form.included(t, v.name());
        var out = form.excluded(t, v.name());
        // A value already filtered on links to the search without it: a second click undoes.
        items.add(
            new FacetItem(
                v.name(),
                v.count(),
                in.map(tag -> form.removeHref("include", tag))
                    .orElse(form.includeHref(t, v.name())),
                out.map(tag -> form.removeHref("exclude", tag))
                    .orElse(form.excludeHref(t, v.name())),
                in.isPresent(),
                out.isPresent()));
      }
      groups.add(new FacetGroup(plural(t), items));
    }
    List<SearchResults.FacetValue> langs = f.getOrDefault("language", List.of());
    if (!langs.isEmpty()) {
      List<FacetItem> items = new ArrayList<>();
      for (SearchResults.FacetValue v : langs) {
        boolean on = v.name().equalsIgnoreCase(form.lang());
        items.add(new FacetItem(v.name(), v.count(), form.languageHref(v.name()), null, on, false));
      }
      groups.add(new FacetGroup("Languages", items));
    }
    return groups;
  }

  private static String plural(TagType t) {
    return switch (t) {
      case RATING -> "Ratings";
      case ARCHIVE_WARNING -> "Archive Warnings";
      case CATEGORY -> "Categories";
      case FANDOM -> "Fandoms";
      case RELATIONSHIP -> "Relationships";
      case CHARACTER -> "Characters";
      case CONTENT_WARNING -> "Content Warnings";
      case ADDITIONAL -> "Additional Tags";
    };
  }

  /** A link to the chapter of a snippet that scrolls to its first matched words. */
  static String snippetHref(long workId, int chapters, SearchResults.Snippet s) {
    String base =
        chapters == 1 ? "/works/" + workId : "/works/" + workId + "/chapters/" + s.chapter();
    String match = s.firstMatch().strip();
    if (match.isEmpty()) {
      return base;
    }
    // The words around the match make the link land on this passage, not on the chapter's
    // first "Buffy": a text fragment's prefix and suffix must stand right beside the match.
    StringBuilder before = new StringBuilder();
    StringBuilder after = new StringBuilder();
    boolean seen = false;
    for (SearchResults.Part p : s.parts()) {
      if (!seen && p.match() && p.text().strip().equals(match)) {
        seen = true;
      } else if (!seen) {
        before.append(p.text());
      } else {
        after.append(p.text());
      }
    }
    String prefix = plainWords(before.toString(), true);
    String suffix = plainWords(after.toString(), false);
    return base
        + "#:~:text="
        + (prefix.isEmpty() ? "" : Texts.fragment(prefix) + "-,")
        + Texts.fragment(match)
        + (suffix.isEmpty() ? "" : ",-" + Texts.fragment(suffix));
  }

  /**
   * Up to three words at the end (or start) of {@code text} that read the same on the page as in
   * the stored text: letters, digits, quotes and punctuation, stopping at a line end or at a word
   * with Markdown's marks (emphasis, escapes), which the page shows otherwise. Empty when none.
   */
  static String plainWords(String text, boolean atEnd) {
    // Not past a line or paragraph end: the page's blocks break the words apart there.
    int nl = atEnd ? text.lastIndexOf('\n') : text.indexOf('\n');
    String t = nl < 0 ? text : atEnd ? text.substring(nl + 1) : text.substring(0, nl);
    java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of(t.split(" ", -1)));
    if (atEnd) {
      java.util.Collections.reverse(words);
    }
    java.util.List<String> kept = new java.util.ArrayList<>();
    boolean first = true;
    for (String w : words) {
      if (first && w.isEmpty()) {
        // The space between the match and its neighbour.
        first = false;
        continue;
      }
      first = false;
      if (kept.size() == 3
          || !w.matches("[\\p{L}\\p{N}'\u2019.,;:!?\"\u201c\u201d\u2018()\u2014\u2013-]+")) {
        break;
      }
      kept.add(w);
    }
    if (atEnd) {
      java.util.Collections.reverse(kept);
    }
    return String.join(" ", kept);
  }
}

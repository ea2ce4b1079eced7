package org.quire.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quire.model.TagType;
import org.quire.search.SearchQuery;
import org.quire.search.SearchQuery.TagFilter;

/**
 * The search page's state as URL parameters, shared by the web page and the JSON API: {@code q},
 * {@code include=type:Tag} and {@code exclude=type:Tag} (repeatable), {@code lang}, {@code
 * words_min}, {@code words_max}, {@code complete} ({@code true} or {@code false}), {@code
 * updated_from}, {@code updated_to} (YYYY-MM-DD), {@code sort}, {@code sort_direction} ({@code asc}
 * or {@code desc}; without it each sort's usual order) and {@code page}. Anything malformed is
 * ignored rather than refused, and listed in {@link #ignored()}.
 */
public final class SearchForm {

  private final String path;
  private final String q;
  private final List<TagFilter> include = new ArrayList<>();
  private final List<TagFilter> exclude = new ArrayList<>();
  private final String lang;
  private final Boolean complete;
  private final Integer wordsMin;
  private final Integer wordsMax;
  private final Integer kudosMin;
  private final Integer kudosMax;
  private final Integer hitsMin;
  private final Integer hitsMax;
  private final Integer bookmarksMin;
  private final Integer bookmarksMax;
  private final LocalDate from;
  private final LocalDate to;
  private final SearchQuery.Sort sort;
  private final String direction;
  private final int page;
  private final int askedPage;
  private final int pageSize;
  private final List<String> ignored = new ArrayList<>();
  private final List<String> understood;

  private SearchForm(Map<String, List<String>> raw, String path) {
    this.path = path;
    Map<String, List<String>> params = withoutControls(raw);
    QueryOperators ops = QueryOperators.read(cut(first(params, "q"), 1000));
    this.q = ops.text();
    this.understood = ops.understood();
    for (String f : params.getOrDefault("include", List.of())) {
      filter(f).filter(t -> find(include, t.type(), t.name()).isEmpty()).ifPresent(include::add);
    }
    for (String f : params.getOrDefault("exclude", List.of())) {
      filter(f)
          .filter(
              t ->
                  find(exclude, t.type(), t.name()).isEmpty()
                      && find(include, t.type(), t.name()).isEmpty())
          .ifPresent(exclude::add);
    }
    // A code ("fr") means its language: works are filed under names ("French").
    this.lang = org.quire.export.Languages.name(cut(first(params, "lang"), 100));
    String c = first(params, "complete").strip();
    this.complete =
        c.equals("true")
            ? Boolean.TRUE
            : c.equals("false") ? Boolean.FALSE : c.isEmpty() ? ops.complete() : null;
    if (!c.isEmpty() && complete == null) {
      ignored.add("complete=" + cut(c, 40));
    }
    // Filters written in the search box fill what the form's own fields leave empty; a range
    // typed backwards ("5000 to 100") means the same range.
    Integer[] words = range(params, "words", ops);
    Integer[] kudos = range(params, "kudos", ops);
    Integer[] hits = range(params, "hits", ops);
    Integer[] marks = range(params, "bookmarks", ops);
    this.wordsMin = words[0];
    this.wordsMax = words[1];
    this.kudosMin = kudos[0];
    this.kudosMax = kudos[1];
    this.hitsMin = hits[0];
    this.hitsMax = hits[1];
    this.bookmarksMin = marks[0];
    this.bookmarksMax = marks[1];
    LocalDate f = date(params, "updated_from");
    LocalDate t = date(params, "updated_to");
    boolean backwards = f != null && t != null && f.isAfter(t);
    this.from = backwards ? t : f;
    this.to = backwards ? f : t;
    String sortKey = first(params, "sort").strip();
    if (sortKey.isEmpty() && ops.sort() != null) {
      sortKey = ops.sort();
    }
    this.sort = SearchQuery.Sort.fromKey(sortKey);
    if (!sortKey.isEmpty() && !sort.key().equalsIgnoreCase(sortKey)) {
      ignored.add("sort=" + cut(sortKey, 40));
    }
    String dir = first(params, "sort_direction").strip().toLowerCase(java.util.Locale.ROOT);
    this.direction = dir.equals("asc") || dir.equals("desc") ? dir : "";
    if (!dir.isEmpty() && direction.isEmpty()) {
      ignored.add("sort_direction=" + cut(dir, 40));
    }
    Integer size = number(params, "page_size");
    this.pageSize =
        size == null ? QuireWeb.PAGE_SIZE : Math.max(1, Math.min(SearchQuery.MAX_LIMIT, size));
    Integer p = number(params, "page");
    if (p != null && p < 1) {
      ignored.add("page=" + first(params, "page").strip());
    }
    this.page = p == null ? 1 : Math.max(1, Math.min(SearchQuery.MAX_OFFSET / pageSize + 1, p));
    this.askedPage = p == null ? 1 : Math.max(1, p);
  }

  /** Reads the parameters of a request (as Javalin's {@code queryParamMap()} gives them). */
  public static SearchForm of(Map<String, List<String>> params) {
    return new SearchForm(params, "/search");
  }

  /** The same, for a page at another path (the OPDS catalogue, feeds): its links point there. */
  public static SearchForm of(Map<String, List<String>> params, String path) {
    return new SearchForm(params, path);
  }

  private java.util.Optional<TagFilter> filter(String raw) {
    int colon = raw.indexOf(':');
    if (colon < 1 || colon == raw.length() - 1 || raw.length() > 300) {
      ignored.add(raw);
      return java.util.Optional.empty();
    }
    try {
      TagType t = TagType.fromKey(raw.substring(0, colon).strip());
      return java.util.Optional.of(new TagFilter(t, raw.substring(colon + 1).strip()));
    } catch (IllegalArgumentException e) {
      ignored.add(raw);
      return java.util.Optional.empty();
    }
  }

  /**
   * The parameters with control characters dropped (tabs and line breaks become spaces): a NUL or
   * an escape byte means nothing in a search and must not be echoed into the page.
   */
  private static Map<String, List<String>> withoutControls(Map<String, List<String>> params) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    params.forEach(
        (k, vs) ->
            out.put(
                k,
                vs.stream()
                    .map(v -> v.replaceAll("[\\t\\n\\r]", " ").replaceAll("\\p{Cntrl}", ""))
                    .toList()));
    return out;
  }

  private static String first(Map<String, List<String>> params, String key) {
    List<String> v = params.get(key);
    return v == null || v.isEmpty() ? "" : v.getFirst();
  }

  private static String cut(String s, int max) {
    String t = s.strip();
    return t.length() > max ? t.substring(0, max) : t;
  }

  private Integer number(Map<String, List<String>> params, String key) {
    String v = first(params, key).strip().replace(",", "");
    if (v.isEmpty()) {
      return null;
    }
    try {
      return Math.max(0, Integer.parseInt(v));
    } catch (NumberFormatException e) {
      ignored.add(key + "=" + cut(v, 40));
      return null;
    }
  }

  private LocalDate date(Map<String, List<String>> params, String key) {
    String v = first(params, key).strip();
    if (v.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      ignored.add(key + "=" + cut(v, 40));
      return null;
    }
  }

  /** The backend-neutral query for this form's page. */
  public SearchQuery query() {
    return SearchQuery.of(q)
        .withFilters(include, exclude)
        .withLanguage(lang)
        .withComplete(complete)
        .withWords(new SearchQuery.Range(wordsMin, wordsMax))
        .withUpdated(
            new SearchQuery.DateRange(
                from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC),
                to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)))
        .withStats(
            new SearchQuery.Range(kudosMin, kudosMax),
            new SearchQuery.Range(hitsMin, hitsMax),
            new SearchQuery.Range(bookmarksMin, bookmarksMax))
        .withSort(sort)
        .withReverse(reversed())
        .withPage((page - 1) * pageSize, pageSize);
  }

  public String q() {
    return q;
  }

  public int page() {
    return page;
  }

  /** Results per page: {@code page_size}, 1 to 100, 20 when not given. */
  public int pageSize() {
    return pageSize;
  }

  /** The page asked for, before deep pages were bounded. */
  public int askedPage() {
    return askedPage;
  }

  /** How many pages {@code total} results fill (at least one), up to the paging limit. */
  public long pages(long total) {
    return Math.max(1, (Math.min(total, SearchQuery.MAX_OFFSET) + pageSize - 1) / pageSize);
  }

  public SearchQuery.Sort sort() {
    return sort;
  }

  /** "asc", "desc", or "" for the sort's usual order. */
  public String direction() {
    return direction;
  }

  /**
   * Whether the direction asked for is the opposite of the sort's usual one: titles and authors run
   * A to Z, everything else highest (or newest) first; best match has one order.
   */
  private boolean reversed() {
    if (direction.isEmpty() || sort == SearchQuery.Sort.RELEVANCE) {
      return false;
    }
    boolean ascendingByDefault = sort == SearchQuery.Sort.TITLE || sort == SearchQuery.Sort.AUTHOR;
    return direction.equals("asc") != ascendingByDefault;
  }

  public String lang() {
    return lang;
  }

  /** "true", "false" or "" (either). */
  public String complete() {
    return complete == null ? "" : complete.toString();
  }

  public String wordsMin() {
    return wordsMin == null ? "" : wordsMin.toString();
  }

  public String wordsMax() {
    return wordsMax == null ? "" : wordsMax.toString();
  }

  public String kudosMin() {
    return text(kudosMin);
  }

  public String kudosMax() {
    return text(kudosMax);
  }

  public String hitsMin() {
    return text(hitsMin);
  }

  public String hitsMax() {
    return text(hitsMax);
  }

  public String bookmarksMin() {
    return text(bookmarksMin);
  }

  public String bookmarksMax() {
    return text(bookmarksMax);
  }

  private static String text(Integer n) {
    return n == null ? "" : n.toString();
  }

  private boolean hasStatRanges() {
    return kudosMin != null
        || kudosMax != null
        || hitsMin != null
        || hitsMax != null
        || bookmarksMin != null
        || bookmarksMax != null;
  }

  public String updatedFrom() {
    return from == null ? "" : from.toString();
  }

  public String updatedTo() {
    return to == null ? "" : to.toString();
  }

  public List<TagFilter> include() {
    return List.copyOf(include);
  }

  public List<TagFilter> exclude() {
    return List.copyOf(exclude);
  }

  /** Parameters that could not be read and were left out. */
  public List<String> ignored() {
    return List.copyOf(ignored);
  }

  /** Filters written in the search box ("words>1000") that the form took as its own. */
  public List<String> understood() {
    return understood;
  }

  private static Integer or(Integer a, Integer b) {
    return a != null ? a : b;
  }

  private Integer[] range(Map<String, List<String>> params, String name, QueryOperators ops) {
    Integer min = or(number(params, name + "_min"), ops.min().get(name));
    Integer max = or(number(params, name + "_max"), ops.max().get(name));
    if (max != null && max < 0) {
      max = 0;
      min = 1;
    }
    return min != null && max != null && min > max && !(min == 1 && max == 0)
        ? new Integer[] {max, min}
        : new Integer[] {min, max};
  }

  /** True when the form asks for anything at all (else the page shows only the search box). */
  public boolean isActive() {
    return !q.isBlank()
        || !include.isEmpty()
        || !exclude.isEmpty()
        || !lang.isBlank()
        || complete != null
        || wordsMin != null
        || wordsMax != null
        || from != null
        || to != null
        || hasStatRanges();
  }

  /** The tag types with fixed lists, offered as checkboxes in the form as AO3 does. */
  public static final List<TagType> BOXED =
      List.of(TagType.RATING, TagType.ARCHIVE_WARNING, TagType.CATEGORY);

  /** One checkbox: the parameter value it sends and whether this search has it. */
  public record Box(String id, String value, String label, boolean checked) {}

  /** A type's checkboxes under one legend. */
  public record BoxGroup(String legend, List<Box> boxes) {}

  /**
   * The checkboxes for {@code which} ("include" or "exclude"): every rating, archive warning and
   * category, ticked when this search has it. Several ratings included mean any of them.
   */
  public List<BoxGroup> boxes(String which) {
    boolean in = which.equals("include");
    List<BoxGroup> out = new ArrayList<>();
    for (TagType type : BOXED) {
      List<Box> boxes = new ArrayList<>();
      List<String> names = org.quire.model.FixedTags.names(type);
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i);
        boolean checked = in ? isIncluded(type, n) : isExcluded(type, n);
        boxes.add(
            new Box(which + "-" + type.key() + "-" + i, param(new TagFilter(type, n)), n, checked));
      }
      String legend =
          switch (type) {
            case RATING -> in ? "Ratings (any of them)" : "Ratings";
            case ARCHIVE_WARNING -> "Archive warnings";
            default -> "Categories";
          };
      out.add(new BoxGroup(legend, boxes));
    }
    return out;
  }

  /** Included filters sent as hidden fields: those the checkboxes do not carry. */
  public List<TagFilter> hiddenInclude() {
    return include.stream().filter(f -> !boxed(f)).toList();
  }

  /** The same for excluded filters. */
  public List<TagFilter> hiddenExclude() {
    return exclude.stream().filter(f -> !boxed(f)).toList();
  }

  /** Whether a checkbox carries this filter (a closed type's name as its list spells it). */
  private static boolean boxed(TagFilter f) {
    return BOXED.contains(f.type())
        && org.quire.model.FixedTags.names(f.type()).stream()
            .anyMatch(
                n ->
                    org.quire.tags.TagWrangler.key(n)
                        .equals(org.quire.tags.TagWrangler.key(f.name())));
  }

  /** Filter parameter value, e.g. "character:Spike". */
  public static String param(TagFilter f) {
    return f.type().key() + ":" + f.name();
  }

  private Map<String, List<String>> params() {
    Map<String, List<String>> p = new LinkedHashMap<>();
    put(p, "q", q);
    include.forEach(f -> p.computeIfAbsent("include", k -> new ArrayList<>()).add(param(f)));
    exclude.forEach(f -> p.computeIfAbsent("exclude", k -> new ArrayList<>()).add(param(f)));
    put(p, "lang", lang);
    put(p, "complete", complete());
    put(p, "words_min", wordsMin());
    put(p, "words_max", wordsMax());
    put(p, "kudos_min", kudosMin());
    put(p, "kudos_max", kudosMax());
    put(p, "hits_min", hitsMin());
    put(p, "hits_max", hitsMax());
    put(p, "bookmarks_min", bookmarksMin());
    put(p, "bookmarks_max", bookmarksMax());
    put(p, "updated_from", updatedFrom());
    put(p, "updated_to", updatedTo());
    if (sort != SearchQuery.Sort.RELEVANCE) {
      put(p, "sort", sort.key());
    }
    put(p, "sort_direction", direction);
    if (pageSize != QuireWeb.PAGE_SIZE) {
      put(p, "page_size", Integer.toString(pageSize));
    }
    return p;
  }

  private static void put(Map<String, List<String>> p, String k, String v) {
    if (v != null && !v.isBlank()) {
      p.put(k, new ArrayList<>(List.of(v)));
    }
  }

  private static String href(String path, Map<String, List<String>> p) {
    StringBuilder sb = new StringBuilder(path).append('?');
    p.forEach(
        (k, vs) -> vs.forEach(v -> sb.append(k).append('=').append(Texts.url(v)).append('&')));
    return sb.toString();
  }

  /** The Atom feed of this search's filters and words, newest works first. */
  public String feedHref() {
    Map<String, List<String>> p = params();
    p.remove("sort");
    p.remove("sort_direction");
    p.remove("page_size");
    return trim(href("/feeds/works.atom", p));
  }

  /** This search's URL up to "page=", for the pager. */
  public String pagerBase() {
    return href(path, params());
  }

  /** This search with one more included tag. */
  public String includeHref(TagType type, String name) {
    Map<String, List<String>> p = params();
    TagFilter f = new TagFilter(type, name);
    p.computeIfAbsent("include", k -> new ArrayList<>()).add(param(f));
    // The exclusion as this search spells it ("fluff" for the facet's "Fluff").
    find(exclude, type, name)
        .ifPresent(e -> p.getOrDefault("exclude", new ArrayList<>()).remove(param(e)));
    return trim(href(path, p));
  }

  /** This search with one more excluded tag. */
  public String excludeHref(TagType type, String name) {
    Map<String, List<String>> p = params();
    TagFilter f = new TagFilter(type, name);
    p.computeIfAbsent("exclude", k -> new ArrayList<>()).add(param(f));
    find(include, type, name)
        .ifPresent(i -> p.getOrDefault("include", new ArrayList<>()).remove(param(i)));
    return trim(href(path, p));
  }

  /** This search without one filter. */
  public String removeHref(String which, TagFilter f) {
    Map<String, List<String>> p = params();
    p.getOrDefault(which, new ArrayList<>()).remove(param(f));
    return trim(href(path, p));
  }

  /** A filter other than a tag shown as a chip: what it keeps, and the search without it. */
  public record Chip(String label, String removeHref) {}

  /** The language, status and ranges this search applies, each removable on its own. */
  public List<Chip> otherChips() {
    List<Chip> out = new ArrayList<>();
    if (!lang.isBlank()) {
      out.add(new Chip("Language: " + lang, without("lang")));
    }
    if (complete != null) {
      out.add(new Chip(complete ? "Complete only" : "In progress only", without("complete")));
    }
    range(out, "Words", wordsMin, wordsMax, "words_min", "words_max");
    range(out, "Kudos", kudosMin, kudosMax, "kudos_min", "kudos_max");
    range(out, "Hits", hitsMin, hitsMax, "hits_min", "hits_max");
    range(out, "Bookmarks", bookmarksMin, bookmarksMax, "bookmarks_min", "bookmarks_max");
    if (from != null || to != null) {
      out.add(
          new Chip(
              "Updated "
                  + (from == null
                      ? "until " + to
                      : to == null ? "since " + from : from + " to " + to),
              without("updated_from", "updated_to")));
    }
    return out;
  }

  private void range(
      List<Chip> out, String what, Integer min, Integer max, String minKey, String maxKey) {
    if (min == null && max == null) {
      return;
    }
    String label =
        min == null
            ? what + ": at most " + Texts.number(max)
            : max == null
                ? what + ": at least " + Texts.number(min)
                : what + ": " + Texts.number(min) + "–" + Texts.number(max);
    out.add(new Chip(label, without(minKey, maxKey)));
  }

  /** This search without some parameters. */
  private String without(String... keys) {
    Map<String, List<String>> p = params();
    for (String k : keys) {
      p.remove(k);
    }
    return trim(href(path, p));
  }

  /** This search with one parameter set (or, with null, left out), from the first page. */
  public String withParam(String key, String value) {
    Map<String, List<String>> p = params();
    p.remove(key);
    put(p, key, value);
    return trim(href(path, p));
  }

  /** This search limited to one language (or, with null, any). */
  public String languageHref(String language) {
    Map<String, List<String>> p = params();
    p.remove("lang");
    put(p, "lang", language);
    return trim(href(path, p));
  }

  public boolean isIncluded(TagType type, String name) {
    return find(include, type, name).isPresent();
  }

  public boolean isExcluded(TagType type, String name) {
    return find(exclude, type, name).isPresent();
  }

  /** The included filter for a tag as spelt in this search ("fluff" for a facet's "Fluff"). */
  public java.util.Optional<TagFilter> included(TagType type, String name) {
    return find(include, type, name);
  }

  /** The same for an excluded tag. */
  public java.util.Optional<TagFilter> excluded(TagType type, String name) {
    return find(exclude, type, name);
  }

  /** A filter on this tag, whatever its case and spacing (the index files tags so). */
  private static java.util.Optional<TagFilter> find(
      List<TagFilter> filters, TagType type, String name) {
    String key = org.quire.tags.TagWrangler.key(name);
    return filters.stream()
        .filter(f -> f.type() == type && org.quire.tags.TagWrangler.key(f.name()).equals(key))
        .findFirst();
  }

  private static String trim(String href) {
    return href.endsWith("&") || href.endsWith("?") ? href.substring(0, href.length() - 1) : href;
  }
}

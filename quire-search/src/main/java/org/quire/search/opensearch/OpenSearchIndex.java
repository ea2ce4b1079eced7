package org.quire.search.opensearch;

import static org.quire.search.opensearch.OpenSearchQueries.obj;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.core5.http.HttpHost;
import org.opensearch.client.json.jackson.JacksonJsonpMapper;
import org.opensearch.client.opensearch.generic.Body;
import org.opensearch.client.opensearch.generic.OpenSearchGenericClient;
import org.opensearch.client.opensearch.generic.Requests;
import org.opensearch.client.opensearch.generic.Response;
import org.opensearch.client.transport.OpenSearchTransport;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;
import org.quire.model.Chapter;
import org.quire.model.QuireException;
import org.quire.model.TagType;
import org.quire.model.Work;
import org.quire.search.ChapterTexts;
import org.quire.search.IndexedTags;
import org.quire.search.QueryText;
import org.quire.search.SearchIndex;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.quire.search.WorkStats;
import org.quire.tags.TagWrangler;

/**
 * {@link SearchIndex} on an OpenSearch 3 cluster, through the opensearch-java client: one document
 * per work, keyed by the work's id, in an index whose mapping and analysers Quire creates and
 * versions ({@code <name>-v<N>}). The analysers mirror the Lucene backend's, so both find the same
 * works for the same query. Several Quire processes may share the index.
 *
 * <p>Freshness: OpenSearch refreshes every second by itself, so an indexed work is searchable
 * within a second; {@link #refresh()} makes it so at once. Snippets come from OpenSearch's unified
 * highlighter over the chapter text; the chapter and offset are found in the store's copy.
 */
public final class OpenSearchIndex implements SearchIndex {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FACET_VALUES = 30;
  private static final int MAX_SNIPPET_CHARS = 320;
  private static final String PRE = "\uE000";
  private static final String POST = "\uE001";

  private final OpenSearchTransport transport;
  private final OpenSearchGenericClient client;
  private final String index;
  private final TagWrangler wrangler;
  private final ChapterTexts texts;
  private final OpenSearchQueries queries;
  private final AtomicBoolean dirty = new AtomicBoolean();

  private OpenSearchIndex(
      OpenSearchTransport transport, String index, TagWrangler wrangler, ChapterTexts texts) {
    this.transport = transport;
    this.client = new OpenSearchGenericClient(transport);
    this.index = index;
    this.wrangler = wrangler;
    this.texts = texts;
    this.queries = new OpenSearchQueries(wrangler);
  }

  /**
   * Connects to the cluster at {@code url} and creates the index when it is missing.
   *
   * @param url for example {@code http://127.0.0.1:9200}
   * @param name the index name's prefix; the mapping version is appended
   * @param wrangler canonical tags and their parents
   * @param texts where snippets find the chapter a passage is in, or null for no snippets
   * @throws QuireException when the cluster cannot be reached or the index cannot be made
   */
  public static OpenSearchIndex open(
      String url, String name, TagWrangler wrangler, ChapterTexts texts) {
    if (name == null || !name.matches("[a-z0-9][a-z0-9_-]{0,100}")) {
      throw new QuireException(
          "The search index name must be lower-case letters, digits, - or _; got \"" + name + "\".",
          null);
    }
    HttpHost host;
    try {
      host = HttpHost.create(url.strip());
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      throw new QuireException("Cannot read the OpenSearch URL \"" + url + "\".", e);
    }
    OpenSearchTransport transport =
        ApacheHttpClient5TransportBuilder.builder(host).setMapper(new JacksonJsonpMapper()).build();
    OpenSearchIndex os =
        new OpenSearchIndex(transport, name + "-v" + Docs.MAPPING_VERSION, wrangler, texts);
    try {
      os.ensureIndex();
    } catch (RuntimeException e) {
      os.close();
      throw e;
    }
    return os;
  }

  /** The index this backend reads and writes. */
  public String indexName() {
    return index;
  }

  private void ensureIndex() {
    Reply r = call("HEAD", "/" + index, null);
    if (r.status() == 404) {
      createIndex();
    } else if (r.status() != 200) {
      throw failure("check the search index", r);
    }
  }

  private void createIndex() {
    JsonNode mapping;
    try (InputStream in = OpenSearchIndex.class.getResourceAsStream("works-v2.json")) {
      mapping = JSON.readTree(in);
    } catch (IOException e) {
      throw new QuireException("The index mapping is missing from Quire's jar.", e);
    }
    Reply r = call("PUT", "/" + index, mapping);
    // Another Quire process may have made it a moment ago.
    if (r.status() != 200 && !r.body().contains("resource_already_exists_exception")) {
      throw failure("create the search index " + index, r);
    }
  }

  @Override
  public void index(Work work, WorkStats stats) {
    Reply r = call("PUT", "/" + index + "/_doc/" + work.id(), document(work, stats));
    if (r.status() != 200 && r.status() != 201) {
      throw failure("index work " + work.id(), r);
    }
    dirty.set(true);
  }

  /** One {@code _bulk} request for the lot; any document the cluster refuses fails the call. */
  @Override
  public void indexAll(List<Work> works, List<WorkStats> stats) {
    if (works.isEmpty()) {
      return;
    }
    java.io.ByteArrayOutputStream ndjson = new java.io.ByteArrayOutputStream();
    try {
      for (int i = 0; i < works.size(); i++) {
        ObjectNode action = JSON.createObjectNode();
        action.putObject("index").put("_id", Long.toString(works.get(i).id()));
        ndjson.write(JSON.writeValueAsBytes(action));
        ndjson.write('\n');
        ndjson.write(JSON.writeValueAsBytes(document(works.get(i), stats.get(i))));
        ndjson.write('\n');
      }
    } catch (IOException e) {
      throw new QuireException("Cannot write a bulk request: " + e.getMessage(), e);
    }
    Reply r =
        send(
            "POST",
            "/" + index + "/_bulk",
            Body.from(ndjson.toByteArray(), "application/x-ndjson"));
    if (r.status() != 200) {
      throw failure("index " + works.size() + " works", r);
    }
    JsonNode res = r.json();
    if (res.path("errors").asBoolean(false)) {
      for (JsonNode item : res.path("items")) {
        JsonNode err = item.path("index").path("error");
        if (!err.isMissingNode()) {
          throw new QuireException(
              "OpenSearch refused work "
                  + item.path("index").path("_id").asText()
                  + ": "
                  + err.path("reason").asText(),
              null);
        }
      }
    }
    dirty.set(true);
  }

  private ObjectNode document(Work work, WorkStats stats) {
    ObjectNode d = JSON.createObjectNode();
    d.put(Docs.ID, work.id());
    ArrayNode titles = d.putArray(Docs.TITLE).add(work.title());
    ArrayNode notes = d.putArray(Docs.NOTES);
    addIf(notes, work.notes());
    addIf(notes, work.endNotes());
    ArrayNode text = d.putArray(Docs.TEXT);
    for (Chapter c : work.chapters()) {
      addIf(titles, c.title());
      addIf(notes, c.notes());
      addIf(notes, c.endNotes());
      text.add(c.text());
    }
    ArrayNode authors = d.putArray(Docs.AUTHOR);
    ArrayNode authorKeys = d.putArray(Docs.AUTHOR_KEY);
    for (String a : work.authors()) {
      authors.add(a);
      authorKeys.add(OpenSearchQueries.lower(a));
    }
    if (work.summary() != null && !work.summary().isBlank()) {
      d.put(Docs.SUMMARY, work.summary());
    }
    IndexedTags tags = IndexedTags.of(work.tags(), wrangler);
    // A tag's words are those of its keys (spelling, canonical and meta tags), as in Lucene's
    // index.
    ArrayNode allTags = d.putArray(Docs.TAG);
    tags.filterKeys()
        .forEach(
            (type, keys) -> {
              ArrayNode typed = d.putArray(Docs.tagText(type));
              ArrayNode filter = d.putArray(Docs.filter(type));
              keys.forEach(
                  k -> {
                    typed.add(k);
                    allTags.add(k);
                    filter.add(k);
                  });
            });
    tags.facets().forEach((type, names) -> names.forEach(d.putArray(Docs.facet(type))::add));
    if (work.language() != null && !work.language().isBlank()) {
      d.put(Docs.LANGUAGE, OpenSearchQueries.lower(work.language()));
      d.put(Docs.LANGUAGE_FACET, work.language().strip());
    }
    d.put(Docs.COMPLETE, Boolean.toString(work.complete()));
    d.put(Docs.VISIBILITY, stats.visibility().key());
    d.put(Docs.WORDS, work.wordCount());
    d.put(Docs.KUDOS, stats.kudos());
    d.put(Docs.HITS, stats.hits());
    d.put(Docs.BOOKMARKS, stats.bookmarks());
    d.put(Docs.COMMENTS, stats.comments());
    d.put(Docs.POSTED, stats.posted().toEpochMilli());
    d.put(Docs.UPDATED, stats.updated().toEpochMilli());
    d.put(Docs.TITLE_SORT, IndexedTags.sortKey(work.title()));
    d.put(
        Docs.AUTHOR_SORT,
        work.authors().isEmpty() ? "\uffff" : IndexedTags.sortKey(work.authors().getFirst()));
    return d;
  }

  private static void addIf(ArrayNode a, String s) {
    if (s != null && !s.isBlank()) {
      a.add(s);
    }
  }

  @Override
  public void delete(long workId) {
    Reply r = call("DELETE", "/" + index + "/_doc/" + workId, null);
    if (r.status() != 200 && r.status() != 404) {
      throw failure("remove work " + workId + " from the search index", r);
    }
    dirty.set(true);
  }

  @Override
  public void refresh() {
    Reply r = call("POST", "/" + index + "/_refresh", null);
    if (r.status() != 200) {
      throw failure("refresh the search index", r);
    }
    dirty.set(false);
  }

  private void refreshIfDirty() {
    if (dirty.get()) {
      refresh();
    }
  }

  @Override
  public SearchResults search(SearchQuery q) {
    QueryText text = QueryText.parse(q.text());
    if (q.offset() >= SearchQuery.MAX_OFFSET) {
      return SearchResults.pastTheLimit(run(q.withPage(0, 1), text, false));
    }
    return run(q, text, true);
  }

  private SearchResults run(SearchQuery q, QueryText text, boolean withHits) {
    int end = Math.min(q.offset() + q.limit(), SearchQuery.MAX_OFFSET);
    ObjectNode body = JSON.createObjectNode();
    body.put("from", withHits ? q.offset() : 0);
    body.put("size", withHits ? Math.max(0, end - q.offset()) : 0);
    body.put("track_total_hits", true);
    body.put("_source", false);
    body.set("query", queries.translate(q, text));
    body.set("sort", sort(q.sort(), q.reverse()));
    ObjectNode aggs = body.putObject("aggs");
    for (TagType t : TagType.values()) {
      aggs.set(t.key(), terms(Docs.facet(t)));
    }
    aggs.set("language", terms(Docs.LANGUAGE_FACET));
    boolean snippets = withHits && texts != null && !text.isEmpty() && !text.onlyNegated();
    if (snippets) {
      ObjectNode field =
          JSON.createObjectNode()
              .put("type", "unified")
              .put("number_of_fragments", 1)
              .put("fragment_size", MAX_SNIPPET_CHARS)
              // Word boundaries, not sentences: a sentence scan of every chapter made the
              // highlighter 3× slower than the query (measured: 76 ms against 227 ms for a page).
              .put("boundary_scanner", "word")
              .put("no_match_size", 0);
      field.putArray("pre_tags").add(PRE);
      field.putArray("post_tags").add(POST);
      ObjectNode highlight = body.putObject("highlight");
      highlight.putObject("fields").set(Docs.TEXT, field);
      highlight.set("highlight_query", queries.textOnly(text));
    }
    Reply r = call("POST", "/" + index + "/_search", body);
    if (r.status() == 400) {
      // A query OpenSearch will not run (too many clauses, say) is the reader's to rephrase.
      return new SearchResults(
          0, List.of(), Map.of(), "That search could not be run. Try fewer or simpler words.");
    }
    if (r.status() != 200) {
      throw failure("search", r);
    }
    JsonNode res = r.json();
    long total = res.path("hits").path("total").path("value").asLong();
    List<SearchResults.Hit> hits = new ArrayList<>();
    for (JsonNode h : res.path("hits").path("hits")) {
      long id = Long.parseLong(h.path("_id").asText());
      float score = (float) h.path("_score").asDouble(0);
      SearchResults.Snippet snippet = null;
      JsonNode frag = h.path("highlight").path(Docs.TEXT).path(0);
      if (snippets && frag.isTextual()) {
        snippet = snippet(id, frag.asText());
      }
      hits.add(new SearchResults.Hit(id, Float.isNaN(score) ? 0f : score, snippet));
    }
    Map<String, List<SearchResults.FacetValue>> facets = new LinkedHashMap<>();
    res.path("aggregations")
        .properties()
        .forEach(
            e -> {
              List<SearchResults.FacetValue> values = new ArrayList<>();
              for (JsonNode b : e.getValue().path("buckets")) {
                values.add(
                    new SearchResults.FacetValue(
                        b.path("key").asText(), b.path("doc_count").asLong()));
              }
              if (!values.isEmpty()) {
                facets.put(e.getKey(), values);
              }
            });
    return new SearchResults(total, hits, facets, null);
  }

  @Override
  public List<SearchResults.FacetValue> tagCounts(
      TagType type, SearchQuery.Audience audience, int limit) {
    refreshIfDirty();
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 0);
    body.set(
        "query", queries.translate(SearchQuery.of("").withAudience(audience), QueryText.parse("")));
    body.putObject("aggs")
        .set(
            "t",
            obj(
                "terms",
                JSON.createObjectNode()
                    .put("field", Docs.facet(type))
                    .put("size", Math.max(1, limit))));
    Reply r = call("POST", "/" + index + "/_search", body);
    if (r.status() != 200) {
      throw failure("count tags", r);
    }
    List<SearchResults.FacetValue> values = new ArrayList<>();
    for (JsonNode b : r.json().path("aggregations").path("t").path("buckets")) {
      values.add(
          new SearchResults.FacetValue(b.path("key").asText(), b.path("doc_count").asLong()));
    }
    return values;
  }

  private static ObjectNode terms(String field) {
    return obj("terms", JSON.createObjectNode().put("field", field).put("size", FACET_VALUES));
  }

  /** Every sort ends with the work id, newest first, so pages never shift between requests. */
  private static ArrayNode sort(SearchQuery.Sort sort, boolean reverse) {
    ArrayNode s = JSON.createArrayNode();
    // Counts and dates run highest first, titles and authors A to Z, unless turned round; ties by
    // work id, highest first, either way (as the Lucene index does).
    String high = reverse ? "asc" : "desc";
    String az = reverse ? "desc" : "asc";
    switch (sort) {
      case RELEVANCE -> s.add(obj("_score", JSON.createObjectNode().put("order", "desc")));
      case UPDATED -> s.add(order(Docs.UPDATED, high));
      case POSTED -> s.add(order(Docs.POSTED, high));
      case WORDS -> s.add(order(Docs.WORDS, high));
      case TITLE -> s.add(order(Docs.TITLE_SORT, az));
      case AUTHOR -> s.add(order(Docs.AUTHOR_SORT, az));
      case KUDOS -> s.add(order(Docs.KUDOS, high));
      case HITS -> s.add(order(Docs.HITS, high));
      case BOOKMARKS -> s.add(order(Docs.BOOKMARKS, high));
      case COMMENTS -> s.add(order(Docs.COMMENTS, high));
    }
    s.add(desc(Docs.ID));
    return s;
  }

  private static ObjectNode order(String field, String order) {
    return obj(field, JSON.createObjectNode().put("order", order));
  }

  private static ObjectNode desc(String field) {
    return obj(field, JSON.createObjectNode().put("order", "desc"));
  }

  /**
   * A highlighted fragment as a snippet: the marked parts, and the chapter and offset where the
   * fragment stands in the store's text (a fragment never spans two chapters).
   */
  private SearchResults.Snippet snippet(long workId, String fragment) {
    String plain = fragment.replace(PRE, "").replace(POST, "");
    int chapter = 1;
    int offset = 0;
    List<String> chapters = texts.of(workId);
    for (int i = 0; i < chapters.size(); i++) {
      int at = chapters.get(i).indexOf(plain);
      if (at >= 0) {
        chapter = i + 1;
        offset = at;
        break;
      }
    }
    List<SearchResults.Part> parts = new ArrayList<>();
    int pos = 0;
    while (pos < fragment.length()) {
      int s = fragment.indexOf(PRE, pos);
      if (s < 0) {
        parts.add(new SearchResults.Part(fragment.substring(pos), false));
        break;
      }
      if (s > pos) {
        parts.add(new SearchResults.Part(fragment.substring(pos, s), false));
      }
      int e = fragment.indexOf(POST, s);
      e = e < 0 ? fragment.length() : e;
      parts.add(new SearchResults.Part(fragment.substring(s + PRE.length(), e), true));
      pos = e + POST.length();
    }
    parts.removeIf(p -> p.text().isEmpty());
    return new SearchResults.Snippet(chapter, offset, parts);
  }

  @Override
  public long count() {
    refreshIfDirty();
    Reply r = call("GET", "/" + index + "/_count", null);
    if (r.status() != 200) {
      throw failure("count the search index", r);
    }
    return r.json().path("count").asLong();
  }

  @Override
  public long indexedThrough() {
    refreshIfDirty();
    ObjectNode body = JSON.createObjectNode().put("size", 0);
    body.putObject("aggs").set("m", obj("max", JSON.createObjectNode().put("field", Docs.UPDATED)));
    Reply r = call("POST", "/" + index + "/_search", body);
    if (r.status() != 200) {
      throw failure("read the search index", r);
    }
    JsonNode v = r.json().path("aggregations").path("m").path("value");
    return v.isNumber() ? v.asLong() : 0;
  }

  /**
   * Drops and re-creates the index (delete-by-query needs OpenSearch's reindex module, which not
   * every distribution has). Run rebuilds from one process at a time: a write from another process
   * in between would auto-create the index without Quire's mapping.
   */
  @Override
  public void clear() {
    Reply r = call("DELETE", "/" + index, null);
    if (r.status() != 200 && r.status() != 404) {
      throw failure("clear the search index", r);
    }
    createIndex();
    dirty.set(false);
  }

  @Override
  public void close() {
    try {
      transport.close();
    } catch (IOException e) {
      // Nothing is lost: every change was acknowledged by the cluster already.
    }
  }

  /** A response's status and body. */
  private record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new QuireException("OpenSearch sent JSON Quire cannot read.", e);
      }
    }
  }

  private Reply call(String method, String endpoint, JsonNode body) {
    Body b;
    try {
      b = body == null ? null : Body.from(JSON.writeValueAsBytes(body), "application/json");
    } catch (IOException e) {
      throw new QuireException("Cannot write a request to OpenSearch: " + e.getMessage(), e);
    }
    return send(method, endpoint, b);
  }

  private Reply send(String method, String endpoint, Body b) {
    try (Response res = client.execute(Requests.create(method, endpoint, List.of(), Map.of(), b))) {
      String text =
          res.getBody().map(x -> new String(x.bodyAsBytes(), StandardCharsets.UTF_8)).orElse("");
      return new Reply(res.getStatus(), text);
    } catch (IOException e) {
      throw new QuireException(
          "Cannot reach OpenSearch (" + method + " " + endpoint + "): " + e.getMessage(), e);
    }
  }

  private static QuireException failure(String what, Reply r) {
    String reason = r.body();
    try {
      JsonNode err = JSON.readTree(r.body()).path("error");
      if (err.has("reason")) {
        reason = err.path("type").asText() + ": " + err.path("reason").asText();
      }
    } catch (IOException | RuntimeException ignored) {
      // keep the raw body
    }
    if (reason.length() > 300) {
      reason = reason.substring(0, 300) + "…";
    }
    return new QuireException(
        "Could not " + what + " in OpenSearch (HTTP " + r.status() + "): " + reason, null);
  }
}

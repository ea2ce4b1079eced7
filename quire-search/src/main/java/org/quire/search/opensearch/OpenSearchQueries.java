package org.quire.search.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.quire.model.TagType;
import org.quire.model.Visibility;
import org.quire.search.QueryText;
import org.quire.search.SearchQuery;
import org.quire.tags.TagWrangler;

/**
 * Turns a {@link SearchQuery} into OpenSearch's query DSL, clause for clause as the Lucene backend
 * does (same fields, weights, filters and audience), so both backends answer alike.
 */
final class OpenSearchQueries {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Plain words look in these fields, with these weights (as in the Lucene backend). */
  private static final Map<String, Float> ALL_FIELDS = new LinkedHashMap<>();

  static {
    ALL_FIELDS.put(Docs.TITLE, 4f);
    ALL_FIELDS.put(Docs.AUTHOR, 3f);
    ALL_FIELDS.put(Docs.TAG, 3f);
    ALL_FIELDS.put(Docs.SUMMARY, 2f);
    ALL_FIELDS.put(Docs.NOTES, 1f);
    ALL_FIELDS.put(Docs.TEXT, 1f);
  }

  private final TagWrangler wrangler;

  OpenSearchQueries(TagWrangler wrangler) {
    this.wrangler = wrangler;
  }

  /** The whole query: text clauses scoring, everything else as filters. */
  ObjectNode translate(SearchQuery q, QueryText text) {
    ObjectNode bool = JSON.createObjectNode();
    ArrayNode must = bool.putArray("must");
    ArrayNode mustNot = bool.putArray("must_not");
    ArrayNode filter = bool.putArray("filter");
    ObjectNode wholeTag = namedTags(text.asTagName(), true, 5f);
    if (wholeTag != null) {
      // "Buffy Summers/Spike" typed without quotes: the works with that tag, or with the words.
      ArrayNode words = JSON.createArrayNode();
      text.clauses().forEach(c -> words.add(clause(c)));
      ArrayNode either = JSON.createArrayNode().add(obj("bool", obj("must", words))).add(wholeTag);
      must.add(obj("bool", obj("should", either)));
    } else {
      for (QueryText.Clause c : text.clauses()) {
        (c.negated() ? mustNot : must).add(clause(c));
      }
    }
    if (must.isEmpty()) {
      must.add(obj("match_all", JSON.createObjectNode()));
    }
    for (List<SearchQuery.TagFilter> group : q.includeGroups()) {
      if (group.size() == 1) {
        filter.add(tagFilter(group.getFirst().type(), group.getFirst().name()));
      } else {
        ObjectNode any = JSON.createObjectNode();
        ArrayNode should = any.putArray("should");
        group.forEach(f -> should.add(tagFilter(f.type(), f.name())));
        any.put("minimum_should_match", 1);
        filter.add(obj("bool", any));
      }
    }
    for (SearchQuery.TagFilter f : q.exclude()) {
      mustNot.add(tagFilter(f.type(), f.name()));
    }
    audience(filter, mustNot, q.audience());
    if (q.language() != null) {
      filter.add(term(Docs.LANGUAGE, lower(q.language())));
    }
    if (q.complete() != null) {
      filter.add(term(Docs.COMPLETE, q.complete().toString()));
    }
    range(filter, Docs.WORDS, q.words());
    range(filter, Docs.KUDOS, q.kudos());
    range(filter, Docs.HITS, q.hits());
    range(filter, Docs.BOOKMARKS, q.bookmarks());
    if (!q.updated().isAny()) {
      ObjectNode r = JSON.createObjectNode();
      if (q.updated().from() != null) {
        r.put("gte", q.updated().from().toEpochMilli());
      }
      if (q.updated().to() != null) {
        r.put("lte", q.updated().to().toEpochMilli());
      }
      filter.add(obj("range", obj(Docs.UPDATED, r)));
    }
    return obj("bool", bool);
  }

  /** The text-only part, for highlighting: filters must not light up words. */
  ObjectNode textOnly(QueryText text) {
    ObjectNode bool = JSON.createObjectNode();
    ArrayNode should = bool.putArray("should");
    for (QueryText.Clause c : text.clauses()) {
      if (!c.negated()) {
        should.add(clause(c));
      }
    }
    return obj("bool", bool);
  }

  ObjectNode tagFilter(TagType type, String name) {
    return term(Docs.filter(type), TagWrangler.key(wrangler.canonical(type, name)));
  }

  private ObjectNode clause(QueryText.Clause c) {
    if (c.anyOf().size() == 1) {
      return term(c.anyOf().getFirst());
    }
    ArrayNode should = JSON.createArrayNode();
    c.anyOf().forEach(t -> should.add(term(t)));
    return obj("bool", obj("should", should));
  }

  private ObjectNode term(QueryText.Term t) {
    return switch (t.field()) {
      case ALL -> {
        ArrayNode should = JSON.createArrayNode();
        ALL_FIELDS.forEach(
            (field, boost) -> {
              ObjectNode q = single(field, t, boost);
              if (q != null) {
                should.add(q);
              }
            });
        ObjectNode named = t.prefix() ? null : namedTags(t.text(), true, 4f);
        if (named != null) {
          should.add(named);
        }
        yield should.isEmpty() ? matchNone() : obj("bool", obj("should", should));
      }
      case TITLE -> inField(Docs.TITLE, t);
      case AUTHOR -> inField(Docs.AUTHOR, t);
      case SUMMARY -> inField(Docs.SUMMARY, t);
      case NOTES -> inField(Docs.NOTES, t);
      case TEXT -> inField(Docs.TEXT, t);
      case TAG -> {
        ObjectNode named = t.prefix() ? null : namedTags(t.text(), false, 2f);
        yield named == null
            ? inField(Docs.TAG, t)
            : obj(
                "bool", obj("should", JSON.createArrayNode().add(inField(Docs.TAG, t)).add(named)));
      }
      case LANGUAGE -> term(Docs.LANGUAGE, lower(t.text()));
      default -> {
        TagType type = t.field().tagType();
        ObjectNode exact = tagFilter(type, t.text());
        ((ObjectNode) exact.get("term").get(Docs.filter(type))).put("boost", 2f);
        ArrayNode should = JSON.createArrayNode().add(exact);
        ObjectNode words =
            t.wholeRelationship() && wrangler.known(type, t.text())
                ? null
                : single(Docs.tagText(type), t, 1f);
        if (words != null) {
          should.add(words);
        }
        yield obj("bool", obj("should", should));
      }
    };
  }

  /** The works with a tag {@code text} names, of any kind it names (as the Lucene backend). */
  private ObjectNode namedTags(String text, boolean bare, float boost) {
    if (text == null) {
      return null;
    }
    List<TagType> types = wrangler.namedBy(text, bare);
    if (types.isEmpty()) {
      return null;
    }
    ArrayNode should = JSON.createArrayNode();
    types.forEach(type -> should.add(tagFilter(type, text)));
    ObjectNode body = obj("should", should);
    body.put("boost", boost);
    return obj("bool", body);
  }

  private ObjectNode inField(String field, QueryText.Term t) {
    ObjectNode q = single(field, t, 1f);
    return q == null ? matchNone() : q;
  }

  /** One term in one field; null when nothing is left to search (a one-letter prefix). */
  private static ObjectNode single(String field, QueryText.Term t, float boost) {
    ObjectNode body = JSON.createObjectNode();
    String kind;
    if (t.prefix()) {
      String normal = fold(lower(t.text()));
      if (normal.length() < 2) {
        return null;
      }
      kind = "prefix";
      body.put("value", normal);
    } else if (t.phrase()) {
      kind = "match_phrase";
      body.put("query", t.text());
    } else {
      kind = "match";
      body.put("query", t.text()).put("operator", "and");
    }
    if (boost != 1f) {
      body.put("boost", boost);
    }
    return obj(kind, obj(field, body));
  }

  /** What this searcher may see, minus what they muted. */
  private void audience(ArrayNode filter, ArrayNode mustNot, SearchQuery.Audience a) {
    ArrayNode seen = JSON.createArrayNode().add(Visibility.PUBLIC.key());
    if (a.member()) {
      seen.add(Visibility.RESTRICTED.key());
    }
    filter.add(obj("terms", obj(Docs.VISIBILITY, seen)));
    for (String author : a.mutedAuthors()) {
      mustNot.add(term(Docs.AUTHOR_KEY, lower(author)));
    }
    for (SearchQuery.TagFilter f : a.mutedTags()) {
      mustNot.add(tagFilter(f.type(), f.name()));
    }
    if (!a.hiddenWorks().isEmpty()) {
      ArrayNode ids = JSON.createArrayNode();
      a.hiddenWorks().forEach(ids::add);
      mustNot.add(obj("terms", obj(Docs.ID, ids)));
    }
  }

  private static void range(ArrayNode filter, String field, SearchQuery.Range r) {
    if (!r.isAny()) {
      ObjectNode b = JSON.createObjectNode();
      if (r.min() != null) {
        b.put("gte", r.min());
      }
      if (r.max() != null) {
        b.put("lte", r.max());
      }
      filter.add(obj("range", obj(field, b)));
    }
  }

  private static ObjectNode term(String field, String value) {
    return obj("term", obj(field, JSON.createObjectNode().put("value", value)));
  }

  private static ObjectNode matchNone() {
    return obj("match_none", JSON.createObjectNode());
  }

  static ObjectNode obj(String key, JsonNode value) {
    ObjectNode o = JSON.createObjectNode();
    o.set(key, value);
    return o;
  }

  static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }

  /** ASCII folding as the index's analysers do it ("Zoë" → "zoe"). */
  static String fold(String s) {
    char[] in = s.toCharArray();
    char[] out = new char[in.length * 4];
    int n = ASCIIFoldingFilter.foldToASCII(in, 0, out, 0, in.length);
    return new String(out, 0, n);
  }
}

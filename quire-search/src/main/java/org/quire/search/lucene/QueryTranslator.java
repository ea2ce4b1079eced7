package org.quire.search.lucene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.quire.model.TagType;
import org.quire.model.Visibility;
import org.quire.search.QueryText;
import org.quire.search.QueryText.Field;
import org.quire.search.SearchQuery;
import org.quire.tags.TagWrangler;

/** Turns a {@link SearchQuery} into Lucene queries: one that scores, and filters that don't. */
final class QueryTranslator {
  /** Plain words look in these fields, with these weights. */
  private static final Map<String, Float> ALL_FIELDS =
      Map.of(
          Fields.TITLE, 4f,
          Fields.AUTHOR, 3f,
          Fields.TAG, 3f,
          Fields.SUMMARY, 2f,
          Fields.NOTES, 1f,
          Fields.TEXT, 1f);

  private final Analyzer analyzer;
  private final QueryBuilder builder;
  private final TagWrangler wrangler;
  private final TagNames tagNames;

  QueryTranslator(Analyzer analyzer, TagWrangler wrangler, TagNames tagNames) {
    this.analyzer = analyzer;
    this.builder = new QueryBuilder(analyzer);
    this.wrangler = wrangler;
    this.tagNames = tagNames;
  }

  /** The whole query: text clauses scoring, everything else as filters. */
  Query translate(SearchQuery q, QueryText text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    boolean anyMust = false;
    Query wholeTag = namedTags(text.asTagName(), true);
    if (wholeTag != null) {
      // "Buffy Summers/Spike" typed without quotes: the works with that tag, or with the words.
      BooleanQuery.Builder words = new BooleanQuery.Builder();
      text.clauses().forEach(c -> words.add(clause(c), Occur.MUST));
      b.add(
          new BooleanQuery.Builder()
              .add(words.build(), Occur.SHOULD)
              .add(new BoostQuery(wholeTag, 5f), Occur.SHOULD)
              .build(),
          Occur.MUST);
      anyMust = true;
    } else {
      for (QueryText.Clause c : text.clauses()) {
        Query cq = clause(c);
        if (c.negated()) {
          b.add(cq, Occur.MUST_NOT);
        } else {
          b.add(cq, Occur.MUST);
          anyMust = true;
        }
      }
    }
    if (!anyMust) {
      b.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    for (List<SearchQuery.TagFilter> group : q.includeGroups()) {
      if (group.size() == 1) {
        b.add(tagFilter(group.getFirst().type(), group.getFirst().name()), Occur.FILTER);
      } else {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        group.forEach(f -> any.add(tagFilter(f.type(), f.name()), Occur.SHOULD));
        b.add(any.build(), Occur.FILTER);
      }
    }
    for (SearchQuery.TagFilter f : q.exclude()) {
      b.add(tagFilter(f.type(), f.name()), Occur.MUST_NOT);
    }
    addAudience(b, q.audience());
    if (q.language() != null) {
      b.add(new TermQuery(new Term(Fields.LANGUAGE, lower(q.language()))), Occur.FILTER);
    }
    if (q.complete() != null) {
      b.add(new TermQuery(new Term(Fields.COMPLETE, q.complete().toString())), Occur.FILTER);
    }
    addRange(b, Fields.WORDS, q.words());
    addRange(b, Fields.KUDOS, q.kudos());
    addRange(b, Fields.HITS, q.hits());
    addRange(b, Fields.BOOKMARKS, q.bookmarks());
    if (!q.updated().isAny()) {
      long from = q.updated().from() == null ? Long.MIN_VALUE : q.updated().from().toEpochMilli();
      long to = q.updated().to() == null ? Long.MAX_VALUE : q.updated().to().toEpochMilli();
      b.add(LongPoint.newRangeQuery(Fields.UPDATED, from, to), Occur.FILTER);
    }
    return b.build();
  }

  /**
   * The text-only part, for highlighting chapter text: filters must not light up words, and terms
   * of fields other than chapter text could not (nor are a type's tag names looked up twice).
   */
  Query textOnly(QueryText text) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (QueryText.Clause c : text.clauses()) {
      if (!c.negated()) {
        for (QueryText.Term t : c.anyOf()) {
          if (t.field() == Field.ALL || t.field() == Field.TEXT) {
            b.add(term(t, false), Occur.SHOULD);
          }
        }
      }
    }
    return b.build();
  }

  Query tagFilter(TagType type, String name) {
    return new TermQuery(
        new Term(Fields.filter(type), TagWrangler.key(wrangler.canonical(type, name))));
  }

  private static void addRange(BooleanQuery.Builder b, String field, SearchQuery.Range r) {
    if (!r.isAny()) {
      int min = r.min() == null ? Integer.MIN_VALUE : r.min();
      int max = r.max() == null ? Integer.MAX_VALUE : r.max();
      b.add(IntPoint.newRangeQuery(field, min, max), Occur.FILTER);
    }
  }

  private Query clause(QueryText.Clause c) {
    if (c.anyOf().size() == 1) {
      return term(c.anyOf().getFirst());
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (QueryText.Term t : c.anyOf()) {
      b.add(term(t), Occur.SHOULD);
    }
    return b.build();
  }

  private Query term(QueryText.Term t) {
    return term(t, true);
  }

  /** One term; {@code withTags} false for highlighting, where tags named by words light nothing. */
  private Query term(QueryText.Term t, boolean withTags) {
    return switch (t.field()) {
      case ALL -> {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        ALL_FIELDS.forEach((field, boost) -> add(b, field, t, boost));
        Query named = !withTags || t.prefix() ? null : namedTags(t.text(), true);
        if (named != null) {
          b.add(new BoostQuery(named, 4f), Occur.SHOULD);
        }
        yield orNothing(b);
      }
      case TITLE -> inField(Fields.TITLE, t);
      case AUTHOR -> inField(Fields.AUTHOR, t);
      case SUMMARY -> inField(Fields.SUMMARY, t);
      case NOTES -> inField(Fields.NOTES, t);
      case TEXT -> inField(Fields.TEXT, t);
      case TAG -> {
        Query named = t.prefix() ? null : namedTags(t.text(), false);
        yield named == null
            ? inField(Fields.TAG, t)
            : new BooleanQuery.Builder()
                .add(inField(Fields.TAG, t), Occur.SHOULD)
                .add(new BoostQuery(named, 2f), Occur.SHOULD)
                .build();
      }
      case LANGUAGE -> new TermQuery(new Term(Fields.LANGUAGE, lower(t.text())));
      default -> tagTerm(t.field(), t);
    };
  }

  /**
   * The works with a tag that {@code text} names, of any kind it names one of ("btvs" the fandom,
   * "Spuffy" the ship); null when it names none.
   */
  private Query namedTags(String text, boolean bare) {
    if (text == null) {
      return null;
    }
    List<TagType> types = wrangler.namedBy(text, bare);
    if (types.isEmpty()) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    types.forEach(type -> b.add(tagFilter(type, text), Occur.SHOULD));
    return b.build();
  }

  /** A tag field: the exact (canonicalised) tag, or its words among that type's tag names. */
  private Query tagTerm(Field field, QueryText.Term t) {
    if (t.wholeRelationship() && wrangler.known(TagType.RELATIONSHIP, t.text())) {
      return new BoostQuery(tagFilter(field.tagType(), t.text()), 2f);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new BoostQuery(tagFilter(field.tagType(), t.text()), 2f), Occur.SHOULD);
    Query words = tagWords(field.tagType(), t);
    if (words != null) {
      b.add(words, Occur.SHOULD);
    }
    return b.build();
  }

  /** The works with a tag of {@code type} whose name has these words, or null. */
  private Query tagWords(TagType type, QueryText.Term t) {
    if (!t.phrase() && !t.prefix()) {
      List<String> words = words(TagNames.NAME, t.text());
      if (words.size() > 1) {
        // Each word in some name of the type, not necessarily the same one, as when the words
        // were a field of the work's own (and as on OpenSearch): character:buffy/spike.
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words) {
          Query one = tagWords(type, new TermQuery(new Term(TagNames.NAME, w)));
          if (one == null) {
            return null;
          }
          all.add(one, Occur.MUST);
        }
        return all.build();
      }
    }
    return tagWords(type, single(TagNames.NAME, t));
  }

  private Query tagWords(TagType type, Query words) {
    if (words == null) {
      return null;
    }
    try {
      return tagNames.works(type, words);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Query inField(String field, QueryText.Term t) {
    Query q = single(field, t);
    return q == null ? new MatchNoDocsQuery() : q;
  }

  private void add(BooleanQuery.Builder b, String field, QueryText.Term t, float boost) {
    Query q = single(field, t);
    if (q != null) {
      b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
    }
  }

  private static Query orNothing(BooleanQuery.Builder b) {
    BooleanQuery q = b.build();
    return q.clauses().isEmpty() ? new MatchNoDocsQuery() : q;
  }

  /** The terms {@code text} makes in {@code field}. */
  private List<String> words(String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** One term in one field, analysed as that field is; null when nothing is left to search. */
  private Query single(String field, QueryText.Term t) {
    if (t.prefix()) {
      var normal = analyzer.normalize(field, t.text());
      return normal.length < 2 ? null : new PrefixQuery(new Term(field, normal));
    }
    return t.phrase()
        ? builder.createPhraseQuery(field, t.text())
        : builder.createBooleanQuery(field, t.text(), Occur.MUST);
  }

  /** What this searcher may see, minus what they muted. */
  private void addAudience(BooleanQuery.Builder b, SearchQuery.Audience a) {
    // Every work is indexed with exactly one visibility, so "what they may see" is "none of what
    // they may not": excluding the rare values costs next to nothing, where requiring the common
    // one made every search walk its postings (a third of a common phrase's time at a million).
    for (Visibility v : Visibility.values()) {
      boolean seen = v == Visibility.PUBLIC || (v == Visibility.RESTRICTED && a.member());
      if (!seen) {
        b.add(new TermQuery(new Term(Fields.VISIBILITY, v.key())), Occur.MUST_NOT);
      }
    }
    for (String author : a.mutedAuthors()) {
      b.add(new TermQuery(new Term(Fields.AUTHOR_KEY, lower(author.strip()))), Occur.MUST_NOT);
    }
    for (SearchQuery.TagFilter f : a.mutedTags()) {
      b.add(tagFilter(f.type(), f.name()), Occur.MUST_NOT);
    }
    if (!a.hiddenWorks().isEmpty()) {
      // One set query however many works a reader has read (no clause limit to hit).
      b.add(
          new TermInSetQuery(
              Fields.ID,
              a.hiddenWorks().stream().map(id -> new BytesRef(Long.toString(id))).toList()),
          Occur.MUST_NOT);
    }
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}

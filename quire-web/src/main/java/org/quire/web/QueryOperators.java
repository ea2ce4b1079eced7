package org.quire.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters AO3 readers type into the search box ({@code words>1000}, {@code kudos:>=50}, {@code
 * word_count:1000-5000}, {@code sort:kudos}, {@code complete:true}), taken out of the words and
 * given to the search form as its own filters, so they show in its fields and chips and can be
 * removed there. A search with them would otherwise look for the word "words" and find nothing.
 */
record QueryOperators(
    String text,
    Map<String, Integer> min,
    Map<String, Integer> max,
    String sort,
    Boolean complete,
    List<String> understood) {

  private static final Pattern RANGE =
      Pattern.compile(
          "(?i)(?<![\\w:])(words|word_count|wordcount|kudos|kudos_count|hits|bookmarks"
              + "|bookmarks_count)\\s*(?::\\s*(<=|>=|<|>|=)?|(<=|>=|<|>|=))\\s*"
              + "(\\d[\\d,]{0,12})(?:\\s*-\\s*(\\d[\\d,]{0,12}))?(?![\\w.])");

  private static final Pattern SORT =
      Pattern.compile("(?i)(?<![\\w:])sort(?:_column)?\\s*:\\s*([a-z_]+)(?![\\w])");

  private static final Pattern COMPLETE =
      Pattern.compile(
          "(?i)(?<![\\w:])(?:complete|completed|status)\\s*:\\s*"
              + "(true|false|yes|no|complete|completed|wip|in-progress|incomplete)(?![\\w-])");

  /** What a search box's text says: its words, and the filters written among them. */
  static QueryOperators read(String q) {
    Map<String, Integer> min = new HashMap<>();
    Map<String, Integer> max = new HashMap<>();
    List<String> understood = new ArrayList<>();
    String rest = q == null ? "" : q;
    Matcher m = RANGE.matcher(rest);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String field = field(m.group(1));
      String op = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : "=";
      Integer a = number(m.group(4));
      Integer b = number(m.group(5));
      if (a == null || m.group(5) != null && b == null) {
        continue;
      }
      if (b != null) {
        min.put(field, Math.min(a, b));
        max.put(field, Math.max(a, b));
      } else {
        switch (op) {
          case ">" -> min.put(field, a + 1);
          case ">=" -> min.put(field, a);
          // "<0" asks for less than nothing: no work has it.
          case "<" -> max.put(field, a - 1);
          case "<=" -> max.put(field, a);
          default -> {
            min.put(field, a);
            max.put(field, a);
          }
        }
      }
      understood.add(m.group().strip());
      m.appendReplacement(out, " ");
    }
    m.appendTail(out);
    rest = out.toString();
    String sort = null;
    Matcher s = SORT.matcher(rest);
    if (s.find()) {
      sort = sortKey(s.group(1));
      if (sort != null) {
        understood.add(s.group().strip());
        rest = rest.substring(0, s.start()) + " " + rest.substring(s.end());
      }
    }
    Boolean complete = null;
    Matcher c = COMPLETE.matcher(rest);
    if (c.find()) {
      String v = c.group(1).toLowerCase(Locale.ROOT);
      complete = v.equals("true") || v.equals("yes") || v.startsWith("complete");
      understood.add(c.group().strip());
      rest = rest.substring(0, c.start()) + " " + rest.substring(c.end());
    }
    String text = understood.isEmpty() ? q : rest.replaceAll("\\s+", " ").strip();
    return new QueryOperators(text, min, max, sort, complete, understood);
  }

  private static String field(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("word") ? "words" : n.replace("_count", "");
  }

  /** AO3's and Quire's names of a sort ("kudos_count", "revised_at", "word_count"). */
  private static String sortKey(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "kudos", "kudos_count" -> "kudos";
      case "hits" -> "hits";
      case "bookmarks", "bookmarks_count" -> "bookmarks";
      case "comments", "comments_count" -> "comments";
      case "words", "word_count", "wordcount", "length" -> "words";
      case "updated", "revised_at", "date", "date_updated" -> "updated";
      case "posted", "created_at", "published", "date_posted" -> "posted";
      case "title", "title_to_sort_on" -> "title";
      case "author", "authors_to_sort_on", "creator" -> "author";
      case "relevance", "_score", "best" -> "relevance";
      default -> null;
    };
  }

  /** A count as typed, at most what a range can hold ("words>99999999999" is every length). */
  private static Integer number(String s) {
    if (s == null) {
      return null;
    }
    try {
      return (int) Math.min(Integer.MAX_VALUE - 1, Long.parseLong(s.replace(",", "")));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

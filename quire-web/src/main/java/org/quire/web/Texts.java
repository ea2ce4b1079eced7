package org.quire.web;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;

/** Small text helpers for templates. */
public final class Texts {
  private Texts() {}

  private static final Map<String, String> RATING_CODES =
      Map.of(
          "General Audiences", "G",
          "Teen And Up Audiences", "T",
          "Mature", "M",
          "Explicit", "E");

  /** "G", "T", "M", "E" or "NR". */
  public static String ratingCode(String rating) {
    return RATING_CODES.getOrDefault(rating, "NR");
  }

  /** 12,345 */
  /**
   * A work's language as an HTML {@code lang} value ("fr" for French), so screen readers read its
   * words in the right voice (WCAG 3.1.2); null (no attribute) when unknown.
   */
  public static String lang(String language) {
    String tag = org.quire.export.Languages.tag(language);
    return tag.equals("und") ? null : tag;
  }

  /**
   * The {@code dir} attribute beside {@link #lang}: "rtl" for Arabic, Hebrew, Persian …, null (left
   * out) for the rest, which the page's own direction covers.
   */
  public static String dir(String language) {
    return org.quire.export.Languages.dir(language).equals("rtl") ? "rtl" : null;
  }

  /**
   * A summary or note as safe HTML: stored as Markdown (what AO3's editor makes, read from a
   * download or a paste), so its paragraphs, line breaks, emphasis, links and lists show as the
   * author wrote them; anything else is escaped or removed.
   */
  public static String note(String text) {
    return org.quire.export.ChapterRenderer.noteHtml(text);
  }

  /**
   * Plain text as safe HTML, line by line (the page's CSS keeps the line breaks): every character
   * escaped, emphasis marks shown as italics and bold. A story's opening words in a blurb.
   */
  public static String lines(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (String line : text.split("\n", -1)) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append(org.quire.export.ChapterRenderer.emphasised(line));
    }
    return b.toString();
  }

  public static String number(long n) {
    return NumberFormat.getIntegerInstance(Locale.US).format(n);
  }

  /** The first words of a text up to about {@code max} characters, ending on a word. */
  public static String opening(String text, int max) {
    if (text == null) {
      return "";
    }
    // By hand and only as far as needed, not a regex over the whole text: every blurb of every
    // listing comes through here. Runs of ASCII whitespace become one space, as \\s+ would.
    StringBuilder b = new StringBuilder(Math.min(text.length(), max + 1));
    int i = 0;
    int n = text.length();
    while (i < n && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    boolean space = false;
    for (; i < n && b.length() <= max; i++) {
      char c = text.charAt(i);
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        space = true;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    int rest = i;
    while (rest < n && Character.isWhitespace(text.charAt(rest))) {
      rest++;
    }
    String s = rest >= n ? b.toString().strip() : b.toString(); // at the end: strip as before
    if (s.length() <= max) {
      return s;
    }
    int cut = s.lastIndexOf(' ', max);
    return s.substring(0, cut > max / 2 ? cut : max) + "…";
  }

  /** 0.734 as "73%". */
  public static String percent(double d) {
    return Math.round(d * 100) + "%";
  }

  /** A URL query value, encoded. */
  public static String url(String s) {
    return java.net.URLEncoder.encode(s == null ? "" : s, java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Text for a URL fragment's text directive ({@code #:~:text=}): percent-encoded, with the
   * characters the directive reserves ({@code - , &}) encoded too.
   */
  public static String fragment(String s) {
    return url(s).replace("+", "%20").replace("-", "%2D").replace(",", "%2C");
  }

  private static final java.time.format.DateTimeFormatter DATE =
      java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
          .withZone(java.time.ZoneOffset.UTC);

  /** A day, as "25 Nov 2026" (UTC). */
  public static String date(java.time.Instant t) {
    return t == null ? "" : DATE.format(t);
  }

  /** A path segment, percent-encoded (spaces as %20, slashes encoded). */
  public static String segment(String s) {
    return url(s).replace("+", "%20");
  }
}

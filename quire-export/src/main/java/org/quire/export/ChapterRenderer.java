package org.quire.export;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.quire.model.TextFormat;
import org.quire.model.Work;
import org.quire.text.Paragraphs;
import org.quire.text.SceneBreaks;

/**
 * Turns a chapter's stored text into what the reader shows. Plain text becomes paragraph and
 * scene-break blocks that the template escapes; Markdown becomes HTML with raw HTML escaped by
 * CommonMark and the result sanitised again, so no story can carry script into a page.
 */
public final class ChapterRenderer {
  private ChapterRenderer() {}

  /**
   * One block of a rendered chapter.
   *
   * @param sceneBreak true for a scene break
   * @param lines the paragraph's lines (shown with line breaks between), empty for a break
   */
  public record Block(boolean sceneBreak, List<String> lines) {
    /** Line {@code i} as safe HTML: escaped, with the writer's *emphasis* shown as such. */
    public String htmlLine(int i) {
      return emphasised(lines.get(i));
    }
  }

  /**
   * Emphasis as writers of plain text mark it, {@code *word*}, {@code _word_} and {@code **word**}:
   * the marks must hug the words they enclose and stand apart from the words around them, so "5*3"
   * or "snake_case" or a lone "*" stays as typed. The stored text keeps its marks; only the page
   * shows them as italics and bold. A span is at most 400 characters, which also bounds the work on
   * a hostile line full of marks.
   */
  private static final java.util.regex.Pattern EMPHASIS =
      java.util.regex.Pattern.compile(
          "(?<![\\p{L}\\p{N}*_])(\\*\\*|__|\\*|_)(?=[^\\s*_])(.{1,400}?)(?<=[^\\s*_])\\1(?![\\p{L}\\p{N}*_])");

  /**
   * A plain-text line as safe HTML with its emphasis marks turned into {@code em} and {@code
   * strong}.
   */
  public static String emphasised(String line) {
    if (line.indexOf('*') < 0 && line.indexOf('_') < 0) {
      return escape(line);
    }
    java.util.regex.Matcher m = EMPHASIS.matcher(line);
    StringBuilder out = new StringBuilder(line.length() + 16);
    int last = 0;
    while (m.find()) {
      String tag = m.group(1).length() == 2 ? "strong" : "em";
      out.append(escape(line.substring(last, m.start())))
          .append('<')
          .append(tag)
          .append('>')
          .append(emphasised(m.group(2)))
          .append("</")
          .append(tag)
          .append('>');
      last = m.end();
    }
    return out.append(escape(line.substring(last))).toString();
  }

  /** {@code ~~struck~~}, as HTML's {@code <s>} is imported; one tilde stays a tilde. */
  private static final List<org.commonmark.Extension> STRIKE =
      List.of(
          org.commonmark.ext.gfm.strikethrough.StrikethroughExtension.builder()
              .requireTwoTildes(true)
              .build());

  private static final Parser MARKDOWN = Parser.builder().extensions(STRIKE).build();
  private static final HtmlRenderer HTML =
      HtmlRenderer.builder().extensions(STRIKE).escapeHtml(true).sanitizeUrls(true).build();

  /**
   * Summaries and notes: paragraphs, emphasis, links (bare addresses too), lists and quotes, as
   * AO3's editor makes them; a single line break stays a line break. Headings and code blocks are
   * not read, so a note's "#1" or indented line is text.
   */
  private static final List<org.commonmark.Extension> NOTE_EXTENSIONS =
      List.of(STRIKE.getFirst(), org.commonmark.ext.autolink.AutolinkExtension.create());

  private static final Parser NOTE_MARKDOWN =
      Parser.builder()
          .extensions(NOTE_EXTENSIONS)
          .enabledBlockTypes(
              java.util.Set.of(
                  org.commonmark.node.BlockQuote.class,
                  org.commonmark.node.ListBlock.class,
                  org.commonmark.node.ThematicBreak.class))
          .build();
  private static final HtmlRenderer NOTE_HTML =
      HtmlRenderer.builder()
          .extensions(NOTE_EXTENSIONS)
          .escapeHtml(true)
          .sanitizeUrls(true)
          .softbreak("<br />\n")
          .build();

  /** Safe HTML of a summary or note (stored as Markdown): see {@link #NOTE_MARKDOWN}. */
  public static String noteHtml(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return render(NOTE_MARKDOWN, NOTE_HTML, markdown);
  }

  /**
   * Markdown as HTML, unsanitised. Two shapes of hostile input are defused first (see {@link
   * #defused}); and should the parser still recurse too deep, the text is shown escaped instead of
   * failing the page.
   */
  private static String render(Parser parser, HtmlRenderer renderer, String markdown) {
    String src = defused(markdown);
    try {
      return sanitize(renderer.render(parser.parse(src)));
    } catch (StackOverflowError e) {
      return "<p>" + escape(markdown).replace("\n", "<br>\n") + "</p>";
    }
  }

  /** Deepest nesting of quotes and lists kept; deeper markers on a line are left out. */
  static final int MAX_NESTING = 32;

  /** How far a {@code <} may be from the next {@code >} and still open a tag or an autolink. */
  static final int MAX_TAG = 1_000;

  /**
   * How many such far {@code <} a text may have and be read unchanged: a few cost little, and a
   * lone {@code <} in a code span keeps its exact look.
   */
  static final int MAX_FAR_ANGLES = 50;

  /**
   * The text with what makes CommonMark slow or recurse out of stack taken out: in a text with more
   * than {@link #MAX_FAR_ANGLES} of them, a {@code <} with no {@code >} within {@link #MAX_TAG}
   * characters (each made the parser scan to the paragraph's end, so 200 KB of {@code <a} took 18
   * s) becomes {@code &lt;}, which shows the same (an escaped {@code \\<} is left alone: it costs
   * nothing); a line nesting quotes or lists deeper than {@link #MAX_NESTING} keeps that many
   * markers.
   */
  static String defused(String text) {
    int n = text.length();
    int[] nextGt = farAngles(text) > MAX_FAR_ANGLES ? nextGt(text) : null;
    StringBuilder out = null;
    int lineStart = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (i == lineStart) {
        int cut = deepPrefixEnd(text, i);
        if (cut > i) {
          out = copyUpTo(out, text, i);
          out.append(text, i, cut);
          i = skipMarkers(text, cut) - 1;
          continue;
        }
      }
      if (c == '\n') {
        lineStart = i + 1;
      } else if (c == '<' && nextGt != null && !escaped(text, i)) {
        if (nextGt[i] - i > MAX_TAG) {
          out = copyUpTo(out, text, i);
          out.append("&lt;");
          continue;
        }
      }
      if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** For each position, where the next {@code >} is (or {@code Integer.MAX_VALUE}). */
  private static int[] nextGt(String text) {
    int n = text.length();
    int[] next = new int[n + 1];
    next[n] = Integer.MAX_VALUE;
    for (int k = n - 1; k >= 0; k--) {
      next[k] = text.charAt(k) == '>' ? k : next[k + 1];
    }
    return next;
  }

  /** How many unescaped {@code <} have no {@code >} within {@link #MAX_TAG} characters. */
  private static int farAngles(String text) {
    int far = 0;
    int gt = Integer.MAX_VALUE;
    for (int k = text.length() - 1; k >= 0; k--) {
      char c = text.charAt(k);
      if (c == '>') {
        gt = k;
      } else if (c == '<' && (long) gt - k > MAX_TAG && !escaped(text, k)) {
        far++;
      }
    }
    return far;
  }

  /** Whether the character at {@code i} follows an odd number of backslashes. */
  private static boolean escaped(String text, int i) {
    int k = i - 1;
    while (k >= 0 && text.charAt(k) == '\\') {
      k--;
    }
    return (i - 1 - k) % 2 == 1;
  }

  private static StringBuilder copyUpTo(StringBuilder out, String text, int i) {
    return out != null ? out : new StringBuilder(text.length() + 64).append(text, 0, i);
  }

  /**
   * Where the {@link #MAX_NESTING}th container marker ({@code >}, {@code -}, {@code *}, {@code +}
   * or {@code 1.}) of a line starting at {@code from} ends, when the line has more; else {@code
   * from}.
   */
  private static int deepPrefixEnd(String text, int from) {
    int i = from;
    int markers = 0;
    int n = text.length();
    while (i < n) {
      while (i < n && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      int next = marker(text, i);
      if (next < 0) {
        return from;
      }
      i = next;
      if (++markers == MAX_NESTING) {
        return marker(text, skipBlanks(text, i)) < 0 ? from : i;
      }
    }
    return from;
  }

  /** After the markers and spaces that start at {@code i}. */
  private static int skipMarkers(String text, int i) {
    while (true) {
      int j = skipBlanks(text, i);
      int next = marker(text, j);
      if (next < 0) {
        return j;
      }
      i = next;
    }
  }

  private static int skipBlanks(String text, int i) {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The end of a quote or list marker at {@code i}, or -1. */
  private static int marker(String text, int i) {
    int n = text.length();
    if (i >= n) {
      return -1;
    }
    char c = text.charAt(i);
    if (c == '>') {
      return i + 1;
    }
    if ((c == '-' || c == '*' || c == '+') && afterMarker(text, i + 1)) {
      return i + 1;
    }
    int j = i;
    while (j < n && j - i < 9 && Character.isDigit(text.charAt(j))) {
      j++;
    }
    if (j > i
        && j < n
        && (text.charAt(j) == '.' || text.charAt(j) == ')')
        && afterMarker(text, j + 1)) {
      return j + 1;
    }
    return -1;
  }

  /** A list marker is followed by a space, a tab or the line's end (as CommonMark reads it). */
  private static boolean afterMarker(String text, int i) {
    return i >= text.length()
        || text.charAt(i) == ' '
        || text.charAt(i) == '\t'
        || text.charAt(i) == '\n';
  }

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "em",
              "strong",
              "b",
              "i",
              "u",
              "s",
              "del",
              "blockquote",
              "ul",
              "ol",
              "li",
              "br",
              "hr",
              "code",
              "pre",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "a",
              "sup",
              "sub",
              "small",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td")
          // An empty address (what CommonMark leaves of a "javascript:" link) is no link at all.
          .allowAttributes("href")
          .matching(java.util.regex.Pattern.compile("\\S+"))
          .onElements("a")
          .allowStandardUrlProtocols()
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .toFactory();

  /** Blocks of a plain-text chapter, whose work's paragraph shape is already known. */
  public static List<Block> blocks(String text, boolean blankSeparated) {
    List<Block> out = new ArrayList<>();
    for (Paragraphs.Block b : Paragraphs.split(text, blankSeparated)) {
      if (b.kind() == Paragraphs.Kind.BREAK) {
        out.add(new Block(true, List.of()));
      } else {
        out.add(new Block(false, List.of(b.text().split("\n"))));
      }
    }
    return out;
  }

  /** Safe HTML of a Markdown chapter. */
  public static String markdownHtml(String text) {
    StringBuilder src = new StringBuilder(text.length() + 16);
    for (String line : text.split("\n", -1)) {
      // "~~~" and "oOo" are scene breaks to writers, not code fences or words.
      src.append(SceneBreaks.isBreak(line) ? "\n* * *\n" : line).append('\n');
    }
    return render(MARKDOWN, HTML, src.toString());
  }

  private static final HtmlRenderer HTML_ALLOWED =
      HtmlRenderer.builder().extensions(STRIKE).escapeHtml(false).sanitizeUrls(true).build();

  /**
   * Safe HTML of a reader's comment: Markdown, or the basic HTML AO3 allows in comments (both
   * sanitised to the same short list of elements; scripts, styles and event handlers are removed).
   */
  public static String commentHtml(String text) {
    return render(MARKDOWN, HTML_ALLOWED, text);
  }

  /** Removes anything but basic formatting from HTML. */
  public static String sanitize(String html) {
    return POLICY.sanitize(html);
  }

  /** Safe HTML of any chapter: Markdown rendered, plain text as paragraphs and scene breaks. */
  public static String html(String text, TextFormat format, boolean blankSeparated) {
    if (isMarkdown(format)) {
      return markdownHtml(text);
    }
    StringBuilder b = new StringBuilder(text.length() + text.length() / 8);
    for (Block bl : blocks(text, blankSeparated)) {
      if (bl.sceneBreak()) {
        b.append("<hr class=\"scene-break\" />\n");
      } else {
        b.append("<p>");
        for (int i = 0; i < bl.lines().size(); i++) {
          b.append(i == 0 ? "" : "<br />").append(bl.htmlLine(i));
        }
        b.append("</p>\n");
      }
    }
    return b.toString();
  }

  /** Whether a work's plain-text paragraphs are separated by blank lines (judged on all of it). */
  public static boolean blankSeparated(Work w) {
    StringBuilder all = new StringBuilder();
    w.chapters().forEach(c -> all.append(c.text()).append("\n\n"));
    return Paragraphs.isBlankSeparated(all.toString());
  }

  /** Escapes text for HTML and XML alike. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          // Characters XML 1.0 forbids are dropped: control characters, U+FFFE and U+FFFF, and
          // halves of surrogate pairs standing alone.
          if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if ((c >= 0x20 || c == '\n' || c == '\t' || c == '\r')
              && c != 0xFFFE
              && c != 0xFFFF
              && !Character.isSurrogate(c)) {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  /** Whether the text should be rendered as Markdown. */
  public static boolean isMarkdown(TextFormat f) {
    return f == TextFormat.MARKDOWN;
  }
}

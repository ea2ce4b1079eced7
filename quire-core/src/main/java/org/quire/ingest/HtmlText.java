package org.quire.ingest;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns story HTML into Markdown that keeps what a story needs: paragraphs, emphasis, headings,
 * block quotes, lists, line breaks and scene breaks ({@code <hr>} becomes {@code * * *}).
 * Everything else (scripts, styles, forms, images, attributes, links' targets) is dropped, so no
 * markup from the file reaches a page. Characters that Markdown would read as syntax are escaped,
 * so the words come back exactly as written.
 */
final class HtmlText {
  private static final Set<String> DROP =
      Set.of(
          "script",
          "style",
          "noscript",
          "template",
          "iframe",
          "object",
          "embed",
          "form",
          "input",
          "button",
          "select",
          "textarea",
          "svg",
          "math",
          "head",
          "title",
          "meta",
          "link",
          "img",
          "video",
          "audio",
          "canvas",
          "nav");
  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "section",
          "article",
          "main",
          "header",
          "footer",
          "aside",
          "center",
          "dl",
          "dt",
          "dd",
          "figure",
          "figcaption",
          "table",
          "tr",
          "pre",
          "address",
          "body",
          "html",
          "details",
          "summary");

  /** Marks line starts that are Quire's own Markdown (lists, headings), not the story's text. */
  private static final char OWN = '\uE000';

  private final StringBuilder out = new StringBuilder();

  /**
   * Whether links keep their web addresses (summaries and notes), or only their words (stories).
   */
  private final boolean links;

  private HtmlText(boolean links) {
    this.links = links;
  }

  /**
   * Deepest nesting kept; elements below it are unwrapped into their parents. Real stories nest a
   * dozen levels at most; a page nested thousands deep exists only to exhaust a recursive reader.
   */
  static final int MAX_DEPTH = 64;

  /** The Markdown of an element's content. */
  static String markdown(Element root) {
    flatten(root);
    return convert(root, false);
  }

  /**
   * The Markdown of a summary or note: as {@link #markdown}, and links to web and mail addresses
   * kept as links (an author's "translated into Russian here", a prompt's page).
   */
  static String noteMarkdown(Element root) {
    flatten(root);
    return convert(root, true);
  }

  /** Unwraps every element nested deeper than {@link #MAX_DEPTH} below the root. */
  static void flatten(Element root) {
    java.util.List<Element> deep = new java.util.ArrayList<>();
    // NodeTraversor walks without recursion, so depth itself cannot hurt it.
    org.jsoup.select.NodeTraversor.traverse(
        (node, depth) -> {
          if (depth > MAX_DEPTH && node instanceof Element e) {
            deep.add(e);
          }
        },
        root);
    for (Element e : deep) {
      e.unwrap();
    }
  }

  private String convert(Element root) {
    return convert(root, links);
  }

  private static String convert(Element root, boolean links) {
    HtmlText t = new HtmlText(links);
    t.children(root);
    return tidy(t.out.toString());
  }

  private void children(Element e) {
    for (Node n : e.childNodes()) {
      node(n);
    }
  }

  private void node(Node n) {
    if (n instanceof TextNode t) {
      out.append(escape(t.getWholeText().replaceAll("[\\t\\r\\n ]+", " ")));
      return;
    }
    if (!(n instanceof Element e)) {
      return;
    }
    String tag = e.normalName();
    if (DROP.contains(tag)) {
      return;
    }
    switch (tag) {
      case "br" -> out.append("  \n");
      case "hr" -> block(OWN + "* * *");
      case "em", "i", "cite", "dfn", "var" -> inline(e, "*");
      case "strong", "b" -> inline(e, "**");
      case "s", "strike", "del" -> inline(e, "~~");
      case "a" -> link(e);
      case "h1", "h2", "h3", "h4", "h5", "h6" -> {
        String text = convert(e).replace('\n', ' ').strip();
        if (!text.isEmpty()) {
          block(OWN + "#".repeat(tag.charAt(1) - '0') + " " + text);
        }
      }
      case "blockquote" -> {
        String inner = convert(e);
        if (!inner.isBlank()) {
          block(OWN + "> " + inner.replace("\n", "\n" + OWN + "> "));
        }
      }
      case "ul", "ol" -> {
        int i = 1;
        StringBuilder list = new StringBuilder();
        for (Element li : e.children()) {
          String item = convert(li).replace("\n", "\n   ");
          list.append(OWN).append(tag.equals("ol") ? (i++) + ". " : "- ").append(item).append('\n');
        }
        block(list.toString().stripTrailing());
      }
      default -> {
        if (BLOCKS.contains(tag) || tag.equals("li")) {
          paragraphBreak();
          children(e);
          paragraphBreak();
        } else {
          children(e);
        }
      }
    }
  }

  /** Web and mail addresses a note may link to; anything else (scripts, files) is left out. */
  private static final java.util.regex.Pattern SAFE_LINK =
      java.util.regex.Pattern.compile("(?i)(https?://[^\\s]+|mailto:[^\\s]+)");

  private void link(Element e) {
    String href = e.attr("href").strip();
    if (!links || makesBlocks(e) || !SAFE_LINK.matcher(href).matches()) {
      children(e);
      return;
    }
    String inner = convert(e).replace('\n', ' ').strip();
    if (inner.isEmpty()) {
      inner = escape(href);
    }
    // Angle brackets hold any address; only they and line ends need escaping inside.
    String target = href.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E");
    out.append('[').append(inner).append("](<").append(target).append(">)");
  }

  /** Elements that make blocks of their own, which Markdown emphasis cannot span. */
  private static boolean makesBlocks(Element e) {
    for (Element d : e.getAllElements()) {
      String t = d.normalName();
      if (d != e
          && (BLOCKS.contains(t)
              || t.length() == 2 && t.charAt(0) == 'h' && t.charAt(1) >= '1' && t.charAt(1) <= '6'
              || Set.of("ul", "ol", "li", "blockquote", "hr").contains(t))) {
        return true;
      }
    }
    return false;
  }

  private void inline(Element e, String mark) {
    if (makesBlocks(e)) {
      // Broken HTML (a <b> left open over a heading and paragraphs): keep the blocks and their
      // text; emphasis spanning blocks cannot be written in Markdown, so it is let go.
      children(e);
      return;
    }
    String inner = convert(e).replace("\n\n", " ");
    if (inner.isBlank()) {
      out.append(inner);
      return;
    }
    // Markdown emphasis may not start or end with a space: keep the spaces outside.
    String lead = inner.substring(0, inner.length() - inner.stripLeading().length());
    String trail = inner.substring(inner.stripTrailing().length());
    out.append(lead).append(mark).append(inner.strip()).append(mark).append(trail);
  }

  private void block(String s) {
    paragraphBreak();
    out.append(s);
    paragraphBreak();
  }

  private void paragraphBreak() {
    out.append("\n\n");
  }

  /**
   * Backslash-escapes what CommonMark would read as inline syntax: emphasis and strikethrough
   * marks, code spans, link brackets and the start of an HTML tag. Line-start syntax is handled in
   * {@link #tidy}.
   */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean tagStart =
          c == '<'
              && i + 1 < s.length()
              && (Character.isLetter(s.charAt(i + 1)) || "/!?".indexOf(s.charAt(i + 1)) >= 0);
      if ("\\`*_[]~".indexOf(c) >= 0 || tagStart) {
        b.append('\\');
      }
      b.append(c);
    }
    return b.toString();
  }

  /** Trims each line, collapses runs of blank lines, escapes list and quote markers at starts. */
  private static String tidy(String s) {
    StringBuilder b = new StringBuilder();
    int blank = 0;
    for (String line : s.split("\n", -1)) {
      String l = line.strip();
      boolean hardBreak = line.endsWith("  ") && !l.isEmpty();
      if (l.isEmpty()) {
        blank++;
        continue;
      }
      if (b.length() > 0) {
        b.append(blank > 0 ? "\n\n" : "\n");
      }
      blank = 0;
      if (!l.isEmpty() && l.charAt(0) == OWN) {
        l = l.substring(1).strip();
      } else if (l.matches("^\\d{1,9}[.)](\\s.*)?$")) {
        // The story's own "1. " would become a list, "# " a heading, "> " a quote.
        int dot = l.indexOf(l.matches("^\\d{1,9}\\..*") ? '.' : ')');
        l = l.substring(0, dot) + "\\" + l.substring(dot);
      } else if (l.matches("^([-+*]\\s|#{1,6}(\\s|$)|>|=+$).*")) {
        l = "\\" + l;
      }
      b.append(l);
      if (hardBreak) {
        b.append("  ");
      }
    }
    return b.toString();
  }
}

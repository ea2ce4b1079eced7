package org.quire.ingest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * Reads word-processor files: Word ({@code .docx}, Office Open XML) and OpenDocument text ({@code
 * .odt}, from LibreOffice and Google Docs). The document's paragraphs become a plain HTML page
 * (headings from paragraph styles and outline levels, italics and bold from the runs, line breaks
 * kept, fields, footnotes, deleted revisions and drawings left out), which then goes through the
 * same rules as any HTML page: title, author's notes, summary, chapters, scene breaks. Title and
 * author come from the document's properties when the text itself does not give them.
 *
 * <p>The archive is opened by {@link SafeZip} (zip bombs, traversal) and its XML read with jsoup's
 * XML parser, which neither fetches nor expands entities.
 */
final class OfficeReader {
  private static final String ODT_MIME = "application/vnd.oasis.opendocument.text";

  private OfficeReader() {}

  /** Reads a Word document. */
  static StoryParser.Parsed docx(byte[] bytes) {
    Map<String, byte[]> files = SafeZip.unzip(bytes);
    String main = "word/document.xml";
    byte[] rels = files.get("_rels/.rels");
    if (rels != null) {
      for (Element r : xml(rels).select("Relationship")) {
        if (r.attr("Type").endsWith("/officeDocument") && !r.attr("Target").isBlank()) {
          main = SafeZip.normalise("", r.attr("Target"));
        }
      }
    }
    byte[] document = files.get(main);
    if (document == null) {
      throw new SafeZip.Refused("not a Word document: " + main + " is missing.");
    }
    Map<String, Integer> levels = new HashMap<>();
    Map<String, RunStyle> characterStyles = new HashMap<>();
    byte[] styles = files.get("word/styles.xml");
    if (styles != null) {
      wordStyles(xml(styles), levels, characterStyles);
    }
    Element body = xml(document).selectFirst("w|body");
    if (body == null) {
      throw new SafeZip.Refused("not a Word document: its main part has no body.");
    }
    Page page = new Page();
    new Word(page, levels, characterStyles).blocks(body);
    Properties props = properties(files.get("docProps/core.xml"));
    return page.parse(props);
  }

  /** Reads an OpenDocument text. */
  static StoryParser.Parsed odt(byte[] bytes) {
    Map<String, byte[]> files = SafeZip.unzip(bytes);
    byte[] mime = files.get("mimetype");
    if (mime != null) {
      String type = new String(mime, StandardCharsets.US_ASCII).strip();
      if (!type.equals(ODT_MIME) && !type.equals(ODT_MIME + "-template")) {
        throw new SafeZip.Refused(
            "not an OpenDocument text: it says it is " + abbreviate(type) + ".");
      }
    }
    byte[] content = files.get("content.xml");
    if (content == null) {
      throw new SafeZip.Refused("not an OpenDocument text: content.xml is missing.");
    }
    Document doc = xml(content);
    Map<String, Style> styles = new HashMap<>();
    byte[] common = files.get("styles.xml");
    if (common != null) {
      odfStyles(xml(common), styles);
    }
    odfStyles(doc, styles);
    Element text = doc.selectFirst("office|body > office|text");
    if (text == null) {
      throw new SafeZip.Refused("not an OpenDocument text: it has no text body.");
    }
    Page page = new Page();
    new Odf(page, styles).blocks(text);
    Properties props = properties(files.get("meta.xml"));
    return page.parse(props);
  }

  /** Title, author and language from a document's properties. */
  private record Properties(String title, String author, String language) {}

  private static Properties properties(byte[] xml) {
    if (xml == null) {
      return new Properties(null, null, null);
    }
    Document d = xml(xml);
    Element creator = d.selectFirst("dc|creator");
    if (creator == null || creator.text().isBlank()) {
      creator = d.selectFirst("meta|initial-creator");
    }
    return new Properties(
        text(d.selectFirst("dc|title")), text(creator), text(d.selectFirst("dc|language")));
  }

  /**
   * The HTML page a document becomes. Consecutive runs with the same formatting are merged, so
   * Word's habit of splitting a sentence into many runs does not scatter emphasis marks.
   */
  private static final class Page {
    private final Document html = Document.createShell("");
    private Element paragraph;
    private Element run;
    private int runFormat = -1;

    void startParagraph(int level) {
      paragraph = html.body().appendElement(level > 0 ? "h" + Math.min(level, 6) : "p");
      run = null;
      runFormat = -1;
    }

    void text(String s, boolean italic, boolean bold) {
      if (s.isEmpty()) {
        return;
      }
      int format = (italic ? 1 : 0) | (bold ? 2 : 0);
      if (run == null || format != runFormat) {
        Element target = paragraph;
        if (bold) {
          target = target.appendElement("strong");
        }
        if (italic) {
          target = target.appendElement("em");
        }
        run = target;
        runFormat = format;
      }
      run.appendText(s);
    }

    /** Removes the paragraph before this one if it is a heading ending in the given word. */
    void dropHeadingNamed(String word) {
      Element before = paragraph == null ? null : paragraph.previousElementSibling();
      if (before != null
          && before.normalName().startsWith("h")
          && before.text().strip().toLowerCase(Locale.ROOT).endsWith(word)) {
        before.remove();
      }
    }

    void lineBreak() {
      paragraph.appendElement("br");
      run = null;
    }

    StoryParser.Parsed parse(Properties props) {
      html.body().children().removeIf(e -> e.text().isBlank());
      if (html.body().children().isEmpty()) {
        throw new SafeZip.Refused("the document holds no story text.");
      }
      if (props.title() != null) {
        html.title(props.title());
      }
      StoryParser.Parsed p = HtmlReader.generic(html);
      boolean addAuthor = p.authors().isEmpty() && props.author() != null;
      boolean addLanguage = p.language() == null && props.language() != null;
      if (!addAuthor && !addLanguage) {
        return p;
      }
      return new StoryParser.Parsed(
          p.title(),
          p.titleGenerated(),
          addAuthor ? List.of(props.author()) : p.authors(),
          p.summary(),
          p.notes(),
          p.endNotes(),
          p.chapters(),
          addLanguage ? props.language() : p.language(),
          p.complete(),
          p.tags(),
          p.problems(),
          p.expectedChapters(),
          p.published());
    }
  }

  /** A Word character style's effect on its runs. */
  private record RunStyle(boolean italic, boolean bold) {}

  /** Heading levels of Word's paragraph styles ("Title", "heading 1", outline levels). */
  private static void wordStyles(
      Document styles, Map<String, Integer> levels, Map<String, RunStyle> characterStyles) {
    Map<String, String> basedOn = new HashMap<>();
    Map<String, Integer> own = new HashMap<>();
    for (Element s : styles.select("w|style[w:styleId]")) {
      String id = s.attr("w:styleId");
      Element name = s.selectFirst("> w|name");
      String n = name == null ? "" : name.attr("w:val").toLowerCase(Locale.ROOT).strip();
      if (s.attr("w:type").equals("character")) {
        Element props = s.selectFirst("> w|rPr");
        characterStyles.put(
            id,
            new RunStyle(
                Word.on(props, "w|i") || n.equals("emphasis") || n.contains("italic"),
                Word.on(props, "w|b") || n.equals("strong") || n.contains("bold")));
        continue;
      }
      Integer level = null;
      if (n.equals("title")) {
        level = 1;
      } else if (n.matches("heading [1-9]")) {
        level = n.charAt(8) - '0';
      } else {
        Element outline = s.selectFirst("> w|pPr > w|outlineLvl");
        level = outlineLevel(outline);
      }
      if (level != null) {
        own.put(id, level);
      }
      Element parent = s.selectFirst("> w|basedOn");
      if (parent != null) {
        basedOn.put(id, parent.attr("w:val"));
      }
    }
    for (String id : basedOn.keySet()) {
      String at = id;
      for (int depth = 0; at != null && depth < 20; depth++) {
        if (own.containsKey(at)) {
          levels.put(id, own.get(at));
          break;
        }
        at = basedOn.get(at);
      }
    }
    own.forEach(levels::putIfAbsent);
  }

  /** Word's outline level 0–8 as a heading level 1–9; 9 is body text. */
  private static Integer outlineLevel(Element outline) {
    if (outline == null) {
      return null;
    }
    try {
      int v = Integer.parseInt(outline.attr("w:val"));
      return v >= 0 && v < 9 ? v + 1 : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Walks a Word body: paragraphs, tables and content controls, in reading order. A table of
   * contents (a TOC field, and the heading just before it) is left out: it is not the story.
   */
  private static final class Word {
    private final Page page;
    private final Map<String, Integer> levels;
    private final Map<String, RunStyle> charStyles;

    /** Open fields, innermost last: true for a table of contents. */
    private final java.util.ArrayDeque<Boolean> fields = new java.util.ArrayDeque<>();

    private int tocs;

    Word(Page page, Map<String, Integer> levels, Map<String, RunStyle> charStyles) {
      this.page = page;
      this.levels = levels;
      this.charStyles = charStyles;
    }

    void blocks(Element container) {
      for (Element e : container.children()) {
        switch (e.tagName()) {
          case "w:p" -> paragraph(e);
          case "w:tbl", "w:tr", "w:tc", "w:sdt", "w:sdtContent", "w:customXml" -> blocks(e);
          default -> {}
        }
      }
    }

    private void paragraph(Element p) {
      int level = 0;
      Element props = p.selectFirst("> w|pPr");
      if (props != null) {
        Element style = props.selectFirst("> w|pStyle");
        String id = style == null ? "" : style.attr("w:val");
        if (id.toLowerCase(Locale.ROOT).startsWith("toc")) {
          return;
        }
        level = levels.getOrDefault(id, 0);
        Integer direct = outlineLevel(props.selectFirst("> w|outlineLvl"));
        level = direct != null ? direct : level;
      }
      page.startParagraph(level);
      inline(p);
    }

    private void inline(Element container) {
      for (Element e : container.children()) {
        switch (e.tagName()) {
          case "w:r" -> run(e);
          case "w:hyperlink",
              "w:ins",
              "w:smartTag",
              "w:sdt",
              "w:sdtContent",
              "w:fldSimple",
              "w:customXml",
              "w:moveTo",
              "w:dir",
              "w:bdo" ->
              inline(e);
          default -> {}
        }
      }
    }

    private void run(Element r) {
      Element props = r.selectFirst("> w|rPr");
      boolean italic = on(props, "w|i");
      boolean bold = on(props, "w|b");
      Element style = props == null ? null : props.selectFirst("> w|rStyle");
      if (style != null) {
        RunStyle rs = charStyles.get(style.attr("w:val"));
        italic |= rs != null && rs.italic() && props.selectFirst("> w|i") == null;
        bold |= rs != null && rs.bold() && props.selectFirst("> w|b") == null;
      }
      for (Element e : r.children()) {
        switch (e.tagName()) {
          case "w:fldChar" -> field(e.attr("w:fldCharType"));
          case "w:instrText" -> {
            if (!fields.isEmpty()
                && e.wholeText().strip().toUpperCase(Locale.ROOT).startsWith("TOC")) {
              fields.removeLast();
              fields.addLast(true);
              tocs++;
              page.dropHeadingNamed("contents");
            }
          }
          default -> {
            if (tocs == 0) {
              content(e, italic, bold);
            }
          }
        }
      }
    }

    private void field(String type) {
      if (type.equals("begin")) {
        fields.addLast(false);
      } else if (type.equals("end") && !fields.isEmpty()) {
        if (fields.removeLast()) {
          tocs--;
        }
      }
    }

    private void content(Element e, boolean italic, boolean bold) {
      switch (e.tagName()) {
        case "w:t" -> page.text(e.wholeText(), italic, bold);
        case "w:tab" -> page.text("\t", italic, bold);
        case "w:noBreakHyphen" -> page.text("-", italic, bold);
        case "w:cr" -> page.lineBreak();
        case "w:br" -> {
          if (!e.attr("w:type").equals("page") && !e.attr("w:type").equals("column")) {
            page.lineBreak();
          }
        }
        default -> {}
      }
    }

    /** A toggle property such as {@code <w:i/>} or {@code <w:i w:val="false"/>}. */
    static boolean on(Element props, String tag) {
      Element t = props == null ? null : props.selectFirst("> " + tag);
      if (t == null) {
        return false;
      }
      String v = t.attr("w:val");
      return !(v.equals("0") || v.equals("false") || v.equals("off"));
    }
  }

  /** What an OpenDocument style says: its parent, whether it italicises or bolds, its level. */
  private record Style(String parent, Boolean italic, Boolean bold, Integer level) {}

  private static void odfStyles(Document doc, Map<String, Style> styles) {
    for (Element s : doc.select("style|style[style:name]")) {
      String name = s.attr("style:name");
      Element props = s.selectFirst("> style|text-properties");
      Boolean italic = null;
      Boolean bold = null;
      if (props != null) {
        String fs = props.attr("fo:font-style");
        italic = fs.isEmpty() ? null : fs.equals("italic") || fs.equals("oblique");
        String fw = props.attr("fo:font-weight");
        bold = fw.isEmpty() ? null : fw.equals("bold") || fw.matches("[6-9]00");
      }
      Integer level = null;
      String display = s.attr("style:display-name").toLowerCase(Locale.ROOT);
      if (name.equalsIgnoreCase("Title") || display.equals("title")) {
        level = 1;
      } else if (!s.attr("style:default-outline-level").isEmpty()) {
        try {
          level = Integer.parseInt(s.attr("style:default-outline-level"));
        } catch (NumberFormatException e) {
          level = null;
        }
      }
      String parent = s.attr("style:parent-style-name");
      styles.put(name, new Style(parent.isEmpty() ? null : parent, italic, bold, level));
    }
  }

  /** Walks an OpenDocument text body. */
  private record Odf(Page page, Map<String, Style> styles) {
    void blocks(Element container) {
      for (Element e : container.children()) {
        switch (e.tagName()) {
          case "text:p", "text:h" -> paragraph(e);
          case "text:list",
              "text:list-item",
              "text:list-header",
              "text:section",
              "table:table",
              "table:table-row",
              "table:table-rows",
              "table:table-header-rows",
              "table:table-cell" ->
              blocks(e);
          default -> {}
        }
      }
    }

    private void paragraph(Element p) {
      String style = p.attr("text:style-name");
      int level = 0;
      if (p.tagName().equals("text:h")) {
        try {
          level = Integer.parseInt(p.attr("text:outline-level"));
        } catch (NumberFormatException e) {
          level = 1;
        }
      } else {
        Integer l = find(style, Style::level);
        level = l == null ? 0 : l;
      }
      page.startParagraph(Math.max(0, level));
      boolean italic = Boolean.TRUE.equals(find(style, Style::italic));
      boolean bold = Boolean.TRUE.equals(find(style, Style::bold));
      inline(p, italic, bold);
    }

    private void inline(Element container, boolean italic, boolean bold) {
      for (Node n : container.childNodes()) {
        if (n instanceof TextNode t) {
          // ODF collapses white space in text like HTML does; runs of spaces are <text:s>.
          page.text(t.getWholeText().replaceAll("[\\t\\r\\n ]+", " "), italic, bold);
          continue;
        }
        if (!(n instanceof Element e)) {
          continue;
        }
        switch (e.tagName()) {
          case "text:span" -> {
            String style = e.attr("text:style-name");
            Boolean i = find(style, Style::italic);
            Boolean b = find(style, Style::bold);
            inline(e, i == null ? italic : i, b == null ? bold : b);
          }
          case "text:a", "text:meta", "text:ruby", "text:ruby-base" -> inline(e, italic, bold);
          case "text:s" -> page.text(" ".repeat(count(e.attr("text:c"))), italic, bold);
          case "text:tab" -> page.text("\t", italic, bold);
          case "text:line-break" -> page.lineBreak();
          default -> {}
        }
      }
    }

    private static int count(String c) {
      try {
        return Math.max(1, Math.min(100, Integer.parseInt(c)));
      } catch (NumberFormatException e) {
        return 1;
      }
    }

    /** A style property, looked up through the style's parents. */
    private <T> T find(String name, java.util.function.Function<Style, T> property) {
      String at = name;
      for (int depth = 0; at != null && !at.isEmpty() && depth < 20; depth++) {
        Style s = styles.get(at);
        if (s == null) {
          // Styles without a definition still carry meaning by their name (LibreOffice's own).
          return at.equals("Title") ? property.apply(new Style(null, null, null, 1)) : null;
        }
        T v = property.apply(s);
        if (v != null) {
          return v;
        }
        at = s.parent();
      }
      return null;
    }
  }

  private static String text(Element e) {
    if (e == null) {
      return null;
    }
    String t = e.text().strip();
    return t.isEmpty() ? null : abbreviate(t);
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) : s;
  }

  private static Document xml(byte[] bytes) {
    return Jsoup.parse(new String(bytes, StandardCharsets.UTF_8), "", Parser.xmlParser());
  }
}

package org.quire.ingest;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Text an author pastes into a form: AO3 authors often paste their chapters as HTML (AO3's own
 * editor gives it), which would otherwise show as literal tags. Pasted HTML is read as an imported
 * page's is, into the Markdown-like text Quire stores (paragraphs, emphasis, headings, scene
 * breaks); anything else is kept as typed.
 */
public final class PastedText {
  private PastedText() {}

  /** A formatting element as authors write them, opening or closing. */
  private static final Pattern TAG =
      Pattern.compile(
          "</?(?:p|br|em|i|b|strong|u|s|strike|del|ins|sup|sub|small|big|blockquote|hr|center"
              + "|div|span|h[1-6]|ul|ol|li|a|code|pre)(?:\\s[^<>]*)?/?>",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern BLOCK =
      Pattern.compile(
          "<(?:p|br|hr|div|blockquote|h[1-6])(?:\\s[^<>]*)?/?>|</(?:p|em|i|b|strong)>",
          Pattern.CASE_INSENSITIVE);

  /**
   * Whether the text is HTML: a paragraph, line break or closed emphasis element, not only a stray
   * "&lt;3" or a tag named in prose.
   */
  public static boolean looksLikeHtml(String text) {
    if (text == null) {
      return false;
    }
    var tags = TAG.matcher(text);
    int n = 0;
    while (tags.find() && n < 2) {
      n++;
    }
    return n >= 2 && BLOCK.matcher(text).find();
  }

  /** Pasted HTML as a page to import, titled with what the form's title field says (if any). */
  public static String asPage(String title, String html) {
    String t = title == null ? "" : title.strip().replaceAll("\\s+", " ");
    return "<!DOCTYPE html><html><head><title>"
        + org.jsoup.nodes.Entities.escape(t)
        + "</title></head><body>"
        + html
        + "</body></html>";
  }

  /** Elements that make paragraphs or lines; without them, the text's own blank lines do. */
  private static final Pattern STRUCTURE =
      Pattern.compile(
          "<(?:p|br|div|h[1-6]|blockquote|hr|ul|ol|li|pre)(?:\\s[^<>]*)?/?>",
          Pattern.CASE_INSENSITIVE);

  /** The text to store for what the author pasted: HTML read into Quire's text, else as typed. */
  public static String toStoryText(String pasted) {
    return read(pasted, false);
  }

  /**
   * A summary or note as pasted: HTML read into Markdown keeping its links, else as typed (typed
   * notes are Markdown already).
   */
  public static String toNoteText(String pasted) {
    return read(pasted, true);
  }

  private static String read(String pasted, boolean note) {
    if (!looksLikeHtml(pasted)) {
      return pasted;
    }
    String html = pasted;
    if (!STRUCTURE.matcher(html).find()) {
      // Paragraphs by blank lines, emphasis by tags (AO3's HTML mode, FFN's text): keep both.
      StringBuilder b = new StringBuilder();
      for (String para : html.strip().split("\\n\\s*\\n")) {
        b.append("<p>").append(para.strip().replace("\n", "<br>\n")).append("</p>\n");
      }
      html = b.toString();
    }
    var body = Jsoup.parseBodyFragment(html).body();
    String md = (note ? HtmlText.noteMarkdown(body) : HtmlText.markdown(body)).strip();
    return md.isEmpty() ? pasted : md;
  }
}

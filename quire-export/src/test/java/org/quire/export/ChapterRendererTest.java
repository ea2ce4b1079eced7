package org.quire.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quire.model.TextFormat;

class ChapterRendererTest {
  @Test
  void escapingDropsWhatXmlForbidsAndKeepsTheRest() throws Exception {
    String hostile = "Ctl\u0001\uffff\ufffeTitle \ud800alone \udc00too 😀 <&>";
    String escaped = ChapterRenderer.escape(hostile);
    assertThat(escaped).isEqualTo("CtlTitle alone too 😀 &lt;&amp;&gt;");
    // A strict XML parser reads it.
    var doc =
        javax.xml.parsers.DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new java.io.ByteArrayInputStream(
                    ("<t>" + escaped + "</t>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTextContent()).isEqualTo("CtlTitle alone too 😀 <&>");
  }

  @Test
  void hostileMarkdownIsDefusedButOrdinaryMarkdownIsNot() {
    // A "<" far from any ">" cannot open a tag or autolink: shown as text, without the parser
    // scanning to the end of the paragraph for each one.
    String angles = "<a".repeat(100_000);
    assertThat(ChapterRenderer.defused(angles)).doesNotContain("<").startsWith("&lt;a&lt;a");
    String html = ChapterRenderer.markdownHtml(angles);
    assertThat(html).startsWith("<p>&lt;a&lt;a").doesNotContain("<a");
    assertThat(ChapterRenderer.noteHtml("<!--".repeat(5_000))).doesNotContain("<!--");
    // An escaped "<" (as the HTML importer writes a "</3") and a few stray ones are left alone.
    String hearts = "Miss you \\</3 and x < y in `if (a < b)`.";
    assertThat(ChapterRenderer.defused(hearts)).isEqualTo(hearts);
    assertThat(ChapterRenderer.markdownHtml(hearts)).contains("&lt;/3").doesNotContain("&amp;lt;");
    assertThat(ChapterRenderer.defused("\\<a".repeat(10_000))).doesNotContain("&lt;");
    // Tags and autolinks close by are read as before.
    String near = "See <https://example.org/a> and <b>this</b>.";
    assertThat(ChapterRenderer.defused(near)).isEqualTo(near);
    assertThat(ChapterRenderer.noteHtml(near)).contains("<a href=\"https://example.org/a\"");
    // Quotes nested ten thousand deep (20 KB) overflowed the stack on every page view.
    String deep = "# T\n\n" + "> ".repeat(10_000) + "x\n";
    String quoted = ChapterRenderer.markdownHtml(deep);
    assertThat(quoted).contains("x");
    assertThat(quoted.split("<blockquote>", -1)).hasSize(ChapterRenderer.MAX_NESTING + 1);
    String lists = "- ".repeat(5_000) + "y\n";
    assertThat(ChapterRenderer.markdownHtml(lists)).contains("y");
    String tabbed = "-\t".repeat(20_000) + "y\n";
    assertThat(ChapterRenderer.defused(tabbed).length()).isLessThan(100);
    assertThat(ChapterRenderer.markdownHtml(tabbed).split("<ul>", -1))
        .hasSizeLessThanOrEqualTo(ChapterRenderer.MAX_NESTING + 1);
    assertThat(ChapterRenderer.commentHtml("> ".repeat(10_000) + "z")).contains("z");
    // Ordinary nesting and lists are untouched.
    String ordinary = "> quoted\n> > twice\n\n1. one\n2. two\n   - inner\n";
    assertThat(ChapterRenderer.defused(ordinary)).isEqualTo(ordinary);
  }

  @Test
  void writersEmphasisMarksBecomeItalicsAndBold() {
    assertThat(ChapterRenderer.emphasised("*Dear Hermione,* she read."))
        .isEqualTo("<em>Dear Hermione,</em> she read.");
    assertThat(ChapterRenderer.emphasised("It was _not_ fine, and **never** would be."))
        .isEqualTo("It was <em>not</em> fine, and <strong>never</strong> would be.");
    assertThat(ChapterRenderer.emphasised("**Loud *and* clear**"))
        .isEqualTo("<strong>Loud <em>and</em> clear</strong>");
    assertThat(ChapterRenderer.emphasised("\"*Sigh*,\" said Xander."))
        .isEqualTo("&quot;<em>Sigh</em>,&quot; said Xander.");
  }

  @Test
  void marksThatDoNotHugWordsStayAsTyped() {
    for (String s :
        new String[] {
          "5*3*2 is thirty",
          "snake_case_name here",
          "a * b * c",
          "* bullet",
          "** nothing **",
          "*unclosed emphasis",
          "a lone _ mark",
          "she said *",
          "2*x*y"
        }) {
      assertThat(ChapterRenderer.emphasised(s)).as(s).isEqualTo(ChapterRenderer.escape(s));
    }
  }

  @Test
  void emphasisNeverLetsMarkupThrough() {
    assertThat(ChapterRenderer.emphasised("*<script>alert(1)</script>*"))
        .isEqualTo("<em>&lt;script&gt;alert(1)&lt;/script&gt;</em>");
    assertThat(ChapterRenderer.emphasised("_<b>x</b>_ & *\"y\"*"))
        .isEqualTo("<em>&lt;b&gt;x&lt;/b&gt;</em> &amp; <em>&quot;y&quot;</em>");
    // A hostile line of marks is rendered, escaped, without a runaway match.
    String marks = "*a ".repeat(50_000);
    assertThat(ChapterRenderer.emphasised(marks)).doesNotContain("<em>");
    assertThat(ChapterRenderer.html("Plain *words* here.", TextFormat.PLAIN, true))
        .isEqualTo("<p>Plain <em>words</em> here.</p>\n");
  }

  @Test
  void notesShowLinksListsAndLineBreaksAndNothingElse() {
    String html =
        ChapterRenderer.noteHtml(
            "Thanks to [my beta](<https://example.org/b>) and https://example.org/bare.\n"
                + "Second line.\n\n- one\n- two\n\n#1 fan, ~~not~~ yes, \\~tilde\\~\n\n"
                + "    indented, not code\n\n<script>alert(1)</script>"
                + " [x](javascript:alert(1)) <b onclick=y>z</b>");
    org.jsoup.nodes.Document d = org.jsoup.Jsoup.parseBodyFragment(html);
    assertThat(d.select("a").eachAttr("href"))
        .containsExactly("https://example.org/b", "https://example.org/bare");
    assertThat(d.select("a").eachAttr("rel")).allMatch(r -> r.contains("nofollow"));
    assertThat(d.select("p").first().select("br")).hasSize(1);
    assertThat(d.select("li").eachText()).containsExactly("one", "two");
    assertThat(d.select("h1, pre, code, script, b")).isEmpty();
    assertThat(d.text()).contains("#1 fan").contains("~tilde~").contains("indented, not code");
    assertThat(d.select("del").text()).isEqualTo("not");
    assertThat(d.text()).contains("<script>alert(1)</script>").contains("<b onclick=y>");
    assertThat(html).doesNotContain("javascript").doesNotContain("<script");
    assertThat(ChapterRenderer.noteHtml(null)).isEmpty();
  }

  @Test
  void markdownChaptersStrikeDoubleTildesOnly() {
    String html = ChapterRenderer.html("She ~~never~~ ~often~ lied.", TextFormat.MARKDOWN, true);
    assertThat(html).contains("<del>never</del>").contains("~often~");
    assertThat(ChapterRenderer.html("\\~\\~Flashback\\~\\~", TextFormat.MARKDOWN, true))
        .contains("~~Flashback~~")
        .doesNotContain("<del>");
  }
}

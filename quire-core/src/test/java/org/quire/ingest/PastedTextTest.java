package org.quire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PastedTextTest {
  @Test
  void pastedHtmlBecomesStoryTextAndPlainTextIsKeptAsTyped() {
    String html =
        "<p>The <em>first</em> line.</p>\n<p><strong>Later</strong>, the second.</p>\n<hr>\n"
            + "<p>After the break.</p>";
    assertThat(PastedText.looksLikeHtml(html)).isTrue();
    String text = PastedText.toStoryText(html);
    assertThat(text)
        .contains("The *first* line.")
        .contains("**Later**, the second.")
        .contains("After the break.")
        .doesNotContain("<p>")
        .doesNotContain("<em>");
    assertThat(text.split("\n\n")).hasSizeGreaterThanOrEqualTo(3);
    // Inline tags only, paragraphs by blank lines: every paragraph kept.
    String inline = "A <i>quiet</i> night.\n\nThen <b>dawn</b> came.\nAnd birds.";
    assertThat(PastedText.looksLikeHtml(inline)).isTrue();
    String kept = PastedText.toStoryText(inline);
    assertThat(kept.split("\n\n")).hasSize(2);
    assertThat(kept).contains("A *quiet* night.").contains("**dawn**").contains("And birds.");
    // A line break alone is enough, as AO3's editor sometimes gives.
    assertThat(PastedText.looksLikeHtml("One line.<br>\nAnother line.<br>")).isTrue();

    // Prose that only mentions angle brackets or a tag stays as typed.
    for (String plain :
        new String[] {
          "I <3 you, she wrote.",
          "If a < b and b > c, then who cares.",
          "He typed <b> into the editor and nothing happened.",
          "*Emphasis* the Markdown way.\n\nAnd a second paragraph."
        }) {
      assertThat(PastedText.looksLikeHtml(plain)).as(plain).isFalse();
      assertThat(PastedText.toStoryText(plain)).isEqualTo(plain);
    }
    // Strikethrough is kept as Markdown's, and tildes the author typed stay tildes.
    assertThat(PastedText.toStoryText("<p>She <s>never</s> always ~~lied~~ ~smiled~.</p><p>x</p>"))
        .isEqualTo("She ~~never~~ always \\~\\~lied\\~\\~ \\~smiled\\~.\n\nx");
    // Script never survives.
    assertThat(PastedText.toStoryText("<p>Hi</p><script>alert(1)</script><p>there</p>"))
        .doesNotContain("script")
        .doesNotContain("alert");
  }

  @Test
  void pastedNotesKeepTheirLinksAndStoriesOnlyTheWords() {
    String html =
        "<p>Thanks to <a href=\"https://example.org/beta\">my beta</a> and"
            + " <a href=\"mailto:me@example.org\">mail</a>; not <a href=\"javascript:x()\">this</a>"
            + " nor <a href=\"/relative\">that</a> nor <a href=\"https://example.org/\"><p>a"
            + " block</p></a>.</p><p>Second.</p>";
    String note = PastedText.toNoteText(html);
    assertThat(note)
        .contains("[my beta](<https://example.org/beta>)")
        .contains("[mail](<mailto:me@example.org>)")
        .contains("not this nor that nor")
        .doesNotContain("javascript")
        .doesNotContain("relative");
    assertThat(PastedText.toStoryText(html))
        .contains("Thanks to my beta and mail")
        .doesNotContain("example.org");
    // An address with brackets cannot end the link early.
    assertThat(PastedText.toNoteText("<p><a href=\"https://e.org/a>b\">x</a></p><p>y</p>"))
        .contains("[x](<https://e.org/a%3Eb>)");
    // Typed notes are kept as typed.
    assertThat(PastedText.toNoteText("See [my tumblr](https://example.org)."))
        .isEqualTo("See [my tumblr](https://example.org).");
  }
}

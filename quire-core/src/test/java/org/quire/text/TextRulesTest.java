package org.quire.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "***",
        "* * *",
        "~~~",
        "---",
        "oOo",
        "OoO",
        "xXx",
        "   ❖",
        "          §",
        "<><><>",
        "=====",
        "~ * ~",
        "-oOo-",
        "xxxxx",
        "XXXXX",
        "-x-x-x-",
        "x-x-x",
        "-o-o-o-",
        "ooOOoo",
        "\\~oOo\\~"
      })
  void sceneBreaks(String line) {
    assertThat(SceneBreaks.isBreak(line)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "...",
        "…",
        "\"...\"",
        "?!",
        "Ooo, look at that.",
        "She left.",
        "",
        "Oops",
        "o",
        "Ooooh",
        "Oooooo",
        "XOXO",
        "xoxo",
        "xoxoxo",
        "ox",
        "x x x",
        "xx xx",
        "0 0 0"
      })
  void notSceneBreaks(String line) {
    assertThat(SceneBreaks.isBreak(line)).isFalse();
  }

  @Test
  void wordCountFollowsAo3Rules() {
    assertThat(WordCounter.count("Don't stop – well-known, Xander…or Tara.")).isEqualTo(6);
    assertThat(WordCounter.count("  ")).isZero();
    assertThat(WordCounter.count("日本語 text")).isEqualTo(4);
    assertThat(WordCounter.count("It's 3.5 miles")).isEqualTo(3);
    // Letter dividers are scene breaks, not words; words that merely look alike still count.
    assertThat(WordCounter.count("One.\n\noOo\n\nTwo.\n  ~xXx~  \nThree.")).isEqualTo(3);
    assertThat(WordCounter.count("oOo")).isZero();
    assertThat(WordCounter.count("ooh, oxen\nOoO what\nxox and more")).isEqualTo(7);
    assertThat(WordCounter.count("X marks it\n0 ways\n" + "o".repeat(60))).isEqualTo(6);
  }

  @Test
  void oneParagraphPerLineTextSplitsByLine() {
    List<Paragraphs.Block> b = Paragraphs.split("First line.\nSecond line.\n***\nThird.");
    assertThat(b)
        .extracting(Paragraphs.Block::kind)
        .containsExactly(
            Paragraphs.Kind.PARAGRAPH,
            Paragraphs.Kind.PARAGRAPH,
            Paragraphs.Kind.BREAK,
            Paragraphs.Kind.PARAGRAPH);
  }

  @Test
  void blankSeparatedTextKeepsVerseLinesAndJoinsHardWrappedProse() {
    String wrapped =
        "This is a line of prose that was wrapped by an old editor at\n"
            + "seventy columns or so, the way many archived stories still are\n"
            + "today, and it should read as one paragraph in the browser.";
    String text = "Roses are red,\nviolets are blue.\n\n" + wrapped;
    List<Paragraphs.Block> b = Paragraphs.split(text);
    assertThat(b).hasSize(2);
    assertThat(b.get(0).text()).isEqualTo("Roses are red,\nviolets are blue.");
    assertThat(b.get(1).text()).doesNotContain("\n");
    assertThat(text.substring(b.get(1).start(), b.get(1).end())).isEqualTo(wrapped);
  }
}

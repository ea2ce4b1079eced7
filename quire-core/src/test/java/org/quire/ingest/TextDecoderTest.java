package org.quire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quire.model.Work;

class TextDecoderTest {
  private final Ingester ingester = new Ingester();
  private static final String STORY = "Café\n\nShe said “naïve” — and smiled.\n";

  @Test
  void utf8WithoutBom() {
    Work w = ingester.read("s.txt", STORY.getBytes(StandardCharsets.UTF_8));
    assertThat(w.title()).isEqualTo("Café");
    assertThat(w.problems()).isEmpty();
  }

  @Test
  void utf8WithBomDropsTheBom() {
    byte[] body = STORY.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);
    assertThat(ingester.read("s.txt", bytes).title()).isEqualTo("Café");
  }

  @Test
  void utf16WithBomBothOrders() {
    assertThat(ingester.read("s.txt", STORY.getBytes(StandardCharsets.UTF_16)).title())
        .isEqualTo("Café");
    ByteArrayOutputStream le = new ByteArrayOutputStream();
    le.write(0xFF);
    le.write(0xFE);
    le.writeBytes(STORY.getBytes(StandardCharsets.UTF_16LE));
    Work w = ingester.read("s.txt", le.toByteArray());
    assertThat(w.chapters().getFirst().text()).contains("“naïve”");
  }

  @Test
  void windows1252FallbackKeepsCurlyQuotesAndNotesIt() {
    Work w = ingester.read("s.txt", STORY.getBytes(Charset.forName("windows-1252")));
    assertThat(w.title()).isEqualTo("Café");
    assertThat(w.chapters().getFirst().text()).contains("“naïve” — and");
    assertThat(w.problems()).anyMatch(p -> p.message().contains("Windows-1252"));
  }

  @Test
  void crlfLineEndsAreNormalised() {
    Work w = ingester.read("s.txt", "T\r\n\r\nA.\r\nB.\r\n".getBytes(StandardCharsets.UTF_8));
    assertThat(w.chapters().getFirst().text()).isEqualTo("A.\nB.");
  }

  @Test
  void mostlyValidUtf8WithADamagedByteIsRepairedNotReinterpreted() {
    byte[] good = "Title\n\nnaïve café résumé déjà vu".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[good.length + 1];
    System.arraycopy(good, 0, bad, 0, good.length);
    bad[good.length] = (byte) 0xC3; // truncated sequence
    Work w = ingester.read("s.txt", bad);
    assertThat(w.chapters().getFirst().text()).startsWith("naïve café");
    assertThat(w.problems()).anyMatch(p -> p.message().contains("not UTF-8 read as Windows-1252"));
  }

  @Test
  void aFilePastedTogetherFromUtf8AndWindows1252KeepsEveryCharacter() throws Exception {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.write(
        "Café Noir\n\nShe said “yes” to the crêpes — twice.\n\n".getBytes(StandardCharsets.UTF_8));
    // A paragraph typed on Windows: curly quotes, an apostrophe, an accent.
    b.write("\u201cIt\u2019s late,\u201d said Zo\u00eb.\n".getBytes("windows-1252"));
    Work w = ingester.read("mixed.txt", b.toByteArray());
    String text = w.chapters().getFirst().text();
    assertThat(w.title()).isEqualTo("Café Noir");
    assertThat(text)
        .contains("“yes” to the crêpes — twice.")
        .contains("“It’s late,” said Zoë.")
        .doesNotContain("\uFFFD")
        .doesNotContain("Ã");
    assertThat(w.problems()).anyMatch(p -> p.message().contains("4 bytes that were not UTF-8"));
  }

  @Test
  void emptyFileIsRefusedNamingTheFile() {
    assertThatThrownBy(() -> ingester.read("empty.txt", new byte[0]))
        .isInstanceOf(IngestException.class)
        .hasMessage("empty.txt: the file is empty.");
  }

  @Test
  void whitespaceOnlyFileIsRefused() {
    assertThatThrownBy(() -> ingester.read("w.txt", " \n\n\t ".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("w.txt")
        .hasMessageContaining("no text");
  }

  @Test
  void binaryFilesAreRefusedWithWhatTheyLookLike() {
    assertThatThrownBy(
            () -> ingester.read("pic.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0}))
        .hasMessageContaining("pic.txt")
        .hasMessageContaining("PNG image");
    byte[] noise = new byte[4096];
    new java.util.Random(42).nextBytes(noise);
    assertThatThrownBy(() -> ingester.read("noise.txt", noise))
        .isInstanceOf(IngestException.class)
        .hasMessageContaining("noise.txt");
  }

  @Test
  void controlCharacterNoiseIsRefused() {
    byte[] b = new byte[1000];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i % 2 == 0 ? 0x01 : 'a');
    }
    assertThatThrownBy(() -> ingester.read("ctl.txt", b))
        .hasMessageContaining("control characters");
  }

  @Test
  void unsupportedFormatsAreRefusedByName() {
    assertThatThrownBy(() -> ingester.read("book.pdf", "x".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("book.pdf")
        .hasMessageContaining("cannot be imported yet");
    assertThatThrownBy(() -> ingester.read("book.docx", "x".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("book.docx")
        .hasMessageContaining("not a readable zip archive");
    assertThatThrownBy(() -> ingester.read("book.epub", "x".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("book.epub")
        .hasMessageContaining("not a readable zip archive");
    assertThatThrownBy(
            () ->
                ingester.read(
                    "page.txt", "<!DOCTYPE html><html></html>".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("page.txt")
        .hasMessageContaining("no story text");
  }

  @Test
  void fileLargerThanTheLimitIsRefused() {
    Ingester small = new Ingester(1024 * 1024);
    byte[] big = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) 'a');
    assertThatThrownBy(() -> small.read("big.txt", big))
        .hasMessageContaining("larger than the limit");
  }

  @Test
  void fiftyMegabyteStoryIsReadInFull() {
    StringBuilder sb = new StringBuilder(51 * 1024 * 1024);
    sb.append("Big\n\n");
    int chapter = 0;
    while (sb.length() < 50 * 1024 * 1024) {
      if (sb.length() / (2 * 1024 * 1024) >= chapter) {
        chapter++;
        sb.append("Chapter ").append(chapter).append("\n\n");
      }
      sb.append("The quick brown fox jumps over the lazy dog near the river bank today.\n\n");
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    Work w = ingester.read("big.txt", bytes);
    assertThat(w.chapters()).hasSize(chapter);
    assertThat(w.wordCount()).isGreaterThan(7_000_000);
  }
}

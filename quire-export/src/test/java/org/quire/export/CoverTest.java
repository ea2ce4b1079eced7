package org.quire.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.quire.model.TextFormat;
import org.quire.model.Work;

class CoverTest {
  private final Work work = ExportTest.work(TextFormat.MARKDOWN, true);

  @Test
  void theCoverIsAPortraitPngInTheWorksColour() throws Exception {
    Cover.Image c = Cover.of(work);
    assertThat(c.file()).isEqualTo("cover.png");
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(c.bytes()));
    assertThat(img.getWidth()).isEqualTo(Cover.WIDTH);
    assertThat(img.getHeight()).isEqualTo(Cover.HEIGHT);
    // Text was drawn: the title band holds white pixels, the corner only the background.
    int corner = img.getRGB(5, 5);
    long white = 0;
    for (int y = 200; y < 420; y++) {
      for (int x = 0; x < Cover.WIDTH; x++) {
        if ((img.getRGB(x, y) & 0xffffff) == 0xffffff) {
          white++;
        }
      }
    }
    assertThat(white).isGreaterThan(500);
    assertThat(img.getRGB(Cover.WIDTH - 5, Cover.HEIGHT - 5)).isEqualTo(corner);
  }

  @Test
  void theVectorCoverIsWellFormedAndEscapesTheTitle() throws Exception {
    String svg = Cover.svg(work);
    var doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
    assertThat(svg).doesNotContain("<script").contains("&lt;script&gt;");
    assertThat(doc.getElementsByTagName("text").getLength()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void longTitlesWrapAndStopAtTheLineLimit() {
    assertThat(Cover.lines("one two three four five six seven", 9, 10))
        .containsExactly("one two", "three", "four five", "six seven");
    var cut = Cover.lines("a ".repeat(200), 10, 3);
    assertThat(cut).hasSize(3);
    assertThat(cut.get(2)).endsWith("…");
    assertThat(Cover.lines("Supercalifragilisticexpialidocious", 10, 2))
        .containsExactly("Supercali…");
  }
}

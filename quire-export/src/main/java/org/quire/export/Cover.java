package org.quire.export;

import static org.quire.export.ChapterRenderer.escape;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.quire.model.TagType;
import org.quire.model.Work;

/**
 * A book cover: the title, the byline and the fandom on a colour chosen from the title, so every
 * work gets a recognisable cover in an e-reader's library (and in calibre, which only takes raster
 * covers). Drawn as a PNG with Java2D; on a server whose JVM cannot draw text (no fonts installed)
 * the same cover is written as SVG, which EPUB 3 readers also accept.
 */
public final class Cover {
  /** The cover's file inside the book, its media type and bytes. */
  public record Image(String file, String mediaType, byte[] bytes) {}

  /** What a cover shows: the title, the byline and the fandoms. */
  public record Face(String title, List<String> authors, List<String> fandoms) {
    static Face of(Work w) {
      return new Face(w.title(), w.authors(), w.tagNames(TagType.FANDOM));
    }
  }

  static Image of(Work w) {
    return of(Face.of(w));
  }

  /** The cover of a work with this face, as the work's EPUB has it (also for catalogues). */
  public static Image of(Face w) {
    try {
      return new Image("cover.png", "image/png", png(w));
    } catch (RuntimeException | Error | IOException e) {
      // No fonts, no native graphics: the vector cover needs neither.
      return new Image("cover.svg", "image/svg+xml", svg(w).getBytes(StandardCharsets.UTF_8));
    }
  }

  static byte[] png(Face w) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.decode(colour(w)));
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(new Color(255, 255, 255, 150));
      g.setStroke(new java.awt.BasicStroke(2));
      g.drawRect(30, 30, WIDTH - 60, HEIGHT - 60);
      g.setColor(Color.WHITE);
      int size = 56;
      List<String> title = fit(g, w.title(), Font.BOLD, size, 6);
      while (title.size() > 4 && size > 36) {
        size -= 4;
        title = fit(g, w.title(), Font.BOLD, size, 6);
      }
      g.setFont(new Font(Font.SERIF, Font.BOLD, size));
      int y = 300 - (title.size() - 1) * (size + 10) / 2;
      for (String line : title) {
        centre(g, line, y);
        y += size + 10;
      }
      if (!w.authors().isEmpty()) {
        y += 40;
        List<String> by = fit(g, String.join(", ", w.authors()), Font.PLAIN, 30, 2);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 30));
        for (String line : by) {
          centre(g, line, y);
          y += 40;
        }
      }
      List<String> fandoms = w.fandoms();
      if (!fandoms.isEmpty()) {
        List<String> lines = fit(g, String.join(", ", fandoms), Font.PLAIN, 24, 2);
        g.setFont(new Font(Font.SERIF, Font.PLAIN, 24));
        int fy = 800;
        for (String line : lines) {
          centre(g, line, fy);
          fy += 32;
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, "png", out)) {
      throw new IOException("no PNG writer");
    }
    return out.toByteArray();
  }

  private static void centre(Graphics2D g, String line, int y) {
    g.drawString(line, (WIDTH - g.getFontMetrics().stringWidth(line)) / 2, y);
  }

  /** Words wrapped to the cover's width in this font; at most {@code max} lines. */
  private static List<String> fit(Graphics2D g, String text, int style, int size, int max) {
    FontMetrics m = g.getFontMetrics(new Font(Font.SERIF, style, size));
    int chars = Math.max(8, (WIDTH - 100) / Math.max(1, m.charWidth('n')));
    List<String> lines = lines(text, chars, max);
    // Proportional fonts: re-wrap narrower while any line is still too wide.
    while (chars > 8 && lines.stream().anyMatch(l -> m.stringWidth(l) > WIDTH - 100)) {
      chars--;
      lines = lines(text, chars, max);
    }
    return lines;
  }

  private static String colour(Face w) {
    return PALETTE[Math.floorMod(w.title().hashCode(), PALETTE.length)];
  }

  static final int WIDTH = 600;
  static final int HEIGHT = 900;

  /** Dark backgrounds that white text reads well on (contrast above 7:1). */
  private static final String[] PALETTE = {
    "#1d3557", "#3a0ca3", "#5a189a", "#7b2cbf", "#9d0208", "#6a040f", "#283618", "#2b2d42",
    "#005f73", "#0a9396", "#3d405b", "#432818"
  };

  private Cover() {}

  static String svg(Work w) {
    return svg(Face.of(w));
  }

  static String svg(Face w) {
    String colour = colour(w);
    StringBuilder b = new StringBuilder();
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\">\n<title>")
        .append(escape(w.title()))
        .append("</title>\n<rect width=\"100%\" height=\"100%\" fill=\"")
        .append(colour)
        .append("\"/>\n")
        .append("<rect x=\"30\" y=\"30\" width=\"540\" height=\"840\" fill=\"none\"")
        .append(" stroke=\"#ffffff\" stroke-opacity=\"0.6\" stroke-width=\"2\"/>\n");
    List<String> title = lines(w.title(), 18, 6);
    int size = title.size() > 4 ? 40 : 52;
    int y = 300 - (title.size() - 1) * size / 2;
    for (String line : title) {
      text(b, line, y, size, "bold");
      y += size + 10;
    }
    if (!w.authors().isEmpty()) {
      y += 40;
      for (String line : lines(String.join(", ", w.authors()), 28, 2)) {
        text(b, line, y, 30, "normal");
        y += 40;
      }
    }
    List<String> fandoms = w.fandoms();
    if (!fandoms.isEmpty()) {
      int fy = 800;
      for (String line : lines(String.join(", ", fandoms), 34, 2)) {
        text(b, line, fy, 24, "normal");
        fy += 32;
      }
    }
    return b.append("</svg>\n").toString();
  }

  private static void text(StringBuilder b, String line, int y, int size, String weight) {
    b.append("<text x=\"300\" y=\"")
        .append(y)
        .append("\" text-anchor=\"middle\" font-family=\"Georgia, serif\" font-size=\"")
        .append(size)
        .append("\" font-weight=\"")
        .append(weight)
        .append("\" fill=\"#ffffff\">")
        .append(escape(line))
        .append("</text>\n");
  }

  /** Words wrapped into lines of about {@code width} characters; at most {@code max} lines. */
  static List<String> lines(String text, int width, int max) {
    List<String> out = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (word.length() > width) {
        word = word.substring(0, width - 1) + "…";
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    if (line.length() > 0) {
      out.add(line.toString());
    }
    if (out.size() > max) {
      List<String> cut = new ArrayList<>(out.subList(0, max));
      String last = cut.get(max - 1);
      cut.set(max - 1, (last.length() >= width ? last.substring(0, width - 1) : last) + "…");
      return cut;
    }
    return out;
  }
}

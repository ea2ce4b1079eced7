package org.quire.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.ingest.Ingester;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;

/**
 * Quire and calibre, the library most readers keep their books in, read each other's files:
 * calibre's {@code ebook-meta} and {@code ebook-convert} read Quire's EPUB (metadata, series, every
 * chapter), and Quire imports the EPUB and Word files calibre writes.
 */
class CalibreInteropTest {
  @TempDir static Path tmp;

  /** A story written for this test, as the HTML a reader might hand to calibre. */
  private static final String STORY =
      """
      <html><head><title>Harbour Lights</title></head><body>
      <h1>Chapter One: The Ferry</h1>
      <p>Nell waited on the pier with her <em>very</em> old suitcase.</p>
      <p>The ferry was late, as it always was in winter.</p>
      <h1>Chapter Two: The Island</h1>
      <p>By morning the island had swallowed the fog <strong>whole</strong>.</p>
      </body></html>
      """;

  @BeforeAll
  static void calibreIsInstalled() {
    assertThat(onPath("ebook-convert"))
        .as(
            "calibre's ebook-convert is not installed; scripts/test installs it"
                + " (apt-get install --no-install-recommends calibre)")
        .isTrue();
  }

  @Test
  void calibreReadsQuiresEpubMetadataSeriesAndEveryChapter() throws Exception {
    Work w = ExportTest.work(TextFormat.MARKDOWN, true);
    Path book = tmp.resolve("ashes.epub");
    Files.write(
        book,
        EpubWriter.write(
            w,
            "http://localhost:7070/works/7",
            Instant.EPOCH,
            new EpubWriter.SeriesPart("Embers", 3)));

    Map<String, String> meta = fields(calibre("ebook-meta", book.toString()));
    assertThat(meta.get("Title")).isEqualTo(w.title());
    // calibre lists authors joined by " & " and doubles an "&" inside a name.
    assertThat(meta.get("Author(s)")).isEqualTo("Quill & Ink && Paper");
    assertThat(meta.get("Series")).isEqualTo("Embers #3");
    assertThat(meta.get("Languages")).isEqualTo("eng");
    assertThat(meta.get("Tags"))
        .contains("Buffy the Vampire Slayer")
        .contains("Tara Maclay/Willow Rosenberg")
        .contains("Teen And Up Audiences");

    Path cover = tmp.resolve("cover-out.png");
    calibre("ebook-meta", book.toString(), "--get-cover=" + cover);
    var image = javax.imageio.ImageIO.read(cover.toFile());
    assertThat(image.getWidth()).isEqualTo(Cover.WIDTH);
    assertThat(image.getHeight()).isEqualTo(Cover.HEIGHT);

    Path text = tmp.resolve("ashes.txt");
    calibre("ebook-convert", book.toString(), text.toString());
    String plain = Files.readString(text, StandardCharsets.UTF_8);
    assertThat(plain)
        .contains("Chapter 1: Sparks")
        .contains("Morning came & went.")
        .contains("Zoë waited by the") // calibre's text output undoes the "ﬁ" ligature
        .contains("Thank you for reading!");
  }

  /** The story converted by calibre to {@code name} (its extension picks the format). */
  private static Path converted(String name, String... options) throws Exception {
    Path html = Files.writeString(tmp.resolve(name + ".html"), STORY);
    Path out = tmp.resolve(name);
    List<String> command =
        new ArrayList<>(List.of("ebook-convert", html.toString(), out.toString()));
    command.addAll(List.of("--title", "Harbour Lights", "--authors", "Ada Quill"));
    command.addAll(List.of(options));
    calibre(command.toArray(String[]::new));
    return out;
  }

  /** What calibre's copy of the story must read back as, whatever the format. */
  private static void assertTheStory(Work w) {
    assertThat(w.title()).isEqualTo("Harbour Lights");
    assertThat(w.authors()).containsExactly("Ada Quill");
    assertThat(w.chapters())
        .extracting(c -> c.title())
        .containsExactly("Chapter One: The Ferry", "Chapter Two: The Island");
    assertThat(w.chapters().getFirst().text())
        .isEqualTo(
            "Nell waited on the pier with her *very* old suitcase.\n\n"
                + "The ferry was late, as it always was in winter.");
    assertThat(w.chapters().get(1).text()).contains("swallowed the fog").contains("**whole**");
  }

  @Test
  void quireImportsCalibresEpubWithItsMetadata() throws Exception {
    Path epub =
        converted(
            "harbour.epub",
            "--tags",
            "Fluff,Found Family,General Audiences",
            "--series",
            "Islands",
            "--series-index",
            "2",
            "--language",
            "en",
            "--comments",
            "Nell goes home.");

    Work w = new Ingester().read(epub);
    assertTheStory(w);
    assertThat(w.summary()).isEqualTo("Nell goes home.");
    assertThat(w.notes()).contains("Series: Islands, part 2");
    assertThat(w.tagNames(TagType.ADDITIONAL)).contains("Fluff", "Found Family");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("General Audiences");
    assertThat(w.chapters().get(1).text())
        .isEqualTo("By morning the island had swallowed the fog **whole**.");
  }

  @Test
  void quireImportsCalibresWordFileWithoutItsTableOfContents() throws Exception {
    // calibre's DOCX opens with a "Table of Contents" heading and a TOC field: not the story.
    assertTheStory(new Ingester().read(converted("harbour.docx")));
  }

  @Test
  void aQuireEpubPassedThroughCalibreComesBackWithTheSameWorkAndTags() throws Exception {
    Work w = ExportTest.work(TextFormat.MARKDOWN, true);
    Path ours = tmp.resolve("ours.epub");
    Files.write(ours, EpubWriter.write(w, "http://localhost:7070/works/7", Instant.EPOCH));
    Path theirs = tmp.resolve("theirs.epub");
    calibre("ebook-convert", ours.toString(), theirs.toString());

    Work back = new Ingester().read(theirs);
    assertThat(back.title()).isEqualTo(w.title());
    assertThat(back.authors()).isEqualTo(w.authors());
    assertThat(back.chapters()).hasSameSizeAs(w.chapters());
    for (int i = 0; i < w.chapters().size(); i++) {
      assertThat(back.chapters().get(i).title()).isEqualTo(w.chapters().get(i).title());
      assertThat(back.chapters().get(i).notes()).isEqualTo(w.chapters().get(i).notes());
    }
    assertThat(back.chapters().getFirst().text()).contains("She *ran*.").contains("Morning came");
    // calibre keeps the metadata page, so every tag type comes back kept apart.
    for (TagType t : TagType.values()) {
      assertThat(back.tagNames(t)).as(t.key()).isEqualTo(w.tagNames(t));
    }
  }

  /** Runs a calibre tool with its own configuration directory; its output, or a failure. */
  static String calibre(String... command) throws Exception {
    Path config = Files.createDirectories(tmp.resolve("calibre-config"));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("CALIBRE_CONFIG_DIRECTORY", config.toString());
    pb.environment().put("QT_QPA_PLATFORM", "offscreen");
    pb.environment().put("XDG_RUNTIME_DIR", config.toString());
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    String text = new String(out, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + text).isZero();
    return text;
  }

  /** "Label : value" lines, as ebook-meta prints them. */
  static Map<String, String> fields(String out) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        m.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    return m;
  }

  static boolean onPath(String tool) {
    List<String> dirs =
        new ArrayList<>(
            List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
    dirs.add("/usr/bin");
    return dirs.stream().anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
  }
}

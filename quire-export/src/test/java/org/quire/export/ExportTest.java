package org.quire.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.util.DefaultReportImpl;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.ingest.Ingester;
import org.quire.model.Chapter;
import org.quire.model.Evidence;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;

class ExportTest {
  @TempDir Path tmp;
  final Ingester ingester = new Ingester();

  static Work work(TextFormat format, boolean complete) {
    String one =
        format == TextFormat.MARKDOWN
            ? "She *ran*. The **door** held.\n\n* * *\n\nMorning came & went."
            : "She ran. The door held.\n\n* * *\n\nMorning came & went.";
    return new Work(
        7,
        "Ashes <script>alert(1)</script> & Embers",
        false,
        List.of("Quill", "Ink & Paper"),
        "A *short* summary.",
        "Thanks to my beta.",
        "Thank you for reading!",
        List.of(
            new Chapter(1, "Chapter 1: Sparks", one, "The start.", "More *soon*."),
            new Chapter(
                2, null, "Zoë waited by the ﬁre.\nA second line.", null, "The last chapter's.")),
        "English",
        complete,
        25,
        format,
        new Work.Source("ashes.txt", "abc123"),
        Instant.parse("2026-01-02T03:04:05Z"),
        List.of(
            Tag.byAuthor(TagType.RATING, "Teen And Up Audiences"),
            Tag.byAuthor(TagType.ARCHIVE_WARNING, "No Archive Warnings Apply"),
            Tag.byAuthor(TagType.CATEGORY, "F/F"),
            Tag.byAuthor(TagType.FANDOM, "Buffy the Vampire Slayer"),
            Tag.byAuthor(TagType.RELATIONSHIP, "Tara Maclay/Willow Rosenberg"),
            Tag.byAuthor(TagType.CHARACTER, "Willow Rosenberg"),
            Tag.suggested(
                TagType.CHARACTER, "Tara Maclay", 0.8, List.of(new Evidence(1, 0, 3, "x"))),
            Tag.byAuthor(TagType.CONTENT_WARNING, "Character Death"),
            Tag.byAuthor(TagType.ADDITIONAL, "Fluff & Angst")),
        List.of(),
        // An unfinished work of two chapters planned to have four: "2/4".
        complete ? 0 : 4);
  }

  record Check(int fatal, int errors, int warnings, String log) {}

  Check epubcheck(byte[] epub) throws Exception {
    Path f = tmp.resolve("book-" + System.nanoTime() + ".epub");
    Files.write(f, epub);
    DefaultReportImpl report = new DefaultReportImpl(f.toString());
    StringWriter log = new StringWriter();
    new EpubCheck(f.toFile(), report).doValidate();
    return new Check(
        report.getFatalErrorCount(),
        report.getErrorCount(),
        report.getWarningCount(),
        log.toString());
  }

  @Test
  void downloadsAreNamedAfterTheirTitleInAnyScript() {
    assertThat(TextExports.attachment("Ashes & Snow", "epub"))
        .isEqualTo("attachment; filename=\"ashes-snow.epub\"");
    String russian = TextExports.attachment("Тихий маяк", "epub");
    assertThat(russian)
        .startsWith("attachment; filename=\"work.epub\"; filename*=UTF-8''")
        .endsWith(
            java.net.URLEncoder.encode("Тихий маяк.epub", StandardCharsets.UTF_8)
                .replace("+", "%20"));
    // Nothing a header or a file system would misread survives: quotes, slashes, line breaks.
    String hostile = TextExports.attachment("Ça \"va\"\r\nX-Evil: 1/../é", "txt");
    assertThat(hostile).doesNotContain("\r").doesNotContain("\n");
    String star = hostile.substring(hostile.indexOf("''") + 2);
    assertThat(star).matches("[A-Za-z0-9%._~!$&+^`|#-]+");
    // Nor a direction override that would make "Tale\u202Ebupe.exe" look like another kind.
    String rtl = TextExports.attachment("Tale\u202Ebupe.exe", "epub");
    assertThat(rtl).doesNotContain("\u202E").doesNotContainIgnoringCase("%E2%80%AE");
    assertThat(TextExports.attachment("Тихий\u202Eмаяк", "epub"))
        .contains("filename*=")
        .doesNotContainIgnoringCase("%E2%80%AE");
    assertThat(java.net.URLDecoder.decode(star, StandardCharsets.UTF_8))
        .doesNotContain("/")
        .doesNotContain("\"");
  }

  @Test
  void epubPassesEpubcheckWithNoErrorsOrWarnings() throws Exception {
    for (TextFormat format : TextFormat.values()) {
      byte[] epub =
          EpubWriter.write(work(format, true), "http://localhost:7070/works/7", Instant.EPOCH);
      Check c = epubcheck(epub);
      assertThat(c.fatal()).as(format + " fatal").isZero();
      assertThat(c.errors()).as(format + " errors").isZero();
      assertThat(c.warnings()).as(format + " warnings").isZero();
    }
    Check withSeries =
        epubcheck(
            EpubWriter.write(
                work(TextFormat.MARKDOWN, true),
                "http://localhost:7070/works/7",
                Instant.EPOCH,
                new EpubWriter.SeriesPart("The Ember \"Cycle\" & Co", 2)));
    assertThat(withSeries.fatal() + withSeries.errors() + withSeries.warnings())
        .as(withSeries.log())
        .isZero();
  }

  @Test
  void aSeriesBindsIntoOneEpubThatPassesEpubcheck() throws Exception {
    Work a = work(TextFormat.MARKDOWN, true);
    Work b = work(TextFormat.PLAIN, false);
    Work book = Anthology.of("The Ember Cycle", "Two works, one book.", List.of(a, b));
    assertThat(book.chapters()).hasSize(4);
    assertThat(book.chapters().get(0).title()).startsWith(a.title()).endsWith("Chapter 1: Sparks");
    assertThat(book.chapters().get(2).text()).isEqualTo(b.chapters().getFirst().text());
    assertThat(book.chapters().get(0).notes()).contains("A *short* summary.");
    assertThat(book.complete()).isFalse();
    assertThat(book.format()).isEqualTo(TextFormat.PLAIN); // mixed formats
    assertThat(book.authors()).containsExactly("Quill", "Ink & Paper");
    assertThat(book.tags().stream().filter(t -> t.name().equals("Willow Rosenberg"))).hasSize(1);
    Check c = epubcheck(EpubWriter.write(book, "http://q/series/1", Instant.EPOCH));
    assertThat(c.fatal() + c.errors() + c.warnings()).isZero();
    Work back = ingester.read("cycle.epub", EpubWriter.write(book, null, Instant.EPOCH));
    assertThat(back.title()).isEqualTo("The Ember Cycle");
    assertThat(back.chapters()).hasSize(4);
  }

  @Test
  void epubReadsBackAsTheSameWorkWithTheSameTags() {
    for (boolean complete : List.of(true, false)) {
      Work w = work(TextFormat.MARKDOWN, complete);
      Work back =
          ingester.read("ashes.epub", EpubWriter.write(w, "http://q/works/7", Instant.EPOCH));
      assertThat(back.title()).isEqualTo(w.title());
      assertThat(back.authors()).isEqualTo(w.authors());
      for (TagType t : TagType.values()) {
        assertThat(back.tagNames(t)).as(t.key()).isEqualTo(w.tagNames(t));
      }
      assertThat(back.summary()).isEqualTo(w.summary());
      assertThat(back.notes()).contains(w.notes()).contains("Source: http://q/works/7");
      assertThat(back.endNotes()).isEqualTo(w.endNotes());
      assertThat(back.language()).isEqualTo("English");
      assertThat(back.complete()).isEqualTo(complete);
      assertThat(back.expectedChapters()).isEqualTo(complete ? 2 : 4);
      assertThat(back.chapters())
          .extracting(Chapter::title)
          .containsExactly("Chapter 1: Sparks", null);
      assertThat(back.chapters()).extracting(Chapter::notes).containsExactly("The start.", null);
      assertThat(back.chapters())
          .extracting(Chapter::endNotes)
          .containsExactly("More *soon*.", "The last chapter's.");
      assertThat(back.chapters().get(0).text()).isEqualTo(w.chapters().get(0).text());
      assertThat(back.wordCount())
          .isEqualTo(
              w.chapters().stream()
                  .mapToInt(c -> org.quire.text.WordCounter.count(c.text()))
                  .sum());
    }
  }

  @Test
  void htmlExportIsOneSafePageWithEveryTagType() {
    String html = TextExports.html(work(TextFormat.PLAIN, true));
    var doc = Jsoup.parse(html);
    assertThat(doc.select("script")).isEmpty();
    assertThat(doc.title()).isEqualTo("Ashes <script>alert(1)</script> & Embers");
    assertThat(doc.select("dl.tags dt").eachText())
        .contains(
            "Rating:",
            "Archive Warning:",
            "Category:",
            "Fandom:",
            "Relationship:",
            "Character:",
            "Content Warning:",
            "Additional Tags:",
            "Language:",
            "Stats:");
    assertThat(doc.select("#chapters div.userstuff")).hasSize(2);
    assertThat(doc.select("hr.scene-break")).hasSize(1);
    // And Quire reads its own HTML back with the same tags.
    Work back = ingester.read("ashes.html", html.getBytes(StandardCharsets.UTF_8));
    assertThat(back.tagNames(TagType.CHARACTER)).containsExactly("Willow Rosenberg", "Tara Maclay");
    assertThat(back.chapters()).hasSize(2);
    // Chapter end notes come after the chapter's text, and read back as that chapter's.
    assertThat(doc.select("#chapters section").first().children().last().text())
        .isEqualTo("Chapter End Notes More soon.");
    assertThat(back.chapters())
        .extracting(Chapter::endNotes)
        .containsExactly("More *soon*.", "The last chapter's.");
    assertThat(back.endNotes()).isEqualTo("Thank you for reading!");
  }

  @Test
  void markdownAndTextExportsImportBackWithTheirTags() {
    Work w = work(TextFormat.MARKDOWN, false);
    for (String[] f :
        List.of(
            new String[] {"ashes.md", TextExports.markdown(w)},
            new String[] {"ashes.txt", TextExports.text(w)})) {
      Work back = ingester.read(f[0], f[1].getBytes(StandardCharsets.UTF_8));
      assertThat(back.title()).as(f[0]).isEqualTo(w.title());
      assertThat(back.authors()).as(f[0]).isEqualTo(w.authors());
      for (TagType t : TagType.values()) {
        assertThat(back.tagNames(t)).as(f[0] + " " + t.key()).isEqualTo(w.tagNames(t));
      }
      assertThat(back.complete()).as(f[0]).isFalse();
      assertThat(back.expectedChapters()).as(f[0]).isEqualTo(4);
      assertThat(back.chapters()).as(f[0]).hasSize(2);
      // The first chapter's notes and scene break do not make it read as a preface.
      assertThat(back.chapters().getFirst().title()).as(f[0]).isEqualTo("Chapter 1: Sparks");
      assertThat(back.chapters().getFirst().notes()).as(f[0]).isEqualTo("The start.");
      assertThat(back.chapters())
          .as(f[0])
          .extracting(Chapter::endNotes)
          .containsExactly("More *soon*.", "The last chapter's.");
      assertThat(back.chapters().get(1).text()).as(f[0]).endsWith("A second line.");
      assertThat(back.notes()).as(f[0]).isEqualTo(w.notes());
      assertThat(back.summary()).as(f[0]).isEqualTo(w.summary());
      assertThat(back.endNotes()).as(f[0]).isEqualTo(w.endNotes());
    }
  }
}

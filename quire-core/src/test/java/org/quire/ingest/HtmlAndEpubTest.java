package org.quire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;
import org.quire.testkit.HostileTally;

class HtmlAndEpubTest {
  private final Ingester ingester = new Ingester();

  private Work read(String name, String text) {
    return ingester.read(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static String resource(String name) throws Exception {
    try (var in = HtmlAndEpubTest.class.getResourceAsStream("/ingest/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void ao3DownloadKeepsEveryMetadataFieldAsAuthorTags() throws Exception {
    Work w = read("ledger.html", resource("ao3-style.html"));
    assertThat(w.title()).isEqualTo("The Librarian's Ledger");
    assertThat(w.titleGenerated()).isFalse();
    assertThat(w.authors()).containsExactly("quire_tests");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Teen And Up Audiences");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("F/F", "Gen");
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Buffy the Vampire Slayer (TV)");
    assertThat(w.tagNames(TagType.RELATIONSHIP))
        .containsExactly("Tara Maclay/Willow Rosenberg", "Rupert Giles & Willow Rosenberg");
    assertThat(w.tagNames(TagType.CHARACTER))
        .containsExactly("Willow Rosenberg", "Tara Maclay", "Rupert Giles");
    assertThat(w.tagNames(TagType.ADDITIONAL)).containsExactly("Libraries", "Fluff");
    assertThat(w.language()).isEqualTo("English");
    assertThat(w.complete()).isFalse();
    // "Chapters: 2/3": two posted of three planned.
    assertThat(w.expectedChapters()).isEqualTo(3);
    assertThat(w.summary())
        .isEqualTo("Giles keeps a ledger of overdue books. Willow finds a *strange* entry.");
    assertThat(w.notes())
        .contains("Series: Part 2 of Stacks")
        .contains("Written for a [library prompt](<https://example.org/prompts/12>).");
    assertThat(w.endNotes()).isEqualTo("Thank you for reading.");
    assertThat(w.format()).isEqualTo(TextFormat.MARKDOWN);
    assertThat(w.chapters()).hasSize(2);
    var one = w.chapters().get(0);
    assertThat(one.title()).isEqualTo("Chapter 1: Overdue");
    assertThat(one.notes()).isEqualTo("The first evening.");
    assertThat(one.endNotes()).isEqualTo("More soon.");
    assertThat(one.text())
        .startsWith("The ledger was older than the library.")
        .contains("written in **red** ink.")
        .contains("Who is \\*Ethan\\* and why")
        .contains("\n\n* * *\n\n")
        .contains("Tara laughed from the stacks. Nobody answered.")
        .doesNotContain("<", "onerror", "javascript", "alert");
    assertThat(w.chapters().get(1).title()).isEqualTo("Chapter 2: Returned");
    assertThat(w.chapters().get(1).text())
        .startsWith("1\\. Return the book.  \n2\\. Pay the fine.")
        .doesNotContain("overdue too");
    // AO3's downloads put a chapter's end notes in a block of their own after its text.
    assertThat(w.chapters().get(1).notes()).isNull();
    assertThat(w.chapters().get(1).endNotes())
        .isEqualTo("The ledger is real; mine is overdue too.");
    assertThat(w.chapters()).hasSize(2);
    assertThat(w.wordCount()).isBetween(60, 75);
  }

  @Test
  void anyOtherPageGoesThroughTheStoryRules() {
    Work w =
        read(
            "page.htm",
            "<html><head><title>Night Shift</title><script>alert(1)</script></head><body>"
                + "<nav><a href='/'>Home</a></nav>"
                + "<p>A/N: For my sister.</p>"
                + "<h2>Chapter 1</h2><p>She <i>waited</i> by the door.</p><hr><p>Later, rain.</p>"
                + "<h2>Chapter 2</h2><p>He came back &amp; said nothing.</p>"
                + "<iframe src='https://evil.example'></iframe></body></html>");
    assertThat(w.title()).isEqualTo("Night Shift");
    assertThat(w.notes()).isEqualTo("For my sister.");
    assertThat(w.chapters()).hasSize(2);
    assertThat(w.chapters().get(0).text())
        .isEqualTo("She *waited* by the door.\n\n* * *\n\nLater, rain.");
    assertThat(w.chapters().get(1).text()).isEqualTo("He came back & said nothing.");
    assertThat(w.chapters().toString()).doesNotContain("Home", "alert", "evil");
  }

  static byte[] zip(Map<String, String> files) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(bytes)) {
      for (var e : files.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  static Map<String, String> book(String title) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("mimetype", "application/epub+zip");
    f.put(
        "META-INF/container.xml",
        "<?xml version='1.0'?><container version='1.0'"
            + " xmlns='urn:oasis:names:tc:opendocument:xmlns:container'><rootfiles><rootfile"
            + " full-path='OEBPS/content.opf' media-type='application/oebps-package+xml'/>"
            + "</rootfiles></container>");
    f.put(
        "OEBPS/content.opf",
        "<?xml version='1.0' encoding='utf-8'?><package xmlns='http://www.idpf.org/2007/opf'"
            + " version='2.0' unique-identifier='id'><metadata"
            + " xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:opf='http://www.idpf.org/2007/opf'>"
            + "<dc:title>"
            + title
            + "</dc:title><dc:creator opf:role='aut'>Quire Tests</dc:creator>"
            + "<dc:language>en</dc:language><dc:subject>Explicit</dc:subject>"
            + "<dc:subject>M/M</dc:subject><dc:subject>Major Character Death</dc:subject>"
            + "<dc:subject>Slow Burn</dc:subject><dc:subject>FanFiction.net</dc:subject>"
            + "<dc:subject>Star Trek: The Original Series</dc:subject>"
            + "<dc:description>&lt;p&gt;Two &lt;b&gt;rivals&lt;/b&gt;.&lt;/p&gt;</dc:description>"
            + "<dc:source>https://example.org/s/42</dc:source>"
            + "<meta name='calibre:series' content='Rivals'/><meta name='calibre:series_index'"
            + " content='2'/></metadata><manifest>"
            + "<item id='t' href='title_page.xhtml' media-type='application/xhtml+xml'/>"
            + "<item id='c1' href='text/ch%201.xhtml' media-type='application/xhtml+xml'/>"
            + "<item id='c2' href='text/../text/ch2.xhtml' media-type='application/xhtml+xml'/>"
            + "</manifest><spine><itemref idref='t'/><itemref idref='c1'/><itemref idref='c2'/>"
            + "</spine></package>");
    f.put(
        "OEBPS/title_page.xhtml",
        "<html><body><h3>Rivals</h3><b>Characters:</b> Alder Fenn, Brisk Oaten<br/>"
            + "<b>Category:</b> Star Trek: The Original Series<br/>"
            + "<b>Status:</b> In-Progress<br/><b>Chapters:</b> 2<br/></body></html>");
    f.put(
        "OEBPS/text/ch 1.xhtml",
        "<html><body><h2>One: The Match</h2><p>Alder served first.</p></body></html>");
    f.put(
        "OEBPS/text/ch2.xhtml",
        "<html><body><h2>Two: The Rematch</h2><p>Brisk won, <em>barely</em>.</p></body></html>");
    return f;
  }

  @Test
  void epubMetadataSpineAndTitlePage() throws Exception {
    Work w = ingester.read("rivals.epub", zip(book("Rivals")));
    assertThat(w.title()).isEqualTo("Rivals");
    assertThat(w.authors()).containsExactly("Quire Tests");
    assertThat(w.language()).isEqualTo("English"); // the package says "en"
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Explicit");
    assertThat(w.tagNames(TagType.CATEGORY)).containsExactly("M/M");
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    // FanFicFare's title page: "Category" is the fandom, "Chapters: 2" after "Status:
    // In-Progress" does not undo it, and the site among the subjects is no tag.
    assertThat(w.tagNames(TagType.ADDITIONAL)).containsExactly("Slow Burn");
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Star Trek: The Original Series");
    assertThat(w.tagNames(TagType.CHARACTER)).containsExactly("Alder Fenn", "Brisk Oaten");
    assertThat(w.summary()).isEqualTo("Two **rivals**.");
    assertThat(w.notes())
        .contains("Source: https://example.org/s/42")
        .contains("Series: Rivals, part 2");
    assertThat(w.complete()).isFalse();
    assertThat(w.chapters())
        .extracting(c -> c.title())
        .containsExactly("One: The Match", "Two: The Rematch");
    assertThat(w.chapters().get(1).text()).isEqualTo("Brisk won, *barely*.");
  }

  @Test
  void aConvertedBooksHeaderAndPrefacePagesAreNoChapters() throws Exception {
    // calibre converting a text file: the header lands on a page of its own.
    Map<String, String> f = book("Shore Leave");
    f.remove("OEBPS/title_page.xhtml");
    f.put(
        "OEBPS/content.opf",
        f.get("OEBPS/content.opf").replace("title_page.xhtml", "index_split_000.html"));
    f.put(
        "OEBPS/index_split_000.html",
        "<html><body><p>Shore Leave</p><p>by Vulcan Salute</p><p>Summary: McCoy wants a"
            + " vacation.</p><p>A/N: For my sister.</p></body></html>");
    Work w = ingester.read("shore.epub", zip(f));
    assertThat(w.chapters())
        .extracting(c -> c.title())
        .containsExactly("One: The Match", "Two: The Rematch");
    assertThat(w.notes()).contains("For my sister.");
    // AO3's preface split onto a page of its own by calibre: summary and notes, no chapter.
    f.put(
        "OEBPS/index_split_000.html",
        "<html><body><div id='preface'><h1>Shore Leave</h1><div class='byline'>by <a"
            + " rel='author'>Vulcan Salute</a></div><p>Summary</p><blockquote"
            + " class='userstuff'><p>A <em>long</em> wait.</p></blockquote><p>Notes</p><blockquote"
            + " class='userstuff'><p>Beta'd by a friend.</p></blockquote></div><div"
            + " id='chapters'></div></body></html>");
    w = ingester.read("shore2.epub", zip(f));
    assertThat(w.chapters()).hasSize(2);
    assertThat(w.summary()).isEqualTo("A *long* wait.");
    assertThat(w.notes()).contains("Beta'd by a friend.");
    // A short first chapter that is story, not header, stays a chapter.
    f.put(
        "OEBPS/index_split_000.html",
        "<html><body><h2>Prologue</h2><p>The ship was quiet. \"Bones,\" Jim said.</p></body></html>");
    assertThat(ingester.read("shore3.epub", zip(f)).chapters()).hasSize(3);
    // A drabble under the book's title and byline is the first chapter, not a header.
    String drabble = "The ship was quiet and the stars were slow. ".repeat(6);
    f.put(
        "OEBPS/index_split_000.html",
        "<html><body><p>Shore Leave</p><p>by Vulcan Salute</p><p>"
            + drabble
            + "</p></body></html>");
    Work d = ingester.read("shore4.epub", zip(f));
    assertThat(d.chapters()).hasSize(3);
    assertThat(d.chapters().getFirst().text()).isEqualTo(drabble.strip());
    // A book whose only page is short and titled: its words are the story.
    Map<String, String> one = book("Shore Leave");
    one.put(
        "OEBPS/content.opf",
        one.get("OEBPS/content.opf")
            .replace("<itemref idref='c1'/><itemref idref='c2'/>", "")
            .replace("title_page.xhtml", "index_split_000.html"));
    one.remove("OEBPS/title_page.xhtml");
    one.put(
        "OEBPS/index_split_000.html",
        "<html><body><p>Shore Leave</p><p>by Vulcan Salute</p><p>Summary: A wait.</p></body></html>");
    assertThat(ingester.read("one.epub", zip(one)).chapters()).hasSize(1);
  }

  @Test
  void fanFicFareChaptersKeepTheirAuthorsNotesApart() throws Exception {
    Map<String, String> f = book("Rivals");
    f.put(
        "OEBPS/text/ch 1.xhtml",
        "<html><body><div class='fff_chapter'><h3>One: The Match</h3><p>A/N: My first fic, be"
            + " gentle!</p><p>Disclaimer: I own nothing.</p><hr/><p>Alder served first.</p><p>Brisk"
            + " missed.</p><p>A/N: Thanks for reading!</p></div></body></html>");
    Work w = ingester.read("rivals.epub", zip(f));
    var one = w.chapters().getFirst();
    assertThat(one.notes()).contains("My first fic, be gentle!").contains("Disclaimer: I own");
    assertThat(one.text()).isEqualTo("Alder served first.\n\nBrisk missed.");
    assertThat(one.endNotes()).isEqualTo("Thanks for reading!");
    // A page with no notes keeps its text as it was.
    assertThat(w.chapters().get(1).text()).isEqualTo("Brisk won, *barely*.");
    assertThat(w.chapters().get(1).notes()).isNull();
  }

  @Test
  void anAo3WorkPageSavedFromTheBrowserIsReadWithoutTheSite() {
    String page =
        "<html><head><title>Lanterns - quill - Test Fandom [Archive of Our Own]</title></head>"
            + "<body><ul class='primary navigation actions'><li>Fandoms</li><li>Browse</li></ul>"
            + "<div id='main'><dl class='work meta group'><dt class='rating tags'>Rating:</dt>"
            + "<dd class='rating tags'><ul><li><a class='tag'>Mature</a></li></ul></dd>"
            + "<dt class='fandom tags'>Fandom:</dt><dd class='fandom tags'><ul><li><a"
            + " class='tag'>Test Fandom</a></li></ul></dd><dt class='stats'>Stats:</dt><dd"
            + " class='stats'><dl class='stats'><dt>Published:</dt><dd>2019-01-01</dd>"
            + "<dt>Chapters:</dt><dd>2/3</dd></dl></dd></dl>"
            + "<div id='workskin'><div class='preface group'><h2 class='title heading'>Lanterns</h2>"
            + "<h3 class='byline heading'><a rel='author'>quill</a></h3><div class='summary"
            + " module'><h3>Summary:</h3><blockquote class='userstuff'><p>Two nights.</p>"
            + "</blockquote></div><div class='notes module'><h3>Notes:</h3><blockquote"
            + " class='userstuff'><p>For the fest.</p></blockquote></div></div>"
            + "<div id='chapters'><div class='chapter' id='chapter-1'><div class='chapter preface"
            + " group'><h3 class='title'>Chapter 1: Dusk</h3><div id='notes' class='notes"
            + " module'><blockquote class='userstuff'><p>Opening note.</p></blockquote></div></div>"
            + "<div class='userstuff module'><h3 class='landmark heading'>Chapter Text</h3><p>The"
            + " lamps came on.</p></div><div class='chapter preface group'><div class='end notes"
            + " module'><blockquote class='userstuff'><p>More soon.</p></blockquote></div></div>"
            + "</div><div class='chapter' id='chapter-2'><div class='chapter preface group'><h3"
            + " class='title'>Chapter 2: Dawn</h3></div><div class='userstuff module'><h3"
            + " class='landmark heading'>Chapter Text</h3><p>The lamps went out.</p></div></div>"
            + "</div><div class='afterword preface group'><div id='work_endnotes' class='end notes"
            + " module'><blockquote class='userstuff'><p>Thanks!</p></blockquote></div></div></div>"
            + "<div id='feedback'><div id='comments_placeholder'><li class='comment'><blockquote"
            + " class='userstuff'><p>Loved it!</p></blockquote></li></div></div></div></body></html>";
    Work w = ingester.read("Lanterns.html", page.getBytes(StandardCharsets.UTF_8));
    assertThat(w.title()).isEqualTo("Lanterns");
    assertThat(w.authors()).containsExactly("quill");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("Mature");
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Test Fandom");
    assertThat(w.summary()).isEqualTo("Two nights.");
    assertThat(w.notes()).isEqualTo("For the fest.");
    assertThat(w.complete()).isFalse();
    assertThat(w.expectedChapters()).isEqualTo(3);
    assertThat(w.chapters())
        .extracting(c -> c.title())
        .containsExactly("Chapter 1: Dusk", "Chapter 2: Dawn");
    assertThat(w.chapters().get(0).text()).isEqualTo("The lamps came on.");
    assertThat(w.chapters().get(0).notes()).isEqualTo("Opening note.");
    assertThat(w.chapters().get(0).endNotes()).isEqualTo("More soon.");
    assertThat(w.endNotes()).isEqualTo("Thanks!");
    // First posted on AO3 that day: its posted date here too.
    assertThat(w.importedAt()).isEqualTo(java.time.Instant.parse("2019-01-01T00:00:00Z"));
    assertThat(w.chapters())
        .noneMatch(c -> c.text().contains("Loved it") || c.text().contains("Browse"));
  }

  @Test
  void hostileBooksAreRefusedWithAReason() throws Exception {
    Map<String, String> traversal = book("T");
    traversal.put("../../evil.xhtml", "x");
    assertThatThrownBy(() -> ingester.read("t.epub", zip(traversal)))
        .hasMessageContaining("t.epub")
        .hasMessageContaining("outside the archive");

    Map<String, String> absolute = book("A");
    absolute.put("/etc/passwd", "x");
    assertThatThrownBy(() -> ingester.read("a.epub", zip(absolute)))
        .hasMessageContaining("outside the archive");

    // 300 MB of zeros compresses to about 300 KB.
    byte[] bomb = org.quire.testkit.ZipBombs.flat("META-INF/container.xml", 300);
    assertThatThrownBy(() -> ingester.read("bomb.epub", bomb)).hasMessageContaining("zip bomb");

    Map<String, String> many = book("M");
    for (int i = 0; i < SafeZip.MAX_ENTRIES + 1; i++) {
      many.put("junk/" + i, "");
    }
    assertThatThrownBy(() -> ingester.read("many.epub", zip(many)))
        .hasMessageContaining("more than");

    Map<String, String> noContainer = book("N");
    noContainer.remove("META-INF/container.xml");
    assertThatThrownBy(() -> ingester.read("n.epub", zip(noContainer)))
        .hasMessageContaining("container.xml");

    Map<String, String> empty = book("E");
    empty.remove("OEBPS/text/ch 1.xhtml");
    empty.remove("OEBPS/text/ch2.xhtml");
    assertThatThrownBy(() -> ingester.read("e.epub", zip(empty)))
        .hasMessageContaining("no readable chapters");
    HostileTally tally = new HostileTally("ingest: hostile EPUBs");
    tally.passed(6);
    tally.finish();
  }

  @Test
  void entitiesAreNeitherFetchedNorExpanded() throws Exception {
    Map<String, String> xxe = book("&xxe;");
    String opf = xxe.get("OEBPS/content.opf");
    xxe.put(
        "OEBPS/content.opf",
        opf.replace(
                "<?xml version='1.0' encoding='utf-8'?>",
                "<?xml version='1.0' encoding='utf-8'?><!DOCTYPE package [<!ENTITY xxe SYSTEM"
                    + " 'file:///etc/passwd'><!ENTITY lol 'lol'><!ENTITY lol2"
                    + " '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'><!ENTITY lol3"
                    + " '&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;'>]>")
            .replace("<dc:subject>Slow Burn</dc:subject>", "<dc:subject>&lol3;</dc:subject>"));
    Work w = ingester.read("xxe.epub", zip(xxe));
    assertThat(w.title()).doesNotContain("root:");
    assertThat(w.tags().toString()).doesNotContain("lollol");
    assertThat(w.chapters()).hasSize(2);
  }

  @Test
  void emphasisLeftOpenOverBlocksKeepsTheBlocksAndNoStrayMarks() {
    Work w =
        read(
            "open.html",
            "<html><head><title>Open</title></head><body><p>First para <b>bold</p>"
                + "<h2>Middle</h2><p>never closed</p><b><h2>Inner <i>Part</i></h2><p>Bold"
                + " all along</p></b></body></html>");
    String text = w.chapters().stream().map(c -> c.text()).reduce("", (a, b) -> a + "\n" + b);
    assertThat(text).contains("never closed", "Bold all along").doesNotContain("#");
    // Headings become chapter titles as plain text, without emphasis marks.
    assertThat(w.chapters())
        .extracting(c -> c.title())
        .containsExactly(null, "Middle", "Inner Part");
  }

  @Test
  void markdownEscapesKeepTheStorysOwnSymbols() {
    Work w =
        read(
            "sym.html",
            "<html><head><title>Symbols</title></head><body><p># not a heading</p><p>- not a list</p><p>&gt; not a quote</p>"
                + "<p>a_b * c [d] `e` &lt;tag&gt;</p></body></html>");
    assertThat(w.chapters().getFirst().text())
        .isEqualTo(
            "\\# not a heading\n\n\\- not a list\n\n\\> not a quote\n\na\\_b \\* c \\[d\\] \\`e\\` \\<tag>");
  }

  @Test
  void aPageWithBoldChapterHeadingsAndItsTitleRepeatedReadsItsHeader() {
    Work w =
        read(
            "small-hours.html",
            "<html><head><title>Small Hours</title></head><body>"
                + "<p align='center'><b>Small Hours</b></p><p align='center'>by Irregular</p>"
                + "<p>Rating: G<br/>Fandom: Sherlock (TV)</p>"
                + "<p align='center'><strong>Chapter 1: The Kettle</strong></p>"
                + "<p>John woke at four.</p><p>The kettle was boiling.</p>"
                + "<p align='center'><strong>Chapter 2: The Case</strong></p>"
                + "<p>The case came by text.</p></body></html>");
    assertThat(w.title()).isEqualTo("Small Hours");
    assertThat(w.authors()).containsExactly("Irregular");
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Sherlock (TV)");
    assertThat(w.chapters().stream().map(c -> c.title()))
        .containsExactly("Chapter 1: The Kettle", "Chapter 2: The Case");
    assertThat(w.chapters().getFirst().text())
        .isEqualTo("John woke at four.\n\nThe kettle was boiling.");
  }
}

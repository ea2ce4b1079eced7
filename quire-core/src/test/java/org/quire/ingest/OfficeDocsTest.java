package org.quire.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quire.model.Work;
import org.quire.testkit.HostileTally;

/** Word and OpenDocument files, written here by hand the way Word and LibreOffice write them. */
class OfficeDocsTest {
  private final Ingester ingester = new Ingester();

  private static final String W =
      "xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'";

  static String para(String style, String runs) {
    String props = style == null ? "" : "<w:pPr><w:pStyle w:val='" + style + "'/></w:pPr>";
    return "<w:p>" + props + runs + "</w:p>";
  }

  static String run(String text) {
    return "<w:r><w:t xml:space='preserve'>" + text + "</w:t></w:r>";
  }

  static String italic(String text) {
    return "<w:r><w:rPr><w:i/></w:rPr><w:t xml:space='preserve'>" + text + "</w:t></w:r>";
  }

  /** A Word document: localised style ids, split runs, a table, a deleted revision. */
  static Map<String, String> docxFiles(String body) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put(
        "[Content_Types].xml",
        "<?xml version='1.0'?><Types"
            + " xmlns='http://schemas.openxmlformats.org/package/2006/content-types'><Override"
            + " PartName='/word/document.xml'"
            + " ContentType='application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'/></Types>");
    f.put(
        "_rels/.rels",
        "<?xml version='1.0'?><Relationships"
            + " xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship"
            + " Id='rId1'"
            + " Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'"
            + " Target='word/document.xml'/></Relationships>");
    f.put(
        "word/styles.xml",
        "<?xml version='1.0'?><w:styles "
            + W
            + "><w:style w:type='paragraph' w:styleId='Titel'><w:name w:val='Title'/></w:style>"
            + "<w:style w:type='paragraph' w:styleId='berschrift1'><w:name w:val='heading"
            + " 1'/></w:style><w:style w:type='paragraph' w:styleId='ChapterHead'><w:name"
            + " w:val='Chapter Head'/><w:basedOn w:val='berschrift1'/></w:style><w:style"
            + " w:type='character' w:styleId='Hervorhebung'><w:name"
            + " w:val='Emphasis'/></w:style></w:styles>");
    f.put(
        "docProps/core.xml",
        "<?xml version='1.0'?><cp:coreProperties"
            + " xmlns:cp='http://schemas.openxmlformats.org/package/2006/metadata/core-properties'"
            + " xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>The Lantern"
            + " Keeper</dc:title><dc:creator>Ines Okafor</dc:creator><dc:language>en-GB</dc:language>"
            + "</cp:coreProperties>");
    f.put(
        "word/document.xml",
        "<?xml version='1.0' encoding='UTF-8'?><w:document "
            + W
            + "><w:body>"
            + body
            + "<w:sectPr/></w:body></w:document>");
    return f;
  }

  static byte[] docx() throws Exception {
    String body =
        para("Titel", run("The Lantern ") + run("Keeper"))
            + para(null, run("A/N: Written for the autumn prompt fest. Thank you, Dee!"))
            + para("berschrift1", run("Chapter One: Fog"))
            + para(
                null,
                run("Mara ")
                    + italic("never")
                    + italic(" again")
                    + run(" let the lamp go out.")
                    + "<w:del><w:r><w:delText>A sentence she cut.</w:delText></w:r></w:del>")
            + para(
                null,
                "<w:r><w:t>The fog came in from the sea</w:t><w:br/><w:t>and stayed.</w:t></w:r>")
            + para(null, run("* * *"))
            + "<w:tbl><w:tr><w:tc>"
            + para(null, run("Tide table, in her careful hand."))
            + "</w:tc></w:tr></w:tbl>"
            + para(null, "")
            + para("ChapterHead", run("Chapter Two: Harbour"))
            + para(
                null,
                "<w:hyperlink><w:r><w:rPr><w:rStyle w:val='Hervorhebung'/></w:rPr>"
                    + "<w:t>Morning</w:t></w:r></w:hyperlink>"
                    + run(" found the boats already out."));
    return HtmlAndEpubTest.zip(docxFiles(body));
  }

  private static final String ODF_NS =
      " xmlns:office='urn:oasis:names:tc:opendocument:xmlns:office:1.0'"
          + " xmlns:text='urn:oasis:names:tc:opendocument:xmlns:text:1.0'"
          + " xmlns:style='urn:oasis:names:tc:opendocument:xmlns:style:1.0'"
          + " xmlns:fo='urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0'"
          + " xmlns:dc='http://purl.org/dc/elements/1.1/'"
          + " xmlns:meta='urn:oasis:names:tc:opendocument:xmlns:meta:1.0'";

  static Map<String, String> odtFiles(String text) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("mimetype", "application/vnd.oasis.opendocument.text");
    f.put(
        "meta.xml",
        "<?xml version='1.0'?><office:document-meta"
            + ODF_NS
            + "><office:meta><meta:initial-creator>Tomas Reyes</meta:initial-creator>"
            + "</office:meta></office:document-meta>");
    f.put(
        "content.xml",
        "<?xml version='1.0' encoding='UTF-8'?><office:document-content"
            + ODF_NS
            + "><office:automatic-styles><style:style style:name='T1' style:family='text'>"
            + "<style:text-properties fo:font-style='italic'/></style:style>"
            + "<style:style style:name='P1' style:family='paragraph'"
            + " style:parent-style-name='Title'/></office:automatic-styles><office:body>"
            + "<office:text>"
            + text
            + "</office:text></office:body></office:document-content>");
    return f;
  }

  static byte[] odt() throws Exception {
    String text =
        "<text:p text:style-name='P1'>Salt and Cedar</text:p>"
            + "<text:p>Summary: Two keepers, one lighthouse, a very long winter.</text:p>"
            + "<text:h text:outline-level='1'>Chapter 1</text:h>"
            + "<text:p>Pell counted<text:s text:c='3'/>the stairs"
            + "<text:note><text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>"
            + " again, <text:span text:style-name='T1'>out of habit</text:span>.</text:p>"
            + "<text:list><text:list-item><text:p>Oil, wicks, bread.</text:p></text:list-item>"
            + "</text:list>"
            + "<text:h text:outline-level='1'>Chapter 2</text:h>"
            + "<text:p>Spring, at last<text:line-break/>and the ferry with it.</text:p>";
    return HtmlAndEpubTest.zip(odtFiles(text));
  }

  @Test
  void wordDocumentsGiveTitleAuthorNotesChaptersAndEmphasis() throws Exception {
    Work w = ingester.read("lantern.docx", docx());
    assertThat(w.title()).isEqualTo("The Lantern Keeper");
    assertThat(w.titleGenerated()).isFalse();
    assertThat(w.authors()).containsExactly("Ines Okafor");
    assertThat(w.language()).isEqualTo("en-GB");
    assertThat(w.notes()).contains("Written for the autumn prompt fest");
    assertThat(w.chapters())
        .extracting(c -> c.title())
        .containsExactly("Chapter One: Fog", "Chapter Two: Harbour");
    String one = w.chapters().getFirst().text();
    assertThat(one)
        .contains("Mara *never again* let the lamp go out.")
        .contains("The fog came in from the sea  \nand stayed.")
        .contains("Tide table, in her careful hand.")
        .doesNotContain("A sentence she cut");
    assertThat(w.chapters().get(1).text()).isEqualTo("*Morning* found the boats already out.");
    assertThat(w.source().fileName()).isEqualTo("lantern.docx");
  }

  @Test
  void openDocumentTextsGiveTheSame() throws Exception {
    Work w = ingester.read("salt.odt", odt());
    assertThat(w.title()).isEqualTo("Salt and Cedar");
    assertThat(w.authors()).containsExactly("Tomas Reyes");
    assertThat(w.summary()).contains("Two keepers, one lighthouse");
    assertThat(w.chapters()).hasSize(2);
    String one = w.chapters().getFirst().text();
    // Runs of spaces (<text:s>) fold to one, as in any HTML page Quire reads.
    assertThat(one).contains("Pell counted the stairs again, *out of habit*.");
    assertThat(one).contains("Oil, wicks, bread.").doesNotContain("A footnote");
    assertThat(w.chapters().get(1).text()).contains("Spring, at last  \nand the ferry with it.");
  }

  @Test
  void hostileOrWrongOfficeFilesAreRefusedWithAReason() throws Exception {
    Map<String, String> noBody = docxFiles("");
    noBody.remove("word/document.xml");
    assertThatThrownBy(() -> ingester.read("x.docx", HtmlAndEpubTest.zip(noBody)))
        .hasMessageContaining("x.docx")
        .hasMessageContaining("not a Word document");

    Map<String, String> climbing = docxFiles(para(null, run("text")));
    climbing.put(
        "_rels/.rels",
        "<Relationships><Relationship Type='x/officeDocument' Target='../../etc/passwd'/>"
            + "</Relationships>");
    assertThatThrownBy(() -> ingester.read("c.docx", HtmlAndEpubTest.zip(climbing)))
        .hasMessageContaining("outside the archive");

    assertThatThrownBy(() -> ingester.read("empty.docx", HtmlAndEpubTest.zip(docxFiles(""))))
        .hasMessageContaining("no story text");

    Map<String, String> sheet = odtFiles("<text:p>1,2,3</text:p>");
    sheet.put("mimetype", "application/vnd.oasis.opendocument.spreadsheet");
    assertThatThrownBy(() -> ingester.read("s.odt", HtmlAndEpubTest.zip(sheet)))
        .hasMessageContaining("not an OpenDocument text");

    byte[] bomb = org.quire.testkit.ZipBombs.flat("content.xml", 300);
    assertThatThrownBy(() -> ingester.read("bomb.odt", bomb)).hasMessageContaining("zip bomb");
    HostileTally tally = new HostileTally("ingest: hostile Word and ODF files");
    tally.passed(5);
    tally.finish();
  }

  @Test
  void declaredEntitiesAreNeitherFetchedNorExpanded() throws Exception {
    Map<String, String> f =
        docxFiles(para(null, run("Before &lol9; and &xxe; after, a plain story line.")));
    String doc = f.get("word/document.xml");
    f.put(
        "word/document.xml",
        doc.replace(
            "<w:document",
            "<!DOCTYPE d [<!ENTITY lol 'lol'><!ENTITY lol9 '&lol;&lol;&lol;&lol;&lol;'>"
                + "<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]><w:document"));
    Work w = ingester.read("e.docx", HtmlAndEpubTest.zip(f));
    String text = w.chapters().getFirst().text();
    assertThat(text)
        .contains("a plain story line")
        .doesNotContain("lollol")
        .doesNotContain("root:");
  }
}

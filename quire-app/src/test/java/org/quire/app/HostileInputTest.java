package org.quire.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.Chapter;
import org.quire.model.Work;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.quire.testkit.HostileTally;
import org.quire.testkit.ZipBombs;

/**
 * The hostile corpus, generated here and run through the real import, store and index: broken and
 * deceptive encodings, archives built to hurt (bombs, traversal, links, entities), markup meant to
 * run, and queries meant to break the search. Every case must end either in a stored work with
 * nothing dangerous kept or in a refusal that says why, never in an unexpected error, and the works
 * stored before must be exactly as they were.
 */
class HostileInputTest {
  @TempDir Path tmp;

  private Quire q;
  private Map<Long, String> before;
  private int caseNo;

  @Test
  void everyHostileInputIsReadSafelyOrRefusedAndNothingStoredChanges() throws Exception {
    try (Quire quire = Quire.open(QuireConfig.embedded(tmp.resolve("data")))) {
      q = quire;
      Path base = Files.createDirectories(tmp.resolve("base"));
      for (int i = 0; i < 3; i++) {
        Files.writeString(
            base.resolve("kept-" + i + ".txt"),
            "Kept Story " + i + "\n\nThe lighthouse keeper " + i + " counted the ships.\n");
      }
      assertThat(q.importFiles(List.of(base), f -> {}).imported()).hasSize(3);
      before = snapshot();

      HostileTally t = new HostileTally("import, store and search");
      encodings(t);
      archives(t);
      markup(t);
      queries(t);
      t.finish();
      assertThat(t.cases()).isGreaterThanOrEqualTo(35);
    }
  }

  private void encodings(HostileTally t) throws Exception {
    byte[] utf8 = "Broken Bytes\n\nShe said hello ".getBytes(StandardCharsets.UTF_8);
    t.check("invalid UTF-8", () -> read("broken.txt", concat(utf8, bytes(0xff, 0xfe, 0xc3, 0x28))));
    t.check(
        "mixed UTF-8 and Windows-1252",
        () -> {
          Work w =
              read(
                  "mixed.txt",
                  concat(
                      "Mixed\n\nA café in UTF-8, ".getBytes(StandardCharsets.UTF_8),
                      "and a caf\u00e9 in cp1252.\n".getBytes(StandardCharsets.ISO_8859_1)));
          if (w != null) {
            assertThat(text(w)).contains("café");
          }
        });
    t.check(
        "NUL bytes",
        () -> {
          Work w = read("nul.txt", "Nul Story\n\nA story\0 with\0 NULs in it.\n".getBytes());
          if (w != null) {
            assertThat(text(w)).doesNotContain("\0");
          }
        });
    t.check(
        "terminal escapes and control characters",
        () -> {
          Work w =
              read(
                  "ctl.txt",
                  "Bell Story\n\nA \u0007bell and \u001b[31mred\u001b[0m text, plainly told.\n"
                      .getBytes(StandardCharsets.UTF_8));
          if (w != null) {
            assertThat(text(w) + w.title()).doesNotContain("\u001b").doesNotContain("\u0007");
          }
        });
    t.check(
        "lone surrogates",
        () -> {
          Work w =
              read(
                  "surrogate.txt",
                  concat(
                      "Lone Halves\n\nHalf a pair: ".getBytes(StandardCharsets.UTF_8),
                      bytes(0xed, 0xa0, 0x80),
                      " and the rest of the story.\n".getBytes(StandardCharsets.UTF_8)));
          if (w != null) {
            assertThat(hasLoneSurrogate(text(w))).isFalse();
          }
        });
    t.check(
        "right-to-left override",
        () ->
            read(
                "rlo.txt",
                "Title \u202Etxt.exe\n\nThe file name \u202Egnp.exe was a trick.\n"
                    .getBytes(StandardCharsets.UTF_8)));
    t.check(
        "zero-width joiners and spaces",
        () ->
            read(
                "zwj.txt",
                "Wil\u200Dlow\u200B's Day\n\nWil\u200Dlow read\u200B the book.\n"
                    .getBytes(StandardCharsets.UTF_8)));
    t.check(
        "a 10,000-character line",
        () -> {
          Work w =
              read("long-line.txt", ("Long Line\n\n" + "word ".repeat(2_000) + "\n").getBytes());
          assertThat(w).isNotNull();
          assertThat(w.wordCount()).isGreaterThanOrEqualTo(2_000);
        });
    t.check(
        "a 200 MB file",
        () -> {
          Path big = fresh("big.txt");
          try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(200L * 1024 * 1024); // sparse: no disk is used
          }
          refused(big, "larger than the limit");
        });
    t.check(
        "100,000 chapter headings",
        () -> {
          StringBuilder b = new StringBuilder("Many Chapters\n\n");
          for (int i = 1; i <= 100_000; i++) {
            b.append("Chapter ").append(i).append("\n\nLine ").append(i).append(".\n\n");
          }
          Work w = read("many.txt", b.toString().getBytes());
          assertThat(w).isNotNull();
          assertThat(w.chapters().size()).isBetween(1_000, 100_000);
          assertThat(text(w)).contains("Line 100000.");
        });
    t.check(
        "UTF-16 without a BOM",
        () -> read("u16.txt", "Wide\n\nA wide story.\n".getBytes(StandardCharsets.UTF_16LE)));
    t.check("an empty file", () -> refused(write("empty.txt", new byte[0]), "empty"));
    t.check("only a BOM", () -> refused(write("bom.txt", bytes(0xef, 0xbb, 0xbf)), ""));
    t.check(
        "an image named .txt",
        () ->
            refused(
                write("image.txt", bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13)),
                ""));
  }

  private void archives(HostileTally t) throws Exception {
    byte[] zeros = new byte[1 << 20];
    t.check(
        "a flat zip bomb",
        () -> refused(write("flat-bomb.zip", ZipBombs.flat("story.txt", 300)), "zip bomb"));
    t.check(
        "a nested zip bomb",
        () -> {
          ByteArrayOutputStream inner = new ByteArrayOutputStream();
          try (ZipOutputStream z = new ZipOutputStream(inner)) {
            for (int e = 0; e < 10; e++) {
              z.putNextEntry(new ZipEntry("layer-" + e + ".zip"));
              for (int i = 0; i < 20; i++) {
                z.write(zeros);
              }
              z.closeEntry();
            }
          }
          Path outer = write("nested-bomb.zip", zip(Map.of("inner.zip", inner.toByteArray())));
          ImportReport r = q.importFiles(List.of(outer), f -> {});
          assertThat(r.imported()).isEmpty();
          assertThat(r.failed())
              .allSatisfy(f -> assertThat(f.reason()).doesNotContain("unexpected"));
          assertUnchanged();
        });
    t.check(
        "a huge entry in an EPUB",
        () -> refused(write("huge.epub", ZipBombs.flat("OEBPS/huge.xhtml", 300)), "zip bomb"));
    t.check(
        "path traversal in a zip",
        () ->
            refused(
                write(
                    "traversal.zip",
                    zip(Map.of("../../../tmp/evil.txt", "Evil\n\nOutside.\n".getBytes()))),
                "outside the archive"));
    t.check(
        "an absolute path in an EPUB",
        () ->
            refused(
                write("absolute.epub", zip(Map.of("/etc/cron.d/evil", "x".getBytes()))),
                "outside the archive"));
    t.check(
        "a link to a file outside the import",
        () -> {
          Path dir = Files.createDirectories(tmp.resolve("links-" + (++caseNo)));
          Path secret = Files.writeString(tmp.resolve("secret.txt"), "Secret\n\nPrivate words.\n");
          Files.createSymbolicLink(dir.resolve("story.txt"), secret);
          ImportReport r = q.importFiles(List.of(dir), f -> {});
          assertThat(r.imported()).isEmpty();
          assertThat(r.skipped()).extracting(p -> p.getFileName().toString()).contains("story.txt");
          assertUnchanged();
        });
    t.check(
        "a directory link loop",
        () -> {
          Path dir = Files.createDirectories(tmp.resolve("loop-" + (++caseNo)));
          Files.createSymbolicLink(dir.resolve("again"), dir);
          Files.writeString(dir.resolve("real.txt"), "Real Loop Story\n\nIt is here once.\n");
          ImportReport r = q.importFiles(List.of(dir), f -> {});
          assertThat(r.imported()).hasSize(1);
          before = snapshot();
        });
    t.check(
        "a truncated EPUB",
        () -> {
          byte[] epub = zip(epubFiles("<p>Text.</p>", "Truncated"));
          refused(write("truncated.epub", java.util.Arrays.copyOf(epub, epub.length / 2)), "");
        });
    t.check(
        "an EPUB whose package is not XML",
        () -> {
          Map<String, byte[]> f = epubFiles("<p>Text of a sort.</p>", "Not Xml");
          f.put("OEBPS/content.opf", "<package><<<metadata>&&&</package".getBytes());
          refused(write("not-xml.epub", zip(f)), "");
        });
    t.check(
        "billion laughs in an EPUB",
        () -> {
          Map<String, byte[]> f = epubFiles("<p>Laughs &lol9; end.</p>", "Laughs");
          String doc = new String(f.get("OEBPS/ch1.xhtml"), StandardCharsets.UTF_8);
          StringBuilder dtd = new StringBuilder("<!DOCTYPE html [<!ENTITY lol0 'lol'>");
          for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol")
                .append(i)
                .append(" '")
                .append(("&lol" + (i - 1) + ";").repeat(10))
                .append("'>");
          }
          f.put("OEBPS/ch1.xhtml", doc.replace("<html", dtd + "]><html").getBytes());
          Work w = read(write("laughs.epub", zip(f)));
          if (w != null) {
            assertThat(text(w).length()).isLessThan(10_000);
          }
        });
    t.check(
        "an external entity in an EPUB",
        () -> {
          Map<String, byte[]> f = epubFiles("<p>Secret: &xxe; end of text.</p>", "Xxe");
          String doc = new String(f.get("OEBPS/ch1.xhtml"), StandardCharsets.UTF_8);
          f.put(
              "OEBPS/ch1.xhtml",
              doc.replace(
                      "<html", "<!DOCTYPE html [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]><html")
                  .getBytes());
          Work w = read(write("xxe.epub", zip(f)));
          if (w != null) {
            assertThat(text(w)).doesNotContain("root:");
          }
        });
    t.check(
        "an external entity in a Word file",
        () -> {
          String doc =
              "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                  + "<w:document xmlns:w='http://schemas.openxmlformats.org/wordprocessingml/2006/main'>"
                  + "<w:body><w:p><w:r><w:t>Word &xxe; story text here.</w:t></w:r></w:p></w:body></w:document>";
          Work w = read(write("xxe.docx", zip(Map.of("word/document.xml", doc.getBytes()))));
          if (w != null) {
            assertThat(text(w)).doesNotContain("root:");
          }
        });
    t.check(
        "five thousand and one entries",
        () -> {
          Map<String, byte[]> many = new LinkedHashMap<>();
          for (int i = 0; i < 5_001; i++) {
            many.put("junk/" + i + ".txt", new byte[0]);
          }
          refused(write("many.zip", zip(many)), "more than");
        });
    t.check(
        "not a zip at all",
        () -> refused(write("fake.odt", "PK this is not really a zip".getBytes()), "zip"));
  }

  private void markup(HostileTally t) throws Exception {
    String vectors =
        "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"javascript:alert(3)\">link</a>"
            + "<iframe src=\"data:text/html,<script>alert(4)</script>\"></iframe>"
            + "<svg onload=alert(5)></svg><style>body{background:url(javascript:alert(6))}</style>"
            + "<object data=x.swf></object><embed src=x><form action=//evil><input></form>"
            + "<math><mtext><table><mglyph><style><img src=x onerror=alert(7)>";
    t.check(
        "script and handlers in story HTML",
        () -> {
          Work w =
              read(
                  "xss.html",
                  ("<html><head><title>Xss <script>alert(0)</script></title></head><body>"
                          + "<p>A story with traps.</p>"
                          + vectors
                          + "<p>The end.</p></body></html>")
                      .getBytes(StandardCharsets.UTF_8));
          assertThat(w).isNotNull();
          // The title is text ("<script>" shown as written and escaped on every page); the story
          // keeps no markup at all.
          assertThat(w.title()).isEqualTo("Xss <script>alert(0)</script>");
          assertThat(text(w).toLowerCase(java.util.Locale.ROOT))
              .doesNotContain("<script")
              .doesNotContain("onerror=")
              .doesNotContain("javascript:")
              .doesNotContain("<iframe");
        });
    t.check(
        "markup in a plain-text title and header",
        () -> {
          Work w =
              read(
                  "header.txt",
                  ("Title: <img src=x onerror=alert(1)>\nAuthor: <script>x</script>\n\nBody text.\n")
                      .getBytes());
          assertThat(w).isNotNull(); // stored as written; every page escapes it (XssVectorsTest)
        });
    t.check(
        "10,000 nested elements",
        () ->
            read(
                "deep.html",
                ("<html><body>"
                        + "<div>".repeat(10_000)
                        + "Deep story text."
                        + "</div>".repeat(10_000)
                        + "</body></html>")
                    .getBytes()));
    t.check(
        "10,000 nested quotes in Markdown",
        () -> read("deep.md", ("# Deep\n\n" + ">".repeat(10_000) + " quoted\n").getBytes()));
  }

  private void queries(HostileTally t) {
    List<String> hostile =
        List.of(
            "'; DROP TABLE works; --",
            "\" OR 1=1 --",
            "title:(((((",
            "a~999999",
            "*",
            "?*?*?*?*",
            "/.*/",
            "a".repeat(100_000),
            "lighthouse ".repeat(2_000),
            String.join(" OR ", java.util.Collections.nCopies(5_000, "ship")),
            "\0\u0001\u202E",
            "nosuchfield:value",
            "text:\"unclosed phrase",
            "-lighthouse -ship -keeper",
            "character:\"<script>alert(1)</script>\"");
    for (String query : hostile) {
      t.check(
          "query " + abbreviate(query),
          () -> {
            SearchResults r = q.index().search(SearchQuery.of(query));
            assertThat(r.total()).isGreaterThanOrEqualTo(0);
          });
    }
    t.check(
        "a page far past the end",
        () -> {
          SearchResults r =
              q.index().search(SearchQuery.of("lighthouse").withPage(Integer.MAX_VALUE / 2, 100));
          assertThat(r.hits()).isEmpty();
        });
    assertUnchanged();
  }

  // ---- helpers ----

  /** Imports one file; returns the stored work, or null when it was refused with a reason. */
  private Work read(String name, byte[] bytes) throws Exception {
    return read(write(name, bytes));
  }

  private Work read(Path file) throws Exception {
    ImportReport r = q.importFiles(List.of(file), f -> {});
    for (var f : r.failed()) {
      assertThat(f.reason())
          .as(file.getFileName().toString())
          .isNotBlank()
          .doesNotContain("unexpected");
    }
    if (r.imported().isEmpty()) {
      assertThat(r.failed()).as("neither imported nor refused: " + r.summary()).isNotEmpty();
      assertUnchanged();
      return null;
    }
    Work w = q.work(r.imported().getFirst().workId()).orElseThrow();
    assertThat(q.index().count()).isEqualTo(q.store().count());
    before = snapshot();
    return w;
  }

  private void refused(Path file, String reason) throws Exception {
    ImportReport r = q.importFiles(List.of(file), f -> {});
    assertThat(r.imported()).as(file.getFileName().toString()).isEmpty();
    assertThat(r.failed()).hasSize(1);
    assertThat(r.failed().getFirst().reason())
        .as(file.getFileName().toString())
        .contains(reason)
        .doesNotContain("unexpected");
    assertUnchanged();
  }

  private void assertUnchanged() {
    assertThat(snapshot()).isEqualTo(before);
    assertThat(q.index().count()).isEqualTo(q.store().count());
  }

  /** Every stored work's title, source hash and text, hashed, by id. */
  private Map<Long, String> snapshot() {
    Map<Long, String> m = new LinkedHashMap<>();
    for (long id : q.store().ids()) {
      Work w = q.store().get(id).orElseThrow();
      StringBuilder b = new StringBuilder(w.title()).append('\u0000').append(w.source().sha256());
      for (Chapter c : w.chapters()) {
        b.append('\u0000').append(c.text());
      }
      m.put(id, sha256(b.toString()));
    }
    return m;
  }

  private Path write(String name, byte[] bytes) throws Exception {
    return Files.write(fresh(name), bytes);
  }

  /** A path in a directory of its own, so each case imports only its file. */
  private Path fresh(String name) throws Exception {
    return Files.createDirectories(tmp.resolve("case-" + (++caseNo))).resolve(name);
  }

  private static String text(Work w) {
    StringBuilder b = new StringBuilder();
    w.chapters().forEach(c -> b.append(c.text()).append('\n'));
    return b.toString();
  }

  private static boolean hasLoneSurrogate(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, byte[]> epubFiles(String body, String title) {
    Map<String, byte[]> f = new LinkedHashMap<>();
    f.put("mimetype", "application/epub+zip".getBytes());
    f.put(
        "META-INF/container.xml",
        ("<?xml version='1.0'?><container version='1.0'"
                + " xmlns='urn:oasis:names:tc:opendocument:xmlns:container'><rootfiles><rootfile"
                + " full-path='OEBPS/content.opf' media-type='application/oebps-package+xml'/>"
                + "</rootfiles></container>")
            .getBytes());
    f.put(
        "OEBPS/content.opf",
        ("<?xml version='1.0'?><package xmlns='http://www.idpf.org/2007/opf' version='2.0'>"
                + "<metadata xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>"
                + title
                + "</dc:title></metadata><manifest><item id='c1' href='ch1.xhtml'"
                + " media-type='application/xhtml+xml'/></manifest><spine><itemref idref='c1'/>"
                + "</spine></package>")
            .getBytes());
    f.put(
        "OEBPS/ch1.xhtml",
        ("<?xml version='1.0'?><html xmlns='http://www.w3.org/1999/xhtml'><body><h1>One</h1>"
                + body
                + "</body></html>")
            .getBytes());
    return f;
  }

  private static byte[] zip(Map<String, byte[]> files) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (var e : files.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  private static String abbreviate(String s) {
    String clean = s.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

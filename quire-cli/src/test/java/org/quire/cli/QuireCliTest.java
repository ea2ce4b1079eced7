package org.quire.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuireCliTest {
  @TempDir Path tmp;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  /** Runs the command line in this JVM, discarding its output. */
  static int runQuietly(String... args) {
    return QuireCli.run(
        new PrintWriter(new StringWriter(), true), new PrintWriter(new StringWriter(), true), args);
  }

  int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return QuireCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void importListShowAndExitCodes() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), "Alpha Story\n\n(A/N: hi)\n\nIt begins here.\n");
    String data = tmp.resolve("data").toString();

    assertThat(run("--data", data, "import", in.toString())).isZero();
    assertThat(out.toString()).contains("1 imported, 0 duplicates, 0 failed.");

    assertThat(run("--data", data, "import", in.toString())).isZero();
    assertThat(out.toString())
        .contains("0 imported, 1 duplicate, 0 failed.")
        .contains("already stored as work 1");
    assertThat(run("--data", data, "import", "--quiet", in.toString())).isZero();
    assertThat(out.toString())
        .contains("0 imported, 1 duplicate, 0 failed.")
        .doesNotContain("already stored");

    Files.write(in.resolve("bad.txt"), new byte[0]);
    assertThat(
            run(
                "import",
                "--data",
                data,
                in.resolve("bad.txt").toString(),
                in.resolve("nope.txt").toString()))
        .isEqualTo(QuireCli.EXIT_PARTIAL);
    assertThat(out.toString())
        .contains("bad.txt: the file is empty.")
        .contains("nope.txt: no such file")
        .contains("0 imported, 0 duplicates, 2 failed.");

    assertThat(run("--data", data, "list")).isZero();
    assertThat(out.toString()).contains("Alpha Story").contains("1 works in the archive.");

    assertThat(run("--data", data, "show", "1", "--text")).isZero();
    assertThat(out.toString())
        .contains("Title:    Alpha Story")
        .contains("Notes:\n  hi")
        .contains("It begins here.");

    assertThat(run("--data", data, "show", "42")).isEqualTo(1);
    assertThat(err.toString()).contains("there is no work 42");

    assertThat(run("--data", data, "reindex")).isZero();
    assertThat(out.toString()).contains("Indexed 1 works.");
  }

  @Test
  void migrateMovesAnEmbeddedArchiveToPostgresAndRefusesToMixTwo() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), "Alpha Story\n\nIt begins here.\n");
    Files.writeString(
        in.resolve("b.txt"), "Beta Story\n\nChapter 1\n\nOne.\n\nChapter 2\n\nTwo.\n");
    String data = tmp.resolve("data").toString();
    assertThat(run("--data", data, "import", in.toString())).isZero();
    String target = org.quire.testkit.TestServers.freshPostgres();
    String from = "sqlite:" + tmp.resolve("data/quire.db");

    assertThat(run("migrate", "--from", from, "--to", target)).isZero();
    assertThat(out.toString())
        .containsPattern("works\\s+2\\s+2:[0-9a-f]+\\s+same")
        .containsPattern("chapters\\s+3\\s")
        .contains("every count and checksum matches. 2 works.");

    assertThat(run("migrate", "--from", from, "--to", target)).isEqualTo(1);
    assertThat(err.toString()).contains("not empty");
    assertThat(run("migrate", "--from", "sqlite:" + tmp.resolve("nothing.db"), "--to", target))
        .isEqualTo(1);
    assertThat(err.toString()).contains("There is no archive");
  }

  @Test
  void everyCommandAnswersHelp() {
    for (String command :
        new String[] {
          "import",
          "list",
          "show",
          "serve",
          "demo",
          "reindex",
          "migrate",
          "wrangle",
          "export",
          "backup",
          "restore",
          "analyze",
          "eval",
          "accounts"
        }) {
      assertThat(run(command, "--help")).as(command).isZero();
      assertThat(out.toString()).as(command).contains("Usage: quire " + command);
      assertThat(err.toString()).as(command).isEmpty();
    }
  }

  @Test
  void commandsThatReadAnArchiveRefuseAFolderWithoutOne() throws Exception {
    Path typo = tmp.resolve("typo");
    for (String[] cmd :
        new String[][] {
          {"list"},
          {"show", "1"},
          {"reindex"},
          {"wrangle", "list"},
          {"accounts", "list"},
          {"backup", tmp.resolve("b").toString()},
          {"export", "1", "--format", "txt"}
        }) {
      String[] args = new String[cmd.length + 2];
      args[0] = "--data";
      args[1] = typo.toString();
      System.arraycopy(cmd, 0, args, 2, cmd.length);
      assertThat(run(args)).as(cmd[0]).isEqualTo(1);
      assertThat(err.toString()).as(cmd[0]).contains("There is no archive in");
    }
    assertThat(typo.resolve("quire.db")).doesNotExist();
    assertThat(tmp.resolve("b")).doesNotExist();
  }

  @Test
  void accountsAreListedPromotedAndGivenResetLinksFromTheMachine() throws Exception {
    Path data = tmp.resolve("data");
    try (var store = org.quire.app.Quire.openStore(org.quire.app.QuireConfig.embedded(data))) {
      var accounts = new org.quire.app.Accounts(store.accounts());
      accounts.signUp("Keeper", null, "correct horse battery");
      accounts.signUp("Helper", null, "correct horse battery");
    }
    assertThat(run("--data", data.toString(), "accounts", "list")).isZero();
    assertThat(out.toString()).contains("admin     Keeper").contains("member    Helper");
    assertThat(run("--data", data.toString(), "accounts", "admin", "helper")).isZero();
    assertThat(out.toString()).contains("Helper is now an admin.");
    assertThat(run("--data", data.toString(), "accounts", "reset-link", "Keeper")).isZero();
    String link = out.toString().strip();
    String secret = link.substring(link.lastIndexOf("/reset/") + 7);
    try (var store = org.quire.app.Quire.openStore(org.quire.app.QuireConfig.embedded(data))) {
      assertThat(store.accounts().countAdmins()).isEqualTo(2);
      var accounts = new org.quire.app.Accounts(store.accounts());
      assertThat(accounts.resetUser(secret)).map(u -> u.name()).hasValue("Keeper");
    }
    assertThat(run("--data", data.toString(), "accounts", "admin", "Nobody")).isEqualTo(1);
    assertThat(err.toString()).contains("There is no account named Nobody");
    assertThat(run("--data", data.toString(), "accounts", "promote")).isEqualTo(2);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run("import")).isEqualTo(2);
    assertThat(run("--no-such-option")).isEqualTo(2);
    assertThat(run("show", "not-a-number")).isEqualTo(2);
    String data = tmp.resolve("data").toString();
    assertThat(run("--data", data, "import", "--jobs", "0", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--jobs");
    assertThat(run("--data", data, "list", "--limit", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--limit and --offset are 0 or more");
  }

  @Test
  void wrangleAddsListsAndRefusesBadRules() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(
        in.resolve("a.txt"), "Title: Alpha\nCharacters: Red Baron\n\nIt begins here.\n");
    String data = tmp.resolve("data").toString();
    assertThat(run("--data", data, "import", in.toString())).isZero();
    assertThat(run("--data", data, "wrangle", "synonym", "character", "Red Baron", "Baron"))
        .isZero();
    assertThat(out.toString()).contains("1 works re-indexed");
    assertThat(run("--data", data, "wrangle", "list")).isZero();
    assertThat(out.toString()).contains("Red Baron => Baron");
    assertThat(run("--data", data, "wrangle", "synonym", "nonsense", "a", "b")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown tag type");
    assertThat(run("--data", data, "wrangle", "parent", "character", "X", "x")).isEqualTo(2);
    assertThat(run("--data", data, "wrangle", "synonym", "character")).isEqualTo(2);

    // Taken back: the rule is gone and the work is filed under its own name again.
    assertThat(run("--data", data, "wrangle", "remove-synonym", "character", "Red Baron", "Baron"))
        .isZero();
    assertThat(out.toString()).contains("Removed: character \"Red Baron\" => \"Baron\"");
    assertThat(run("--data", data, "wrangle", "list")).isZero();
    assertThat(out.toString()).doesNotContain("Red Baron").contains("No tag rules yet");
    assertThat(run("--data", data, "wrangle", "remove-synonym", "character", "Red Baron", "Baron"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("There is no such rule");
    try (org.quire.app.Quire q =
        org.quire.app.Quire.open(org.quire.app.QuireConfig.embedded(Path.of(data)))) {
      var baron =
          org.quire.search.SearchQuery.of("")
              .withFilters(
                  java.util.List.of(
                      new org.quire.search.SearchQuery.TagFilter(
                          org.quire.model.TagType.CHARACTER, "Baron")),
                  java.util.List.of());
      assertThat(q.index().search(baron).total()).isZero();
      // Rules are listed beside a running archive (the store alone).
      q.wrangle(
          new org.quire.tags.TagRule(
              org.quire.model.TagType.CHARACTER,
              "Red Baron",
              org.quire.tags.TagRule.Relation.SYNONYM_OF,
              "Baron"));
      assertThat(run("--data", data, "wrangle", "list")).isZero();
      assertThat(out.toString()).contains("Red Baron => Baron");
      assertThat(q.index().search(baron).total()).isEqualTo(1);
    }
  }

  @Test
  void aFolderWithRefusedFormatsReportsThemAndCountsWhatItPassedOver() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), "Alpha Story\n\nIt begins here.\n");
    Files.writeString(in.resolve("b.pdf"), "%PDF-1.4 not really\n");
    Files.write(in.resolve("cover.jpg"), new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
    String data = tmp.resolve("data").toString();
    assertThat(run("--data", data, "import", in.toString())).isEqualTo(QuireCli.EXIT_PARTIAL);
    assertThat(out.toString())
        .contains("b.pdf: .pdf files cannot be imported yet")
        .contains("1 imported, 0 duplicates, 1 failed, 1 skipped (not story files).");
  }

  @Test
  void whileAServerHoldsTheArchiveReadingCommandsWorkAndWritingOnesSayWhy() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), "Alpha Story\n\nIt begins here.\n");
    Path data = tmp.resolve("data");
    assertThat(run("--data", data.toString(), "import", in.toString())).isZero();
    // The server's process holds the embedded index's write lock.
    try (org.quire.app.Quire serving =
        org.quire.app.Quire.open(org.quire.app.QuireConfig.embedded(data))) {
      assertThat(run("--data", data.toString(), "list")).isZero();
      assertThat(out.toString()).contains("Alpha Story");
      assertThat(run("--data", data.toString(), "show", "1")).isZero();
      Path epub = tmp.resolve("a.epub");
      assertThat(run("--data", data.toString(), "export", "1", "-o", epub.toString())).isZero();
      assertThat(epub).isNotEmptyFile();
      assertThat(run("--data", data.toString(), "backup", tmp.resolve("bk").toString())).isZero();
      assertThat(out.toString()).contains("Backed up 1 works");
      assertThat(run("--data", data.toString(), "import", in.toString())).isEqualTo(1);
      assertThat(err.toString())
          .contains("in use by another Quire process")
          .doesNotContain("Exception");
      assertThat(serving.store().count()).isEqualTo(1);
    }
  }

  @Test
  void exportWritesEachFormat() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Files.writeString(in.resolve("a.txt"), "Alpha Story\n\nIt begins here.\n");
    String data = tmp.resolve("data").toString();
    assertThat(run("--data", data, "import", in.toString())).isZero();
    for (String f : java.util.List.of("epub", "html", "md", "txt")) {
      Path out = tmp.resolve("out." + f);
      assertThat(run("--data", data, "export", "1", "-f", f, "-o", out.toString())).isZero();
      assertThat(Files.size(out)).isPositive();
    }
    assertThat(new org.quire.ingest.Ingester().read(tmp.resolve("out.epub")).title())
        .isEqualTo("Alpha Story");
    assertThat(run("--data", data, "export", "1", "-f", "pdf")).isEqualTo(2);
    assertThat(run("--data", data, "export", "99")).isEqualTo(1);
  }
}

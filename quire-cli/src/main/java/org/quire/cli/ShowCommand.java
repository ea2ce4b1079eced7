package org.quire.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.quire.app.Quire;
import org.quire.model.Chapter;
import org.quire.model.IngestProblem;
import org.quire.model.Tag;
import org.quire.model.Work;
import org.quire.store.WorkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire show ID} */
@Command(name = "show", description = "Show one work's metadata, notes and chapters.")
final class ShowCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "The work's id (see quire list).")
  long id;

  @Option(names = "--text", description = "Print every chapter's text too.")
  boolean text;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (WorkStore store = Quire.openStore(parent.existing())) {
      Work w = store.get(id).orElse(null);
      if (w == null) {
        spec.commandLine().getErr().println("quire: there is no work " + id + ".");
        return 1;
      }
      out.println(
          "Title:    "
              + w.title()
              + (w.titleGenerated() ? "  (generated: the file had no title)" : ""));
      out.println("Authors:  " + (w.authors().isEmpty() ? "-" : String.join(", ", w.authors())));
      out.println("Words:    " + w.wordCount() + " in " + w.chapters().size() + " chapter(s)");
      if (w.language() != null) {
        out.println("Language: " + w.language());
      }
      out.println("Source:   " + w.source().fileName() + " (sha256 " + w.source().sha256() + ")");
      for (Tag t : w.tags()) {
        out.printf("Tag:      %-16s %s [%s]%n", t.type().label(), t.name(), t.provenance().key());
      }
      print(out, "Summary", w.summary());
      print(out, "Notes", w.notes());
      for (Chapter c : w.chapters()) {
        out.println();
        out.println("== " + (c.title() != null ? c.title() : "Chapter " + c.number()) + " ==");
        print(out, "Chapter notes", c.notes());
        if (text) {
          out.println(c.text());
        }
        print(out, "Chapter end notes", c.endNotes());
      }
      print(out, "End notes", w.endNotes());
      for (IngestProblem p : w.problems()) {
        out.println("Problem:  " + (p.line() > 0 ? "line " + p.line() + ": " : "") + p.message());
      }
    }
    return 0;
  }

  private static void print(PrintWriter out, String label, String value) {
    if (value != null) {
      out.println(label + ":");
      out.println("  " + value.replace("\n", "\n  "));
    }
  }
}

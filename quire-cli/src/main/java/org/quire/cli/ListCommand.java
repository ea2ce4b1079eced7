package org.quire.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.quire.app.Quire;
import org.quire.model.TagType;
import org.quire.model.WorkSummary;
import org.quire.store.WorkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire list} */
@Command(name = "list", description = "List works, newest first.")
final class ListCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Option(
      names = "--limit",
      defaultValue = "50",
      description = "At most this many (default ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--offset", defaultValue = "0", description = "Skip this many.")
  int offset;

  @Override
  public Integer call() {
    if (limit < 0 || offset < 0) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--limit and --offset are 0 or more.");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (WorkStore store = Quire.openStore(parent.existing())) {
      out.printf("%6s  %-40s  %-20s  %7s  %s%n", "ID", "TITLE", "AUTHOR", "WORDS", "FANDOM");
      for (WorkSummary w : store.list(offset, limit)) {
        out.printf(
            "%6d  %-40s  %-20s  %7d  %s%n",
            w.id(),
            cut((w.titleGenerated() ? "[untitled] " : "") + w.title(), 40),
            cut(w.authors().isEmpty() ? "-" : String.join(", ", w.authors()), 20),
            w.wordCount(),
            String.join(", ", w.tagNames(TagType.FANDOM)));
      }
      out.printf("%d works in the archive.%n", store.count());
    }
    return 0;
  }

  static String cut(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}

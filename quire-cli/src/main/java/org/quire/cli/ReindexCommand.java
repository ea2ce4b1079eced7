package org.quire.cli;

import java.util.concurrent.Callable;
import org.quire.app.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire reindex} */
@Command(name = "reindex", description = "Rebuild the search index from the database.")
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Quire quire = Quire.open(parent.config())) {
      int n = quire.reindex(i -> {});
      spec.commandLine().getOut().println("Indexed " + n + " works.");
    }
    return 0;
  }
}

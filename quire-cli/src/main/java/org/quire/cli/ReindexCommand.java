package org.quire.cli;

import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.quire.app.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire reindex} */
@Command(
    name = "reindex",
    description =
        "Rebuild the search index (Lucene, or OpenSearch when search.url is set) from the database.")
final class ReindexCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Quire quire = Quire.open(parent.existing())) {
      long total = quire.store().count();
      int n;
      try (ProgressBar bar =
          new ProgressBarBuilder()
              .setTaskName("Indexing")
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setUnit(" works", 1)
              .build()) {
        n = quire.reindex(i -> bar.stepTo(i));
      }
      spec.commandLine().getOut().println("Indexed " + n + " works.");
    }
    return 0;
  }
}

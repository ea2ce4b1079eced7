package org.quire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quire.app.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire restore DIR} */
@Command(
    name = "restore",
    description = {
      "Replace the archive with a backup made by 'quire backup' (stop 'quire serve' first).",
      "The replaced database is kept beside it as quire.db.before-restore-TIME."
    })
final class RestoreCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "A backup directory")
  Path dir;

  @Option(names = "--force", description = "Replace an archive that holds works")
  boolean force;

  @Override
  public Integer call() {
    long n = Quire.restore(dir, parent.config(), force);
    spec.commandLine()
        .getOut()
        .println("Restored " + n + " works from " + dir + "; the search index was rebuilt.");
    return 0;
  }
}

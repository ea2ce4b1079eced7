package org.quire.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quire.app.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire backup DIR} */
@Command(
    name = "backup",
    description = {
      "Write an online, consistent backup of the archive into a new directory.",
      "Safe while Quire is serving or importing. The search index is rebuilt on restore."
    })
final class BackupCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "Directory for the backup (must not hold one already)")
  Path dir;

  @Override
  public Integer call() {
    long n = Quire.backup(parent.existing(), dir);
    spec.commandLine().getOut().println("Backed up " + n + " works to " + dir + ".");
    return 0;
  }
}

package org.quire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.quire.app.ImportReport;
import org.quire.app.Quire;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire import PATH…} */
@Command(
    name = "import",
    description = "Import story files and directories (recursively).",
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:every file was imported or was already in the archive",
      "1:the archive could not be opened",
      "2:wrong usage",
      "3:some files could not be imported (listed with the reason)"
    })
final class ImportCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
  List<Path> paths;

  @picocli.CommandLine.Option(
      names = {"-j", "--jobs"},
      description =
          "Files to read and analyse at once (default: 1, in file order; the number of cores"
              + " is fastest).")
  int jobs = 1;

  @picocli.CommandLine.Option(
      names = {"-q", "--quiet"},
      description =
          "Leave out the files already stored (one line each otherwise): for a folder imported"
              + " again and again, from cron say. Failures and the summary are still printed.")
  boolean quiet;

  @Override
  public Integer call() {
    if (jobs < 1) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--jobs is the number of files read at once: 1 or more.");
    }
    try (Quire quire = Quire.open(parent.config())) {
      ImportReport report = importWithProgress(quire, paths, jobs);
      PrintWriter out = spec.commandLine().getOut();
      printReport(report, out, quiet);
      return report.failed().isEmpty() ? 0 : QuireCli.EXIT_PARTIAL;
    }
  }

  /** Imports, with a progress bar on a terminal. */
  static ImportReport importWithProgress(Quire quire, List<Path> paths, int jobs) {
    int total = Quire.expand(paths, new ImportReport()).size();
    if (System.console() == null || total < 2) {
      return quire.importFiles(paths, f -> {}, jobs);
    }
    try (ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Importing")
            .setInitialMax(total)
            .setStyle(ProgressBarStyle.ASCII)
            .setUnit(" files", 1)
            .build()) {
      return quire.importFiles(paths, f -> bar.step(), jobs);
    }
  }

  static void printReport(ImportReport report, PrintWriter out, boolean quiet) {
    for (ImportReport.Failed f : report.failed()) {
      out.println("FAILED     " + f.file() + ": " + f.reason());
    }
    for (ImportReport.Duplicate d :
        quiet ? List.<ImportReport.Duplicate>of() : report.duplicates()) {
      out.println("duplicate  " + d.file() + " (already stored as work " + d.existingId() + ")");
    }
    out.println(report.summary() + ".");
    out.flush();
  }
}

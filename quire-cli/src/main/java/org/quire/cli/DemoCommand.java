package org.quire.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.quire.app.ImportReport;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire demo}: sample stories in, archive served. */
@Command(
    name = "demo",
    description =
        "Import the sample stories (examples/ and, when present, ../shared/seeds/) and serve the archive.")
final class DemoCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--port"},
      description = "TCP port (default: $QUIRE_PORT or 7070).")
  Integer port;

  @Option(names = "--host", description = "Address to listen on (default: $QUIRE_HOST or 0.0.0.0).")
  String host;

  @Option(names = "--no-serve", description = "Import only; do not start the web server.")
  boolean noServe;

  @Override
  public Integer call() throws InterruptedException {
    QuireConfig c = ServeCommand.applyOptions(parent.config(), port, host);
    List<Path> samples = samples();
    var out = spec.commandLine().getOut();
    try (Quire quire = Quire.open(c)) {
      ImportReport report = ImportCommand.importWithProgress(quire, samples, 1);
      for (ImportReport.Failed f : report.failed()) {
        out.println("FAILED     " + f.file() + ": " + f.reason());
      }
      out.println(
          "Demo import from "
              + String.join(", ", samples.stream().map(Path::toString).toList())
              + ": "
              + report.summary()
              + "; the archive in "
              + c.store().database().toAbsolutePath().getParent()
              + " holds "
              + quire.store().count()
              + " works.");
      out.flush();
      if (!noServe) {
        ServeCommand.serve(quire, out);
      }
      return report.failed().isEmpty() ? 0 : QuireCli.EXIT_PARTIAL;
    }
  }

  /** examples/ of the Quire checkout ($QUIRE_HOME, else the current directory), and the seeds. */
  static List<Path> samples() {
    Path home =
        Path.of(System.getenv().getOrDefault("QUIRE_HOME", ".")).toAbsolutePath().normalize();
    List<Path> out = new ArrayList<>();
    Path examples = home.resolve("examples");
    if (Files.isDirectory(examples)) {
      out.add(examples);
    }
    Path seeds = home.resolveSibling("shared").resolve("seeds");
    if (Files.isDirectory(seeds)) {
      out.add(seeds);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "no sample stories found: run the demo from the Quire checkout (or set QUIRE_HOME to it).");
    }
    return out;
  }
}

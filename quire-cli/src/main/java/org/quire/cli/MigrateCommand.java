package org.quire.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.quire.store.StoreCopier;
import org.quire.store.Stores;
import org.quire.store.WorkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code quire migrate --from sqlite:data/quire.db --to postgresql://…} */
@Command(
    name = "migrate",
    description = {
      "Move a whole archive to another database (an embedded SQLite file to PostgreSQL), same ids.",
      "Every table's row count and checksum are compared on both sides and printed. Afterwards,"
          + " run 'quire reindex' with the new storage and search settings."
    })
final class MigrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      required = true,
      description = "The archive to copy: sqlite:PATH (e.g. sqlite:data/quire.db).")
  String from;

  @Option(
      names = "--to",
      required = true,
      description = "The new, empty archive: postgresql://user:password@host:port/database.")
  String to;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String source = from.strip();
    if (source.startsWith("sqlite:")
        && !java.nio.file.Files.isRegularFile(Path.of(source.substring(7)))) {
      spec.commandLine().getErr().println("There is no archive at " + source.substring(7) + ".");
      return 1;
    }
    try (WorkStore a = Stores.open(source, null, 2);
        WorkStore b = Stores.open(to.strip(), null, 2)) {
      List<StoreCopier.TableReport> report =
          StoreCopier.copy(
              a,
              b,
              (table, rows) -> {
                if (rows > 0 && rows % 5_000 == 0) {
                  out.printf("  %s: %,d rows%n", table, rows);
                  out.flush();
                }
              });
      out.printf("%-16s %12s  %-28s %s%n", "table", "rows", "checksum (source)", "target");
      long total = 0;
      for (StoreCopier.TableReport r : report) {
        out.printf(
            "%-16s %,12d  %-28s %s%n",
            r.table(), r.rows(), r.sourceChecksum(), r.matches() ? "same" : r.targetChecksum());
        total += r.rows();
      }
      out.printf(
          "Copied %,d rows in %d tables; every count and checksum matches. %,d works.%n",
          total, report.size(), b.count());
    }
    return 0;
  }
}

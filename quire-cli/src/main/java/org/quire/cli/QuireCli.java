package org.quire.cli;

import java.nio.file.Path;
import org.quire.app.QuireConfig;
import org.quire.model.QuireException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code quire} command. */
@Command(
    name = "quire",
    mixinStandardHelpOptions = true,
    // Every command answers --help (and --version), not only "quire" itself.
    scope = CommandLine.ScopeType.INHERIT,
    version = "Quire 0.1.0",
    description = "A self-hosted fan fiction archive: import, tag, search and read stories.",
    subcommands = {
      ImportCommand.class,
      ListCommand.class,
      ShowCommand.class,
      ServeCommand.class,
      DemoCommand.class,
      ReindexCommand.class,
      MigrateCommand.class,
      WrangleCommand.class,
      AccountsCommand.class,
      ExportCommand.class,
      BackupCommand.class,
      RestoreCommand.class,
      AnalyzeCommand.class,
      EvalCommand.class,
      CommandLine.HelpCommand.class
    })
public final class QuireCli {
  /** Some files could not be imported; the others were. */
  public static final int EXIT_PARTIAL = 3;

  @Option(
      names = {"-d", "--data"},
      scope = CommandLine.ScopeType.INHERIT,
      description = "Archive directory (default: $QUIRE_DATA or ./data).")
  Path data;

  /** The configuration: defaults, then the config file, then the environment, then options. */
  QuireConfig config() {
    QuireConfig c = QuireConfig.fromFileAndEnvironment(System.getenv());
    return data == null ? c : withData(c, data);
  }

  /**
   * The configuration of an archive that must exist already: commands that read or copy one refuse
   * a folder without it, rather than make an empty archive there and report on that (a mistyped
   * {@code --data}, or a relative {@code ./data} from another working folder).
   */
  QuireConfig existing() {
    QuireConfig c = config();
    if (!c.store().onServer() && !java.nio.file.Files.exists(c.store().database())) {
      throw new QuireException(
          "There is no archive in "
              + c.store().database().toAbsolutePath().getParent()
              + " (no quire.db). Give --data (or QUIRE_DATA) the archive's folder; quire import"
              + " or quire serve make a new archive.");
    }
    return c;
  }

  static QuireConfig withData(QuireConfig c, Path data) {
    QuireConfig e = QuireConfig.embedded(data);
    // --data moves the embedded files; servers named in the config stay as they are.
    return new QuireConfig(e.store(), e.index(), c.web(), c.ingest())
        .withServers(c.store().url(), c.index().url(), c.index().name());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns the exit code (for tests). */
  public static int run(String... args) {
    return run(
        new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
  }

  /** Runs with the given output streams (for tests). */
  public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new QuireCli());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (e instanceof QuireException || e instanceof IllegalArgumentException) {
            cmd.getErr().println("quire: " + e.getMessage());
          } else {
            cmd.getErr().println("quire: unexpected error: " + e);
            e.printStackTrace(cmd.getErr());
          }
          return CommandLine.ExitCode.SOFTWARE;
        });
    return cl.execute(args);
  }
}

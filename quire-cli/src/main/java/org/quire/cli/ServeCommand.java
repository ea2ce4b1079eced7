package org.quire.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
import org.quire.model.QuireException;
import org.quire.web.QuireWeb;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire serve} */
@Command(name = "serve", description = "Serve the archive on the web until stopped (Ctrl-C).")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Option(
      names = {"-p", "--port"},
      description = "TCP port (default: $QUIRE_PORT or 7070).")
  Integer port;

  @Option(names = "--host", description = "Address to listen on (default: $QUIRE_HOST or 0.0.0.0).")
  String host;

  @Override
  public Integer call() throws InterruptedException {
    QuireConfig c = applyOptions(parent.config(), port, host);
    try (Quire quire = Quire.open(c)) {
      serve(quire, spec.commandLine().getOut());
    }
    return 0;
  }

  /** What stood in the way of listening, in words (Javalin says "port in use" for any of them). */
  private static String bindProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException b) {
        String m = String.valueOf(b.getMessage());
        return m.contains("in use")
            ? "the port is in use by another program"
            : m.contains("assign")
                ? "that address is not one of this machine's"
                : m.contains("ermission") ? "permission denied (ports below 1024 need root)" : m;
      }
      if (t instanceof java.nio.channels.UnresolvedAddressException) {
        return "that host name does not resolve";
      }
    }
    return String.valueOf(e.getMessage());
  }

  static QuireConfig applyOptions(QuireConfig c, Integer port, String host) {
    QuireConfig out = port == null ? c : c.withPort(port);
    return host == null ? out : out.withHost(host);
  }

  /**
   * Starts the web app and blocks until the JVM is asked to stop (Ctrl-C, or SIGTERM from a service
   * manager). Stopping lets requests under way finish (up to 30 s), then closes the archive inside
   * the shutdown hook: the JVM ends when its hooks do, so a close left to the caller could be cut
   * short, leaving the index uncommitted and the database's log unmerged.
   */
  static void serve(Quire quire, PrintWriter out) throws InterruptedException {
    QuireConfig.Web web = quire.config().web();
    Javalin app;
    try {
      app = QuireWeb.create(quire).start(web.host(), web.port());
    } catch (RuntimeException e) {
      throw new QuireException(
          "Cannot listen on "
              + web.host()
              + " port "
              + web.port()
              + ": "
              + bindProblem(e)
              + ". Choose another with --port (or QUIRE_PORT), or --host (QUIRE_HOST).",
          e);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    app.stop();
                    quire.close();
                  } finally {
                    stopped.countDown();
                  }
                }));
    String shown = web.host().equals("0.0.0.0") ? "localhost" : web.host();
    out.println(
        "Quire is serving "
            + quire.store().count()
            + " works at http://"
            + shown
            + ":"
            + app.port()
            + "/");
    out.println(
        "Archive: "
            + (quire.config().store().onServer()
                ? "PostgreSQL"
                : quire.config().store().database().toAbsolutePath().toString())
            + "; search: "
            + (quire.config().index().url() != null
                ? "OpenSearch"
                : quire.config().index().directory().toAbsolutePath().toString())
            + (web.host().equals("0.0.0.0") ? "; listening on every address" : ""));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
  }
}

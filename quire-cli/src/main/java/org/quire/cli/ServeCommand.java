package org.quire.cli;

import io.javalin.Javalin;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quire.app.Quire;
import org.quire.app.QuireConfig;
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

  static QuireConfig applyOptions(QuireConfig c, Integer port, String host) {
    QuireConfig out = port == null ? c : c.withPort(port);
    return host == null ? out : out.withHost(host);
  }

  /** Starts the web app and blocks until the JVM is asked to stop. */
  static void serve(Quire quire, PrintWriter out) throws InterruptedException {
    QuireConfig.Web web = quire.config().web();
    Javalin app = QuireWeb.create(quire).start(web.host(), web.port());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.stop();
                  stopped.countDown();
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
    out.println("Press Ctrl-C to stop.");
    out.flush();
    stopped.await();
  }
}

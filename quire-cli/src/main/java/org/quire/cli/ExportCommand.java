package org.quire.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quire.app.Quire;
import org.quire.export.EpubWriter;
import org.quire.export.TextExports;
import org.quire.model.Work;
import org.quire.store.WorkStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire export ID}: a work as EPUB, HTML, Markdown or text. */
@Command(
    name = "export",
    description = "Write a work as EPUB 3, one HTML file, Markdown or plain text.")
final class ExportCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "The work's id")
  long id;

  @Option(
      names = {"-f", "--format"},
      description = "epub (default), html, md or txt")
  String format = "epub";

  @Option(
      names = {"-o", "--output"},
      description = "File to write (default: the title as a file name, in this directory)")
  Path output;

  @Override
  public Integer call() throws IOException {
    if (!java.util.List.of("epub", "html", "md", "txt").contains(format)) {
      spec.commandLine()
          .getErr()
          .println("Unknown format \"" + format + "\": use epub, html, md or txt.");
      return 2;
    }
    try (WorkStore store = Quire.openStore(parent.existing())) {
      Work w = store.get(id).orElse(null);
      if (w == null) {
        spec.commandLine().getErr().println("quire export: there is no work " + id + ".");
        return 1;
      }
      byte[] bytes =
          switch (format) {
            case "html" -> TextExports.html(w).getBytes(StandardCharsets.UTF_8);
            case "md" -> TextExports.markdown(w).getBytes(StandardCharsets.UTF_8);
            case "txt" -> TextExports.text(w).getBytes(StandardCharsets.UTF_8);
            default ->
                EpubWriter.write(
                    w,
                    null,
                    org.quire.web.QuireWeb.lastChanged(store, w),
                    org.quire.web.QuireWeb.seriesPart(store, id));
          };
      Path out = output != null ? output : Path.of(TextExports.fileName(w.title()) + "." + format);
      Files.write(out, bytes);
      spec.commandLine().getOut().println("Wrote " + out + " (" + bytes.length + " bytes).");
    }
    return 0;
  }
}

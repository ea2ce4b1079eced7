package org.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quire.analyse.Analyser;
import org.quire.analyse.Analysis;
import org.quire.analyse.Packs;
import org.quire.ingest.IngestException;
import org.quire.ingest.Ingester;
import org.quire.model.Evidence;
import org.quire.model.Tag;
import org.quire.model.Work;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire analyze FILE…} */
@Command(
    name = "analyze",
    aliases = "analyse",
    description =
        "Tag story files without importing them: every tag with its confidence and evidence.")
final class AnalyzeCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Story files.")
  List<Path> files;

  @Option(names = "--json", description = "Print JSON instead of a report.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Analyser analyser =
        new Analyser(
            Packs.load(
                parent.config().store().database().toAbsolutePath().getParent().resolve("packs")));
    Ingester ingester = new Ingester(parent.config().ingest().maxFileBytes());
    List<Map<String, Object>> results = new ArrayList<>();
    int failed = 0;
    for (Path f : files) {
      Work w;
      try {
        w = ingester.read(f);
      } catch (IngestException e) {
        spec.commandLine().getErr().println("quire: " + e.getMessage());
        failed++;
        continue;
      }
      Analysis a = analyser.analyse(w);
      Work tagged = analyser.apply(w, a);
      if (json) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("file", f.toString());
        r.put("title", w.title());
        r.put("titleGenerated", w.titleGenerated());
        r.put("authorsNote", w.notes());
        r.put("words", w.wordCount());
        r.put("language", a.language());
        r.put("pov", a.pov());
        r.put("tags", tagged.tags());
        r.put("characters", a.characters());
        r.put("fandomCandidates", a.fandoms());
        results.add(r);
      } else {
        report(out, f, w, a, tagged);
      }
    }
    if (json) {
      out.println(
          new ObjectMapper()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(results.size() == 1 ? results.getFirst() : results));
    }
    out.flush();
    return failed == 0 ? 0 : QuireCli.EXIT_PARTIAL;
  }

  private static void report(PrintWriter out, Path f, Work w, Analysis a, Work tagged) {
    out.printf(
        "== %s: \"%s\"%s%n",
        f.getFileName(), w.title(), w.titleGenerated() ? " (generated title)" : "");
    out.printf(
        "Words: %d   Language: %s   POV: %s%n",
        w.wordCount(), a.language() == null ? "unknown" : a.language(), a.pov());
    if (w.notes() != null) {
      out.println("Author's note: " + w.notes().replace("\n", " "));
    }
    out.println("Fandom candidates:");
    a.fandoms().stream()
        .limit(3)
        .forEach(
            fi ->
                out.printf(
                    "  %-40s %6.1f %s  (%s)%n",
                    fi.fandom(),
                    fi.score(),
                    fi.chosen() ? "chosen" : "      ",
                    String.join(", ", fi.why().subList(0, Math.min(6, fi.why().size())))));
    out.println("Characters (mentions, speaking, POV paragraphs):");
    for (Analysis.CharacterInfo c : a.characters()) {
      out.printf(
          "  %-34s %4d %4d %4d  %s%n",
          c.name(),
          c.mentions(),
          c.speaking(),
          c.pov(),
          c.present() ? "present" : "mentioned only");
    }
    out.println("Tags:");
    for (Tag t : tagged.tags()) {
      out.printf(
          "  %-16s %-40s %4.2f  %s%s%n",
          t.type().label(),
          t.name(),
          t.confidence(),
          t.provenance().key(),
          t.note() == null ? "" : "  (" + t.note() + ")");
      for (Evidence e : t.evidence()) {
        out.printf(
            "      ch.%d @%d: \"%s\"%n", e.chapter(), e.start(), e.quote().replace("\n", " "));
      }
    }
    out.println();
  }
}

package org.quire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quire.analyse.Analyser;
import org.quire.analyse.Evaluation;
import org.quire.analyse.Packs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code quire eval DIR} */
@Command(
    name = "eval",
    description =
        "Measure tagging against a labelled corpus (NAME.txt + NAME.tags.json): precision, recall and F1 per field.")
final class EvalCommand implements Callable<Integer> {
  @ParentCommand QuireCli parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "Directory of labelled stories, e.g. eval/dev.")
  Path dir;

  @Option(names = "--json", description = "Print JSON instead of a report.")
  boolean json;

  @Option(
      names = "--misses",
      defaultValue = "15",
      description = "How many of the worst misses to list (default ${DEFAULT-VALUE}).")
  int misses;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      spec.commandLine().getErr().println("quire: " + dir + " is not a directory.");
      return 2;
    }
    Analyser analyser =
        new Analyser(
            Packs.load(
                parent.config().store().database().toAbsolutePath().getParent().resolve("packs")));
    Evaluation.Result r = new Evaluation(analyser).run(dir);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> j = new LinkedHashMap<>();
      j.put("documents", r.documents());
      Map<String, Object> fields = new LinkedHashMap<>();
      r.fields()
          .forEach(
              (k, s) ->
                  fields.put(
                      k,
                      Map.of(
                          "tp",
                          s.tp,
                          "fp",
                          s.fp,
                          "fn",
                          s.fn,
                          "precision",
                          s.precision(),
                          "recall",
                          s.recall(),
                          "microF1",
                          s.f1(),
                          "macroF1",
                          s.macroF1())));
      j.put("fields", fields);
      j.put("ratingAccuracy", r.ratingAccuracy());
      j.put("ratingConfusion", r.ratingConfusion());
      j.put("povAccuracy", r.povAccuracy());
      j.put("worst", r.worst().subList(0, Math.min(misses, r.worst().size())));
      j.put("errors", r.errors());
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(j));
    } else {
      out.printf("Evaluated %d documents in %s%n%n", r.documents(), dir);
      out.printf(
          "%-18s %9s %9s %9s %9s   %5s %5s %5s%n",
          "field", "precision", "recall", "micro-F1", "macro-F1", "tp", "fp", "fn");
      r.fields()
          .forEach(
              (k, s) ->
                  out.printf(
                      "%-18s %9.3f %9.3f %9.3f %9.3f   %5d %5d %5d%n",
                      k, s.precision(), s.recall(), s.f1(), s.macroF1(), s.tp, s.fp, s.fn));
      out.printf(
          "%nRating accuracy: %.3f%nRating confusion (gold -> predicted):%n", r.ratingAccuracy());
      r.ratingConfusion().forEach((gold, row) -> out.printf("  %-24s %s%n", gold, row));
      out.printf(
          "Point of view (first, second, third person) accuracy: %.3f%n"
              + "(freeforms are scored without point-of-view tags, which are scored here)%n",
          r.povAccuracy());
      out.printf("%nWorst misses:%n");
      r.worst().stream()
          .limit(misses)
          .forEach(
              m ->
                  out.printf(
                      "  %-32s %-16s missing %s, extra %s%n",
                      m.document(), m.field(), m.missing(), m.extra()));
      r.errors().forEach(e -> out.println("ERROR " + e));
    }
    out.flush();
    return r.errors().isEmpty() ? 0 : QuireCli.EXIT_PARTIAL;
  }
}

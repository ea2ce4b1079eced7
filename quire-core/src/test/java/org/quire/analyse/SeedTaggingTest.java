package org.quire.analyse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.quire.ingest.Ingester;
import org.quire.ingest.Seeds;
import org.quire.model.Evidence;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.Work;

/**
 * Every seed story against what a careful human tagger wrote in expected.json: required tags found,
 * forbidden ones absent, content warnings with the quoted evidence. The rules are read from the
 * file; nothing here knows the seeds.
 */
class SeedTaggingTest {
  static final Analyser ANALYSER = new Analyser(Packs.builtIn());

  static Stream<String> seeds() throws Exception {
    JsonNode all = new ObjectMapper().readTree(Seeds.dir().resolve("expected.json").toFile());
    List<String> names = new ArrayList<>();
    all.fieldNames()
        .forEachRemaining(
            n -> {
              if (!n.startsWith("_")) {
                names.add(n);
              }
            });
    return names.stream();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void seedIsTaggedAsACarefulTaggerWould(String name) throws Exception {
    Path dir = Seeds.dir();
    JsonNode exp = new ObjectMapper().readTree(dir.resolve("expected.json").toFile()).get(name);
    Work read = new Ingester().read(dir.resolve(name));
    Analysis a = ANALYSER.analyse(read);
    Work w = ANALYSER.apply(read, a);

    requireAll(w, TagType.FANDOM, exp.path("fandom"));
    forbidNone(w, TagType.FANDOM, exp.path("fandom"));
    if (exp.path("rating").has("required_one_of")) {
      assertThat(w.tagNames(TagType.RATING)).as("rating").hasSize(1);
      assertThat(texts(exp.path("rating").path("required_one_of")))
          .as("rating")
          .contains(w.tagNames(TagType.RATING).getFirst());
    }
    requireAll(w, TagType.ARCHIVE_WARNING, exp.path("archive_warnings"));
    requireAll(w, TagType.CATEGORY, exp.path("category"));
    requireAll(w, TagType.RELATIONSHIP, exp.path("relationships"));
    forbidNone(w, TagType.RELATIONSHIP, exp.path("relationships"));
    requireAll(w, TagType.CHARACTER, exp.path("characters"));
    forbidNone(w, TagType.CHARACTER, exp.path("characters"));
    requireAll(w, TagType.CONTENT_WARNING, exp.path("content_warnings"));
    for (String quote : texts(exp.path("content_warnings").path("evidence_examples"))) {
      List<String> quotes = new ArrayList<>();
      for (Tag t : w.tags(TagType.CONTENT_WARNING)) {
        t.evidence().stream().map(Evidence::quote).forEach(quotes::add);
      }
      assertThat(quotes)
          .as("content warning evidence quoting \"" + quote + "\"")
          .anyMatch(q -> q.contains(quote));
    }
    if (exp.path("additional_tags").has("expected_some_of")) {
      assertThat(w.tagNames(TagType.ADDITIONAL))
          .as("additional tags")
          .containsAnyElementsOf(texts(exp.path("additional_tags").path("expected_some_of")));
    }
    if (exp.has("language")) {
      assertThat(w.language()).isEqualTo(exp.get("language").asText());
    }
    if (exp.has("words_approx")) {
      int want = exp.get("words_approx").asInt();
      assertThat(w.wordCount())
          .isBetween((int) Math.floor(want * 0.97), (int) Math.ceil(want * 1.03));
    }
  }

  private static void requireAll(Work w, TagType type, JsonNode rule) {
    List<String> got = w.tagNames(type);
    for (String r : texts(rule.path("required"))) {
      assertThat(got).as(type.label() + " required").contains(r);
    }
  }

  private static void forbidNone(Work w, TagType type, JsonNode rule) {
    List<String> got = w.tagNames(type);
    for (String f : texts(rule.path("forbidden"))) {
      assertThat(got).as(type.label() + " forbidden").doesNotContain(f);
    }
  }

  private static List<String> texts(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    } else if (n.isTextual()) {
      out.add(n.asText());
    }
    return out;
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}

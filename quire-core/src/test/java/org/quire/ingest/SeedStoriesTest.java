package org.quire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.quire.model.Work;

class SeedStoriesTest {
  private final Ingester ingester = new Ingester();

  private JsonNode expected(String name) throws Exception {
    return new ObjectMapper().readTree(Seeds.dir().resolve("expected.json").toFile()).get(name);
  }

  @Test
  void seedOpeningWithAnAuthorsNoteKeepsTheNoteApartAndGetsAGeneratedTitle() throws Exception {
    String name = "000_0d1bb9ae744da6fa.txt";
    Work w = ingester.read(Seeds.dir().resolve(name));
    JsonNode exp = expected(name);
    assertThat(w.notes()).isEqualTo(exp.get("authors_note").asText());
    assertThat(w.titleGenerated()).isTrue();
    assertThat(w.title()).doesNotContain("A/N").doesNotContain("Buffy/Spike breakup");
    assertThat(w.chapters()).hasSize(1);
    assertThat(w.chapters().getFirst().text()).startsWith("That time with Spike in San Francisco");
    assertThat(w.chapters().getFirst().text()).doesNotContain("A/N");
    assertThat(w.wordCount()).isCloseTo(exp.get("words_approx").asInt(), withinPercent(exp));
  }

  @Test
  void seedWithATitleLineHasThatTitleAndNoNote() throws Exception {
    String name = "003_116f60cf65afc3a5.txt";
    Work w = ingester.read(Seeds.dir().resolve(name));
    JsonNode exp = expected(name);
    assertThat(w.title()).isEqualTo(exp.get("title").get("required").asText());
    assertThat(w.titleGenerated()).isFalse();
    assertThat(w.notes()).isNull();
    assertThat(w.chapters().getFirst().text())
        .startsWith("Willow walked slowly")
        .endsWith("asked for.");
    assertThat(w.wordCount()).isCloseTo(exp.get("words_approx").asInt(), withinPercent(exp));
  }

  private static org.assertj.core.data.Percentage withinPercent(JsonNode exp) {
    return org.assertj.core.data.Percentage.withPercentage(3);
  }

  @Test
  void seedsDirectoryHoldsTheExpectedFile() {
    Path p = Seeds.dir().resolve("expected.json");
    assertThat(p).exists();
  }
}

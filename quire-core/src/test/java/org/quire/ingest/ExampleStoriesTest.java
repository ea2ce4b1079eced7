package org.quire.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.model.Chapter;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;
import org.quire.text.Paragraphs;

/** The sample stories shipped in examples/ import with the structure they were written with. */
class ExampleStoriesTest {
  private final Ingester ingester = new Ingester();

  static Path examples() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples"))
          && Files.exists(p.resolve("examples/README.md"))) {
        return p.resolve("examples");
      }
    }
    throw new IllegalStateException("examples/ not found above " + Path.of("").toAbsolutePath());
  }

  Work read(String name) {
    return ingester.read(examples().resolve(name));
  }

  static long breaks(Work w) {
    return w.chapters().stream()
        .flatMap(c -> Paragraphs.split(c.text()).stream())
        .filter(b -> b.kind() == Paragraphs.Kind.BREAK)
        .count();
  }

  @Test
  void titleLineAndSceneBreak() {
    Work w = read("the-lighthouse-keeper.txt");
    assertThat(w.title()).isEqualTo("The Lighthouse Keeper");
    assertThat(w.titleGenerated()).isFalse();
    assertThat(w.chapters()).hasSize(1);
    assertThat(breaks(w)).isEqualTo(1);
    assertThat(w.wordCount()).isBetween(350, 600);
  }

  @Test
  void headerBlock() {
    Work w = read("midnight-at-the-magic-box.txt");
    assertThat(w.title()).isEqualTo("Midnight at the Magic Box");
    assertThat(w.authors()).containsExactly("quire_samples");
    assertThat(w.summary()).startsWith("Inventory night at the Magic Box");
    assertThat(w.notes()).startsWith("Disclaimer:");
    assertThat(w.tagNames(TagType.FANDOM)).containsExactly("Buffy the Vampire Slayer");
    assertThat(w.tagNames(TagType.RATING)).containsExactly("General Audiences");
    assertThat(w.tagNames(TagType.RELATIONSHIP))
        .containsExactly("Willow Rosenberg & Xander Harris");
    assertThat(w.tagNames(TagType.CHARACTER)).hasSize(4);
    assertThat(w.tagNames(TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    assertThat(w.chapters().getFirst().text()).startsWith("Inventory night was Anya's favourite");
    assertThat(breaks(w)).isEqualTo(1);
  }

  @Test
  void markdownWithNotesChaptersAndEndNotes() {
    Work w = read("tea-and-treason.md");
    assertThat(w.format()).isEqualTo(TextFormat.MARKDOWN);
    assertThat(w.title()).isEqualTo("Tea and Treason");
    assertThat(w.notes()).startsWith("Thanks to my beta reader");
    assertThat(w.chapters())
        .extracting(Chapter::title)
        .containsExactly(
            "Chapter 1: The Missing Teaspoon",
            "Chapter 2: Mrs Hudson Knows",
            "Chapter 3: Resolution");
    assertThat(w.endNotes()).startsWith("The bees will come up again");
    assertThat(w.chapters().getLast().text()).doesNotContain("End Notes");
    assertThat(breaks(w)).isEqualTo(1);
  }

  @Test
  void namedChaptersEpilogueAndCentredBreaks() {
    Work w = read("the-long-watch.txt");
    assertThat(w.title()).isEqualTo("The Long Watch");
    assertThat(w.notes()).startsWith("Set during the original five-year mission");
    assertThat(w.chapters())
        .extracting(Chapter::title)
        .containsExactly("Chapter One: Red Alert", "Chapter Two: Shore Leave", "Epilogue");
    assertThat(breaks(w)).isEqualTo(2);
  }

  @Test
  void parenthesisedNoteAndPrologueParts() {
    Work w = read("letters-from-hogsmeade.txt");
    assertThat(w.title()).isEqualTo("Letters from Hogsmeade");
    assertThat(w.notes()).startsWith("A small story about owls");
    assertThat(w.chapters())
        .extracting(Chapter::title)
        .containsExactly("Prologue", "Part 1", "Part 2");
    assertThat(breaks(w)).isEqualTo(1);
  }

  @Test
  void everyExampleIsListedInTheReadme() throws Exception {
    String readme = Files.readString(examples().resolve("README.md"));
    assertThat(readme).contains("CC0");
    try (var files = Files.list(examples())) {
      List<String> names =
          files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md")).toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(4);
      assertThat(names).allSatisfy(n -> assertThat(readme).contains(n));
    }
  }
}

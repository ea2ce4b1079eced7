package org.quire.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FixedTagsTest {
  @Test
  void closedTypesTakeOnlyTheirListsSpellingOpenTypesAnyName() {
    assertThat(FixedTags.checked(TagType.RATING, "  teen and UP   audiences "))
        .isEqualTo("Teen And Up Audiences");
    assertThat(FixedTags.checked(TagType.CATEGORY, "f/m")).isEqualTo("F/M");
    assertThat(FixedTags.checked(TagType.ARCHIVE_WARNING, "major character death"))
        .isEqualTo("Major Character Death");
    assertThatThrownBy(() -> FixedTags.checked(TagType.RATING, "Super Explicit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"Super Explicit\" is not a rating")
        .hasMessageContaining("Not Rated");
    assertThatThrownBy(() -> FixedTags.checked(TagType.CATEGORY, "Het"))
        .hasMessageContaining("F/F, F/M, Gen, M/M, Multi, Other");
    assertThat(FixedTags.checked(TagType.ADDITIONAL, " Slow  Burn ")).isEqualTo("Slow Burn");
    for (TagType t : TagType.values()) {
      for (String name : FixedTags.names(t)) {
        assertThat(FixedTags.checked(t, name)).isEqualTo(name);
      }
    }
  }

  @Test
  void aNewRatingReplacesTheOldOneAndASuggestedOneIsRememberedAsRejected() {
    List<Tag> tags = new ArrayList<>();
    tags.add(Tag.suggested(TagType.RATING, "General Audiences", 0.6, List.of()));
    tags.add(Tag.byAuthor(TagType.ARCHIVE_WARNING, "No Archive Warnings Apply"));
    FixedTags.addByAuthor(tags, TagType.RATING, "mature");
    assertThat(tags)
        .containsExactly(
            Tag.suggested(TagType.RATING, "General Audiences", 0.6, List.of())
                .withProvenance(Provenance.REJECTED),
            Tag.byAuthor(TagType.ARCHIVE_WARNING, "No Archive Warnings Apply"),
            Tag.byAuthor(TagType.RATING, "Mature"));
    FixedTags.addByAuthor(tags, TagType.RATING, "Explicit");
    assertThat(tags.stream().filter(t -> t.type() == TagType.RATING && t.provenance().isShown()))
        .containsExactly(Tag.byAuthor(TagType.RATING, "Explicit"));
    // Warnings and categories may be several; the same one twice is kept once.
    FixedTags.addByAuthor(tags, TagType.ARCHIVE_WARNING, "Major Character Death");
    FixedTags.addByAuthor(tags, TagType.ARCHIVE_WARNING, "major character death");
    assertThat(tags.stream().filter(t -> t.type() == TagType.ARCHIVE_WARNING).map(Tag::name))
        .containsExactly("No Archive Warnings Apply", "Major Character Death");
    assertThatThrownBy(() -> FixedTags.addByAuthor(tags, TagType.ARCHIVE_WARNING, "Banana"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tags).hasSize(4);
  }
}

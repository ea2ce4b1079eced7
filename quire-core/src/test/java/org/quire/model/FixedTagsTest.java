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
    // Warnings may be several; the same one twice is kept once; a real warning takes "No Archive
    // Warnings Apply" away.
    FixedTags.addByAuthor(tags, TagType.ARCHIVE_WARNING, "Major Character Death");
    FixedTags.addByAuthor(tags, TagType.ARCHIVE_WARNING, "major character death");
    assertThat(
            tags.stream()
                .filter(t -> t.type() == TagType.ARCHIVE_WARNING && t.provenance().isShown())
                .map(Tag::name))
        .containsExactly("Major Character Death");
    assertThatThrownBy(() -> FixedTags.addByAuthor(tags, TagType.ARCHIVE_WARNING, "Banana"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(tags).hasSize(4);
  }

  private static List<String> shown(List<Tag> tags, TagType type) {
    return tags.stream()
        .filter(t -> t.type() == type && t.provenance().isShown())
        .map(Tag::name)
        .toList();
  }

  @Test
  void anAuthorsTagTakesAwayWhatItContradicts() {
    List<Tag> tags = new ArrayList<>();
    tags.add(
        Tag.suggested(TagType.ARCHIVE_WARNING, "Graphic Depictions Of Violence", 0.7, List.of()));
    tags.add(Tag.suggested(TagType.CATEGORY, "Gen", 0.6, List.of()));
    tags.add(Tag.suggested(TagType.RELATIONSHIP, "Molly Hooper & Sherlock Holmes", 0.7, List.of()));
    tags.add(Tag.suggested(TagType.RELATIONSHIP, "John Watson & Sherlock Holmes", 0.7, List.of()));
    // "No Archive Warnings Apply" against a warning, either way round.
    FixedTags.addByAuthor(tags, TagType.ARCHIVE_WARNING, "No Archive Warnings Apply");
    assertThat(shown(tags, TagType.ARCHIVE_WARNING)).containsExactly("No Archive Warnings Apply");
    FixedTags.addByAuthor(tags, TagType.ARCHIVE_WARNING, "Underage Sex");
    assertThat(shown(tags, TagType.ARCHIVE_WARNING)).containsExactly("Underage Sex");
    // Choosing not to warn goes with a warning, as on AO3.
    FixedTags.addByAuthor(
        tags, TagType.ARCHIVE_WARNING, "Creator Chose Not To Use Archive Warnings");
    assertThat(shown(tags, TagType.ARCHIVE_WARNING))
        .containsExactly("Underage Sex", "Creator Chose Not To Use Archive Warnings");
    // A romantic category against a suggested Gen.
    FixedTags.addByAuthor(tags, TagType.CATEGORY, "f/m");
    assertThat(shown(tags, TagType.CATEGORY)).containsExactly("F/M");
    // The same two people romantically: the suggested friendship goes; another pair stays.
    FixedTags.addByAuthor(tags, TagType.RELATIONSHIP, "Sherlock Holmes/Molly Hooper");
    assertThat(shown(tags, TagType.RELATIONSHIP))
        .containsExactly("John Watson & Sherlock Holmes", "Sherlock Holmes/Molly Hooper");
    assertThat(FixedTags.people("B / a & C")).isEqualTo(FixedTags.people("c&A/b"));
    // Both ticked by the author, in either order: the real warning stands.
    List<Tag> both = new ArrayList<>();
    FixedTags.addByAuthor(both, TagType.ARCHIVE_WARNING, "No Archive Warnings Apply");
    FixedTags.addByAuthor(both, TagType.ARCHIVE_WARNING, "Major Character Death");
    assertThat(shown(both, TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
    List<Tag> other = new ArrayList<>();
    FixedTags.addByAuthor(other, TagType.ARCHIVE_WARNING, "Major Character Death");
    assertThatThrownBy(
            () ->
                FixedTags.addByAuthor(other, TagType.ARCHIVE_WARNING, "No Archive Warnings Apply"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("remove that warning first");
    assertThat(shown(other, TagType.ARCHIVE_WARNING)).containsExactly("Major Character Death");
  }
}

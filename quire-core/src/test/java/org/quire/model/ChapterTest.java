package org.quire.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChapterTest {
  private static Chapter titled(int n, String title) {
    return new Chapter(n, title, "Text.", null);
  }

  @Test
  void aChaptersOwnTitleIsWhatFollowsItsNumberHoweverItIsWritten() {
    assertThat(titled(5, "Chapter Twenty-One: Dawn").ownTitle()).isEqualTo("Dawn");
    assertThat(titled(5, "Chapter Twenty-One: Dawn").heading()).isEqualTo("Chapter 5: Dawn");
    assertThat(titled(2, "Chapter thirty two - The Fall").ownTitle()).isEqualTo("The Fall");
    assertThat(titled(2, "CHAPTER III. Home").ownTitle()).isEqualTo("Home");
    assertThat(titled(1, "Chapter 4").ownTitle()).isEmpty();
    assertThat(titled(1, "Chapter Twenty").heading()).isEqualTo("Chapter 1");
    // A title that only starts with a number word keeps it.
    assertThat(titled(1, "Twenty-One Pilots").ownTitle()).isEqualTo("Twenty-One Pilots");
  }
}

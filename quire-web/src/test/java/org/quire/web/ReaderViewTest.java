package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quire.model.Chapter;

class ReaderViewTest {
  @Test
  void chaptersAreLabelledAsAo3DoesWithoutNamingTheChapterTwice() {
    assertThat(ReaderView.label(new Chapter(2, "Aftermath", "x", null)))
        .isEqualTo("Chapter 2: Aftermath");
    assertThat(ReaderView.label(new Chapter(1, "Chapter 1: The Last Cup", "x", null)))
        .isEqualTo("Chapter 1: The Last Cup");
    assertThat(ReaderView.label(new Chapter(4, "CHAPTER FOUR", "x", null)))
        .isEqualTo("CHAPTER FOUR");
    assertThat(ReaderView.label(new Chapter(3, null, "x", null))).isEqualTo("Chapter 3");
    assertThat(ReaderView.label(new Chapter(3, "  ", "x", null))).isEqualTo("Chapter 3");
  }
}

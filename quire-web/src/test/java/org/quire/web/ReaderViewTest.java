package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.quire.model.Chapter;

class ReaderViewTest {
  @Test
  void chaptersAreLabelledAsAo3DoesWithTheirNumberNow() {
    assertThat(ReaderView.label(new Chapter(2, "Aftermath", "x", null)))
        .isEqualTo("Chapter 2: Aftermath");
    assertThat(ReaderView.label(new Chapter(1, "Chapter 1: The Last Cup", "x", null)))
        .isEqualTo("Chapter 1: The Last Cup");
    assertThat(ReaderView.label(new Chapter(4, "CHAPTER FOUR", "x", null))).isEqualTo("Chapter 4");
    // The number shown is the chapter's place now: chapter 3 of a file is chapter 2 once the
    // file's chapter 2 was deleted.
    assertThat(ReaderView.label(new Chapter(2, "Chapter 3: Embers", "x", null)))
        .isEqualTo("Chapter 2: Embers");
    assertThat(ReaderView.label(new Chapter(2, "Chapter Three - Embers", "x", null)))
        .isEqualTo("Chapter 2: Embers");
    assertThat(ReaderView.label(new Chapter(5, "chapter v. The Ball", "x", null)))
        .isEqualTo("Chapter 5: The Ball");
    // Words that only begin like a chapter number stay.
    assertThat(ReaderView.label(new Chapter(2, "Chapters of a Life", "x", null)))
        .isEqualTo("Chapter 2: Chapters of a Life");
    assertThat(ReaderView.label(new Chapter(2, "Chapter Ivy's Garden", "x", null)))
        .isEqualTo("Chapter 2: Chapter Ivy's Garden");
    assertThat(ReaderView.label(new Chapter(2, "Chapter Mild Peril", "x", null)))
        .isEqualTo("Chapter 2: Chapter Mild Peril");
    assertThat(ReaderView.label(new Chapter(14, "Chapter XIV The Ball", "x", null)))
        .isEqualTo("Chapter 14: The Ball");
    assertThat(ReaderView.label(new Chapter(3, null, "x", null))).isEqualTo("Chapter 3");
    assertThat(ReaderView.label(new Chapter(3, "  ", "x", null))).isEqualTo("Chapter 3");
  }
}

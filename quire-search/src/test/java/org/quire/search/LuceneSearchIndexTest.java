package org.quire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;
import org.quire.search.lucene.LuceneSearchIndex;

class LuceneSearchIndexTest {
  @TempDir Path dir;
  SearchIndex index;

  @BeforeEach
  void open() {
    index = LuceneSearchIndex.open(dir);
  }

  @AfterEach
  void close() {
    index.close();
  }

  static Work work(long id, String title, String text, String tag) {
    return new Work(
        id,
        title,
        false,
        List.of("Quill"),
        null,
        null,
        null,
        List.of(new Chapter(1, null, text, null)),
        null,
        3,
        TextFormat.PLAIN,
        new Work.Source("f.txt", "h" + id),
        Instant.now(),
        List.of(Tag.byAuthor(TagType.CHARACTER, tag)),
        List.of());
  }

  @Test
  void findsWordsInChapterTextWithStemming() {
    index.index(work(1, "Ashes", "The witches were dancing by the fire.", "Willow Rosenberg"));
    index.index(work(2, "Snow", "Nothing here but snow.", "Spike"));
    index.refresh();
    assertThat(index.search("witch dance", 0, 10).hits())
        .extracting(SearchIndex.Hit::workId)
        .containsExactly(1L);
    assertThat(index.search("Willow", 0, 10).hits())
        .extracting(SearchIndex.Hit::workId)
        .containsExactly(1L);
    assertThat(index.search("", 0, 10).total()).isEqualTo(2);
  }

  @Test
  void reindexingReplacesAndDeleteRemoves() {
    index.index(work(1, "Ashes", "fire", "A"));
    index.index(work(1, "Ashes", "water", "A"));
    index.refresh();
    assertThat(index.count()).isEqualTo(1);
    assertThat(index.search("fire", 0, 10).total()).isZero();
    index.delete(1);
    index.refresh();
    assertThat(index.count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"unclosed",
        "((((",
        "title:",
        "*",
        "-",
        "a AND OR NOT b",
        "\\",
        "~~~~",
        "😀",
        "' OR 1=1 --"
      })
  void hostileQueriesNeverThrow(String q) {
    index.index(work(1, "Ashes", "fire", "A"));
    index.refresh();
    assertThat(index.search(q, 0, 10)).isNotNull();
    assertThat(index.search(q.repeat(500), 0, 10)).isNotNull();
  }
}

package org.quire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.TagType;
import org.quire.model.Work;
import org.quire.search.lucene.LuceneSearchIndex;

class LuceneSearchIndexTest extends SearchIndexContract {
  @TempDir Path dir;

  @Override
  SearchIndex create(ChapterTexts texts) {
    return LuceneSearchIndex.open(dir, WRANGLER, texts);
  }

  @Override
  SearchIndex reopen(ChapterTexts texts) {
    return LuceneSearchIndex.open(dir, WRANGLER, texts);
  }

  @Test
  void typedTagWordsOfNewNamesAreFoundWhileTwoThreadsIndexAndAnotherSearches() throws Exception {
    // Both indexing threads bring the same new names in the same order, so each name is new to
    // both at once; the searches reopen the names as they arrive.
    int names = 300;
    List<List<Work>> batches = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      List<Work> batch = new ArrayList<>();
      for (int i = 0; i < names; i++) {
        long id = 1 + t * names + i;
        batch.add(work(id, "W", "Quill", List.of("text"), tag(TagType.ADDITIONAL, "Theme" + i)));
      }
      batches.add(batch);
    }
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread searching =
        new Thread(
            () -> {
              for (int i = 0; !done.get(); i++) {
                try {
                  index.search(SearchQuery.of("additional:theme" + (i % names)));
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                  return;
                }
              }
            });
    searching.start();
    List<Thread> indexing = new ArrayList<>();
    for (List<Work> batch : batches) {
      Thread t = new Thread(() -> batch.forEach(w -> index.index(w)));
      indexing.add(t);
      t.start();
    }
    for (Thread t : indexing) {
      t.join();
    }
    done.set(true);
    searching.join();
    index.refresh();
    assertThat(failure.get()).isNull();
    for (int i = 0; i < names; i++) {
      assertThat(ids("additional:theme" + i)).as("theme%d", i).hasSize(2);
    }
  }

  @Test
  void anIndexBuiltByOtherAnalysisChainsOpensEmptySoTheArchiveRebuildsIt() throws Exception {
    index.index(work(1, "Ashes", "Quill", List.of("fire")));
    index.close();
    index = reopen(id -> List.of());
    assertThat(index.count()).as("same chains: kept").isEqualTo(1);
    index.close();
    // The commit an older Quire wrote: no analysis version.
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      w.setLiveCommitData(Map.of("quire.indexedThrough", "5").entrySet());
      w.commit();
    }
    index = reopen(id -> List.of());
    assertThat(index.count()).isZero();
    assertThat(index.indexedThrough()).isZero();
  }

  @Test
  void anIndexWhoseTextHasOffsetsIsRebuiltToo() throws Exception {
    index.close();
    // Version 2 indexed chapter text with offsets; Lucene refuses to mix the two in one field.
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, new IndexWriterConfig())) {
      org.apache.lucene.document.FieldType t =
          new org.apache.lucene.document.FieldType(
              org.apache.lucene.document.TextField.TYPE_NOT_STORED);
      t.setIndexOptions(
          org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
      org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
      doc.add(new org.apache.lucene.document.Field("text", "fire", t));
      w.addDocument(doc);
      w.setLiveCommitData(Map.of("quire.indexedThrough", "5", "quire.analysis", "2").entrySet());
      w.commit();
    }
    index = reopen(texts::get);
    assertThat(index.count()).isZero();
    index.index(work(1, "Ashes", "Quill", List.of("The fire burned.")));
    index.refresh();
    assertThat(index.search(SearchQuery.of("fire")).hits().getFirst().snippet().firstMatch())
        .isEqualTo("fire");
  }

  /** Matches are placed from positions: phrases, prefixes, and words in later chapters. */
  @Test
  void snippetsMarkPhrasesPrefixesAndWordsAfterEmptyChapters() {
    List<String> chapters =
        List.of(
            "A lantern by the door.",
            "",
            "Rain, rain. Then the old lantern flickered out; lanterns sway.",
            "Nothing here.");
    index.index(work(7, "Lights", "Quill", chapters));
    index.refresh();
    SearchResults.Snippet phrase =
        index.search(SearchQuery.of("\"old lantern\"")).hits().getFirst().snippet();
    assertThat(phrase.chapter()).isEqualTo(3);
    assertThat(marked(phrase)).containsExactly("old lantern");
    assertThat(chapters.get(2).substring(phrase.offset())).startsWith(joinedParts(phrase));
    SearchResults.Snippet prefix =
        index.search(SearchQuery.of("flicker* ra*")).hits().getFirst().snippet();
    assertThat(prefix.chapter()).isEqualTo(3);
    assertThat(marked(prefix)).containsExactly("Rain", "rain"); // the best sentence: two matches
    assertThat(marked(index.search(SearchQuery.of("flicker*")).hits().getFirst().snippet()))
        .containsExactly("flickered");
    SearchResults.Snippet stemmed =
        index.search(SearchQuery.of("sways")).hits().getFirst().snippet();
    assertThat(marked(stemmed)).containsExactly("sway");
  }

  @Test
  void aSeparatorCharacterInsideAChapterDoesNotShiftLaterChapters() {
    List<String> chapters = List.of("Odd\u0000text here.", "The lantern glowed.");
    index.index(work(8, "Nul", "Quill", chapters));
    index.refresh();
    SearchResults.Snippet s = index.search(SearchQuery.of("lantern")).hits().getFirst().snippet();
    assertThat(s.chapter()).isEqualTo(2);
    assertThat(marked(s)).containsExactly("lantern");
  }

  private static List<String> marked(SearchResults.Snippet s) {
    return s.parts().stream()
        .filter(SearchResults.Part::match)
        .map(SearchResults.Part::text)
        .toList();
  }

  private static String joinedParts(SearchResults.Snippet s) {
    return String.join("", s.parts().stream().map(SearchResults.Part::text).toList());
  }
}

package org.quire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
}

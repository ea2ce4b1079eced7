package org.quire.search;

import java.nio.file.Path;
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
}

package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * Positions placed in the text by tokenizing it again land exactly where Lucene, indexing the same
 * chapters through the index's own analysis with offsets, says each word is: every position of
 * every term, asked for in any order, over the sample stories, the seeds and random awkward text.
 */
class PositionOffsetsTest {
  private static final char SEP = '\u0000';

  /** Every (position, start, end) Lucene records for the chapters as one multi-valued field. */
  private static List<int[]> luceneOffsets(List<String> chapters) throws Exception {
    FieldType withOffsets = new FieldType(TextField.TYPE_NOT_STORED);
    withOffsets.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    withOffsets.freeze();
    List<int[]> out = new ArrayList<>();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.perField()))) {
        Document d = new Document();
        for (String c : chapters) {
          d.add(new Field(Fields.TEXT, c, withOffsets));
        }
        w.addDocument(d);
      }
      try (DirectoryReader r = DirectoryReader.open(dir)) {
        LeafReader leaf = r.leaves().getFirst().reader();
        Terms terms = leaf.terms(Fields.TEXT);
        if (terms == null) {
          return out;
        }
        TermsEnum te = terms.iterator();
        while (te.next() != null) {
          PostingsEnum pe = te.postings(null, PostingsEnum.OFFSETS);
          while (pe.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
            for (int i = 0; i < pe.freq(); i++) {
              int p = pe.nextPosition();
              out.add(new int[] {p, pe.startOffset(), pe.endOffset()});
            }
          }
        }
      }
    }
    return out;
  }

  /** Asks for every position Lucene knows, in the given order, and checks each one. */
  private static int check(List<String> chapters, List<int[]> expected, Random order) {
    String content = String.join(String.valueOf(SEP), chapters);
    List<int[]> asked = new ArrayList<>(expected);
    if (order != null) {
      Collections.shuffle(asked, order);
    } else {
      asked.sort((a, b) -> Integer.compare(a[0], b[0]));
    }
    PositionOffsets offsets = new PositionOffsets(content, SEP);
    for (int[] e : asked) {
      assertThat(new int[] {offsets.start(e[0]), offsets.end(e[0])})
          .as("position %d of %s", e[0], chapters.size() > 3 ? "random text" : chapters)
          .containsExactly(e[1], e[2]);
    }
    return asked.size();
  }

  @Test
  void sampleStoriesAndSeedsPlaceEveryWordWhereLuceneDoes() throws Exception {
    List<Path> files = SampleTexts.files();
    assertThat(files).hasSizeGreaterThan(4);
    // All files as the chapters of one work, with an empty chapter in the middle, so gaps add up.
    List<String> chapters = new ArrayList<>();
    for (Path f : files) {
      chapters.add(Files.readString(f));
      if (chapters.size() == 2) {
        chapters.add("");
      }
    }
    List<int[]> expected = luceneOffsets(chapters);
    assertThat(expected).hasSizeGreaterThan(3_000);
    assertThat(check(chapters, expected, null)).isEqualTo(expected.size());
    assertThat(check(chapters, expected, new Random(7))).isEqualTo(expected.size());
  }

  @Test
  void randomAwkwardChaptersPlaceEveryWordWhereLuceneDoes() throws Exception {
    String[] pieces = {
      "Buffy's",
      "stake",
      "don't",
      "U.S.A",
      "3.14",
      "1,000",
      "Zoë",
      "naïve",
      "Москва",
      "東京",
      "ひらがな",
      "カタカナ",
      "🙂",
      "—",
      "...",
      "''",
      "’s",
      "a_b",
      " ",
      "  ",
      "\n\n",
      "* * *",
      "-",
      "x".repeat(300),
      "l'amour",
      "O'Neill's"
    };
    Random r = new Random(42);
    int checked = 0;
    for (int round = 0; round < 300; round++) {
      List<String> chapters = new ArrayList<>();
      int n = 1 + r.nextInt(5);
      for (int c = 0; c < n; c++) {
        StringBuilder b = new StringBuilder();
        int words = r.nextInt(4) == 0 ? 0 : r.nextInt(60); // some chapters empty
        for (int i = 0; i < words; i++) {
          b.append(pieces[r.nextInt(pieces.length)]);
          if (r.nextBoolean()) {
            b.append(' ');
          }
        }
        chapters.add(b.toString());
      }
      List<int[]> expected = luceneOffsets(chapters);
      checked += check(chapters, expected, r);
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  @Test
  void positionsWithNoWordGiveTheEndOfTheText() {
    String content = "One two." + SEP + SEP + "Three";
    PositionOffsets offsets = new PositionOffsets(content, SEP);
    assertThat(offsets.start(0)).isEqualTo(0);
    assertThat(offsets.end(1)).isEqualTo(7);
    // "three": after "two" (1), a gap after each chapter before it (one is empty), then one more.
    assertThat(offsets.start(2 + 2 * Analyzers.VALUE_GAP)).isEqualTo(content.indexOf("Three"));
    assertThat(offsets.start(5)).isEqualTo(content.length()); // inside a gap
    assertThat(offsets.start(10_000)).isEqualTo(content.length()); // past the last word
    assertThat(offsets.end(-1)).isEqualTo(content.length());
  }
}

package org.quire.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Work;
import org.quire.search.SearchQuery;
import org.quire.search.SearchResults;
import org.quire.search.WorkStats;
import org.quire.tags.TagWrangler;

/**
 * A search split into slices on several threads (ranges of one segment included) finds exactly what
 * a search on one thread finds: the same total, the same page in the same order, the same facet
 * counts.
 */
class PartitionedSearchTest {
  private static final String[] WORDS = {
    "river", "stake", "crypt", "library", "moon", "witch", "slayer", "door", "fire", "night",
    "kiss", "blood", "school", "magic", "sunrise", "grave"
  };
  private static final String[] CHARACTERS = {
    "Buffy Summers", "Willow Rosenberg", "Spike", "Rupert Giles", "Faith Lehane", "Tara Maclay"
  };

  @Test
  void slicedSearchesAgreeWithOneThread(@TempDir Path one, @TempDir Path many) throws Exception {
    TagWrangler wrangler = TagWrangler.builtIn();
    try (LuceneSearchIndex whole = LuceneSearchIndex.open(one, wrangler, id -> List.of(), 1 << 30);
        LuceneSearchIndex split = LuceneSearchIndex.open(many, wrangler, id -> List.of(), 100)) {
      Random r = new Random(3);
      for (long id = 1; id <= 3_000; id++) {
        Work w = work(id, r);
        Instant at = Instant.ofEpochSecond(1_700_000_000L + id * 60);
        WorkStats stats = new WorkStats(at, at, r.nextInt(50), r.nextInt(500), 0, 0);
        whole.index(w, stats);
        split.index(w, stats);
        if (id % 700 == 0) {
          whole.refresh(); // several segments, as a growing archive has
          split.refresh();
        }
      }
      whole.refresh();
      split.refresh();
      assertThat(whole.slices()).isEqualTo(1);
      assertThat(split.slices()).isGreaterThan(1);
      List<SearchQuery> queries =
          List.of(
              SearchQuery.of("river"),
              SearchQuery.of("\"the river\""),
              SearchQuery.of("witch -moon"),
              SearchQuery.of("").withSort(SearchQuery.Sort.KUDOS),
              SearchQuery.of("night")
                  .withFilters(
                      List.of(new SearchQuery.TagFilter(TagType.CHARACTER, "Spike")), List.of())
                  .withPage(40, 20),
              SearchQuery.of("").withPage(2_000, 20));
      for (SearchQuery q : queries) {
        SearchResults a = whole.search(q);
        SearchResults b = split.search(q);
        assertThat(b.total()).as(q.text()).isEqualTo(a.total()).isPositive();
        assertThat(ids(b)).as(q.text()).isEqualTo(ids(a)).isNotEmpty();
        assertThat(b.facets()).as(q.text()).isEqualTo(a.facets()).isNotEmpty();
      }
    }
  }

  private static List<Long> ids(SearchResults r) {
    return r.hits().stream().map(SearchResults.Hit::workId).toList();
  }

  static Work work(long id, Random r) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      text.append(i % 7 == 0 ? "the " : "").append(WORDS[r.nextInt(WORDS.length)]).append(' ');
    }
    List<Tag> tags = new ArrayList<>();
    tags.add(Tag.byAuthor(TagType.FANDOM, "Buffy the Vampire Slayer"));
    tags.add(Tag.byAuthor(TagType.CHARACTER, CHARACTERS[r.nextInt(CHARACTERS.length)]));
    tags.add(Tag.byAuthor(TagType.CHARACTER, CHARACTERS[r.nextInt(CHARACTERS.length)]));
    tags.add(Tag.byAuthor(TagType.ADDITIONAL, "Tag " + r.nextInt(200)));
    return new Work(
        id,
        "Work " + id,
        false,
        List.of("author" + r.nextInt(30)),
        null,
        null,
        null,
        List.of(new Chapter(1, null, text.toString(), null)),
        "English",
        true,
        40,
        TextFormat.PLAIN,
        new Work.Source("f.txt", "h" + id),
        Instant.ofEpochSecond(1_700_000_000L + id * 60),
        tags,
        List.of(),
        0);
  }
}

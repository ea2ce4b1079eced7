package org.quire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quire.model.Chapter;
import org.quire.model.Tag;
import org.quire.model.TagType;
import org.quire.model.TextFormat;
import org.quire.model.Visibility;
import org.quire.model.Work;
import org.quire.search.SearchQuery.TagFilter;
import org.quire.tags.TagWrangler;

/**
 * What every {@link SearchIndex} backend does, run against each: the embedded Lucene index and a
 * real OpenSearch server.
 */
abstract class SearchIndexContract {
  static final TagWrangler WRANGLER = TagWrangler.builtIn();

  final Map<Long, List<String>> texts = new HashMap<>();
  SearchIndex index;

  /** A new, empty index of this backend. */
  abstract SearchIndex create(ChapterTexts texts);

  /** The same index as the last {@link #create}, opened again after it was closed. */
  abstract SearchIndex reopen(ChapterTexts texts);

  /** Removes what the index left behind, after it was closed. */
  void dispose() {}

  @BeforeEach
  void open() {
    index = create(id -> texts.getOrDefault(id, List.of()));
  }

  @AfterEach
  void close() {
    index.close();
    dispose();
  }

  Work work(long id, String title, String author, List<String> chapters, Tag... tags) {
    texts.put(id, chapters);
    List<Chapter> cs = new ArrayList<>();
    for (int i = 0; i < chapters.size(); i++) {
      cs.add(new Chapter(i + 1, null, chapters.get(i), null));
    }
    int words = chapters.stream().mapToInt(c -> c.split("\\s+").length).sum();
    return new Work(
        id,
        title,
        false,
        List.of(author),
        null,
        null,
        null,
        cs,
        "English",
        id != 3,
        words,
        TextFormat.PLAIN,
        new Work.Source("f.txt", "h" + id),
        Instant.ofEpochSecond(1_700_000_000L + id * 86_400),
        List.of(tags),
        List.of(),
        0);
  }

  static Tag tag(TagType t, String name) {
    return Tag.byAuthor(t, name);
  }

  List<Long> ids(SearchQuery q) {
    return index.search(q).hits().stream().map(SearchResults.Hit::workId).toList();
  }

  List<Long> ids(String text) {
    return ids(SearchQuery.of(text));
  }

  void indexTheLibrary() {
    index.index(
        work(
            1,
            "Ashes",
            "Quill",
            List.of(
                "The witches were dancing by the fire.",
                "Much later, Buffy’s stake found the vampire’s heart in the crypt."),
            tag(TagType.CHARACTER, "Willow Rosenberg"),
            tag(TagType.CHARACTER, "William the Bloody"),
            tag(TagType.RELATIONSHIP, "Spuffy"),
            tag(TagType.FANDOM, "BtVS"),
            tag(TagType.RATING, "Teen And Up Audiences")));
    index.index(
        work(
            2,
            "The Snow Queen",
            "Ziggy",
            List.of("Nothing here but snow, and a café where Zoë read about little witch tales."),
            tag(TagType.CHARACTER, "Spike"),
            tag(TagType.FANDOM, "Buffy the Vampire Slayer"),
            tag(TagType.RATING, "General Audiences")));
    index.index(
        work(
            3,
            "Arc Reactor",
            "Anvil",
            List.of("Tony built it in a cave. " + "Words go on. ".repeat(200)),
            tag(TagType.CHARACTER, "Tony Stark"),
            tag(TagType.FANDOM, "MCU"),
            tag(TagType.RATING, "Mature")));
    index.refresh();
  }

  @Test
  void findsChapterTextWithStemmingPossessivesAndFolding() {
    indexTheLibrary();
    assertThat(ids("witch dance")).containsExactly(1L);
    assertThat(ids("Buffy's stake")).containsExactly(1L);
    assertThat(ids("vampire hearts")).containsExactly(1L);
    assertThat(ids("zoe cafe")).containsExactly(2L);
    assertThat(ids("SNOW")).containsExactly(2L);
    assertThat(index.search(SearchQuery.of("")).total()).isEqualTo(3);
  }

  @Test
  void phrasesPrefixesOrAndExclusion() {
    indexTheLibrary();
    assertThat(ids("\"little witch\"")).containsExactly(2L);
    assertThat(ids("\"witch little\"")).isEmpty();
    // A phrase never spans two chapters.
    assertThat(ids("\"fire much\"")).isEmpty();
    assertThat(ids("reac*")).containsExactly(3L);
    assertThat(ids("cave OR crypt")).containsExactlyInAnyOrder(1L, 3L);
    assertThat(ids("witch -snow")).containsExactly(1L);
    assertThat(ids("-snow")).containsExactlyInAnyOrder(1L, 3L);
  }

  @Test
  void fieldsLimitWhereWordsAreLookedFor() {
    indexTheLibrary();
    assertThat(ids("title:snow")).containsExactly(2L);
    assertThat(ids("title:witch")).isEmpty();
    assertThat(ids("author:anvil")).containsExactly(3L);
    assertThat(ids("character:Spike")).containsExactlyInAnyOrder(1L, 2L);
    assertThat(ids("character:\"Tony Stark\"")).containsExactly(3L);
    assertThat(ids("fandom:Marvel")).containsExactly(3L);
    assertThat(ids("text:snow title:queen")).containsExactly(2L);
    // tag: looks in the names of every tag type; plain words look there too.
    assertThat(ids("tag:rosenberg")).containsExactly(1L);
    assertThat(ids("tag:\"Tony Stark\"")).containsExactly(3L);
    assertThat(ids("tag:mature")).containsExactly(3L);
    assertThat(ids("tag:stark tag:mcu")).containsExactly(3L);
    assertThat(ids("tag:spik*")).containsExactlyInAnyOrder(1L, 2L);
    assertThat(ids("tag:witch")).isEmpty();
    assertThat(ids("rosenberg")).containsExactly(1L);
    assertThat(ids("\"general audiences\"")).containsExactly(2L);
    // A tag's words are those of its spelling, its canonical tag and the meta tags above it, as
    // a filter by any of them finds it; a type's field looks in that type's names only.
    // A name of a tag finds its synonyms' works too: William the Bloody is Spike.
    assertThat(ids("tag:\"william the bloody\"")).containsExactlyInAnyOrder(1L, 2L);
    assertThat(ids("\"william the bloody\"")).containsExactlyInAnyOrder(1L, 2L);
    assertThat(ids("tag:marvel")).containsExactly(3L);
    assertThat(ids("character:rosenberg")).containsExactly(1L);
    assertThat(ids("fandom:rosenberg")).isEmpty();
    assertThat(ids("relationship:spik*")).containsExactly(1L);
    // Words of one term may come from two names of the type.
    assertThat(ids("character:rosenberg/bloody")).containsExactly(1L);
    assertThat(ids("character:rosenberg/stark")).isEmpty();
  }

  @Test
  void wordsThatNameATagFindItsWorks() {
    indexTheLibrary();
    index.index(
        work(
            5,
            "Sisters",
            "Quill",
            List.of("Buffy and Spike and Dawn went out."),
            tag(TagType.RELATIONSHIP, "Buffy Summers & Spike"),
            tag(TagType.FANDOM, "Buffy the Vampire Slayer")));
    index.index(
        work(
            6,
            "Dark Kiss",
            "Quill",
            List.of("A kiss in the crypt."),
            tag(TagType.RELATIONSHIP, "Buffy Summers/Spike"),
            tag(TagType.ARCHIVE_WARNING, "Major Character Death"),
            tag(TagType.FANDOM, "Buffy the Vampire Slayer")));
    index.refresh();
    // An abbreviation or a ship's name typed as words finds the works tagged so.
    assertThat(ids("btvs")).containsExactlyInAnyOrder(1L, 2L, 5L, 6L);
    assertThat(ids("Spuffy")).containsExactlyInAnyOrder(1L, 6L);
    // A pairing typed without quotes: its works first, then those with its words.
    List<Long> pairing = ids("Buffy Summers/Spike");
    assertThat(pairing.subList(0, 2)).containsExactlyInAnyOrder(1L, 6L);
    assertThat(pairing).contains(5L);
    // Written whole in its field, "/" and "&" are two different tags.
    assertThat(ids("relationship:\"Buffy Summers/Spike\"")).containsExactlyInAnyOrder(1L, 6L);
    assertThat(ids("relationship:\"Buffy Summers & Spike\"")).containsExactly(5L);
    // AO3's short forms of its fixed names.
    assertThat(ids("tag:MCD")).containsExactly(6L);
    assertThat(ids("warning:MCD")).containsExactly(6L);
    assertThat(ids("rating:T")).containsExactly(1L);
    // A plain word that is also someone's nickname does not bring in their works.
    assertThat(ids("red")).isEmpty();
    assertThat(ids("kiss")).containsExactly(6L);
  }

  @Test
  void aNewTagsWordsAreFoundAtOnceAndAfterReopening() {
    indexTheLibrary();
    assertThat(ids("tag:moonlit")).isEmpty();
    index.index(
        work(
            4,
            "Late",
            "Quill",
            List.of("Nothing to see."),
            tag(TagType.ADDITIONAL, "Moonlit Gardens"),
            tag(TagType.CHARACTER, "Willow Rosenberg")));
    index.refresh();
    assertThat(ids("tag:moonlit")).containsExactly(4L);
    assertThat(ids("moonlit gardens")).containsExactly(4L);
    index.close();
    index = reopen(id -> texts.getOrDefault(id, List.of()));
    assertThat(ids("tag:\"moonlit gardens\"")).containsExactly(4L);
    assertThat(ids("character:rosenberg")).containsExactlyInAnyOrder(1L, 4L);
    assertThat(ids("tag:moon*")).containsExactly(4L);
    // A name whose works are gone matches nothing.
    index.delete(4);
    index.refresh();
    assertThat(ids("tag:moonlit")).isEmpty();
  }

  @Test
  void snippetsPointAtTheChapterAndPlaceOfTheBestMatch() {
    indexTheLibrary();
    SearchResults r = index.search(SearchQuery.of("crypt"));
    SearchResults.Snippet s = r.hits().getFirst().snippet();
    assertThat(s.chapter()).isEqualTo(2);
    String chapter2 = texts.get(1L).get(1);
    assertThat(chapter2.substring(s.offset())).startsWith(joined(s));
    assertThat(s.parts())
        .filteredOn(SearchResults.Part::match)
        .extracting("text")
        .contains("crypt");
    assertThat(s.firstMatch()).isEqualTo("crypt");
    // Metadata-only matches have no snippet.
    assertThat(index.search(SearchQuery.of("author:anvil")).hits().getFirst().snippet()).isNull();
  }

  @Test
  void longChaptersGiveShortSnippetsAroundTheMatch() {
    String longText = "Quiet words fill the page. ".repeat(2000) + "The lantern flickered.";
    index.index(work(9, "Long", "Quill", List.of("Opening.", longText)));
    index.refresh();
    SearchResults.Snippet s = index.search(SearchQuery.of("lantern")).hits().getFirst().snippet();
    assertThat(s.chapter()).isEqualTo(2);
    assertThat(joined(s).length()).isLessThanOrEqualTo(320);
    assertThat(longText.substring(s.offset())).startsWith(joined(s));
  }

  private static String joined(SearchResults.Snippet s) {
    return String.join("", s.parts().stream().map(SearchResults.Part::text).toList());
  }

  @Test
  void facetsCountCanonicalTagsOfEveryType() {
    indexTheLibrary();
    SearchResults r = index.search(SearchQuery.of(""));
    assertThat(r.facets().get("character"))
        .contains(
            new SearchResults.FacetValue("Spike", 2),
            new SearchResults.FacetValue("Willow Rosenberg", 1),
            new SearchResults.FacetValue("Tony Stark", 1));
    assertThat(r.facets().get("fandom"))
        .contains(
            new SearchResults.FacetValue("Buffy the Vampire Slayer", 2),
            new SearchResults.FacetValue("Marvel Cinematic Universe", 1));
    assertThat(r.facets().get("relationship"))
        .containsExactly(new SearchResults.FacetValue("Buffy Summers/Spike", 1));
    assertThat(r.facets().get("language"))
        .containsExactly(new SearchResults.FacetValue("English", 3));
    // Facets follow the query.
    assertThat(index.search(SearchQuery.of("snow")).facets().get("character"))
        .containsExactly(new SearchResults.FacetValue("Spike", 1));
  }

  @Test
  void includeAndExcludeFiltersUseCanonicalTagsSynonymsAndMetaTags() {
    indexTheLibrary();
    SearchQuery all = SearchQuery.of("");
    assertThat(ids(all.withFilters(List.of(new TagFilter(TagType.CHARACTER, "Spike")), null)))
        .containsExactlyInAnyOrder(1L, 2L);
    assertThat(
            ids(
                all.withFilters(
                    List.of(new TagFilter(TagType.CHARACTER, "William the Bloody")), null)))
        .containsExactlyInAnyOrder(1L, 2L);
    assertThat(ids(all.withFilters(List.of(new TagFilter(TagType.FANDOM, "Marvel")), null)))
        .containsExactly(3L);
    assertThat(
            ids(
                all.withFilters(
                    List.of(new TagFilter(TagType.FANDOM, "Buffy the Vampire Slayer")),
                    List.of(new TagFilter(TagType.RELATIONSHIP, "Buffy Summers/Spike")))))
        .containsExactly(2L);
    assertThat(
            ids(
                all.withFilters(
                    List.of(
                        new TagFilter(TagType.CHARACTER, "Spike"),
                        new TagFilter(TagType.RATING, "General Audiences")),
                    null)))
        .containsExactly(2L);
  }

  @Test
  void severalRatingsMeanAnyOfThemWhileOtherIncludedTagsMustAllBeThere() {
    indexTheLibrary();
    SearchQuery all = SearchQuery.of("");
    TagFilter general = new TagFilter(TagType.RATING, "General Audiences");
    TagFilter mature = new TagFilter(TagType.RATING, "Mature");
    assertThat(ids(all.withFilters(List.of(general, mature), null)))
        .containsExactlyInAnyOrder(2L, 3L);
    // The ratings' group is one filter among the others: Spike and (General or Mature).
    assertThat(
            ids(
                all.withFilters(
                    List.of(general, new TagFilter(TagType.CHARACTER, "Spike"), mature), null)))
        .containsExactly(2L);
    // Two characters still mean both.
    assertThat(
            ids(
                all.withFilters(
                    List.of(
                        new TagFilter(TagType.CHARACTER, "Spike"),
                        new TagFilter(TagType.CHARACTER, "Tony Stark")),
                    null)))
        .isEmpty();
    // An excluded rating leaves out only its works.
    assertThat(ids(all.withFilters(List.of(general, mature), List.of(mature)))).containsExactly(2L);
  }

  @Test
  void rangesAndLanguage() {
    indexTheLibrary();
    SearchQuery all = SearchQuery.of("");
    assertThat(ids(all.withWords(new SearchQuery.Range(100, null)))).containsExactly(3L);
    assertThat(ids(all.withWords(new SearchQuery.Range(null, 50))))
        .containsExactlyInAnyOrder(1L, 2L);
    Instant day2 = Instant.ofEpochSecond(1_700_000_000L + 2 * 86_400);
    assertThat(ids(all.withUpdated(new SearchQuery.DateRange(day2, null))))
        .containsExactlyInAnyOrder(2L, 3L);
    assertThat(ids(all.withLanguage("english"))).hasSize(3);
    assertThat(ids(all.withComplete(false))).containsExactly(3L);
    assertThat(ids(all.withComplete(true))).containsExactlyInAnyOrder(1L, 2L);
    assertThat(ids(all.withLanguage("Deutsch"))).isEmpty();
  }

  @Test
  void sortsAndStatsRanges() {
    indexTheLibrary();
    index.index(
        work(4, "Zephyr", "Aardvark", List.of("short")),
        new WorkStats(Instant.EPOCH, Instant.EPOCH, 50, 900, 7, 3));
    index.refresh();
    SearchQuery all = SearchQuery.of("");
    assertThat(ids(all.withSort(SearchQuery.Sort.WORDS)).getFirst()).isEqualTo(3L);
    // Titles sort without a leading article: Arc, Ashes, Snow (Queen), Zephyr.
    assertThat(ids(all.withSort(SearchQuery.Sort.TITLE))).containsExactly(3L, 1L, 2L, 4L);
    assertThat(ids(all.withSort(SearchQuery.Sort.AUTHOR))).containsExactly(4L, 3L, 1L, 2L);
    assertThat(ids(all.withSort(SearchQuery.Sort.UPDATED))).containsExactly(3L, 2L, 1L, 4L);
    assertThat(ids(all.withSort(SearchQuery.Sort.KUDOS)).getFirst()).isEqualTo(4L);
    assertThat(ids(all.withStats(new SearchQuery.Range(10, null), null, null))).containsExactly(4L);
    assertThat(ids(all.withStats(null, null, new SearchQuery.Range(1, 10)))).containsExactly(4L);
    // Each order turned round: Z to A, oldest first, fewest kudos first.
    SearchQuery back = all.withReverse(true);
    assertThat(ids(back.withSort(SearchQuery.Sort.TITLE))).containsExactly(4L, 2L, 1L, 3L);
    assertThat(ids(back.withSort(SearchQuery.Sort.AUTHOR))).containsExactly(2L, 1L, 3L, 4L);
    assertThat(ids(back.withSort(SearchQuery.Sort.UPDATED))).containsExactly(4L, 1L, 2L, 3L);
    // Works 1–3 tie at no kudos: ties stay by work id, highest first, either way.
    assertThat(ids(back.withSort(SearchQuery.Sort.KUDOS))).containsExactly(3L, 2L, 1L, 4L);
    // Best match has one order.
    assertThat(ids(SearchQuery.of("witch").withReverse(true)))
        .isEqualTo(ids(SearchQuery.of("witch")));
  }

  @Test
  void listingsWithoutFacetsGetTheSamePages() {
    for (long i = 1; i <= 30; i++) {
      index.index(
          work(i, "Work " + (i % 7), "Quill", List.of("witch ".repeat(1 + (int) (i % 4)))),
          new WorkStats(
              Instant.ofEpochSecond(1_700_000_000L + (i % 5) * 60), // ties
              Instant.ofEpochSecond(1_700_000_000L + i),
              (int) (i % 3),
              0,
              0,
              0));
    }
    index.refresh();
    for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
      for (int offset : new int[] {0, 7, 25}) {
        SearchQuery q = SearchQuery.of("witch").withSort(sort).withPage(offset, 10);
        SearchResults full = index.search(q);
        SearchResults listing = index.hitsOnly(q);
        assertThat(listing.total()).isEqualTo(full.total()).isEqualTo(30);
        assertThat(listing.hits().stream().map(SearchResults.Hit::workId).toList())
            .as("%s from %d", sort, offset)
            .isEqualTo(full.hits().stream().map(SearchResults.Hit::workId).toList());
        assertThat(full.facets()).isNotEmpty();
      }
    }
  }

  @Test
  void visitorsSeePublicWorksMembersRestrictedOnesDraftsNobody() {
    Visibility[] each = {Visibility.PUBLIC, Visibility.RESTRICTED, Visibility.DRAFT};
    for (long i = 1; i <= 9; i++) {
      Visibility v = each[(int) (i % 3)];
      index.index(
          work(i, "Lantern " + i, "Quill", List.of("the lantern swung in the crypt")),
          new WorkStats(Instant.EPOCH, Instant.ofEpochSecond(i), 0, 0, 0, 0, v));
    }
    index.refresh();
    for (String text : List.of("lantern", "\"the crypt\"", "", "-moonlight")) {
      for (SearchQuery.Sort sort : List.of(SearchQuery.Sort.RELEVANCE, SearchQuery.Sort.UPDATED)) {
        SearchQuery q = SearchQuery.of(text).withSort(sort);
        SearchResults visitor = index.search(q);
        SearchResults member = index.search(q.withAudience(SearchQuery.Audience.MEMBER));
        assertThat(visitor.hits().stream().map(SearchResults.Hit::workId))
            .as("visitor, %s by %s", text, sort)
            .containsExactlyInAnyOrder(3L, 6L, 9L);
        assertThat(visitor.total()).isEqualTo(3);
        assertThat(member.hits().stream().map(SearchResults.Hit::workId))
            .as("member, %s by %s", text, sort)
            .containsExactlyInAnyOrder(1L, 3L, 4L, 6L, 7L, 9L);
        assertThat(member.total()).isEqualTo(6);
        assertThat(index.hitsOnly(q).total()).isEqualTo(3);
      }
    }
  }

  @Test
  void tagCountsListEveryTagOfAKindOnWorksTheAudienceMayFind() {
    for (long i = 1; i <= 45; i++) {
      // Forty fandoms, one work each, and five more works in the first: more than facets show.
      String fandom = "Fandom " + (i <= 40 ? i : 1);
      index.index(
          work(i, "Work " + i, "Quill", List.of("text"), tag(TagType.FANDOM, fandom)),
          new WorkStats(Instant.EPOCH, Instant.ofEpochSecond(i), 0, 0, 0, 0, Visibility.PUBLIC));
    }
    index.index(
        work(46, "Members", "Quill", List.of("text"), tag(TagType.FANDOM, "Members Fandom")),
        new WorkStats(Instant.EPOCH, Instant.EPOCH, 0, 0, 0, 0, Visibility.RESTRICTED));
    index.index(
        work(47, "Draft", "Quill", List.of("text"), tag(TagType.FANDOM, "Draft Fandom")),
        new WorkStats(Instant.EPOCH, Instant.EPOCH, 0, 0, 0, 0, Visibility.DRAFT));
    index.refresh();
    List<SearchResults.FacetValue> visitor =
        index.tagCounts(TagType.FANDOM, SearchQuery.Audience.VISITOR, 1000);
    // More than a search's facets show, most used first, drafts and members-only left out.
    assertThat(visitor).hasSize(40);
    assertThat(visitor.getFirst()).isEqualTo(new SearchResults.FacetValue("Fandom 1", 6));
    assertThat(visitor)
        .extracting(SearchResults.FacetValue::name)
        .doesNotContain("Members Fandom", "Draft Fandom");
    assertThat(index.tagCounts(TagType.FANDOM, SearchQuery.Audience.MEMBER, 1000))
        .extracting(SearchResults.FacetValue::name)
        .contains("Members Fandom")
        .doesNotContain("Draft Fandom");
    assertThat(index.tagCounts(TagType.FANDOM, SearchQuery.Audience.VISITOR, 5)).hasSize(5);
    assertThat(index.tagCounts(TagType.CHARACTER, SearchQuery.Audience.VISITOR, 10)).isEmpty();
  }

  @Test
  void pagesAreStableAndDeepPagingIsBounded() {
    for (long i = 1; i <= 45; i++) {
      index.index(work(i, "Same " + i, "Quill", List.of("identical words everywhere")));
    }
    index.refresh();
    Set<Long> seen = new HashSet<>();
    for (int page = 0; page < 5; page++) {
      List<Long> got = ids(SearchQuery.of("identical").withPage(page * 10, 10));
      assertThat(got).hasSizeLessThanOrEqualTo(10);
      assertThat(seen).doesNotContainAnyElementsOf(got);
      seen.addAll(got);
    }
    assertThat(seen).hasSize(45);
    SearchResults deep = index.search(SearchQuery.of("identical").withPage(50_000, 20));
    assertThat(deep.hits()).isEmpty();
    assertThat(deep.total()).isEqualTo(45);
    assertThat(deep.message()).contains("narrow");
  }

  @Test
  void anIndexedWorkIsSearchableWithinASecondWithoutACommit() throws Exception {
    index.index(work(1, "Fresh", "Quill", List.of("a newly posted story about marmalade")));
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (index.search(SearchQuery.of("marmalade")).total() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(index.search(SearchQuery.of("marmalade")).total()).isEqualTo(1);
  }

  @Test
  void reindexingReplacesDeleteRemovesAndTheMarkSurvivesAReopen() {
    index.index(work(1, "Ashes", "Quill", List.of("fire")));
    index.index(
        work(1, "Ashes", "Quill", List.of("water")),
        new WorkStats(Instant.EPOCH, Instant.ofEpochMilli(1_800_000_000_000L), 0, 0, 0, 0));
    index.refresh();
    assertThat(index.count()).isEqualTo(1);
    assertThat(ids("fire")).isEmpty();
    assertThat(ids("water")).containsExactly(1L);
    index.close();
    index = reopen(id -> List.of());
    assertThat(index.indexedThrough()).isEqualTo(1_800_000_000_000L);
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
        "character:",
        "*",
        "a*",
        "-",
        "a AND OR NOT b",
        "OR OR OR",
        "\\",
        "~~~~",
        "😀",
        "' OR 1=1 --",
        "<script>alert(1)</script>",
        "title:\"",
        "?*?*?*",
        "\u0000\u202e",
        "field:value:other:thing"
      })
  void hostileQueriesNeverThrow(String q) {
    indexTheLibrary();
    assertThat(index.search(SearchQuery.of(q))).isNotNull();
    assertThat(index.search(SearchQuery.of(q.repeat(500)))).isNotNull();
    assertThat(
            index.search(
                SearchQuery.of(q)
                    .withFilters(
                        List.of(new TagFilter(TagType.CHARACTER, q)),
                        List.of(new TagFilter(TagType.FANDOM, q)))))
        .isNotNull();
    HOSTILE_QUERIES.merge(getClass().getSimpleName(), 4, Integer::sum);
  }

  /** Searches run by {@link #hostileQueriesNeverThrow}, by backend, for the hostile tally. */
  private static final Map<String, Integer> HOSTILE_QUERIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  @org.junit.jupiter.api.AfterAll
  static void recordHostileQueries() {
    HOSTILE_QUERIES.forEach(
        (backend, n) -> {
          org.quire.testkit.HostileTally tally =
              new org.quire.testkit.HostileTally("search: hostile queries, " + backend);
          tally.passed(n);
          tally.finish();
        });
  }
}

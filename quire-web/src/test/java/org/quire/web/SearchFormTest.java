package org.quire.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quire.search.SearchQuery;

class SearchFormTest {
  private static SearchForm form(String... kv) {
    Map<String, List<String>> p = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      p.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
    }
    return SearchForm.of(p);
  }

  @Test
  void filtersWrittenInTheSearchBoxBecomeTheFormsOwn() {
    SearchForm f = form("q", "Spike words>1000 kudos:>=5 sort:kudos complete:true");
    SearchQuery q = f.query();
    assertThat(q.text()).isEqualTo("Spike");
    assertThat(f.q()).isEqualTo("Spike");
    assertThat(q.words()).isEqualTo(new SearchQuery.Range(1001, null));
    assertThat(q.kudos()).isEqualTo(new SearchQuery.Range(5, null));
    assertThat(q.sort()).isEqualTo(SearchQuery.Sort.KUDOS);
    assertThat(q.complete()).isTrue();
    assertThat(f.understood())
        .containsExactly("words>1000", "kudos:>=5", "sort:kudos", "complete:true");
    // AO3's own names, ranges and "less than".
    SearchQuery ao3 = form("q", "word_count:1000-5000 hits<100 sort:kudos_count").query();
    assertThat(ao3.text()).isEmpty();
    assertThat(ao3.words()).isEqualTo(new SearchQuery.Range(1000, 5000));
    assertThat(ao3.hits()).isEqualTo(new SearchQuery.Range(null, 99));
    assertThat(ao3.sort()).isEqualTo(SearchQuery.Sort.KUDOS);
    // The form's own fields win over the box; words that only look alike stay words.
    SearchQuery both = form("q", "words>1000", "words_min", "200").query();
    assertThat(both.words().min()).isEqualTo(200);
    // Less than nothing finds nothing; a number too big for a count is every length.
    SearchQuery none = form("q", "kudos<0").query();
    assertThat(none.kudos().min()).isGreaterThan(none.kudos().max());
    assertThat(form("q", "words<99999999999").query().words().max()).isPositive();
    // A filter typed in the box and a field of the form together, backwards: read forwards.
    assertThat(form("q", "words<100", "words_min", "5000").query().words())
        .isEqualTo(new SearchQuery.Range(99, 5000));
    SearchForm prose = form("q", "the words of a spell, sort of");
    assertThat(prose.query().text()).isEqualTo("the words of a spell, sort of");
    assertThat(prose.understood()).isEmpty();
  }

  @Test
  void rangesTypedBackwardsMeanTheSameRange() {
    SearchQuery q =
        form(
                "words_min", "5000",
                "words_max", "100",
                "updated_from", "2024-05-01",
                "updated_to", "2023-01-01")
            .query();
    assertThat(q.words()).isEqualTo(new SearchQuery.Range(100, 5000));
    assertThat(q.updated().from()).isBefore(q.updated().to());
  }
}

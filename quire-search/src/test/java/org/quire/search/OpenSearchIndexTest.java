package org.quire.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.model.QuireException;
import org.quire.search.opensearch.OpenSearchIndex;
import org.quire.testkit.TestServers;

/** The search contract on a real OpenSearch server, each test in an index of its own. */
class OpenSearchIndexTest extends SearchIndexContract {
  private String name;

  @Override
  SearchIndex create(ChapterTexts texts) {
    name = TestServers.unique("quire_test");
    return OpenSearchIndex.open(TestServers.openSearch(), name, WRANGLER, texts);
  }

  @Override
  SearchIndex reopen(ChapterTexts texts) {
    return OpenSearchIndex.open(TestServers.openSearch(), name, WRANGLER, texts);
  }

  @Override
  void dispose() {
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(TestServers.openSearch() + "/" + name + "-v2"))
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new AssertionError("could not delete the test index " + name, e);
    }
  }

  @Test
  void theIndexIsVersionedAndMadeWithQuiresAnalysers() throws Exception {
    String mapping =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(TestServers.openSearch() + "/" + name + "-v2/_mapping"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(mapping).contains("\"quire_mapping\":1").contains("quire_prose");
  }

  @Test
  void aSecondProcessOpeningTheSameIndexSharesIt() {
    index.index(work(7, "Shared", "Quill", List.of("lighthouse keepers")));
    index.refresh();
    try (SearchIndex other = reopen(id -> List.of())) {
      assertThat(other.search(SearchQuery.of("lighthouse")).total()).isEqualTo(1);
    }
  }

  @Test
  void badNamesAndUnreachableServersGivePlainMessages() {
    assertThatThrownBy(
            () -> OpenSearchIndex.open(TestServers.openSearch(), "Bad/Name", WRANGLER, null))
        .isInstanceOf(QuireException.class)
        .hasMessageContaining("lower-case");
    assertThatThrownBy(() -> OpenSearchIndex.open("http://127.0.0.1:1", "quire", WRANGLER, null))
        .isInstanceOf(QuireException.class)
        .hasMessageContaining("Cannot reach OpenSearch");
  }
}

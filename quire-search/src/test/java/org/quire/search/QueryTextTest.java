package org.quire.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quire.search.QueryText.Clause;
import org.quire.search.QueryText.Field;
import org.quire.search.QueryText.Term;

class QueryTextTest {
  static List<Clause> parse(String s) {
    return QueryText.parse(s).clauses();
  }

  @Test
  void wordsPhrasesAndNegation() {
    assertThat(parse("little \"red witch\" -spike"))
        .containsExactly(
            new Clause(false, List.of(new Term(Field.ALL, "little", false, false))),
            new Clause(false, List.of(new Term(Field.ALL, "red witch", true, false))),
            new Clause(true, List.of(new Term(Field.ALL, "spike", false, false))));
  }

  @Test
  void orJoinsNeighboursAndPipesSplitAWord() {
    assertThat(parse("cave OR crypt")).hasSize(1);
    assertThat(parse("cave OR crypt").getFirst().anyOf()).hasSize(2);
    assertThat(parse("cave|crypt|tomb").getFirst().anyOf()).hasSize(3);
    assertThat(parse("OR cave")).hasSize(1);
  }

  @Test
  void fieldsPrefixesAndJunk() {
    assertThat(parse("character:\"Tony Stark\"").getFirst().anyOf())
        .containsExactly(new Term(Field.CHARACTER, "Tony Stark", true, false));
    assertThat(parse("witc*").getFirst().anyOf())
        .containsExactly(new Term(Field.ALL, "witc", false, true));
    // One letter is too short a prefix: taken as the letter.
    assertThat(parse("w*").getFirst().anyOf().getFirst().prefix()).isFalse();
    // Unknown fields are plain words.
    assertThat(parse("foo:bar").getFirst().anyOf().getFirst().field()).isEqualTo(Field.ALL);
    assertThat(parse("((( ))) * ? ~ \\")).isEmpty();
    assertThat(QueryText.parse("a ".repeat(5000)).clauses()).hasSize(QueryText.MAX_TERMS);
  }
}

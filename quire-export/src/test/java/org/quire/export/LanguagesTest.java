package org.quire.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguagesTest {
  @Test
  void namesBecomeTagsAndCodesBecomeNames() {
    assertThat(Languages.tag("English")).isEqualTo("en");
    assertThat(Languages.tag(" français ")).isEqualTo("fr");
    // Beyond the spellings listed: any language Java names in English.
    assertThat(Languages.tag("Welsh")).isEqualTo("cy");
    assertThat(Languages.tag("pt-BR")).isEqualTo("pt-br");
    assertThat(Languages.tag("Klingonese")).isEqualTo("und");
    assertThat(Languages.tag(null)).isEqualTo("und");
    assertThat(Languages.name("en")).isEqualTo("English");
    assertThat(Languages.name("DE")).isEqualTo("German");
    assertThat(Languages.name("English")).isEqualTo("English");
    assertThat(Languages.name(" zz ")).isEqualTo("zz");
    assertThat(Languages.name(null)).isEmpty();
  }
}

package dev.flightplan.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.functions.api.EntityTags;
import org.junit.jupiter.api.Test;

class EntityTagsTest {

  @Test
  void aVersionIsAQuotedTag() {
    assertThat(EntityTags.of(7)).isEqualTo("\"v7\"");
  }

  @Test
  void ifMatchReadsStrongWeakListsAndStar() {
    assertThat(EntityTags.parseIfMatch("\"v7\"").single()).hasValue(7);
    assertThat(EntityTags.parseIfMatch("W/\"v7\"").single()).hasValue(7);
    assertThat(EntityTags.parseIfMatch("\"v1\", \"v9\"").matches(9)).isTrue();
    assertThat(EntityTags.parseIfMatch("\"v1\", \"v9\"").single()).isEmpty();
    assertThat(EntityTags.parseIfMatch("*").matches(42)).isTrue();
    assertThat(EntityTags.parseIfMatch("*").single()).isEmpty();
  }

  @Test
  void foreignTagsMatchNothing() {
    for (String header : new String[] {"\"abc\"", "v7", "\"v\"", "\"vx\"", "\"v7", ""}) {
      assertThat(EntityTags.parseIfMatch(header).matches(7)).as(header).isFalse();
    }
  }
}

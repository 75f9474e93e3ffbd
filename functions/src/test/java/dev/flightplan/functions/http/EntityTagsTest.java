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
  void ifMatchReadsStrongTagsListsAndStar() {
    assertThat(EntityTags.parseIfMatch("\"v7\"").single()).hasValue(7);
    assertThat(EntityTags.parseIfMatch("\"v1\", \"v9\"").matches(9)).isTrue();
    assertThat(EntityTags.parseIfMatch("\"v1\", \"v9\"").matches(1)).isTrue();
    assertThat(EntityTags.parseIfMatch("\"v1\", \"v9\"").single()).isEmpty();
    assertThat(EntityTags.parseIfMatch("*").matches(42)).isTrue();
    assertThat(EntityTags.parseIfMatch("*").single()).isEmpty();
  }

  @Test
  void weakTagsNeverMatchBecauseIfMatchComparesStrongly() {
    assertThat(EntityTags.parseIfMatch("W/\"v7\"").matches(7)).isFalse();
    assertThat(EntityTags.parseIfMatch("W/\"v7\"").single()).isEmpty();
    assertThat(EntityTags.parseIfMatch("W/\"v7\", \"v8\"").matches(7)).isFalse();
    assertThat(EntityTags.parseIfMatch("W/\"v7\", \"v8\"").matches(8)).isTrue();
  }

  @Test
  void foreignTagsMatchNothing() {
    for (String header :
        new String[] {
          "\"abc\"", "v7", "\"v\"", "\"vx\"", "\"v7", "", "\"v+7\"", "\"v 7\"", "\"V7\""
        }) {
      assertThat(EntityTags.parseIfMatch(header).matches(7)).as(header).isFalse();
    }
  }
}

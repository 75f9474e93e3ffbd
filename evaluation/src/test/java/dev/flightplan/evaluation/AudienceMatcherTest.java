package dev.flightplan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.evaluation.Audience.Match;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AudienceMatcherTest {

  @Test
  void equalsMatchesTheWholeValueOnly() {
    Audience beta = new Audience("beta", Match.EQUALS, List.of("true"));

    assertThat(matches(beta, "beta", "true")).isTrue();
    assertThat(matches(beta, "beta", "TRUE")).isFalse();
    assertThat(matches(beta, "beta", "true ")).isFalse();
  }

  @Test
  void inMatchesAnyListedValue() {
    Audience regions = new Audience("region", Match.IN, List.of("eu-west-1", "eu-central-1"));

    assertThat(matches(regions, "region", "eu-central-1")).isTrue();
    assertThat(matches(regions, "region", "us-east-1")).isFalse();
  }

  @Test
  void startsWithMatchesAPrefix() {
    Audience internal = new Audience("account", Match.STARTS_WITH, List.of("int-"));

    assertThat(matches(internal, "account", "int-42")).isTrue();
    assertThat(matches(internal, "account", "int-")).isTrue();
    assertThat(matches(internal, "account", "ext-int-42")).isFalse();
  }

  @Test
  void endsWithMatchesASuffix() {
    Audience employees = new Audience("email", Match.ENDS_WITH, List.of("@example.com"));

    assertThat(matches(employees, "email", "ana@example.com")).isTrue();
    assertThat(matches(employees, "email", "ana@example.com.evil.io")).isFalse();
    assertThat(matches(employees, "email", "ana@EXAMPLE.com")).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Match.class)
  void aMissingAttributeNeverMatches(Match match) {
    Audience audience = new Audience("email", match, List.of(""));

    assertThat(AudienceMatcher.matches(audience, Map.of())).isFalse();
    assertThat(AudienceMatcher.matches(audience, Map.of("mail", ""))).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Match.class)
  void anAudienceWithoutValuesMatchesNobody(Match match) {
    Audience audience = new Audience("email", match, List.of());

    assertThat(AudienceMatcher.matches(audience, Map.of("email", ""))).isFalse();
  }

  private static boolean matches(Audience audience, String attribute, String value) {
    return AudienceMatcher.matches(audience, Map.of(attribute, value));
  }
}

package dev.flightplan.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class PageTokenTest {
  private static final Map<String, AttributeValue> KEY =
      Map.of(
          "id", AttributeValue.fromS("a/b:c ü"),
          "dueShard", AttributeValue.fromS("0"),
          "nextEvaluationAt", AttributeValue.fromN("1740992400.5"));

  @Test
  void aTokenDecodesToTheKeyItWasMadeOf() {
    String token = PageToken.encode("due", KEY);

    assertThat(token).doesNotContain("=", "+", "/");
    assertThat(PageToken.decode("due", token)).isEqualTo(KEY);
    assertThat(PageToken.decode("due", null)).isNull();
  }

  @Test
  void anotherQuerysTokenOrGarbageIsRefused() {
    String token = PageToken.encode("due", KEY);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> PageToken.decode("list:*", token))
        .withMessageContaining("not a page token of this query");
    assertThatIllegalArgumentException().isThrownBy(() -> PageToken.decode("due", "%%%"));
    assertThatIllegalArgumentException().isThrownBy(() -> PageToken.decode("due", "e30"));
  }

  @Test
  void instantsAreExactEpochSeconds() {
    for (String at :
        new String[] {
          "2025-03-03T09:00:00Z", "2025-03-03T09:00:00.5Z", "1969-12-31T23:59:59.000000001Z"
        }) {
      Instant instant = Instant.parse(at);
      assertThat(EpochSeconds.parse(EpochSeconds.format(instant))).isEqualTo(instant);
    }
    assertThat(EpochSeconds.format(Instant.parse("2025-03-03T09:00:00.250Z")))
        .isEqualTo("1740992400.25");
  }
}

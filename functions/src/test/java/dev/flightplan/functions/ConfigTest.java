package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:flightplan-prod";

  @Test
  void onlyTheTopicIsRequired() {
    Config config = Config.from(Map.of(Config.TOPIC_ARN, TOPIC));

    assertThat(config.tablePrefix()).isEqualTo("flightplan-");
    assertThat(config.tickPageSize()).isEqualTo(100);
    assertThat(config.namespace()).isEqualTo("Flightplan");
    assertThat(config.topics().arnFor("default")).isEqualTo(TOPIC);
    assertThat(config.topics().arnFor("payments")).isEqualTo(TOPIC);
  }

  @Test
  void readsEverySetting() {
    String payments = "arn:aws:sns:eu-west-1:123456789012:payments-oncall";
    Config config =
        Config.from(
            Map.of(
                Config.TOPIC_ARN, TOPIC,
                Config.TOPIC_ALIASES, "payments=" + payments,
                Config.TABLE_PREFIX, "fp-staging-",
                Config.TICK_PAGE_SIZE, "250",
                Config.METRICS_NAMESPACE, "Flightplan/Staging"));

    assertThat(config.tablePrefix()).isEqualTo("fp-staging-");
    assertThat(config.tickPageSize()).isEqualTo(250);
    assertThat(config.namespace()).isEqualTo("Flightplan/Staging");
    assertThat(config.topics().arnFor("payments")).isEqualTo(payments);
  }

  @Test
  void aMissingTopicSaysWhatIsExpected() {
    assertThatThrownBy(() -> Config.from(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "FLIGHTPLAN_TOPIC_ARN is not set; expected an SNS topic ARN"
                + " (arn:aws:sns:<region>:<account>:<name>); it has no default");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "FLIGHTPLAN_TOPIC_ARN      | arn:aws:sqs:eu-west-1:123456789012:q | an SNS topic ARN",
        "FLIGHTPLAN_TOPIC_ALIASES  | payments                            | alias=topicArn pairs",
        "FLIGHTPLAN_TOPIC_ALIASES  | ops=arn:aws:sns:eu-west-1:1:x        | alias=topicArn pairs",
        "FLIGHTPLAN_TICK_PAGE_SIZE | ten                                 | an integer from 1 to 1000",
        "FLIGHTPLAN_TICK_PAGE_SIZE | 0                                   | an integer from 1 to 1000",
        "FLIGHTPLAN_TICK_PAGE_SIZE | 1001                                | an integer from 1 to 1000",
        "FLIGHTPLAN_TABLE_PREFIX   | flight plan                         | letters, digits",
        "FLIGHTPLAN_METRICS_NAMESPACE | Flight%plan                      | 1 to 255 of letters"
      })
  void aBadValueNamesTheKeyTheValueAndWhatIsAllowed(String key, String value, String allowed) {
    Map<String, String> env = new HashMap<>(Map.of(Config.TOPIC_ARN, TOPIC));
    env.put(key, value);

    assertThatThrownBy(() -> Config.from(env))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo(key))
        .hasMessageStartingWith(key + "='" + value + "' is not allowed; expected ")
        .hasMessageContaining(allowed);
  }

  @Test
  void thePageTokenKeyIsOptionalAndNeverPrinted() {
    String key = "k".repeat(64);

    Config config = Config.from(Map.of(Config.TOPIC_ARN, TOPIC, Config.PAGE_TOKEN_KEY, key));

    assertThat(config.pageTokenKey()).isEqualTo(key);
    assertThat(config.toString()).doesNotContain(key);
    assertThat(Config.from(Map.of(Config.TOPIC_ARN, TOPIC)).pageTokenKey()).isNull();
  }

  @Test
  void aShortPageTokenKeyIsRefusedWithoutRepeatingIt() {
    String key = "short-secret";

    assertThatThrownBy(
            () -> Config.from(Map.of(Config.TOPIC_ARN, TOPIC, Config.PAGE_TOKEN_KEY, key)))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(Config.PAGE_TOKEN_KEY)
        .hasMessageContaining("32")
        .hasMessageNotContaining(key);
  }
}

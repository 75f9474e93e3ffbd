package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SnsTopicsTest {
  private static final String DEFAULT = "arn:aws:sns:eu-west-1:123456789012:flightplan";
  private static final String PAYMENTS = "arn:aws:sns:eu-west-1:123456789012:payments-oncall";

  @Test
  void defaultAndUnknownAliasesGoToTheDeploymentsTopic() {
    SnsTopics topics = SnsTopics.of(DEFAULT, Map.of("payments", PAYMENTS));

    assertThat(topics.arnFor("default")).isEqualTo(DEFAULT);
    assertThat(topics.arnFor(null)).isEqualTo(DEFAULT);
    assertThat(topics.arnFor("payments")).isEqualTo(PAYMENTS);
    assertThat(topics.arnFor("typo")).isEqualTo(DEFAULT);
    assertThat(topics.knows("typo")).isFalse();
  }

  @Test
  void aliasesAreParsedFromOneEnvironmentValue() {
    SnsTopics topics =
        SnsTopics.parse(DEFAULT, " payments = " + PAYMENTS + ",ops=" + DEFAULT + ".fifo");

    assertThat(topics.arnFor("payments")).isEqualTo(PAYMENTS);
    assertThat(topics.arnFor("ops")).isEqualTo(DEFAULT + ".fifo");
    assertThat(SnsTopics.parse(DEFAULT, "").arnFor("payments")).isEqualTo(DEFAULT);
  }

  @Test
  void aBadArnOrPairIsRefusedAtStartUpNamingTheAlias() {
    assertThatThrownBy(() -> SnsTopics.parse(DEFAULT, "payments=arn:aws:sqs:eu-west-1:1:q"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("topic alias 'payments'")
        .hasMessageContaining("not an SNS topic ARN");
    assertThatThrownBy(() -> SnsTopics.parse(DEFAULT, "payments"))
        .hasMessageContaining("'payments' is not alias=arn");
    assertThatThrownBy(() -> SnsTopics.of("flightplan")).hasMessageContaining("'default'");
  }

  @Test
  void fifoTopicsAreRecognisedByTheirSuffix() {
    assertThat(SnsTopics.isFifo(DEFAULT + ".fifo")).isTrue();
    assertThat(SnsTopics.isFifo(DEFAULT)).isFalse();
  }
}

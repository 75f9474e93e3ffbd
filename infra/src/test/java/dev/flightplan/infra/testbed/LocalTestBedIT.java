package dev.flightplan.infra.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test bed itself: both servers answer through the real SDK, on the loopback address. */
class LocalTestBedIT {
  private final LocalAws aws = LocalAws.get();

  @Test
  void dynamoDbLocalAnswersOnLoopback() {
    assertThat(aws.dynamoDbEndpoint().getHost()).isEqualTo("127.0.0.1");
    assertThat(aws.clients().dynamoDb().listTables().tableNames()).isNotNull();
  }

  @Test
  void theOtherServicesAnswer() {
    assertThat(aws.clients().cloudWatch().listMetrics().metrics()).isNotNull();
    assertThat(aws.clients().sns().listTopics().topics()).isNotNull();
  }
}

package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FanOutSettingsTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:flightplan-prod";
  private static final String QUEUE_URL =
      "https://sqs.eu-west-1.amazonaws.com/123456789012/flightplan-ShardQueue-Q1W2E3";

  @Test
  void theTickRunsInlineUnlessToldOtherwise() {
    assertThat(Config.from(Map.of(Config.TOPIC_ARN, TOPIC)).fanOut().toQueue()).isFalse();
    assertThat(
            Config.from(Map.of(Config.TOPIC_ARN, TOPIC, FanOutSettings.FAN_OUT, "inline"))
                .fanOut()
                .toQueue())
        .isFalse();
  }

  @Test
  void queueFanOutReadsTheWorkersQueue() {
    Config config =
        Config.from(
            Map.of(
                Config.TOPIC_ARN, TOPIC,
                FanOutSettings.FAN_OUT, "queue",
                FanOutSettings.SHARD_QUEUE_URL, QUEUE_URL));

    assertThat(config.fanOut().toQueue()).isTrue();
    assertThat(config.fanOut().queueUrl()).isEqualTo(QUEUE_URL);
    assertThat(config.toString()).contains("fanOut=" + QUEUE_URL);
  }

  @Test
  void queueFanOutWithoutAQueueNamesTheMissingKey() {
    assertThatThrownBy(
            () -> Config.from(Map.of(Config.TOPIC_ARN, TOPIC, FanOutSettings.FAN_OUT, "queue")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("FLIGHTPLAN_SHARD_QUEUE_URL is not set; expected the workers'");
  }

  @Test
  void theDueIndexHasSixteenShardsUnlessRaised() {
    assertThat(Config.from(Map.of(Config.TOPIC_ARN, TOPIC)).fanOut().dueShards()).isEqualTo(16);
    assertThat(
            Config.from(Map.of(Config.TOPIC_ARN, TOPIC, FanOutSettings.DUE_SHARDS, "64"))
                .fanOut()
                .dueShards())
        .isEqualTo(64);
    assertThatThrownBy(
            () -> Config.from(Map.of(Config.TOPIC_ARN, TOPIC, FanOutSettings.DUE_SHARDS, "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(
            "FLIGHTPLAN_DUE_SHARDS='0' is not allowed; expected an integer from 1 to 1000, never"
                + " lower than it was");
  }

  @Test
  void anUnknownModeSaysWhichAreAllowed() {
    assertThatThrownBy(
            () -> Config.from(Map.of(Config.TOPIC_ARN, TOPIC, FanOutSettings.FAN_OUT, "sqs")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("FLIGHTPLAN_TICK_FAN_OUT='sqs' is not allowed; expected inline or queue");
  }
}

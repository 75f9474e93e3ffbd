package dev.flightplan.infra.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.port.ShardTick;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShardMessagesTest {
  private final ShardTick tick = new ShardTick(Instant.parse("2026-11-24T09:01:00Z"), 7);

  @Test
  void aBodyReadsBackAsTheShardTickItWasWrittenFrom() {
    String body = ShardMessages.body(tick);

    assertThat(body).isEqualTo("{\"minute\":\"2026-11-24T09:01:00Z\",\"shard\":7}");
    assertThat(ShardMessages.parse(body)).isEqualTo(tick);
  }

  @Test
  void bodiesThatAreNoShardTickSayWhatOneLooksLike() {
    assertThatThrownBy(() -> ShardMessages.parse("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> ShardMessages.parse("{\"minute\":\"2026-11-24T09:01:00Z\"}"))
        .hasMessageContaining("\"shard\": <integer>");
    assertThatThrownBy(() -> ShardMessages.parse("{\"minute\":\"yesterday\",\"shard\":1}"))
        .hasMessageContaining("minute 'yesterday' is not an ISO-8601 instant");
    assertThatThrownBy(
            () -> ShardMessages.parse("{\"minute\":\"2026-11-24T09:01:30Z\",\"shard\":1}"))
        .hasMessageContaining("whole minute");
    assertThatThrownBy(
            () -> ShardMessages.parse("{\"minute\":\"2026-11-24T09:01:00Z\",\"shard\":-1}"))
        .hasMessageContaining("shard must be 0 or more");
    assertThatThrownBy(() -> ShardMessages.parse("x".repeat(2_000)))
        .hasMessageContaining("at most");
  }
}

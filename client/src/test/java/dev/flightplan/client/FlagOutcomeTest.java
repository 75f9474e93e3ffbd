package dev.flightplan.client;

import static dev.flightplan.client.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link FlagClient#outcome}: the evaluation's answer picked from outcomes built once. */
class FlagOutcomeTest {
  private static final List<Map<String, String>> CONTEXTS =
      List.of(
          Map.of(),
          Map.of("email", "ana@example.com"),
          Map.of("beta", "true"),
          Map.of("email", "ana@example.com", "beta", "true"));
  private final FakeSource source = new FakeSource();
  private final TestClock clock = new TestClock(Instant.parse("2025-03-03T09:00:00Z"));
  private final RecordingListener listener = new RecordingListener();
  private FlagClient client;

  @AfterEach
  void close() {
    client.close();
  }

  private void start() {
    client =
        FlagClient.builder()
            .source(source)
            .pollInterval(Duration.ofMillis(40))
            .staleAfter(Duration.ofMinutes(1))
            .clock(clock)
            .listener(listener)
            .build();
  }

  @Test
  void anOutcomeIsTheFullEvaluationButTheBucket() {
    source
        .put(InMemoryFlags.flag("search", 2_500, "beta", "staff"))
        .put(InMemoryFlags.flag("banner", 0))
        .put(InMemoryFlags.flag("checkout", 5_000, "beta"));
    start();

    for (String flag : List.of("search", "banner", "checkout")) {
      for (int i = 0; i < 400; i++) {
        Map<String, String> context = CONTEXTS.get(i % CONTEXTS.size());
        FlagResult full = client.evaluate(flag, "user-" + i, context);

        FlagOutcome outcome = client.outcome(flag, "user-" + i, context);

        assertThat(outcome)
            .as("%s for user-%d with %s", flag, i, context)
            .returns(full.enabled(), FlagOutcome::enabled)
            .returns(full.variant(), FlagOutcome::variant)
            .returns(full.reason(), FlagOutcome::reason)
            .returns(full.audience(), FlagOutcome::audience)
            .returns(full.metadata(), FlagOutcome::metadata);
      }
    }
  }

  @Test
  void theSameOutcomeComesBackUntilTheFlagChanges() {
    source.put(InMemoryFlags.flag("search", 10_000));
    start();
    FlagOutcome first = client.outcome("search", "user-1", Map.of());

    assertThat(client.outcome("search", "user-2", Map.of())).isSameAs(first);

    source.put(InMemoryFlags.flag("search", 9_999));
    await("the change", () -> !listener.changes.isEmpty());
    assertThat(client.outcome("search", "user-1", Map.of()))
        .isNotSameAs(first)
        .returns(9_999, o -> o.metadata().basisPoints());
  }

  @Test
  void aStaleSnapshotAnswersItsLastVariantsWithReasonStale() {
    source.put(InMemoryFlags.flag("search", 0, "staff"));
    start();
    source.failWith(new IllegalStateException("throttled"));

    clock.advance(Duration.ofMinutes(2));
    await("stale", () -> listener.calls.contains("stale"));

    assertThat(client.outcome("search", "u", Map.of("email", "ana@example.com")))
        .returns(true, FlagOutcome::enabled)
        .returns(EvaluationReason.STALE, FlagOutcome::reason)
        .returns("staff", FlagOutcome::audience);
    assertThat(client.outcome("search", "u", Map.of()))
        .returns(false, FlagOutcome::enabled)
        .returns(EvaluationReason.STALE, FlagOutcome::reason);
  }

  @Test
  void unknownUnreadableAndUnitlessAnswerTheDefault() {
    source.put(InMemoryFlags.flag("search", 10_000));
    source.unreadable("banner");
    start();

    assertThat(client.outcome("nope", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.UNKNOWN_FLAG);
    assertThat(client.outcome("banner", "u", Map.of()))
        .returns(EvaluationReason.ERROR, FlagOutcome::reason)
        .returns(false, FlagOutcome::enabled);
    assertThat(client.outcome("search", null, null).reason()).isEqualTo(EvaluationReason.ERROR);
    assertThat(client.outcome("search", "u", null).reason()).isEqualTo(EvaluationReason.PERCENTAGE);
  }

  @Test
  void anOutcomeAllocatesNothingOnceWarmEvenThroughAudiences() {
    source.put(InMemoryFlags.flag("search", 2_500, "beta", "staff"));
    start();
    String[] units = new String[64];
    for (int i = 0; i < units.length; i++) {
      units[i] = UUID.randomUUID().toString();
      client.outcome("search", units[i], CONTEXTS.get(i & 3));
    }
    int[] enabled = new int[1];

    long allocated =
        ThreadAllocations.leastPerRound(
            5,
            () -> {
              for (int i = 0; i < 10_000; i++) {
                FlagOutcome outcome = client.outcome("search", units[i & 63], CONTEXTS.get(i & 3));
                enabled[0] += outcome.enabled() ? 1 : 0;
              }
            });

    assertThat(allocated).isZero();
    assertThat(enabled[0]).isPositive();
  }
}

package dev.flightplan.client;

import static dev.flightplan.client.Eventually.await;
import static dev.flightplan.client.FakeSource.flag;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.evaluation.Bucketer;
import dev.flightplan.evaluation.FlagEvaluation.Variant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The refresh logic on a fake table: start, failures, staleness, changes, threads. */
class FlagClientTest {
  private static final Duration POLL = Duration.ofMillis(40);
  private final FakeSource source = new FakeSource();
  private final TestClock clock = new TestClock(Instant.parse("2025-03-03T09:00:00Z"));
  private final RecordingListener listener = new RecordingListener();
  private FlagClient client;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
  }

  private FlagClient start() {
    client =
        FlagClient.builder()
            .source(source)
            .pollInterval(POLL)
            .staleAfter(Duration.ofMinutes(1))
            .clock(clock)
            .listener(listener)
            .build();
    return client;
  }

  @Test
  void aFlagIsEvaluatedWithTheControllersBucketing() {
    source.put(flag("checkout", 2_500));
    start();

    FlagResult result = client.evaluate("checkout", "user-7", Map.of());

    int bucket = Bucketer.bucket("checkout", "r1", "user-7");
    assertThat(result.bucket()).isEqualTo(bucket);
    assertThat(result.enabled()).isEqualTo(bucket < 2_500);
    assertThat(client.isEnabled("checkout", "user-7")).isEqualTo(bucket < 2_500);
    assertThat(result.metadata().rolloutId()).isEqualTo("r1");
    assertThat(result.metadata().basisPoints()).isEqualTo(2_500);
    assertThat(client.status()).isEqualTo(FlagClientStatus.READY);
    assertThat(listener.calls).startsWith("ready");
  }

  @Test
  void theBooleanPathAllocatesNothingOnceWarm() {
    source.put(flag("checkout", 5_000));
    start();
    String[] units = new String[64];
    for (int i = 0; i < units.length; i++) {
      units[i] = UUID.randomUUID().toString();
      client.isEnabled("checkout", units[i]);
    }
    int[] enabled = new int[1];

    long allocated =
        ThreadAllocations.leastPerRound(
            5,
            () -> {
              for (int i = 0; i < 10_000; i++) {
                enabled[0] += client.isEnabled("checkout", units[i & 63]) ? 1 : 0;
              }
            });

    assertThat(allocated).isZero();
    assertThat(enabled[0]).isPositive();
  }

  @Test
  void anUnknownFlagAnswersTheDefaultWithItsReason() {
    source.put(flag("checkout", 10_000));
    start();

    FlagResult result = client.evaluate("nope", "user-1", Map.of());

    assertThat(result.reason()).isEqualTo(EvaluationReason.UNKNOWN_FLAG);
    assertThat(result.variant()).isEqualTo(Variant.BASELINE);
    assertThat(client.isEnabled("nope", "user-1")).isFalse();
  }

  @Test
  void beforeAnyGoodReadEvaluationsAnswerErrorAndTheDefault() {
    source.failWith(new IllegalStateException("table missing"));
    start();

    assertThat(client.evaluate("checkout", "user-1", Map.of()).reason())
        .isEqualTo(EvaluationReason.ERROR);
    assertThat(client.isEnabled("checkout", "user-1")).isFalse();
    assertThat(client.status()).isEqualTo(FlagClientStatus.ERROR);
    assertThat(client.snapshotAge()).isEmpty();
    assertThat(listener.calls).contains("error").doesNotContain("ready");
  }

  @Test
  void nullsNeverThrow() {
    source.put(flag("checkout", 10_000));
    start();

    assertThat(client.isEnabled(null, "u")).isFalse();
    assertThat(client.isEnabled("checkout", null)).isFalse();
    assertThat(client.isEnabled("checkout", "u", null)).isTrue();
    assertThat(client.evaluate("checkout", null, null).reason()).isEqualTo(EvaluationReason.ERROR);
  }

  @Test
  void theStartWaitsNoLongerThanItsTimeout() {
    source.put(flag("checkout", 10_000));
    source.hold();
    long started = System.nanoTime();
    client =
        FlagClient.builder()
            .source(source)
            .startTimeout(Duration.ofMillis(200))
            .listener(listener)
            .build();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(client.status()).isEqualTo(FlagClientStatus.NOT_READY);
    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.ERROR);

    source.release();
    await("the late read", () -> client.status() == FlagClientStatus.READY);
    assertThat(client.isEnabled("checkout", "u")).isTrue();
  }

  @Test
  void aFailedReadKeepsTheLastGoodSnapshotThenTurnsStaleThenRecovers() {
    source.put(flag("checkout", 10_000));
    start();
    source.failWith(new IllegalStateException("throttled"));
    int before = source.reads();
    await("a failed read", () -> source.reads() > before + 1);

    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);

    clock.advance(Duration.ofMinutes(2));
    await("stale", () -> listener.calls.contains("stale"));
    FlagResult stale = client.evaluate("checkout", "u", Map.of());
    assertThat(stale.reason()).isEqualTo(EvaluationReason.STALE);
    assertThat(stale.enabled()).isTrue();
    assertThat(client.status()).isEqualTo(FlagClientStatus.STALE);
    assertThat(client.snapshotAge()).hasValueSatisfying(a -> assertThat(a).isPositive());

    source.recover();
    await("recovered", () -> client.status() == FlagClientStatus.READY);
    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);
    assertThat(listener.count("ready")).isEqualTo(2);
    assertThat(listener.count("stale")).isEqualTo(1);
  }

  @Test
  void changesAreReportedOnlyWhenSomethingChanged() {
    source.put(flag("checkout", 100)).put(flag("search", 0));
    start();
    int before = source.reads();
    await("reads with no change", () -> source.reads() > before + 3);
    assertThat(listener.changes).isEmpty();

    source.put(flag("checkout", 200));
    source.remove("search");
    source.put(flag("banner", 10_000));
    await("a change", () -> !listener.changes.isEmpty());
    int after = source.reads();
    await("more reads", () -> source.reads() > after + 3);

    assertThat(listener.changes).containsExactly(Set.of("banner", "checkout", "search"));
  }

  @Test
  void anUnreadableItemKeepsThatFlagsLastGoodValue() {
    source.put(flag("checkout", 10_000)).put(flag("search", 10_000));
    start();

    source.unreadable("checkout");
    source.put(flag("search", 0));
    await("the next read", () -> !client.isEnabled("search", "u"));

    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);
    // The new snapshot is served before the listener hears of the unreadable item.
    await("the error", () -> listener.calls.contains("error"));
  }

  @Test
  void anItemUnreadableFromTheStartAnswersError() {
    source.put(flag("search", 10_000));
    source.unreadable("checkout");
    start();

    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.ERROR);
    assertThat(client.evaluate("search", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);
  }

  @Test
  void aSnapshotFileBootstrapsTheNextClient(@TempDir Path dir) throws Exception {
    source.put(flag("checkout", 10_000));
    start().writeSnapshot(dir.resolve("flags.json"));
    client.close();

    FakeSource down = new FakeSource();
    down.failWith(new IllegalStateException("no network"));
    client =
        FlagClient.builder().source(down).bootstrap(dir.resolve("flags.json")).clock(clock).build();

    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.PERCENTAGE);
    assertThat(client.status()).isEqualTo(FlagClientStatus.READY);
    clock.advance(Duration.ofMinutes(2));
    assertThat(client.evaluate("checkout", "u", Map.of()).reason())
        .isEqualTo(EvaluationReason.STALE);
  }

  @Test
  void aMissingBootstrapFileIsReportedAndSkipped(@TempDir Path dir) {
    source.put(flag("checkout", 10_000));
    client =
        FlagClient.builder()
            .source(source)
            .bootstrap(dir.resolve("absent.json"))
            .listener(listener)
            .build();

    assertThat(listener.calls).startsWith("error");
    assertThat(client.status()).isEqualTo(FlagClientStatus.READY);
    assertThat(Files.exists(dir.resolve("absent.json"))).isFalse();
  }

  @Test
  void closeLeavesNoThread() {
    source.put(flag("checkout", 10_000));
    start();
    assertThat(Eventually.refreshThreads()).isPositive();

    client.close();

    await("no refresh thread", () -> Eventually.refreshThreads() == 0);
    assertThat(client.isEnabled("checkout", "u")).isTrue(); // the last snapshot is still served
  }

  @Test
  void aSnapStartCheckpointStopsTheThreadAndARestoreReadsAgain() {
    source.put(flag("checkout", 10_000));
    start();

    client.suspend();
    await("no refresh thread", () -> Eventually.refreshThreads() == 0);
    int reads = source.reads();
    source.put(flag("checkout", 0));

    client.resume();

    assertThat(source.reads()).isGreaterThan(reads);
    assertThat(client.isEnabled("checkout", "u")).isFalse();
    assertThat(Eventually.refreshThreads()).isEqualTo(1);
  }

  @Test
  void withoutATableTheErrorNamesTheOption() {
    assertThatThrownBy(() -> FlagClient.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("table(")
        .hasMessageContaining(FlagClientBuilder.TABLE_ENV);
  }
}

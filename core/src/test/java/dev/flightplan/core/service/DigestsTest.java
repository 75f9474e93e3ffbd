package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.plan.Notify;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.state.Notification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Digests on a simulated clock: once per topic and period, never lost, from the tick alone. */
class DigestsTest {
  private static final String ALICE = World.ALICE;
  private static final Instant MONDAY_0900 = TestPlans.T0;
  private static final Instant TUESDAY = Instant.parse("2025-03-04T00:00:00Z");
  private static final Instant WEDNESDAY = Instant.parse("2025-03-05T00:00:00Z");

  private final TestClock clock = new TestClock(MONDAY_0900);
  private final InMemoryRolloutStore store = new InMemoryRolloutStore();
  private final InMemoryMetricsSource metrics = new InMemoryMetricsSource();
  private final InMemoryActuator actuator = new InMemoryActuator();
  private final TopicRecordingNotifier notifier = new TopicRecordingNotifier();
  private final RolloutCommands commands = new RolloutCommands(store, actuator, notifier, clock);
  private final Tick tick = new Tick(store, metrics, actuator, notifier, clock);

  @Test
  void aDailyDigestIsSentOncePerDayPerTopicAcrossTwoDaysOfTicks() {
    start("alpha", new Notify("search", Notify.Digest.DAILY));
    start("beta", new Notify("search", Notify.Digest.DAILY));
    start("gamma", new Notify("payments", Notify.Digest.DAILY));
    start("plain", Notify.DEFAULT);

    tickEvery(Duration.ofMinutes(7), WEDNESDAY.plus(Duration.ofHours(2)), true);

    List<Notification> search = digests("search");
    assertThat(search)
        .extracting(Notification::id)
        .containsExactly(
            "digest:search:daily:2025-03-03T00:00:00Z", "digest:search:daily:2025-03-04T00:00:00Z");
    assertThat(digests("payments"))
        .extracting(Notification::id)
        .containsExactly(
            "digest:payments:daily:2025-03-03T00:00:00Z",
            "digest:payments:daily:2025-03-04T00:00:00Z");
    assertThat(digests("default")).isEmpty();
    assertThat(search.get(0).message())
        .contains("alpha: RUNNING, phase 1 of 3: canary", "beta: RUNNING", "Exposure: 1%")
        .doesNotContain("gamma", "plain");
    assertThat(search.get(0).subject()).isEqualTo("[DIGEST] search 2025-03-03: 2 active rollouts");
    // Tuesday 15:00 the canary baked 30 hours: the advance is in Tuesday's digest, not sent alone.
    assertThat(search.get(1).message())
        .contains("alpha: RUNNING, phase 2 of 3: half", "Since the last digest: 1 change")
        .contains("ADVANCE: advanced to half (50%)");
    assertThat(notifier.sentTo("search", NotificationEvents.ADVANCE)).isEmpty();
    assertThat(notifier.sentTo("default", NotificationEvents.ADVANCE)).hasSize(1); // plain's
  }

  @Test
  void aNewContainerAfterTheSendDoesNotSendAgain() {
    start("alpha", new Notify("search", Notify.Digest.DAILY));
    clock.set(TUESDAY.plusSeconds(10));
    tick.run();
    assertThat(digests("search")).hasSize(1);

    Tick coldStart = new Tick(store, metrics, actuator, notifier, clock);
    clock.advance(Duration.ofMinutes(1));
    coldStart.run();

    assertThat(digests("search")).hasSize(1);
  }

  @Test
  void aFailedSendIsRetriedOnTheNextTickAndOnlyTheFailedTopicGoesAgain() {
    start("alpha", new Notify("search", Notify.Digest.DAILY));
    start("gamma", new Notify("payments", Notify.Digest.DAILY));
    clock.set(TUESDAY.plusSeconds(5));
    notifier.failNext(1); // topics go in name order: payments first

    tick.run();
    assertThat(digests("payments")).isEmpty();
    assertThat(digests("search")).hasSize(1);

    clock.advance(Duration.ofMinutes(1));
    tick.run();
    clock.advance(Duration.ofMinutes(1));
    tick.run();

    assertThat(digests("payments"))
        .extracting(Notification::id)
        .containsExactly("digest:payments:daily:2025-03-03T00:00:00Z");
    assertThat(digests("search")).hasSize(1);
  }

  @Test
  void hourlyDigestsCoverTheLastHourAndLeaveOutRolloutsCreatedSince() {
    start("alpha", new Notify("search", Notify.Digest.HOURLY));
    clock.set(MONDAY_0900.plus(Duration.ofMinutes(61)));
    start("late", new Notify("search", Notify.Digest.HOURLY));

    tickEvery(Duration.ofMinutes(5), MONDAY_0900.plus(Duration.ofMinutes(150)), false);

    List<Notification> search = digests("search");
    assertThat(search)
        .extracting(Notification::id)
        .containsExactly(
            "digest:search:hourly:2025-03-03T09:00:00Z",
            "digest:search:hourly:2025-03-03T10:00:00Z");
    assertThat(search.get(0).message()).contains("alpha:").doesNotContain("late:");
    assertThat(search.get(0).message())
        .contains("Since the last digest: 2 changes", "CREATE: created by", "START: started at");
    assertThat(search.get(1).message()).contains("alpha:", "late:");
    assertThat(search.get(1).subject())
        .isEqualTo("[DIGEST] search 2025-03-03 10:00 UTC: 2 active rollouts");
  }

  @Test
  void withADigestRollbacksAndPausesAreStillSentAtOnceAndRoutineEventsAreNot() {
    start("alpha", new Notify("search", Notify.Digest.DAILY));
    metrics.set("alpha", TestPlans.ERROR_RATE, TestPlans.errorRate(3));
    clock.advance(Duration.ofMinutes(1));
    tick.run();
    metrics.set("alpha", TestPlans.ERROR_RATE, TestPlans.errorRate(9));
    clock.advance(Duration.ofMinutes(1));
    tick.run();

    assertThat(notifier.sentTo("search", NotificationEvents.START)).isEmpty();
    assertThat(notifier.sentTo("search", NotificationEvents.PAUSE)).hasSize(1);
    assertThat(notifier.sentTo("search", NotificationEvents.ROLLBACK)).hasSize(1);
  }

  private void start(String id, Notify notify) {
    commands.create(DigestPlans.slow(id, notify), ALICE);
    metrics.set(id, TestPlans.ERROR_RATE, TestPlans.healthy());
    commands.start(id, ALICE);
  }

  /** Ticks every {@code step} until {@code end}; with duplicates, each minute's tick runs twice. */
  private void tickEvery(Duration step, Instant end, boolean duplicates) {
    while (clock.instant().isBefore(end)) {
      clock.advance(step);
      Instant scheduled = clock.instant();
      tick.run(scheduled);
      if (duplicates) {
        assertThat(tick.run(scheduled).duplicate()).isTrue();
      }
    }
  }

  private List<Notification> digests(String topic) {
    return notifier.sentTo(topic, NotificationEvents.DIGEST);
  }
}

package dev.flightplan.core.service;

import static dev.flightplan.core.decide.TestPlans.ratio;
import static dev.flightplan.core.decide.TestPlans.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.change.CommandRefusedException;
import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.decide.Decider;
import dev.flightplan.core.decide.Decision;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.evaluation.Exposure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The docs/design.md §2 example plan, read from its YAML, driven through the tick on in-memory
 * ports with a test clock and fake metrics.
 */
class DesignExampleScenarioTest {
  private static final String ID = "new-search-algorithm";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // Monday 3 March 2025, 10:00 in Berlin: inside the plan's MON–THU 09:00–16:00 window.
  private static final Instant MONDAY_MORNING = Instant.parse("2025-03-03T09:00:00Z");
  private static final Duration TICK = Duration.ofMinutes(15);

  private final World world = new World();
  private final Plan plan = designExample();

  @Test
  void startIsRefusedWhileChecklistItemsAreOpen() {
    world.commands.create(plan, World.ALICE);

    assertThatThrownBy(() -> world.commands.start(ID, World.ALICE))
        .isInstanceOf(CommandRefusedException.class)
        .hasMessageContaining("checklist")
        .hasMessageContaining("on-call");
    assertThat(world.get(ID).state().status()).isEqualTo(RolloutStatus.DRAFT);
  }

  @Test
  void walksFromDraftToCompletedAlongThePlanInsideTheWindow() {
    start(healthy());

    Instant deadline = MONDAY_MORNING.plus(Duration.ofDays(42));
    while (world.get(ID).state().status() != RolloutStatus.COMPLETED
        && world.clock.instant().isBefore(deadline)) {
      if (world.get(ID).state().status() == RolloutStatus.AWAITING_APPROVAL) {
        world.commands.approve(ID, World.BOB);
      }
      world.tickAfter(TICK);
    }

    assertThat(world.get(ID).state().status()).isEqualTo(RolloutStatus.COMPLETED);
    // beta, the first step after start, needs an approval before the controller moves to it.
    assertThat(actions())
        .containsSubsequence("START", "AWAITING_APPROVAL", "APPROVED", "ADVANCE", "COMPLETE");
    assertThat(advancedTo())
        .containsExactly("beta", "standard-5", "standard-25", "all")
        .as("phases are walked in order, none skipped");
    assertThat(exposures())
        .containsExactly(
            new Exposure(0, Set.of("employees")),
            new Exposure(0, Set.of("employees", "beta")),
            new Exposure(500, Set.of("employees", "beta")),
            new Exposure(2_500, Set.of("employees", "beta")),
            new Exposure(10_000, Set.of("employees", "beta")));
    for (HistoryEntry entry : world.history(ID)) {
      if (entry.action().equals("ADVANCE") || entry.action().equals("COMPLETE")) {
        assertThat(plan.window().isOpen(entry.at())).as("%s at %s", entry, entry.at()).isTrue();
      }
    }
    HistoryEntry approval = only("APPROVED");
    assertThat(approval.actor()).isEqualTo(World.BOB);
    // internal bakes 48h, beta 72h (so it waits for Monday), then 1d and 2d.
    assertThat(local(only("COMPLETE").at()).toLocalDate())
        .isAfter(local(MONDAY_MORNING).toLocalDate().plusDays(9));
  }

  @Test
  void rollsBackAtTheFirstSustainedBreachEvenAtNight() {
    start(healthy());
    world.tickAfter(TICK);
    // Saturday night: outside the plan's window.
    world.clock.set(Instant.parse("2025-03-08T23:00:00Z"));
    world.metrics.set(ID, "error_rate", ratio(620, 10_000, 20, 10_000));

    // 6.2% also breaches the 0.5% pause gate, which has no `for`: it pauses at once, and the
    // rollback gate still takes it back from PAUSED once the breach has lasted 10 minutes.
    world.tickAfter(Duration.ofMinutes(1));
    assertThat(world.get(ID).state().status()).isEqualTo(RolloutStatus.PAUSED);
    world.tickAfter(Duration.ofMinutes(5));
    assertThat(world.get(ID).state().status())
        .as("breaching for 5m of 10m")
        .isEqualTo(RolloutStatus.PAUSED);
    world.tickAfter(Duration.ofMinutes(5));

    assertThat(world.get(ID).state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(world.actuator.exposure(ID)).isEqualTo(Exposure.NONE);
    HistoryEntry rollback = only("ROLLBACK");
    assertThat(rollback.gate()).isEqualTo("error_rate-rollback");
    assertThat(rollback.actor()).isEqualTo("controller");
    assertThat(rollback.values()).containsEntry("error_rate.candidate", 0.062);
    assertThat(world.sent(ID, NotificationEvents.ROLLBACK)).hasSize(1);
  }

  @Test
  void pausesOnAPauseGateAndWaitsForAPerson() {
    start(healthy());
    world.metrics.set(ID, "error_rate", ratio(100, 10_000, 20, 10_000));

    world.tickAfter(TICK);

    assertThat(world.get(ID).state().status()).isEqualTo(RolloutStatus.PAUSED);
    assertThat(only("PAUSE").gate()).isEqualTo("error_rate-pause");
    assertThat(world.sent(ID, NotificationEvents.PAUSE)).hasSize(1);
    world.metrics.set(ID, "error_rate", ratio(2, 1000, 2, 1000));
    world.tickAfter(Duration.ofDays(3));
    assertThat(world.get(ID).state().status())
        .as("healthy again, still paused")
        .isEqualTo(RolloutStatus.PAUSED);
  }

  @Test
  void holdsOnMissingDataPastTheBake() {
    start(healthy());
    world.metrics.clear(ID);
    world.metrics.set(ID, "error_rate", ratio(2, 1000, 2, 1000));
    world.metrics.set(ID, "latency_p95", values(100, 100, 1000));

    world.tickAfter(Duration.ofHours(49));

    assertThat(world.get(ID).state().phase()).isZero();
    assertThat(world.get(ID).state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(decisionNow()).isInstanceOf(Decision.Hold.class);
    assertThat(decisionNow().reason()).contains("search_quality");
  }

  @Test
  void tooFewSamplesHoldAndNeverRollBack() {
    start(healthy());
    // Half the requests fail, but there are only 40 of them.
    world.metrics.set(ID, "error_rate", ratio(20, 40, 0, 40));

    for (int i = 0; i < 8; i++) {
      world.tickAfter(Duration.ofMinutes(5));
    }
    world.tickAfter(Duration.ofHours(48));

    assertThat(world.get(ID).state().status()).isEqualTo(RolloutStatus.RUNNING);
    assertThat(world.get(ID).state().phase()).isZero();
    assertThat(decisionNow().reason()).contains("error_rate").contains("40");
  }

  private void start(List<Reading> readings) {
    world.clock.set(MONDAY_MORNING);
    world.commands.create(plan, World.ALICE);
    readings.forEach(r -> world.metrics.set(ID, r.metric(), r.reading()));
    for (String item : plan.checklist()) {
      world.commands.checklistDone(ID, item, World.ALICE);
    }
    world.commands.start(ID, World.ALICE);
  }

  private record Reading(String metric, MetricReading reading) {}

  private static List<Reading> healthy() {
    return List.of(
        new Reading("error_rate", ratio(2, 1000, 2, 1000)),
        new Reading("latency_p95", values(100, 100, 1000)),
        new Reading("search_quality", values(0.91, 0.90, 1000)));
  }

  /** What the controller would decide now; holds are not stored, so ask the rules. */
  private Decision decisionNow() {
    Rollout rollout = world.get(ID);
    Instant now = world.clock.instant();
    Observations seen = world.metrics.observe(List.of(rollout), now).get(ID);
    return Decider.decide(rollout.plan(), rollout.state(), seen, now);
  }

  private List<String> actions() {
    return world.history(ID).stream().map(HistoryEntry::action).toList();
  }

  private List<String> advancedTo() {
    return world.history(ID).stream()
        .filter(e -> e.action().equals("ADVANCE"))
        .map(e -> plan.phases().get(e.phase()).name())
        .toList();
  }

  private List<Exposure> exposures() {
    return world.actuator.applied().stream().map(a -> a.exposure()).distinct().toList();
  }

  private HistoryEntry only(String action) {
    List<HistoryEntry> found =
        world.history(ID).stream().filter(e -> e.action().equals(action)).toList();
    assertThat(found).as("history entries %s", action).hasSize(1);
    return found.get(0);
  }

  private static ZonedDateTime local(Instant at) {
    return at.atZone(BERLIN);
  }

  private static Plan designExample() {
    try (InputStream in =
        DesignExampleScenarioTest.class.getResourceAsStream("/plans/good/design-example.yaml")) {
      return PlanReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}

package dev.flightplan.core.simulate;

import static dev.flightplan.core.simulate.DesignTraces.MONDAY_MORNING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.RolloutStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The docs/design.md §2 example plan replayed on generated traces. */
class SimulatorTest {
  private static final Simulator.Options AUTO = new Simulator.Options(null, true);
  private final Plan plan = designExample();

  @Test
  void aHealthyTraceCompletesWithApprovalsGrantedAutomatically() {
    Simulation run = Simulator.run(plan, DesignTraces.healthy(Duration.ofDays(14)), AUTO);

    assertThat(run.summary().outcome()).isEqualTo(SimulationOutcome.COMPLETED);
    assertThat(decisions(run))
        .containsSubsequence("START", "AWAITING_APPROVAL", "APPROVED", "ADVANCE", "COMPLETE");
    assertThat(run.timeline())
        .filteredOn(e -> e.decision().equals("ADVANCE"))
        .extracting(TimelineEntry::phase)
        .containsExactly("beta", "standard-5", "standard-25", "all");
    TimelineEntry approve = only(run, "APPROVED");
    assertThat(approve.actor()).isEqualTo(Simulator.ACTOR);
    TimelineEntry complete = only(run, "COMPLETE");
    assertThat(run.summary().outcomeTime()).isEqualTo(complete.time());
    assertThat(run.summary().percent()).isEqualTo(100.0);
    assertThat(complete.time()).isAfter(MONDAY_MORNING.plus(Duration.ofDays(9)));
  }

  @Test
  void aFaultRollsBackAtTheFirstSustainedBreach() {
    Instant fault = Instant.parse("2025-03-04T12:00:00Z");

    Simulation run = Simulator.run(plan, DesignTraces.withFault(Duration.ofDays(3), fault), AUTO);

    assertThat(run.summary().outcome()).isEqualTo(SimulationOutcome.ROLLED_BACK);
    // 8% errors pause at once (the 0.5% gate has no `for`). A test that began after the fault
    // judges only faulty minutes, so the rate is past 5% (and significant) three minutes in, not
    // once seven faulty minutes outweigh the healthy ones in the window; ten minutes later the
    // breach is sustained.
    TimelineEntry pause = only(run, "PAUSE");
    assertThat(pause.time()).isEqualTo(fault.plus(Duration.ofMinutes(1)));
    assertThat(pause.gate()).isEqualTo("error_rate-pause");
    TimelineEntry rollback = only(run, "ROLLBACK");
    assertThat(rollback.time()).isEqualTo(fault.plus(Duration.ofMinutes(13)));
    assertThat(rollback.gate()).isEqualTo("error_rate-rollback");
    assertThat(rollback.actor()).isEqualTo("controller");
    assertThat(rollback.percent()).isZero();
    assertThat(rollback.values()).containsKey("error_rate.candidate");
    assertThat(run.summary().outcomeTime()).isEqualTo(rollback.time());
    assertThat(run.summary().reason()).isEqualTo(rollback.reason()).contains("for 10m");
  }

  @Test
  void withoutAutoApprovalItStopsAwaitingApproval() {
    Simulation run =
        Simulator.run(
            plan, DesignTraces.healthy(Duration.ofDays(3)), new Simulator.Options(null, false));

    assertThat(run.summary().outcome()).isEqualTo(SimulationOutcome.RUNNING);
    assertThat(run.summary().status()).isEqualTo(RolloutStatus.AWAITING_APPROVAL);
    assertThat(run.summary().reason()).contains("waiting for approval of", "beta");
    assertThat(run.summary().until()).isEqualTo(MONDAY_MORNING.plus(Duration.ofDays(3)));
    assertThat(run.summary().outcomeTime()).isEqualTo(run.summary().until());
    assertThat(decisions(run)).doesNotContain("APPROVED").endsWith("AWAITING_APPROVAL");
  }

  @Test
  void aTraceEndingMidBakeIsStillRunningAndSaysWhy() {
    Instant start = MONDAY_MORNING.plus(Duration.ofHours(1));

    Simulation run =
        Simulator.run(
            plan, DesignTraces.healthy(Duration.ofHours(5)), new Simulator.Options(start, true));

    assertThat(run.timeline().get(0).time()).isEqualTo(start);
    assertThat(run.summary().from()).isEqualTo(start);
    assertThat(run.summary().outcome()).isEqualTo(SimulationOutcome.RUNNING);
    assertThat(run.summary().phase()).isEqualTo("internal");
    assertThat(run.summary().reason()).startsWith("the trace ended; baking phase internal");
  }

  private static List<String> decisions(Simulation run) {
    return run.timeline().stream().map(TimelineEntry::decision).toList();
  }

  private static TimelineEntry only(Simulation run, String decision) {
    List<TimelineEntry> found =
        run.timeline().stream().filter(e -> e.decision().equals(decision)).toList();
    assertThat(found).as(decision).hasSize(1);
    return found.get(0);
  }

  static Plan designExample() {
    try (InputStream in =
        SimulatorTest.class.getResourceAsStream("/plans/good/design-example.yaml")) {
      return PlanReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

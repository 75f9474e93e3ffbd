package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.functions.events.UnrecognizedEventException;
import dev.flightplan.functions.observe.HandlerMetrics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scheduled tick, from the {@code events/controller} fixtures. */
class ControllerHandlerTest {
  private final Handlers h = new Handlers();

  @ParameterizedTest
  @ValueSource(strings = {"controller/scheduler-input", "controller/scheduled-event", "both"})
  void advancesThePhasesAcrossSimulatedMinutes(String trigger) {
    h.running("search", "[search-5xx-critical]");
    h.metricsSource.set("search", "error_rate", TestPlans.healthy());
    List<Integer> phases = new ArrayList<>();

    for (int minute = 1; minute <= 25; minute++) {
      h.clock.advance(Duration.ofMinutes(1));
      Map<String, Object> summary = h.invokeController(event(trigger, minute));
      assertThat(summary).containsEntry("minute", now().toString()).containsEntry("failed", 0);
      phases.add(h.store.get("search").orElseThrow().state().phase());
    }

    // Ten minutes of bake per phase: phase 1 from minute 10, phase 2 from minute 20, then done.
    assertThat(phases.subList(0, 9)).containsOnly(0);
    assertThat(phases.get(9)).isEqualTo(1);
    assertThat(phases.get(19)).isEqualTo(2);
    assertThat(h.status("search")).isEqualTo(RolloutStatus.COMPLETED);
    assertThat(h.actuator.exposure("search").basisPoints()).isEqualTo(10_000);
    double advances =
        h.metrics.flushed().stream().mapToDouble(m -> m.get(HandlerMetrics.ADVANCED).value()).sum();
    assertThat(advances).isEqualTo(2);
  }

  @Test
  void theSameMinuteTwiceIsHandledOnce() {
    h.running("search", "[search-5xx-critical]");
    h.clock.advance(Duration.ofSeconds(75));
    Map<String, Object> event = event("controller/scheduler-input", 1);

    Map<String, Object> first = h.invokeController(event);
    Map<String, Object> second = h.invokeController(event);

    assertThat(first).containsEntry("duplicate", false).containsEntry("evaluated", 1);
    assertThat(second).containsEntry("duplicate", true).containsEntry("evaluated", 0);
    assertThat(h.metrics.last().get(HandlerMetrics.DUPLICATE_TICKS).value()).isEqualTo(1);
  }

  @Test
  void emitsEveryTickMetric() {
    h.running("search", "[search-5xx-critical]");
    h.metricsSource.set("search", "error_rate", TestPlans.errorRate(7));
    h.clock.advance(Duration.ofMinutes(1));

    Map<String, Object> summary = h.invokeController(event("controller/scheduled-event", 1));

    assertThat(summary).containsEntry("rolledBack", 1).containsEntry("evaluated", 1);
    assertThat(h.metrics.last())
        .containsKeys(
            HandlerMetrics.EVALUATED,
            HandlerMetrics.ADVANCED,
            HandlerMetrics.PAUSED,
            HandlerMetrics.ROLLED_BACK,
            HandlerMetrics.COMPLETED,
            HandlerMetrics.FAILED,
            HandlerMetrics.TICK_DURATION);
    assertThat(h.metrics.last().get(HandlerMetrics.ROLLED_BACK).value()).isEqualTo(1);
    assertThat(h.status("search")).isEqualTo(RolloutStatus.ROLLED_BACK);
  }

  @Test
  void aRolloutWhosePlanDoesNotReadIsCountedAsQuarantinedAndTheOthersGoOn() {
    h.running("search", "[search-5xx-critical]");
    h.running("broken", "[search-5xx-critical]");
    h.store.corruptPlan("broken", "phases[0].bake: not a duration");
    h.metricsSource.set("search", "error_rate", TestPlans.errorRate(7));
    h.clock.advance(Duration.ofMinutes(1));

    Map<String, Object> summary = h.invokeController(event("controller/scheduled-event", 1));

    assertThat(summary)
        .containsEntry("quarantined", 1)
        .containsEntry("rolledBack", 1)
        .containsEntry("failed", 0);
    assertThat(h.metrics.last().get(HandlerMetrics.QUARANTINED).value()).isEqualTo(1);
    assertThat(h.status("search")).isEqualTo(RolloutStatus.ROLLED_BACK);
  }

  @ParameterizedTest
  @ValueSource(strings = {"alarm/sns-alarm", "alarm/eventbridge-alarm-state-change"})
  void anotherTriggersEventFailsLoudly(String fixture) {
    assertThatThrownBy(() -> h.invokeController(Handlers.event(fixture)))
        .isInstanceOf(UnrecognizedEventException.class)
        .hasMessageContaining("not a schedule event");
  }

  @Test
  void aSchedulerInputWithoutAUsableTimeFails() {
    Map<String, Object> blank = Handlers.event("controller/scheduler-input");
    blank.remove("scheduledTime");
    Map<String, Object> unresolved = Handlers.event("controller/scheduler-input");
    unresolved.put("scheduledTime", "<aws.scheduler.scheduled-time>");

    assertThatThrownBy(() -> h.invokeController(blank)).hasMessageContaining("scheduledTime");
    assertThatThrownBy(() -> h.invokeController(unresolved))
        .hasMessageContaining("not an ISO-8601 instant");
  }

  private Instant now() {
    return h.clock.instant().truncatedTo(ChronoUnit.MINUTES);
  }

  /** The fixture of {@code trigger} for the current minute ("both" alternates them). */
  private Map<String, Object> event(String trigger, int minute) {
    boolean scheduler =
        trigger.equals("controller/scheduler-input") || (trigger.equals("both") && minute % 2 == 0);
    Map<String, Object> event =
        Handlers.event(scheduler ? "controller/scheduler-input" : "controller/scheduled-event");
    event.put(scheduler ? "scheduledTime" : "time", now().toString());
    return event;
  }
}

package dev.flightplan.functions;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryMetricsSource;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.TestClock;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The controller and alarm handlers over in-memory ports and a test clock, fed the {@code
 * events/controller} and {@code events/alarm} fixtures the way the Lambda runtime reads them.
 */
public final class Handlers {
  public static final String ACTOR =
      "arn:aws:sts::123456789012:assumed-role/FlightplanEngineers/ana";

  /** The minute of the fixtures' alarm state changes. */
  public static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");

  public final TestClock clock = new TestClock(T0);
  public final InMemoryRolloutStore store = new InMemoryRolloutStore();
  public final InMemoryMetricsSource metricsSource = new InMemoryMetricsSource();
  public final InMemoryActuator actuator = new InMemoryActuator();
  public final RecordingNotifier notifier = new RecordingNotifier();
  public final RecordingMetrics metrics = new RecordingMetrics();
  public final Wiring wiring =
      InMemoryWiring.over(clock, store, metricsSource, actuator, notifier).withMetrics(metrics);
  public final ControllerHandler controller = new ControllerHandler(wiring);
  public final AlarmHandler alarm = new AlarmHandler(wiring);

  /** A fixture from {@code events/}, e.g. {@code "alarm/sns-alarm"}, as the handlers take it. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> event(String name) {
    return new HashMap<>(EventLoader.loadEvent("events/" + name + ".json", Map.class));
  }

  public Map<String, Object> invokeAlarm(String fixture) {
    return alarm.handleRequest(event(fixture), new FakeContext("alarm-request-1"));
  }

  public Map<String, Object> invokeAlarm(Map<String, Object> event) {
    return alarm.handleRequest(event, new FakeContext("alarm-request-1"));
  }

  public Map<String, Object> invokeController(Map<String, Object> event) {
    return controller.handleRequest(event, new FakeContext("controller-request-1"));
  }

  /** A started rollout of a flag, bound to {@code alarms} (a YAML list). */
  public Rollout running(String id, String alarms) {
    created(id, alarms);
    return wiring.commands().start(id, ACTOR);
  }

  /** A rollout in DRAFT, bound to {@code alarms} (a YAML list). */
  public Rollout created(String id, String alarms) {
    Plan plan =
        PlanReader.read(
            """
            rollout: %s
            target: { type: flag, flag: %s }
            phases:
              - { name: canary, percent: 1, bake: 10m }
              - { name: half, percent: 50, bake: 10m }
              - { name: all, percent: 100 }
            metrics:
              error_rate:
                namespace: Search
                ratio: { numerator: Errors, denominator: Invocations }
                dimensions: { Service: %s, Variant: "${variant}" }
            gates:
              - { metric: error_rate, op: ">", threshold: 5%%, action: rollback }
            alarms: %s
            """
                .formatted(id, id, id, alarms));
    return wiring.commands().create(plan, ACTOR);
  }

  public RolloutStatus status(String id) {
    return store.get(id).orElseThrow().state().status();
  }
}

package dev.flightplan.cli.simulate;

import static dev.flightplan.cli.CliHarness.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.memory.InMemoryActuator;
import dev.flightplan.core.port.memory.InMemoryRolloutStore;
import dev.flightplan.core.port.memory.RecordingNotifier;
import dev.flightplan.core.service.RolloutCommands;
import dev.flightplan.core.service.Tick;
import dev.flightplan.core.simulate.SimulatedClock;
import dev.flightplan.core.simulate.Trace;
import dev.flightplan.core.simulate.TraceMetricsSource;
import dev.flightplan.core.simulate.TraceReader;
import dev.flightplan.core.state.RolloutStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One trace fed to {@code flightplan simulate} and to the controller wired by hand to in-memory
 * adapters: the controller's decisions must be the same, at the same times.
 */
class SimulateParityTest {
  private static final String PLAN = resource("plans/new-search-algorithm.yaml");

  record Decided(String time, String decision, String gate) {}

  @ParameterizedTest
  @ValueSource(strings = {"traces/search-fault.csv", "traces/healthy.csv"})
  void simulateDecidesAsTheControllerDoes(String trace) throws IOException {
    List<Decided> controller = controller(resource(trace));

    assertThat(simulate(resource(trace))).isEqualTo(controller);
    assertThat(controller).isNotEmpty();
  }

  private static List<Decided> simulate(String trace) throws IOException {
    Run run = CliHarness.run("simulate", "-f", PLAN, "--metrics", trace, "-o", "json");
    assertThat(run.exit()).as(run.err()).isZero();
    List<Decided> decided = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      JsonNode node = new ObjectMapper().readTree(line);
      if (node.path("actor").asText().equals("controller")) {
        decided.add(
            new Decided(
                node.get("time").asText(),
                node.get("decision").asText(),
                node.get("gate").isNull() ? null : node.get("gate").asText()));
      }
    }
    return decided;
  }

  /** The controller as deployed, driven minute by minute, with a person approving at once. */
  private static List<Decided> controller(String tracePath) throws IOException {
    Plan plan = PlanReader.read(Files.readString(Path.of(PLAN)));
    Trace trace = TraceReader.read(Files.readString(Path.of(tracePath)));
    SimulatedClock clock = new SimulatedClock(trace.first());
    InMemoryRolloutStore store = new InMemoryRolloutStore();
    InMemoryActuator actuator = new InMemoryActuator();
    RecordingNotifier notifier = new RecordingNotifier();
    RolloutCommands commands = new RolloutCommands(store, actuator, notifier, clock);
    Tick tick = new Tick(store, new TraceMetricsSource(trace), actuator, notifier, clock);
    commands.create(plan, "alice");
    plan.checklist().forEach(item -> commands.checklistDone(plan.id(), item, "alice"));
    commands.start(plan.id(), "alice");
    Instant end = trace.last().plus(Duration.ofMinutes(1));
    while (clock.instant().isBefore(end) && !status(store, plan).isTerminal()) {
      clock.advance(Duration.ofMinutes(1));
      tick.run();
      if (status(store, plan) == RolloutStatus.AWAITING_APPROVAL) {
        commands.approve(plan.id(), "alice");
      }
    }
    return store.history(plan.id()).stream()
        .filter(e -> e.actor().equals("controller"))
        .map(e -> new Decided(e.at().toString(), e.action(), e.gate()))
        .toList();
  }

  private static RolloutStatus status(InMemoryRolloutStore store, Plan plan) {
    return store.get(plan.id()).orElseThrow().state().status();
  }
}

package dev.flightplan.bench.quality;

import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.Phase;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.simulate.Simulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The plan under test ({@code plan.yaml} beside this class) and the timings the report derives from
 * it: when its middle phases run if nothing holds them, how long a rollout may take, and how soon a
 * regression has to be rolled back.
 */
public final class ReportPlan {
  private static final String RESOURCE = "plan.yaml";

  /** Where the plan lives on the class path. */
  static final String RESOURCE_PATH =
      ReportPlan.class.getPackageName().replace('.', '/') + "/" + RESOURCE;

  private final Plan plan;

  private ReportPlan(Plan plan) {
    this.plan = plan;
  }

  public static ReportPlan load() {
    try (InputStream in = ReportPlan.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the class path");
      }
      return new ReportPlan(PlanReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Plan plan() {
    return plan;
  }

  /** Minutes from the start to the end of the last bake, when no phase is held. */
  public int nominalMinutes() {
    return (int)
        plan.phases().stream().map(Phase::bake).reduce(Duration.ZERO, Duration::plus).toMinutes();
  }

  /** The first minute of the second phase: regressions start no earlier. */
  public int middlePhasesFrom() {
    return (int) plan.phases().get(0).bake().toMinutes();
  }

  /** The first minute of the last phase, when no phase is held: regressions start before it. */
  public int middlePhasesUntil() {
    return nominalMinutes() - (int) plan.phases().get(plan.lastPhase()).bake().toMinutes();
  }

  /**
   * The longest a regression may take to be rolled back: the {@code for} of the metric's rollback
   * gate plus two evaluations.
   */
  public int deadlineMinutes(Regression.Kind kind) {
    Duration sustain = rollbackGate(kind.metric()).sustain();
    return (int) sustain.plus(Simulator.STEP.multipliedBy(2)).toMinutes();
  }

  public List<Gate> gates() {
    return plan.gates();
  }

  private Gate rollbackGate(String metric) {
    return plan.gates().stream()
        .filter(g -> g.metric().equals(metric) && g.action() == GateAction.ROLLBACK)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the plan has no rollback gate on " + metric));
  }
}

package dev.flightplan.core.decide;

import dev.flightplan.core.gate.EvidenceWindow;
import dev.flightplan.core.gate.GateEvaluator;
import dev.flightplan.core.gate.GateResult;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.TestSegments;
import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.plan.Gate;
import dev.flightplan.core.plan.GateAction;
import dev.flightplan.core.plan.MetricSpec;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.Threshold;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.evaluation.Exposure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every gate of a plan judged at one moment, with its updated streak. Indexes follow the plan's
 * gate order, so the first gate a rule finds is the first the plan lists.
 */
final class GateRound {
  private final List<Gate> gates;
  private final GateResult[] results;
  private final GateStreak[] streaks;
  private final Observations observations;
  private final Instant now;

  private GateRound(Plan plan, RolloutState state, Observations observations, Instant now) {
    this.gates = plan.gates();
    this.results = new GateResult[gates.size()];
    this.streaks = new GateStreak[gates.size()];
    this.observations = observations;
    this.now = now;
    int[] tested = testedByAction(plan);
    int phases = Math.max(1, plan.phases().size());
    for (int i = 0; i < results.length; i++) {
      Gate gate = gates.get(i);
      MetricSpec spec = plan.metrics().get(gate.metric());
      int family = phases * Math.max(1, tested[gate.action().ordinal()]);
      MetricReading reading = observations.get(gate.metric());
      results[i] =
          spec == null
              ? GateEvaluator.evaluate(gate, reading, null)
              : exposesEveryone(plan, state) && noBaseline(gate, reading)
                  ? nothingToCompare(gate)
                  : GateEvaluator.evaluate(
                      gate,
                      reading,
                      spec.unit(),
                      segments(plan, state, spec, family),
                      EvidenceWindow.end(spec, now));
      GateStreak before = state.gates().getOrDefault(gate.name(), GateStreak.CLEAR);
      streaks[i] = next(before, results[i].verdict(), now);
    }
  }

  private static boolean exposesEveryone(Plan plan, RolloutState state) {
    int phase = state.phase();
    return phase >= 0
        && phase <= plan.lastPhase()
        && plan.exposureAt(phase).basisPoints() == Exposure.ALL;
  }

  private static boolean noBaseline(Gate gate, MetricReading reading) {
    return gate.threshold() instanceof Threshold.Relative
        && reading instanceof MetricReading.Values values
        && (values.baseline() == null || Double.isNaN(values.baseline().value()));
  }

  /**
   * At 100% no unit sees the baseline, so a relative gate has nothing to compare with; it stood
   * guard in every earlier phase, and absolute gates and alarms still watch this one. Holding on it
   * would keep a healthy rollout from ever completing.
   */
  private static GateResult nothingToCompare(Gate gate) {
    return new GateResult(
        gate,
        Verdict.PASS,
        Map.of(),
        gate.name()
            + ": not judged at 100% exposure, where no baseline traffic is left to compare");
  }

  static GateRound judge(Plan plan, RolloutState state, Observations observations, Instant now) {
    return new GateRound(plan, state, observations, now);
  }

  /**
   * How many gates of each action are judged by a sequential test. A gate's budget is shared with
   * every phase times the tested gates of its own action: a false pause and a false rollback are
   * counted apart, each within {@code 1 - confidence} per rollout.
   */
  private static int[] testedByAction(Plan plan) {
    int[] tested = new int[GateAction.values().length];
    for (Gate gate : plan.gates()) {
      MetricSpec spec = plan.metrics().get(gate.metric());
      if (GateEvaluator.isTested(gate, spec != null && spec.isRatio())) {
        tested[gate.action().ordinal()]++;
      }
    }
    return tested;
  }

  private static TestSegments segments(Plan plan, RolloutState state, MetricSpec spec, int family) {
    Instant since = state.phaseStartedAt();
    Instant origin = since == null ? null : EvidenceWindow.origin(spec, since);
    int at = state.phase();
    Duration bake =
        at >= 0 && at <= plan.lastPhase() ? plan.phases().get(at).bake() : Duration.ZERO;
    return TestSegments.of(origin, spec.period(), spec.lookback(), bake, family);
  }

  /**
   * A breach extends the streak; a pass or no data ends it; a failed read says nothing about the
   * breach and only counts errors.
   */
  static GateStreak next(GateStreak before, Verdict verdict, Instant now) {
    return switch (verdict) {
      case BREACH ->
          new GateStreak(
              before.breachingSince() == null ? now : before.breachingSince(),
              before.consecutiveBreaches() + 1,
              0);
      case PASS, INCONCLUSIVE -> GateStreak.CLEAR;
      case ERROR ->
          new GateStreak(
              before.breachingSince(),
              before.consecutiveBreaches(),
              before.consecutiveErrors() + 1);
    };
  }

  /** The first gate with {@code action} whose breach has lasted its {@code for}; else -1. */
  int firstSustained(GateAction action) {
    for (int i = 0; i < results.length; i++) {
      if (gates.get(i).action() == action && isSustained(i)) {
        return i;
      }
    }
    return -1;
  }

  /** The first gate whose metric failed {@code errorLimit} times in a row; else -1. */
  int firstOverErrorLimit() {
    for (int i = 0; i < results.length; i++) {
      int limit = gates.get(i).errorLimit();
      if (limit > 0 && streaks[i].consecutiveErrors() >= limit) {
        return i;
      }
    }
    return -1;
  }

  /** The first gate that did not pass (unmet, breaching within {@code for}, no data); else -1. */
  int firstNotPassing() {
    for (int i = 0; i < results.length; i++) {
      if (results[i].verdict() != Verdict.PASS) {
        return i;
      }
    }
    return -1;
  }

  int notPassing() {
    int count = 0;
    for (GateResult result : results) {
      count += result.verdict() == Verdict.PASS ? 0 : 1;
    }
    return count;
  }

  private boolean isSustained(int i) {
    Instant since = streaks[i].breachingSince();
    return results[i].verdict() == Verdict.BREACH
        && since != null
        && Duration.between(since, now).compareTo(gates.get(i).sustain()) >= 0;
  }

  Gate gate(int i) {
    return gates.get(i);
  }

  GateResult result(int i) {
    return results[i];
  }

  GateStreak streak(int i) {
    return streaks[i];
  }

  /** How long gate {@code i} has breached without a break (zero when it is not breaching). */
  Duration breachingFor(int i) {
    Instant since = streaks[i].breachingSince();
    return since == null ? Duration.ZERO : Duration.between(since, now);
  }

  /** What the metrics source said when it failed, or the gate's message. */
  String failure(int i) {
    return observations.get(gates.get(i).metric()) instanceof MetricReading.Failed failed
        ? failed.message()
        : results[i].message();
  }

  List<GateResult> results() {
    return List.of(results);
  }

  /**
   * The streaks that carry something, by gate name (names are unique within a validated plan). A
   * clear streak is left out, as it reads back as {@link GateStreak#CLEAR}: a rollout whose gates
   * are all clear keeps an empty map, so a quiet tick has nothing to write.
   */
  @SuppressWarnings("unchecked")
  Map<String, GateStreak> streaks() {
    int kept = 0;
    for (GateStreak streak : streaks) {
      kept += streak.equals(GateStreak.CLEAR) ? 0 : 1;
    }
    Map.Entry<String, GateStreak>[] entries = new Map.Entry[kept];
    int at = 0;
    for (int i = 0; i < streaks.length; i++) {
      if (!streaks[i].equals(GateStreak.CLEAR)) {
        entries[at++] = Map.entry(gates.get(i).name(), streaks[i]);
      }
    }
    return Map.ofEntries(entries);
  }
}

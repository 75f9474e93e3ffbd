package dev.flightplan.bench;

import dev.flightplan.core.decide.Decider;
import dev.flightplan.core.decide.Decision;
import dev.flightplan.core.gate.MetricReading;
import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.gate.PeriodSeries;
import dev.flightplan.core.gate.VariantSample;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of one {@code decide} call for the docs/design.md §2 example plan: four gates (a ratio
 * rollback gate with {@code for}, a relative latency gate that runs the sign test, a pause gate, a
 * require gate), on thirty timed one-minute periods per variant as the metrics sources deliver them
 * at the default lookback. Target: at most 20 µs and 4 KB allocated per call.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class DecideBenchmark {
  // Wednesday 2025-03-05 10:00 in Berlin: inside the window, the third phase has baked.
  private final Instant now = Instant.parse("2025-03-05T09:00:00Z");
  private final Plan plan = designExample();
  private final RolloutState running = running(plan, now);
  private final Observations healthy =
      observations(ratio(2, 1000, 2, 1000), values(100, 100), values(0.91, 0.90));
  private final Observations latencyRegression =
      observations(ratio(2, 1000, 2, 1000), values(260, 100), values(0.91, 0.90));

  /** Fails the run when a benchmark would measure another path than its name says. */
  @Setup
  public void checkPaths() {
    expect(healthyAdvance(), Decision.Advance.class);
    expect(relativeGateRollback(), Decision.Rollback.class);
  }

  private static void expect(Decision decision, Class<? extends Decision> kind) {
    if (!kind.isInstance(decision)) {
      throw new IllegalStateException("expected " + kind.getSimpleName() + ", got " + decision);
    }
  }

  /** Every gate passes and the rollout advances: all four gates and every rule run. */
  @Benchmark
  public Decision healthyAdvance() {
    return Decider.decide(plan, running, healthy, now);
  }

  /** The relative latency gate breaches significantly: the rollback path. */
  @Benchmark
  public Decision relativeGateRollback() {
    return Decider.decide(plan, running, latencyRegression, now);
  }

  /** Thirty one-minute periods ending at {@code now}, as the metrics sources read them. */
  private static final int PERIODS = 30;

  private PeriodSeries periods(double value, double count, double swing) {
    long[] starts = new long[PERIODS];
    double[] values = new double[PERIODS];
    double[] counts = new double[PERIODS];
    for (int i = 0; i < PERIODS; i++) {
      starts[i] = now.getEpochSecond() - 60L * (PERIODS - i);
      values[i] = value * (1 + swing * ((i % 7) - 3) / 3);
      counts[i] = count;
    }
    return new PeriodSeries(starts, values, counts);
  }

  private MetricReading ratio(double cErrors, double cRequests, double bErrors, double bRequests) {
    return new MetricReading.Values(
        VariantSample.ratio(periods(cErrors, cRequests, 0.5)),
        VariantSample.ratio(periods(bErrors, bRequests, 0.5)));
  }

  private MetricReading values(double candidate, double baseline) {
    PeriodSeries c = periods(candidate, 1000, 0.05);
    PeriodSeries b = periods(baseline, 1000, 0.05);
    return new MetricReading.Values(
        VariantSample.of(candidate, 1000L * PERIODS, c),
        VariantSample.of(baseline, 1000L * PERIODS, b));
  }

  private Observations observations(
      MetricReading errors, MetricReading latency, MetricReading quality) {
    return new Observations(
        now, Map.of("error_rate", errors, "latency_p95", latency, "search_quality", quality));
  }

  private static RolloutState running(Plan plan, Instant now) {
    return RolloutState.draft(now.minusSeconds(10 * 86_400)).toBuilder()
        .status(RolloutStatus.RUNNING)
        .phase(2)
        .phaseStartedAt(now.minusSeconds(2 * 86_400))
        .approvedPhase(1)
        .build();
  }

  private static Plan designExample() {
    try (InputStream in =
        DecideBenchmark.class.getResourceAsStream("/plans/good/design-example.yaml")) {
      return PlanReader.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

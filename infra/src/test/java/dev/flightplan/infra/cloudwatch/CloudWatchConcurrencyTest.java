package dev.flightplan.infra.cloudwatch;

import static dev.flightplan.infra.cloudwatch.TestRollouts.DESIGN_METRICS;
import static dev.flightplan.infra.cloudwatch.TestRollouts.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.Observations;
import dev.flightplan.core.state.Rollout;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;

/** GetMetricData calls of one batch go out together, never more than the bound at once. */
class CloudWatchConcurrencyTest {
  private final List<Rollout> rollouts = TestRollouts.rollouts(1000, DESIGN_METRICS); // 28 calls

  @Test
  void callsGoOutConcurrentlyUpToTheBound() {
    InFlight cloudWatch = new InFlight(CloudWatchMetricsSource.DEFAULT_CALLS_IN_FLIGHT);

    Map<String, Observations> observed =
        new CloudWatchMetricsSource(cloudWatch).observe(rollouts, NOW);

    assertThat(cloudWatch.calls.get()).isEqualTo(28);
    assertThat(cloudWatch.most.get()).isEqualTo(CloudWatchMetricsSource.DEFAULT_CALLS_IN_FLIGHT);
    Map<String, Observations> inTurn = sequential().observe(rollouts, NOW);
    assertThat(observed).hasSameSizeAs(inTurn);
    for (String id : List.of("r0", "r500", "r999")) {
      assertThat(observed.get(id))
          .usingRecursiveComparison()
          .withEqualsForType((a, b) -> Double.compare(a, b) == 0, Double.class)
          .isEqualTo(inTurn.get(id));
    }
  }

  @Test
  void aBoundOfOneSendsOneCallAtATime() {
    InFlight cloudWatch = new InFlight(1);

    new CloudWatchMetricsSource(cloudWatch, 1).observe(rollouts, NOW);

    assertThat(cloudWatch.most.get()).isEqualTo(1);
  }

  private static CloudWatchMetricsSource sequential() {
    return new CloudWatchMetricsSource(FakeGetMetricData.withValues(q -> 1.0), 1);
  }

  /** Answers like {@link FakeGetMetricData}, once {@code together} calls are in flight at once. */
  private static final class InFlight
      implements Function<GetMetricDataRequest, GetMetricDataResponse> {
    private final CountDownLatch together;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    InFlight(int together) {
      this.together = new CountDownLatch(together);
    }

    @Override
    public GetMetricDataResponse apply(GetMetricDataRequest request) {
      calls.incrementAndGet();
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      together.countDown();
      try {
        assertThat(together.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      running.decrementAndGet();
      return FakeGetMetricData.everyPeriod(request, q -> 1.0);
    }
  }
}

package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.flightplan.core.plan.Plan;
import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.state.RolloutStatus;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * Warm latency of the handler with the in-memory store: a plan update (PUT) and a rollback.
 * Advisory numbers, printed; the bound asserted is only there to catch a pathological slowdown.
 */
class ApiLatencyTest {
  private static final int WARM_UP = 500;
  private static final int MEASURED = 2_000;

  private final Api api = new Api();

  @Test
  void planUpdate() {
    api.send("create-rollout-json").expect(201);
    APIGatewayProxyRequestEvent event = Api.event("update-rollout");
    String[] etag = {"\"v1\""};

    report(
        "PUT /rollouts/{id}",
        () -> {
          Map<String, String> headers = new HashMap<>(event.getHeaders());
          headers.put("If-Match", etag[0]);
          event.setHeaders(headers);
          long start = System.nanoTime();
          Reply reply = api.send(event).expect(200);
          long nanos = System.nanoTime() - start;
          etag[0] = reply.header("ETag");
          return nanos;
        });
  }

  @Test
  void rollback() {
    String json = Api.event("create-rollout-json").getBody();
    APIGatewayProxyRequestEvent event = Api.event("rollback-rollout");
    int[] next = {0};

    report(
        "POST /rollouts/{id}/rollback",
        () -> {
          event.setPath("/rollouts/" + running(json, next[0]++) + "/rollback");
          long start = System.nanoTime();
          api.send(event).expect(200);
          return System.nanoTime() - start;
        });
  }

  /** A running rollout made without the handler, so only the rollback is timed. */
  private String running(String json, int n) {
    String id = "rollout-" + n;
    Plan plan = PlanReader.read(json.replace(Api.ID, id), PlanFormat.JSON);
    api.wiring.commands().create(plan, "bench");
    api.arrange(id, s -> s.toBuilder().status(RolloutStatus.RUNNING).phase(0).build());
    return id;
  }

  /** Runs {@code timedCall} (which answers the nanoseconds it took) and prints median and p99. */
  private static void report(String what, LongSupplier timedCall) {
    for (int i = 0; i < WARM_UP; i++) {
      timedCall.getAsLong();
    }
    long[] nanos = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      nanos[i] = timedCall.getAsLong();
    }
    Arrays.sort(nanos);
    double median = nanos[MEASURED / 2] / 1e6;
    double p99 = nanos[(int) Math.ceil(MEASURED * 0.99) - 1] / 1e6;
    System.out.printf(
        "latency %s: median %.3f ms, p99 %.3f ms over %d warm calls (in-memory store)%n",
        what, median, p99, MEASURED);
    assertThat(p99).as("p99 ms").isLessThan(250);
  }
}

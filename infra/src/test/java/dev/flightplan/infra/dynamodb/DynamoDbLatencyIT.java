package dev.flightplan.infra.dynamodb;

import static dev.flightplan.core.service.TestPlans.T0;
import static dev.flightplan.infra.dynamodb.StoreFixtures.draft;
import static dev.flightplan.infra.dynamodb.StoreFixtures.entry;
import static dev.flightplan.infra.dynamodb.StoreFixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.state.Rollout;
import dev.flightplan.infra.testbed.LocalAws;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Advisory latencies per call type, printed at the end: a bounded loop of store calls against
 * DynamoDB Local and moto on a shared machine. Numbers for a closing note, never a pass/fail bar.
 */
class DynamoDbLatencyIT {
  private static final int CALLS = 200;
  private static final int MOTO_CALLS = 50;
  private static final Map<String, String> RESULTS = new LinkedHashMap<>();

  @Test
  void dynamoDbLocal() {
    measure("DynamoDB Local", LocalAws.get().clients().dynamoDb(), CALLS);
  }

  @Test
  void moto() {
    try (DynamoDbClient client =
        DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(LocalAws.get().awsEndpoint())
            .build()) {
      measure("moto", client, MOTO_CALLS);
    }
  }

  @AfterAll
  static void print() {
    StringBuilder out =
        new StringBuilder("\nDynamoDB store latency (advisory; shared 2-core machine)\n");
    out.append(String.format("%-15s %-34s %6s %9s %9s%n", "server", "call", "n", "median", "p99"));
    RESULTS.forEach((k, v) -> out.append(v).append('\n'));
    System.out.println(out);
  }

  private static void measure(String server, DynamoDbClient client, int calls) {
    DynamoDbRolloutStore store =
        new DynamoDbRolloutStore(client, TestTables.fresh(client, "lat"), Clock.systemUTC(), 1);
    List<Rollout> rollouts = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      Rollout r = store.create(draft("r" + i), List.of());
      rollouts.add(store.update(running(r, T0.minusSeconds(i)), List.of()));
    }
    record(server, "GetItem (get)", calls, i -> () -> store.get("r" + (i % 150)));
    Rollout[] current = {rollouts.get(0)};
    record(
        server,
        "UpdateItem (update, no history)",
        calls,
        i -> () -> current[0] = store.update(current[0], List.of()));
    record(
        server,
        "TransactWriteItems (update+history)",
        calls,
        i -> () -> current[0] = store.update(current[0], List.of(entry("r0", i + 1L))));
    record(
        server,
        "Query (due page of 100)",
        calls,
        i -> () -> assertThat(store.due(0, T0, null, 100).items()).hasSize(100));
  }

  private static void record(
      String server, String call, int calls, java.util.function.IntFunction<Runnable> work) {
    long[] nanos = new long[calls];
    for (int i = 0; i < calls; i++) {
      Runnable step = work.apply(i);
      long start = System.nanoTime();
      step.run();
      nanos[i] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(nanos);
    double median = nanos[calls / 2] / 1e6;
    double p99 = nanos[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)] / 1e6;
    RESULTS.put(
        server + call,
        String.format("%-15s %-34s %6d %7.2fms %7.2fms", server, call, calls, median, p99));
  }
}

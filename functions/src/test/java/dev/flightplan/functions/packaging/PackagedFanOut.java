package dev.flightplan.functions.packaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flightplan.functions.ControllerHandler;
import dev.flightplan.functions.ShardWorkerHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

/**
 * Run by {@link LambdaPackageFanOutIT} in a fresh JVM on the unpacked Lambda package alone (and
 * this driver), with {@code FLIGHTPLAN_TICK_FAN_OUT=queue}: {@code controller} primes the
 * controller and ticks it, printing {@code dispatched=<shards>}; {@code worker <event file>...}
 * primes a shard worker and hands it each SQS event in turn, printing {@code worker=<its answer as
 * JSON>} for each.
 */
public final class PackagedFanOut {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PackagedFanOut() {}

  public static void main(String[] args) throws IOException {
    if (args[0].equals("controller")) {
      tick();
    } else {
      work(Arrays.copyOfRange(args, 1, args.length));
    }
    System.exit(0);
  }

  private static void tick() {
    ControllerHandler controller = new ControllerHandler();
    controller.priming().prime();
    Map<String, Object> tick =
        Map.of(
            "source",
            "flightplan.schedule",
            "scheduledTime",
            Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
    Map<String, Object> summary = controller.handleRequest(tick, new RunContext());
    System.out.println("dispatched=" + summary.get("shardsDispatched"));
  }

  private static void work(String[] eventFiles) throws IOException {
    ShardWorkerHandler worker = new ShardWorkerHandler();
    worker.priming().prime();
    for (String file : eventFiles) {
      @SuppressWarnings("unchecked")
      Map<String, Object> event = JSON.readValue(Path.of(file).toFile(), Map.class);
      Map<String, Object> answer = worker.handleRequest(event, new RunContext());
      System.out.println("worker=" + JSON.writeValueAsString(answer));
    }
  }
}

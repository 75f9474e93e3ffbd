package dev.flightplan.functions.e2e;

import dev.flightplan.functions.ControllerHandler;
import dev.flightplan.functions.FakeContext;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Run in a fresh JVM by {@link EndToEndIT}: builds the controller exactly as Lambda does (the
 * no-argument constructor, so {@code Wiring.fromEnvironment()}), runs one tick, and prints the
 * milliseconds from JVM start to the end of that tick.
 */
public final class FirstTick {
  public static final String MARKER = "first-tick-ms=";

  private FirstTick() {}

  public static void main(String[] args) {
    ControllerHandler handler = new ControllerHandler();
    Map<String, Object> event = new HashMap<>();
    event.put("source", "flightplan.schedule");
    event.put("scheduledTime", Instant.now().truncatedTo(ChronoUnit.MINUTES).toString());
    Map<String, Object> summary = handler.handleRequest(event, new FakeContext("first-tick"));
    long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(MARKER + millis + " duplicate=" + summary.get("duplicate"));
    System.exit(0);
  }
}

package dev.flightplan.bench.flags;

import dev.flightplan.client.FlagClient;
import dev.flightplan.client.FlagClientStatus;
import java.time.Duration;

/**
 * The child JVM of {@link ClientStartup}: starts a {@link FlagClient} the way an application does
 * (no DynamoDB client of its own: the flag client makes one from the SDK's standard settings, here
 * system properties pointing at DynamoDB Local), evaluates one flag once, and prints the wall clock
 * at that moment and how long the client took, in nanoseconds, from before {@code builder()} to
 * after the first {@code isEnabled}; then the same for a second client in the now warm JVM.
 *
 * <p>Arguments: the flags table and a flag every unit sees (100 %), so a first answer of false
 * means the first read had not landed.
 */
public final class FirstEvaluation {
  private FirstEvaluation() {}

  public static void main(String[] args) {
    long cold = firstEvaluationNanos(args[0], args[1]);
    long epochMillis = System.currentTimeMillis();
    long warm = firstEvaluationNanos(args[0], args[1]);
    System.out.println(epochMillis + " " + cold + " " + warm);
  }

  /** From {@code builder()} to the first answer of a new client, which must see the flag. */
  private static long firstEvaluationNanos(String table, String flag) {
    long start = System.nanoTime();
    try (FlagClient client =
        FlagClient.builder().table(table).startTimeout(Duration.ofSeconds(10)).build()) {
      boolean enabled = client.isEnabled(flag, "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
      long nanos = System.nanoTime() - start;
      if (!enabled || client.status() != FlagClientStatus.READY) {
        System.err.println("first evaluation without the table's flags: " + client.status());
        System.exit(1);
      }
      return nanos;
    }
  }
}

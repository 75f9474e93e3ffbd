package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.plan.FieldError;
import dev.flightplan.core.plan.PlanException;
import dev.flightplan.core.plan.PlanFormat;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStateBuilder;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.core.state.UnreadableRollout;
import java.time.Duration;
import java.util.stream.Collectors;

/**
 * What a rollout item reads into: id, version, the plan's JSON and the state. Decoding is per item:
 * a plan that does not read (written by another version, or before a bound existed) makes an {@link
 * UnreadableRollout}, never a failed page or query. Plans are read through a {@link PlanCache}, so
 * an unchanged plan is parsed once per process.
 */
final class RolloutParts {
  /** A problem is for people: the first few field errors, never a whole plan. */
  private static final int MAX_ERRORS = 3;

  private static final int MAX_PROBLEM = 500;

  /**
   * Up to 4,096 plans and 8 M characters of JSON: about 30 MB at most (a plan holds about three
   * times its JSON; the docs/design.md §2 example is 1.6 K characters and about 6.5 KB cached in
   * all). A due rollout is read every tick, once a minute; one not read for ten minutes may make
   * room.
   */
  private static final PlanCache PLANS =
      new PlanCache(
          4_096,
          8_000_000,
          Duration.ofMinutes(10),
          System::nanoTime,
          json -> PlanReader.read(PlanReader.tree(json, PlanFormat.JSON)));

  String id;
  String planJson;
  long version;
  RolloutState state = new RolloutStateBuilder().build();

  /** The rollout, or an unreadable one when its plan does not read. */
  StoredRollout stored() {
    if (planJson == null) {
      return unreadable("no plan is stored");
    }
    try {
      return new Rollout(PLANS.read(planJson), state, version);
    } catch (RuntimeException e) {
      return unreadable(problem(e));
    }
  }

  /** The rollout; one whose plan does not read is the port's exception. */
  Rollout rollout() {
    return switch (stored()) {
      case Rollout readable -> readable;
      case UnreadableRollout unreadable -> throw new UnreadableRolloutException(unreadable);
    };
  }

  private UnreadableRollout unreadable(String problem) {
    return new UnreadableRollout(id, version, state, PlanReader.targetOf(planJson), problem);
  }

  private static String problem(RuntimeException e) {
    String text =
        e instanceof PlanException invalid
            ? invalid.errors().stream()
                .limit(MAX_ERRORS)
                .map(RolloutParts::describe)
                .collect(Collectors.joining("; "))
            : e.getClass().getSimpleName() + ": " + e.getMessage();
    return text.length() <= MAX_PROBLEM ? text : text.substring(0, MAX_PROBLEM) + "…";
  }

  private static String describe(FieldError error) {
    return error.path().isEmpty() ? error.message() : error.path() + ": " + error.message();
  }
}

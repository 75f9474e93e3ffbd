package dev.flightplan.functions.api;

import dev.flightplan.core.change.CommandRefusedException;
import dev.flightplan.core.plan.PlanException;
import dev.flightplan.core.port.RolloutExistsException;
import dev.flightplan.core.port.UnreadableRolloutException;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.service.RolloutNotFoundException;
import dev.flightplan.functions.http.HttpProblem;
import dev.flightplan.functions.http.ProblemType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core's refusals as HTTP problems. Their messages are written for people and carry no
 * internals, so they become the {@code detail}; any other exception is not mapped here (500).
 */
public final class DomainProblems {
  private DomainProblems() {}

  public static Optional<HttpProblem> of(RuntimeException e) {
    return Optional.ofNullable(
        switch (e) {
          case HttpProblem problem -> problem;
          case PlanException invalid ->
              new HttpProblem(
                  ProblemType.INVALID_PLAN,
                  "the plan is not valid: " + invalid.errors().size() + " problem(s), see errors",
                  invalid.errors(),
                  Map.of());
          case RolloutNotFoundException missing ->
              new HttpProblem(ProblemType.NOT_FOUND, "no rollout " + missing.rolloutId());
          case RolloutExistsException exists ->
              new HttpProblem(
                  ProblemType.ROLLOUT_EXISTS,
                  exists.getMessage() + "; change it with PUT and If-Match, or pick another id");
          case UnreadableRolloutException unreadable ->
              new HttpProblem(
                  ProblemType.COMMAND_REFUSED,
                  unreadable.getMessage()
                      + "; only rollback and abort work until the plan can be read again");
          case CommandRefusedException refused ->
              new HttpProblem(ProblemType.COMMAND_REFUSED, refused.reason());
          case VersionConflictException conflict -> concurrent(conflict);
          default -> null;
        });
  }

  /** The version asked for is not the stored one: 412 with the current tag to read again. */
  static HttpProblem stale(String id, long current) {
    return new HttpProblem(
        ProblemType.STALE_VERSION,
        "rollout "
            + id
            + " is at "
            + EntityTags.of(current)
            + ", not a version If-Match names; read it again and retry",
        List.of(),
        Map.of("ETag", EntityTags.of(current)));
  }

  private static HttpProblem concurrent(VersionConflictException conflict) {
    return new HttpProblem(
        ProblemType.CONCURRENT_CHANGE, conflict.getMessage() + "; read it again and retry");
  }
}

package dev.flightplan.cli.dashboard;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The API requests the dashboard passes on: reads of rollouts, their history and metric series, and
 * the six actions. Anything else (plans, checklists, flags) stays with the command line.
 */
final class DashboardRoutes {
  static final List<String> ACTIONS =
      List.of("pause", "resume", "approve", "promote", "rollback", "abort");

  // A rollout id as plans allow it, in any case; never "." or "..", so paths cannot climb.
  private static final String ID = "[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}";
  private static final Pattern READS =
      Pattern.compile("/rollouts(/" + ID + "(/history|/metrics)?)?");
  private static final Pattern ACTION =
      Pattern.compile("/rollouts/" + ID + "/(" + String.join("|", ACTIONS) + ")");

  private DashboardRoutes() {}

  /** Whether {@code method} on {@code rawPath} (the API path, still percent-encoded) passes. */
  static boolean allows(String method, String rawPath) {
    return switch (method) {
      case "GET" -> READS.matcher(rawPath).matches();
      case "POST" -> ACTION.matcher(rawPath).matches();
      default -> false;
    };
  }

  /** What the refusal of another request says. */
  static String described() {
    return "the dashboard passes on GET /rollouts, GET /rollouts/{id}[/history|/metrics] and POST"
        + " /rollouts/{id}/{"
        + String.join("|", ACTIONS)
        + "} only";
  }
}

package dev.flightplan.core.state;

import java.time.Instant;
import java.util.Map;

/**
 * A message waiting in a rollout's outbox. It is stored with the state change it announces and
 * removed once sent, so a failed send is retried on the next tick and never lost.
 *
 * @param id unique and stable, so a resend after an unknown outcome can be recognised downstream
 * @param eventType e.g. {@code ROLLBACK}, {@code PAUSE}, {@code ADVANCE}, {@code COMPLETE}
 */
public record Notification(
    String id,
    String rolloutId,
    String eventType,
    Severity severity,
    String subject,
    String message,
    Map<String, Double> values,
    Instant at) {

  public Notification {
    values = Map.copyOf(values);
  }

  public enum Severity {
    INFO,
    WARNING,
    CRITICAL
  }
}

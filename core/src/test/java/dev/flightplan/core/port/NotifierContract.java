package dev.flightplan.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Notification.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * One behaviour for every {@link Notifier}, checked on what a subscriber receives. Extend it with a
 * notifier whose destination is empty at the start of each test.
 */
public abstract class NotifierContract {
  private static final Instant AT = Instant.parse("2025-03-03T09:12:00Z");

  /** What one subscriber received for one notification. */
  public record Delivered(
      String id, String eventType, Severity severity, String rolloutId, String subject) {}

  /** The notifier under test, sending to the destination {@link #delivered()} reads. */
  protected abstract Notifier notifier();

  /** Everything a subscriber received since the test started, in arrival order. */
  protected abstract List<Delivered> delivered();

  /**
   * Makes every later send fail, as an outage would. An adapter that cannot be made to fail calls
   * {@link #notApplicable(String)} with the reason.
   */
  protected abstract void breakIt();

  /**
   * Why the destination does not promise order per rollout, if it does not; the order test is then
   * skipped with that reason.
   */
  protected Optional<String> orderNotKeptBecause() {
    return Optional.empty();
  }

  /** Skips the calling test, naming why it does not apply to this adapter. */
  protected static void notApplicable(String why) {
    Assumptions.abort(why);
  }

  @Test
  void aSentNotificationArrivesOnceWithItsIdTypeSeverityRolloutAndSubject() {
    notifier().send(rollback("new-search", 7));

    assertThat(delivered())
        .containsExactly(
            new Delivered(
                "new-search:7",
                "ROLLBACK",
                Severity.CRITICAL,
                "new-search",
                "[ROLLBACK] new-search: error_rate 6.2 % > 5 % for 10m"));
  }

  @Test
  void everySeverityAndEventTypeArrivesAsSent() {
    notifier().send(event("r1", 1, "START", Severity.INFO));
    notifier().send(event("r1", 2, "PAUSE", Severity.WARNING));
    notifier().send(rollback("r1", 3));

    assertThat(delivered())
        .extracting(Delivered::eventType, Delivered::severity)
        .containsExactlyInAnyOrder(
            tuple("START", Severity.INFO),
            tuple("PAUSE", Severity.WARNING),
            tuple("ROLLBACK", Severity.CRITICAL));
  }

  @Test
  void severalSendsKeepTheirOrderPerRollout() {
    orderNotKeptBecause().ifPresent(NotifierContract::notApplicable);
    notifier().send(event("alpha", 1, "START", Severity.INFO));
    notifier().send(event("beta", 1, "START", Severity.INFO));
    notifier().send(event("alpha", 2, "ADVANCE", Severity.INFO));
    notifier().send(event("beta", 2, "PAUSE", Severity.WARNING));
    notifier().send(rollback("alpha", 3));

    List<Delivered> all = delivered();
    assertThat(idsOf(all, "alpha")).containsExactly("alpha:1", "alpha:2", "alpha:3");
    assertThat(idsOf(all, "beta")).containsExactly("beta:1", "beta:2");
  }

  @Test
  void aFailingSendThrowsNotifierException() {
    breakIt();

    assertThatThrownBy(() -> notifier().send(rollback("r1", 1)))
        .isExactlyInstanceOf(NotifierException.class)
        .hasMessageContaining("r1:1");
    assertThat(delivered()).isEmpty();
  }

  private static List<String> idsOf(List<Delivered> delivered, String rolloutId) {
    return delivered.stream()
        .filter(d -> d.rolloutId().equals(rolloutId))
        .map(Delivered::id)
        .toList();
  }

  private static Notification rollback(String rolloutId, long seq) {
    return new Notification(
        rolloutId + ":" + seq,
        rolloutId,
        "ROLLBACK",
        Severity.CRITICAL,
        "[ROLLBACK] " + rolloutId + ": error_rate 6.2 % > 5 % for 10m",
        "Rollout " + rolloutId + ": error_rate 6.2 % > 5 % for 10m\n",
        Map.of("error_rate", 6.2),
        AT.plusSeconds(seq));
  }

  private static Notification event(String rolloutId, long seq, String type, Severity severity) {
    return new Notification(
        rolloutId + ":" + seq,
        rolloutId,
        type,
        severity,
        "[" + type + "] " + rolloutId + ": step " + seq,
        "Rollout " + rolloutId + ": step " + seq + "\n",
        Map.of(),
        AT.plusSeconds(seq));
  }
}

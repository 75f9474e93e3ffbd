package dev.flightplan.core.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.plan.Notify;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationEventsTest {
  private static final Notify DIGEST = new Notify("default", Notify.Digest.HOURLY);

  @Test
  void withADigestWhatNeedsAPersonOrEndsTheRolloutIsStillSentAtOnce() {
    for (String event :
        List.of(
            NotificationEvents.ROLLBACK,
            NotificationEvents.PAUSE,
            NotificationEvents.AWAITING_APPROVAL,
            NotificationEvents.ABORT,
            NotificationEvents.COMPLETE,
            NotificationEvents.QUARANTINED)) {
      assertThat(NotificationEvents.sentAtOnce(event, DIGEST)).as(event).isTrue();
    }
  }

  @Test
  void withADigestRoutineEventsAreOnlySummarisedAndWithoutOneEverythingIsSent() {
    for (String event :
        List.of(
            NotificationEvents.START,
            NotificationEvents.ADVANCE,
            NotificationEvents.APPROVED,
            NotificationEvents.RESUME,
            NotificationEvents.RETRY,
            NotificationEvents.PLAN_CHANGED)) {
      assertThat(NotificationEvents.sentAtOnce(event, DIGEST)).as(event).isFalse();
      assertThat(NotificationEvents.sentAtOnce(event, Notify.DEFAULT)).as(event).isTrue();
    }
  }
}

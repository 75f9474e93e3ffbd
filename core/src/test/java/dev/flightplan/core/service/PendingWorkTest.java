package dev.flightplan.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.state.Lease;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.evaluation.Exposure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State is stored first; exposure and notifications follow and are never lost. */
class PendingWorkTest {
  private final World world = new World();

  @Test
  void aNotificationThatFailedStaysInTheOutboxAndIsSentOnTheNextTick() {
    world.running("search");
    world.notifier.failNext(1);

    StoredRollout back = world.commands.rollback("search", World.BOB, null);

    assertThat(back.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(back.state().outbox())
        .extracting(Notification::eventType)
        .containsExactly(NotificationEvents.ROLLBACK);
    assertThat(back.state().outboxLease()).isNull();
    assertThat(back.state().nextEvaluationAt()).isNotNull();
    assertThat(world.sent("search", NotificationEvents.ROLLBACK)).isEmpty();

    world.nextTick();
    world.nextTick();

    assertThat(world.sent("search", NotificationEvents.ROLLBACK)).hasSize(1);
    assertThat(world.get("search").state().outbox()).isEmpty();
    assertThat(world.get("search").state().nextEvaluationAt()).isNull();
  }

  @Test
  void notificationsGoOutInOrderAfterAnOutage() {
    world.running("search");
    world.notifier.failNext(3); // one failed attempt per command
    world.commands.pause("search", World.BOB, null);
    world.commands.resume("search", World.BOB);
    world.commands.promote("search", World.BOB, null);

    world.nextTick();

    assertThat(world.notifier.sent())
        .extracting(Notification::eventType)
        .containsExactly(
            NotificationEvents.START,
            NotificationEvents.PAUSE,
            NotificationEvents.RESUME,
            NotificationEvents.ADVANCE);
  }

  @Test
  void anOutboxLeasedByAnotherWriterWaitsUntilTheLeaseExpires() {
    world.running("search");
    world.notifier.failNext(1);
    Rollout back = (Rollout) world.commands.rollback("search", World.BOB, null);
    Lease theirs = new Lease("someone-else", world.clock.instant().plus(Outbox.LEASE));
    world.store.update(
        new Rollout(
            back.plan(), back.state().toBuilder().outboxLease(theirs).build(), back.version()),
        List.of());

    world.nextTick();
    assertThat(world.sent("search", NotificationEvents.ROLLBACK)).isEmpty();

    world.tickAfter(Outbox.LEASE);
    assertThat(world.sent("search", NotificationEvents.ROLLBACK)).hasSize(1);
    assertThat(world.get("search").state().outboxLease()).isNull();
  }

  @Test
  void aFailedActuationIsRetriedByTheNextTick() {
    world.running("search");
    world.actuator.failNext(1);

    StoredRollout back = world.commands.rollback("search", World.BOB, null);

    assertThat(back.state().actuationPending()).isTrue();
    assertThat(world.actuator.exposure("search").basisPoints()).isEqualTo(100);
    assertThat(world.sent("search", NotificationEvents.ROLLBACK)).hasSize(1);

    world.nextTick();

    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    assertThat(world.get("search").state().actuationPending()).isFalse();
    assertThat(world.get("search").state().nextEvaluationAt()).isNull();
  }

  @Test
  void aStaleApplyAfterARollbackIsCorrected() {
    world.running("search");
    // The promote reads its pending exposure; before its apply lands, a rollback is stored and
    // applied. The promote's late apply would leave 50% live; its confirming write conflicts and
    // it applies what the store wants now.
    boolean[] raced = {false};
    Actuator racing =
        (id, target, exposure) -> {
          if (!raced[0] && exposure.basisPoints() == 5_000) {
            raced[0] = true;
            world.commands.rollback("search", World.BOB, "race");
          }
          world.actuator.apply(id, target, exposure);
        };
    new RolloutCommands(world.store, racing, world.notifier, world.clock)
        .promote("search", World.ALICE, null);

    assertThat(world.get("search").state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(world.actuator.applied())
        .extracting(a -> a.exposure().basisPoints())
        .containsExactly(100, 0, 5_000, 0);
    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
  }

  @Test
  void aPendingActuationKeepsAFinishedRolloutDue() {
    world.running("search");
    world.actuator.failNext(3);
    world.commands.abort("search", World.BOB, null);

    world.nextTick();
    world.nextTick();
    assertThat(world.get("search").state().nextEvaluationAt()).isNotNull();
    world.tickAfter(Duration.ofMinutes(5));

    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    assertThat(world.get("search").state().hasPendingWork()).isFalse();
    assertThat(world.get("search").state().nextEvaluationAt()).isNull();
  }
}

package dev.flightplan.core.service;

import static dev.flightplan.core.service.TestPlans.ALARM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.change.NotificationEvents;
import dev.flightplan.core.port.Actuator;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.VersionConflictException;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.core.state.StoredRollout;
import dev.flightplan.evaluation.Exposure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bound rollouts of one alarm are worked on at once, and nothing leaves before its store. */
class AlarmRollbackConcurrencyTest {
  private static final long WAIT_SECONDS = 5;
  private final World world = new World();
  private final List<String> effects = Collections.synchronizedList(new ArrayList<>());

  private List<StoredRollout> alarm(Actuator actuator, Notifier notifier) {
    AlarmRollback alarms =
        new AlarmRollback(new EffectLog(world.store), actuator, notifier, world.clock);
    return alarms.handle(ALARM, AlarmState.ALARM, "e1", world.clock.instant());
  }

  private Actuator logged(Actuator actuator) {
    return (id, target, exposure) -> {
      actuator.apply(id, target, exposure);
      effects.add("at zero " + id);
    };
  }

  private Notifier logged(Notifier notifier) {
    return n -> {
      notifier.send(n);
      effects.add("notified " + n.rolloutId());
    };
  }

  @Test
  void theExposureGoesToZeroWhileTheNotificationIsSent() {
    world.running("search");
    CountDownLatch notifying = new CountDownLatch(1);
    List<Boolean> overlapped = new ArrayList<>();
    Actuator waitsForTheNotice =
        (id, target, exposure) -> {
          overlapped.add(await(notifying));
          world.actuator.apply(id, target, exposure);
        };
    Notifier notifier =
        n -> {
          notifying.countDown();
          world.notifier.send(n);
        };

    alarm(waitsForTheNotice, notifier);

    assertThat(overlapped).containsExactly(true);
    assertThat(world.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    assertThat(world.get("search").state().actuationPending()).isFalse();
    assertThat(world.get("search").state().outbox()).isEmpty();
  }

  @Test
  void boundRolloutsAreRolledBackInParallel() {
    world.running("search");
    world.running("ranker");
    CyclicBarrier bothActuating = new CyclicBarrier(2);
    List<String> met = Collections.synchronizedList(new ArrayList<>());
    Actuator meetsTheOther =
        (id, target, exposure) -> {
          try {
            bothActuating.await(WAIT_SECONDS, TimeUnit.SECONDS);
            met.add(id);
          } catch (Exception alone) {
            // Reported by the assertion below.
          }
          world.actuator.apply(id, target, exposure);
        };

    List<StoredRollout> back = alarm(meetsTheOther, world.notifier);

    assertThat(met).containsExactlyInAnyOrder("search", "ranker");
    assertThat(back).extracting(StoredRollout::id).containsExactly("ranker", "search");
  }

  @Test
  void oneRolloutsFailingActuationStopsNoOther() {
    world.running("search");
    world.running("ranker");
    Actuator failsForSearch =
        (id, target, exposure) -> {
          if (id.equals("search")) {
            throw new IllegalStateException("the flag table is gone");
          }
          world.actuator.apply(id, target, exposure);
        };

    List<StoredRollout> back = alarm(failsForSearch, world.notifier);

    assertThat(back).hasSize(2);
    assertThat(world.get("ranker").state().actuationPending()).isFalse();
    assertThat(world.actuator.exposure("ranker")).isEqualTo(Exposure.NONE);
    Rollout search = world.get("search");
    assertThat(search.state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(search.state().actuationPending()).isTrue(); // left for the next tick
    // Its notice went out beside the failed actuation, and is recorded as sent.
    assertThat(world.sent("search", NotificationEvents.ROLLBACK)).hasSize(1);
    assertThat(search.state().outbox()).isEmpty();
    assertThat(world.store.isProcessed("alarm:e1")).isTrue();
  }

  @Test
  void oneRollbackThatCannotBeStoredStopsNoOtherAndTheEventIsRedone() {
    world.running("search");
    world.running("ranker");
    DelegatingStore searchAlwaysConflicts =
        new DelegatingStore(world.store) {
          @Override
          public Rollout update(Rollout rollout, List<HistoryEntry> history) {
            if (rollout.id().equals("search") && !history.isEmpty()) {
              throw new VersionConflictException("search", world.get("search"));
            }
            return super.update(rollout, history);
          }
        };
    AlarmRollback alarms =
        new AlarmRollback(searchAlwaysConflicts, world.actuator, world.notifier, world.clock);
    Instant now = world.clock.instant();

    assertThatThrownBy(() -> alarms.handle(ALARM, AlarmState.ALARM, "e1", now))
        .hasMessageContaining("rollback not stored for search");

    assertThat(world.get("ranker").state().status()).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(world.get("ranker").state().actuationPending()).isFalse();
    assertThat(world.sent("ranker", NotificationEvents.ROLLBACK)).hasSize(1);
    assertThat(world.store.isProcessed("alarm:e1")).isFalse();
    assertThat(world.alarms.handle(ALARM, AlarmState.ALARM, "e1", now))
        .extracting(StoredRollout::id)
        .containsExactly("search");
  }

  @Test
  void exposureAndNoticeFollowTheStoredRollbackAndTheEventKeyFollowsEveryStore() {
    for (String id : List.of("search", "ranker", "pricing")) {
      world.running(id);
    }

    alarm(logged(world.actuator), logged(world.notifier));

    for (String id : List.of("search", "ranker", "pricing")) {
      int stored = effects.indexOf("stored " + id);
      assertThat(stored).as(id).isNotNegative();
      assertThat(effects.indexOf("at zero " + id)).as(id).isGreaterThan(stored);
      assertThat(effects.indexOf("notified " + id)).as(id).isGreaterThan(stored);
      assertThat(effects.indexOf("event recorded")).as(id).isGreaterThan(stored);
    }
  }

  private static boolean await(CountDownLatch latch) {
    try {
      return latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Logs the rollback's stored write (the one with history) and the event key's record. */
  private final class EffectLog extends DelegatingStore {
    EffectLog(InterleavingStore store) {
      super(store);
    }

    @Override
    public Rollout update(Rollout rollout, List<HistoryEntry> history) {
      Rollout written = super.update(rollout, history);
      if (!history.isEmpty() && written.state().status() == RolloutStatus.ROLLED_BACK) {
        effects.add("stored " + written.id());
      }
      return written;
    }

    @Override
    public boolean markProcessed(String eventKey, Instant expiresAt) {
      effects.add("event recorded");
      return super.markProcessed(eventKey, expiresAt);
    }
  }
}

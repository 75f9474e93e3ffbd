package dev.flightplan.core.service;

import dev.flightplan.core.change.CommandRefusedException;
import dev.flightplan.core.change.Intent;
import dev.flightplan.core.service.NoRollbackIsLostPropertiesTest.Op;
import dev.flightplan.core.state.AlarmState;
import dev.flightplan.core.state.Command;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Runs the operations of {@link NoRollbackIsLostPropertiesTest} and remembers what was asked. */
final class Scenario {
  final World world = new World();
  final Set<String> rollbackRequested = new HashSet<>();
  private final Map<String, Double> errorRates = new HashMap<>();
  private int events;
  int failedInTicks;

  Scenario() {
    world.running(TestPlans.plan("r0"));
    world.running(TestPlans.withApprovalAt("r1", 1));
  }

  void run(Op op) {
    try {
      apply(op);
    } catch (CommandRefusedException refused) {
      // refusals are part of the game: the state said no
    }
  }

  boolean atRollbackLevel(String id) {
    return errorRates.getOrDefault(id, 0.0) > 5;
  }

  /** Ports work again; ticks finish whatever is pending. */
  void drain() {
    world.store.clearHooks();
    world.notifier.failNext(0);
    world.actuator.failNext(0);
    for (int i = 0; i < 3; i++) {
      tick(Duration.ofMinutes(1));
    }
    tick(Outbox.LEASE);
    tick(Duration.ofMinutes(1));
  }

  private void apply(Op op) {
    switch (op) {
      case Op.Cmd cmd -> command(cmd);
      case Op.TickOp t -> tick(Duration.ofMinutes(1));
      case Op.Wait w -> world.clock.advance(Duration.ofMinutes(w.minutes()));
      case Op.Alarm a -> alarm(a);
      case Op.Metric m -> {
        errorRates.put(m.id(), m.percent());
        world.metrics.set(m.id(), TestPlans.ERROR_RATE, TestPlans.errorRate(m.percent()));
      }
      case Op.NotifierFails f -> world.notifier.failNext(f.count());
      case Op.ActuatorFails f -> world.actuator.failNext(f.count());
      case Op.Interleave i -> world.store.beforeNextUpdate(() -> interleaved(i.inner()));
    }
  }

  /**
   * A writer slipping in between another's read and write runs at the same moment: the clock stands
   * still, and an interleaved tick is a second tick worker for a minute of its own.
   */
  private void interleaved(Op op) {
    if (op instanceof Op.TickOp) {
      failedInTicks += world.tick.run(TestPlans.T0.minus(Duration.ofDays(++events))).failed();
    } else {
      run(op);
    }
  }

  private void command(Op.Cmd cmd) {
    if (cmd.command() == Command.ROLLBACK && isActive(cmd.id())) {
      rollbackRequested.add(cmd.id());
    }
    world.commands.execute(cmd.id(), Intent.of(cmd.command(), cmd.actor(), "because"));
  }

  private void alarm(Op.Alarm a) {
    boolean rollsBack =
        a.state() == AlarmState.ALARM || (a.state() == AlarmState.INSUFFICIENT_DATA && a.byArn());
    for (String id : NoRollbackIsLostPropertiesTest.IDS) {
      if (rollsBack && isActive(id)) {
        rollbackRequested.add(id);
      }
    }
    String alarm = a.byArn() ? TestPlans.ARN : TestPlans.ALARM;
    world.alarms.handle(alarm, a.state(), "event-" + ++events, world.clock.instant());
  }

  private void tick(Duration wait) {
    failedInTicks += world.tickAfter(wait).failed();
  }

  private boolean isActive(String id) {
    return world.get(id).state().status().isActive();
  }
}

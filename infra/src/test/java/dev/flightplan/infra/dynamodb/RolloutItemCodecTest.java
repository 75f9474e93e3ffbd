package dev.flightplan.infra.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.core.gate.Verdict;
import dev.flightplan.core.plan.PlanWriter;
import dev.flightplan.core.service.TestPlans;
import dev.flightplan.core.state.ControllerView;
import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.GateStreak;
import dev.flightplan.core.state.GateView;
import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.HoldKind;
import dev.flightplan.core.state.Holding;
import dev.flightplan.core.state.Lease;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutState;
import dev.flightplan.core.state.RolloutStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Round trips of the stored items, their shape, and items of other versions of Flightplan. */
class RolloutItemCodecTest {
  private static final Instant T = Instant.parse("2025-03-03T09:00:00.123456789Z");

  @Test
  void everyStateFieldSurvivesARoundTrip() {
    Rollout rollout = new Rollout(TestPlans.plan("alpha"), fullState(), 7);

    Map<String, AttributeValue> item = RolloutSchema.SCHEMA.itemToMap(rollout, true);

    assertThat(RolloutSchema.SCHEMA.mapToItem(item)).isEqualTo(rollout);
  }

  @Test
  void aDraftWithNullsSurvivesARoundTrip() {
    Rollout rollout = new Rollout(TestPlans.plan("alpha"), RolloutState.draft(T), 1);

    Map<String, AttributeValue> item = RolloutSchema.SCHEMA.itemToMap(rollout, true);

    assertThat(RolloutSchema.SCHEMA.mapToItem(item)).isEqualTo(rollout);
    assertThat(item).doesNotContainKeys("nextEvaluationAt", "dueShard", "outboxLease");
  }

  @Test
  void theItemHasIndexKeysAndPlainAttributes() {
    Map<String, AttributeValue> item =
        RolloutSchema.SCHEMA.itemToMap(new Rollout(TestPlans.plan("alpha"), fullState(), 7), true);

    assertThat(item.get("id").s()).isEqualTo("alpha");
    assertThat(item.get("version").n()).isEqualTo("7");
    assertThat(item.get("status").s()).isEqualTo("RUNNING");
    assertThat(item.get("nextEvaluationAt").n()).isEqualTo("1740992460.123456789");
    assertThat(item.get("createdAt").n()).isEqualTo("1740992400");
    assertThat(item.get("dueShard").s())
        .isEqualTo(String.valueOf(DueShards.of("alpha", Tables.DEFAULT_DUE_SHARDS)));
    assertThat(item.get("listShard").s()).isEqualTo(Tables.SHARD);
    assertThat(item.get("boundAlarms").s()).isEqualTo(TestPlans.ARN_ALARM + "\n" + TestPlans.ALARM);
    assertThat(item.get("plan").s())
        .isEqualTo(PlanWriter.toTree(TestPlans.plan("alpha")).toString());
    assertThat(item.get("gates").m().get("error_rate-rollback").m()).containsKey("breachingSince");
  }

  /** An item as a version that knew only the first fields wrote it. */
  @Test
  void anOldItemWithoutNewerFieldsStillDecodes() {
    Map<String, AttributeValue> old = new HashMap<>();
    old.put("id", AttributeValue.fromS("alpha"));
    old.put("version", AttributeValue.fromN("3"));
    old.put("plan", AttributeValue.fromS(PlanWriter.toJson(TestPlans.plan("alpha"))));
    old.put("status", AttributeValue.fromS("PAUSED"));
    old.put("phase", AttributeValue.fromN("1"));
    old.put("createdAt", AttributeValue.fromN("1740992400"));
    old.put("outbox", AttributeValue.fromL(List.of(AttributeValue.fromM(oldNotification()))));

    Rollout decoded = RolloutSchema.SCHEMA.mapToItem(old);

    RolloutState state = decoded.state();
    assertThat(decoded.version()).isEqualTo(3);
    assertThat(state.status()).isEqualTo(RolloutStatus.PAUSED);
    assertThat(state.revision()).isEqualTo(1);
    assertThat(state.approvedPhase()).isEqualTo(-1);
    assertThat(state.updatedAt()).isEqualTo(state.createdAt());
    assertThat(state.gates()).isEmpty();
    assertThat(state.actuationPending()).isFalse();
    assertThat(state.outbox()).singleElement().satisfies(n -> assertThat(n.values()).isEmpty());
  }

  /** A newer version added attributes; this one reads past them. */
  @Test
  void anItemWithUnknownNewerFieldsDecodes() {
    Rollout rollout = new Rollout(TestPlans.plan("alpha"), fullState(), 7);
    Map<String, AttributeValue> item = new HashMap<>(RolloutSchema.SCHEMA.itemToMap(rollout, true));
    item.put("someFutureField", AttributeValue.fromM(Map.of("x", AttributeValue.fromN("1"))));

    assertThat(RolloutSchema.SCHEMA.mapToItem(item)).isEqualTo(rollout);
  }

  @Test
  void historyEntriesSurviveARoundTrip() {
    HistoryEntry full =
        new HistoryEntry(
            "alpha",
            12,
            T,
            "alarm:x",
            "ROLLBACK",
            RolloutStatus.RUNNING,
            RolloutStatus.ROLLED_BACK,
            2,
            "error_rate-rollback",
            Map.of("error_rate", 6.25, "odd", Double.NaN, "neg", -0.0),
            "error rate 6.25 % > 5 %");
    HistoryEntry sparse =
        new HistoryEntry(
            "alpha", 1, T, "controller", "START", null, null, -1, null, Map.of(), null);

    for (HistoryEntry entry : List.of(full, sparse)) {
      var item = HistorySchema.SCHEMA.itemToMap(entry, true);
      assertThat(HistorySchema.SCHEMA.mapToItem(item)).isEqualTo(entry);
    }
  }

  static RolloutState fullState() {
    return new RolloutState(
        RolloutStatus.RUNNING,
        3,
        1,
        T.minusSeconds(600),
        T.plusSeconds(60),
        Map.of(
            TestPlans.ROLLBACK_GATE,
            new GateStreak(T.minusSeconds(120), 2, 1),
            TestPlans.PAUSE_GATE,
            GateStreak.CLEAR),
        Set.of("dashboards", "on-call"),
        1,
        2,
        new RolloutState.LastDecision("HOLD", T, "bake time left: 4m", "controller"),
        9,
        List.of(
            new Notification(
                "n-1",
                "alpha",
                "ADVANCE",
                Notification.Severity.INFO,
                "[ADVANCE] alpha",
                "{}",
                Map.of("error_rate", 0.5, "p99", Double.POSITIVE_INFINITY),
                T),
            new Notification(
                "n-2", "alpha", "PAUSE", Notification.Severity.WARNING, "s", "m", Map.of(), T)),
        Instant.parse("2025-03-03T09:00:00Z"),
        T,
        true,
        new Lease("tick-1", T.plusSeconds(30)),
        fullView());
  }

  static ControllerView fullView() {
    return new ControllerView(
        new Holding(
            HoldKind.GATE_INCONCLUSIVE,
            "waiting on error_rate-rollback: only 40 of 100 requests",
            T.minusSeconds(300),
            T.plusSeconds(3600),
            TestPlans.ROLLBACK_GATE,
            "error_rate",
            "arn:aws:iam::1:user/ana"),
        List.of(
            new GateView(
                TestPlans.ROLLBACK_GATE,
                Verdict.INCONCLUSIVE,
                0.012,
                0.01,
                40L,
                9876L,
                1e-200,
                0.004,
                "error_rate: only 40 of 100 requests"),
            new GateView(TestPlans.PAUSE_GATE, null, null, null, null, null, null, null, null)),
        T);
  }

  /** A hold the previous version wrote lacks the view; this one reads it as nothing recorded. */
  @Test
  void anItemWithoutAViewReadsAsNothingRecorded() {
    Rollout rollout = new Rollout(TestPlans.plan("alpha"), fullState(), 7);
    Map<String, AttributeValue> item = new HashMap<>(RolloutSchema.SCHEMA.itemToMap(rollout, true));
    assertThat(item).containsKey("view");
    item.remove("view");

    assertThat(RolloutSchema.SCHEMA.mapToItem(item).state().view()).isNull();
  }

  /** An old history entry spelled its command in lower case; it reads in the one spelling. */
  @Test
  void anOldLowerCaseActionReadsUpperCased() {
    HistoryEntry entry =
        new HistoryEntry(
            "alpha", 4, T, "alice", "ROLLBACK", null, null, -1, null, Map.of(), "rolled back");
    Map<String, AttributeValue> item = new HashMap<>(HistorySchema.SCHEMA.itemToMap(entry, true));
    item.put("action", AttributeValue.fromS("rollback"));

    assertThat(HistorySchema.SCHEMA.mapToItem(item).action()).isEqualTo("ROLLBACK");
  }

  private static Map<String, AttributeValue> oldNotification() {
    return Map.of(
        "id", AttributeValue.fromS("n-1"),
        "rolloutId", AttributeValue.fromS("alpha"),
        "eventType", AttributeValue.fromS("ADVANCE"),
        "severity", AttributeValue.fromS("INFO"),
        "at", AttributeValue.fromN("1740992400"));
  }
}

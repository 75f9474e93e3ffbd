package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.state.HistoryEntry;
import dev.flightplan.core.state.Notification;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.evaluation.Exposure;
import dev.flightplan.functions.events.UnrecognizedEventException;
import dev.flightplan.functions.observe.HandlerMetrics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way an alarm reaches Lambda, from the {@code events/alarm} fixtures. */
class AlarmHandlerTest {
  private static final String BOUND = "[search-5xx-critical, search-health]";
  private final Handlers h = new Handlers();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alarm/eventbridge-alarm-state-change",
        "alarm/sns-alarm",
        "alarm/lambda-alarm-action",
        "alarm/lambda-composite-alarm-action"
      })
  void eachShapeRollsBackEveryBoundActiveRolloutInOneInvocation(String fixture) {
    h.running("search", BOUND);
    h.running("ranker", BOUND);
    h.running("unrelated", "[other-alarm]");
    h.created("draft", BOUND);

    Map<String, Object> result = h.invokeAlarm(fixture);

    assertThat(h.status("search")).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(h.status("ranker")).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(h.status("unrelated")).isEqualTo(RolloutStatus.RUNNING);
    assertThat(h.status("draft")).isEqualTo(RolloutStatus.DRAFT);
    assertThat(h.actuator.exposure("search")).isEqualTo(Exposure.NONE);
    assertThat(rollbacks())
        .extracting(Notification::rolloutId)
        .containsExactlyInAnyOrder("search", "ranker");
    HistoryEntry last = lastEntry("search");
    assertThat(last.action()).isEqualTo("ROLLBACK");
    assertThat(last.actor()).startsWith("alarm:search-");
    assertThat(change(result).get("rolledBack")).isEqualTo(List.of("ranker", "search"));
    assertThat(h.metrics.last().get(HandlerMetrics.ALARM_ROLLBACKS).value()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "alarm/eventbridge-alarm-state-change",
        "alarm/sns-alarm",
        "alarm/lambda-alarm-action"
      })
  void aDuplicateDeliveryChangesNothing(String fixture) {
    h.running("search", BOUND);
    h.invokeAlarm(fixture);
    h.running("later", BOUND); // started after the first delivery

    Map<String, Object> again = h.invokeAlarm(fixture);

    assertThat(h.status("later")).isEqualTo(RolloutStatus.RUNNING);
    assertThat(change(again).get("rolledBack")).isEqualTo(List.of());
    assertThat(rollbacks()).hasSize(1);
  }

  @Test
  void anotherStateChangeOfTheSameAlarmIsNotADuplicate() {
    h.running("search", BOUND);
    h.invokeAlarm("alarm/lambda-alarm-action");
    h.running("later", BOUND);
    Map<String, Object> event = Handlers.event("alarm/lambda-alarm-action");
    @SuppressWarnings("unchecked")
    Map<String, Object> data = new HashMap<>((Map<String, Object>) event.get("alarmData"));
    @SuppressWarnings("unchecked")
    Map<String, Object> state = new HashMap<>((Map<String, Object>) data.get("state"));
    state.put("timestamp", "2026-11-24T09:31:12.004+0000");
    data.put("state", state);
    event.put("alarmData", data);

    h.invokeAlarm(event);

    assertThat(h.status("later")).isEqualTo(RolloutStatus.ROLLED_BACK);
  }

  @Test
  void okIsRecordedAndChangesNothing() {
    h.running("search", BOUND);

    Map<String, Object> result = h.invokeAlarm("alarm/eventbridge-alarm-state-change-ok");

    assertThat(h.status("search")).isEqualTo(RolloutStatus.RUNNING);
    assertThat(change(result)).containsEntry("state", "OK").containsEntry("rolledBack", List.of());
    assertThat(h.store.isProcessed("alarm:eventbridge:5f7b1a3e-2d4c-4b8e-9f61-0a2c3e4d5b6a"))
        .isTrue();
  }

  @Test
  void insufficientDataRollsBackOnlyWhereTheBindingSaysSo() {
    h.running("strict", "[{name: latency-high, insufficientData: rollback}]");
    h.running("lenient", "[latency-high]");

    h.invokeAlarm("alarm/eventbridge-alarm-insufficient-data");

    assertThat(h.status("strict")).isEqualTo(RolloutStatus.ROLLED_BACK);
    assertThat(h.status("lenient")).isEqualTo(RolloutStatus.RUNNING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"controller/scheduler-input", "controller/scheduled-event"})
  void anotherTriggersEventFailsLoudly(String fixture) {
    h.running("search", BOUND);

    assertThatThrownBy(() -> h.invokeAlarm(fixture))
        .isInstanceOf(UnrecognizedEventException.class)
        .hasMessageContaining("not an alarm state change");
    assertThat(h.status("search")).isEqualTo(RolloutStatus.RUNNING);
    assertThat(h.metrics.flushed()).isEmpty();
  }

  @Test
  void malformedAlarmPayloadsFailWithWhatIsMissing() {
    Map<String, Object> noState = Handlers.event("alarm/eventbridge-alarm-state-change");
    noState.put("detail", Map.of("alarmName", "search-5xx-critical"));
    Map<String, Object> strangeState = Handlers.event("alarm/lambda-alarm-action");
    strangeState.put(
        "alarmData",
        Map.of("alarmName", "x", "state", Map.of("value", "FIRE", "timestamp", "2026")));
    Map<String, Object> notAnAlarm =
        Map.of("Records", List.of(Map.of("Sns", Map.of("MessageId", "m-1", "Message", "hello"))));

    assertThatThrownBy(() -> h.invokeAlarm(noState)).hasMessageContaining("detail.state.value");
    assertThatThrownBy(() -> h.invokeAlarm(strangeState)).hasMessageContaining("'FIRE'");
    assertThatThrownBy(() -> h.invokeAlarm(notAnAlarm))
        .isInstanceOf(UnrecognizedEventException.class)
        .hasMessageContaining("m-1");
    assertThatThrownBy(() -> h.invokeAlarm(Map.of())).hasMessageContaining("fields []");
  }

  private List<Notification> rollbacks() {
    return h.notifier.sent().stream().filter(n -> n.eventType().equals("ROLLBACK")).toList();
  }

  private HistoryEntry lastEntry(String id) {
    List<HistoryEntry> history = h.store.history(id);
    return history.get(history.size() - 1);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> change(Map<String, Object> result) {
    List<Map<String, Object>> changes = (List<Map<String, Object>>) result.get("changes");
    assertThat(changes).hasSize(1);
    return changes.get(0);
  }
}

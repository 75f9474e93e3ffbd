package dev.flightplan.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The builder is the record's mutable twin: nothing more, nothing less, nothing crossed. */
class RolloutStateBuilderTest {
  private static final Instant T = Instant.parse("2025-03-03T09:00:00Z");
  private static final RecordComponent[] FIELDS = RolloutState.class.getRecordComponents();

  @Test
  void theBuilderHasOneFieldAndOneSetterPerStateFieldInTheSameOrder() throws Exception {
    List<Field> fields =
        Arrays.stream(RolloutStateBuilder.class.getDeclaredFields())
            .filter(f -> !Modifier.isStatic(f.getModifiers()))
            .toList();

    assertThat(fields).extracting(Field::getName).containsExactly(names());
    for (int i = 0; i < FIELDS.length; i++) {
      assertThat(fields.get(i).getGenericType()).isEqualTo(FIELDS[i].getGenericType());
      Method setter = setter(FIELDS[i]);
      assertThat(Modifier.isPublic(setter.getModifiers())).as(setter.getName()).isTrue();
      assertThat(setter.getReturnType()).isEqualTo(RolloutStateBuilder.class);
    }
  }

  /** Each setter changes its own field and no other. */
  @Test
  void everySetterSetsItsOwnField() throws Exception {
    RolloutState before = one();
    RolloutState other = another();
    for (RecordComponent changed : FIELDS) {
      RolloutStateBuilder builder = before.toBuilder();
      setter(changed).invoke(builder, changed.getAccessor().invoke(other));

      RolloutState after = builder.build();

      for (RecordComponent field : FIELDS) {
        Object expected = field.getAccessor().invoke(field == changed ? other : before);
        assertThat(field.getAccessor().invoke(after))
            .as("%s after setting %s", field.getName(), changed.getName())
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void aCopyEqualsTheOriginal() {
    assertThat(one().toBuilder().build()).isEqualTo(one());
    assertThat(another().toBuilder().build()).isEqualTo(another());
  }

  @Test
  void aNewBuilderBuildsADraftWithoutTimes() {
    RolloutState state = new RolloutStateBuilder().build();

    assertThat(state.status()).isEqualTo(RolloutStatus.DRAFT);
    assertThat(state.revision()).isEqualTo(1);
    assertThat(state.phase()).isEqualTo(-1);
    assertThat(state.approvedPhase()).isEqualTo(-1);
    assertThat(state.rolledBackRevision()).isZero();
    assertThat(state.historySeq()).isZero();
    assertThat(state.gates()).isEmpty();
    assertThat(state.checklistDone()).isEmpty();
    assertThat(state.outbox()).isEmpty();
    assertThat(state.actuationPending()).isFalse();
    assertThat(state.phaseStartedAt()).isNull();
    assertThat(state.nextEvaluationAt()).isNull();
    assertThat(state.createdAt()).isNull();
    assertThat(state.updatedAt()).isNull();
    assertThat(state.lastDecision()).isNull();
    assertThat(state.outboxLease()).isNull();
  }

  @Test
  void aDraftIsCreatedAndUpdatedNow() {
    RolloutState draft = RolloutState.draft(T);

    assertThat(draft)
        .isEqualTo(new RolloutStateBuilder().createdAt(T).updatedAt(T).build())
        .extracting(RolloutState::createdAt, RolloutState::updatedAt)
        .containsExactly(T, T);
  }

  private static String[] names() {
    return Arrays.stream(FIELDS).map(RecordComponent::getName).toArray(String[]::new);
  }

  private static Method setter(RecordComponent field) throws NoSuchMethodException {
    return RolloutStateBuilder.class.getMethod(field.getName(), field.getType());
  }

  /** Two states that differ in every field. */
  private static RolloutState one() {
    return new RolloutState(
        RolloutStatus.RUNNING,
        2,
        1,
        T,
        T.plusSeconds(60),
        Map.of("g", new GateStreak(T, 1, 0)),
        Set.of("on-call"),
        1,
        1,
        new RolloutState.LastDecision("HOLD", T, "bake"),
        4,
        List.of(),
        T.minusSeconds(600),
        T,
        false,
        null,
        null);
  }

  private static RolloutState another() {
    return new RolloutState(
        RolloutStatus.PAUSED,
        3,
        2,
        T.plusSeconds(1),
        null,
        Map.of(),
        Set.of(),
        -1,
        0,
        null,
        5,
        List.of(
            new Notification(
                "n-1", "a", "PAUSE", Notification.Severity.WARNING, "s", "m", Map.of(), T)),
        T.minusSeconds(1200),
        T.plusSeconds(5),
        true,
        new Lease("tick-1", T.plusSeconds(30)),
        new ControllerView(
            new Holding(HoldKind.BAKING, "baking", T, T.plusSeconds(60), null, null, null),
            List.of(),
            T));
  }
}

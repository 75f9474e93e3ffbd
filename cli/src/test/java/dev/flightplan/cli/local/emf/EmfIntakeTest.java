package dev.flightplan.cli.local.emf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Documents CloudWatch would refuse are refused whole, and nothing of them is kept. */
class EmfIntakeTest {
  static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
  static final String GOOD =
      "{\"_aws\":{\"Timestamp\":TS,\"CloudWatchMetrics\":[{\"Namespace\":\"Shop\","
          + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"Requests\"}]}]},"
          + "\"Service\":\"checkout\",\"Requests\":VALUE}";

  final EmfStore store = new EmfStore();
  final EmfIntake intake = new EmfIntake(store, Clock.fixed(NOW, ZoneOffset.UTC));

  static String document(long timestampMillis, String value) {
    return GOOD.replace("TS", Long.toString(timestampMillis)).replace("VALUE", value);
  }

  @Test
  void aGoodDocumentIsKeptUnderItsMinute() {
    intake.take(document(NOW.toEpochMilli(), "[1,2,3]"));

    assertThat(intake.accepted()).isEqualTo(1);
    assertThat(store.seriesCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1]",
        "{\"Requests\":1}",
        "{\"_aws\":{\"CloudWatchMetrics\":[]}}",
        "{\"_aws\":{\"Timestamp\":\"now\",\"CloudWatchMetrics\":[]}}",
        "{\"_aws\":{\"Timestamp\":1772442000000,\"CloudWatchMetrics\":[{\"Dimensions\":[],"
            + "\"Metrics\":[]}]}}",
      })
  void brokenDocumentsAreRefused(String line) {
    intake.take(line);

    assertThat(intake.refused()).isEqualTo(1);
    assertThat(store.seriesCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"fast\"",
        "[]",
        "{\"Values\":[1,2],\"Counts\":[1]}",
        "{\"Max\":1,\"Min\":1,\"Count\":1}",
      })
  void valuesOfTheWrongFormAreRefused(String value) {
    intake.take(document(NOW.toEpochMilli(), value));

    assertThat(intake.refused()).isEqualTo(1);
  }

  @Test
  void aHundredValuesAreTakenAndOneMoreIsNot() {
    String hundred = "[" + "1,".repeat(99) + "1]";

    intake.take(document(NOW.toEpochMilli(), hundred));
    intake.take(document(NOW.toEpochMilli(), hundred.replace("[", "[1,")));

    assertThat(intake.accepted()).isEqualTo(1);
    assertThat(intake.refused()).isEqualTo(1);
  }

  @Test
  void timestampsTooOldToKeepOrTooFarAheadAreRefused() {
    intake.take(document(NOW.minusSeconds(3 * 3600).toEpochMilli(), "1"));
    intake.take(document(NOW.plusSeconds(3 * 3600).toEpochMilli(), "1"));

    assertThat(intake.refused()).isEqualTo(2);
  }

  @Test
  void aDimensionWithoutItsValueRefusesTheDocument() {
    intake.take(document(NOW.toEpochMilli(), "1").replace("\"Service\":\"checkout\",", ""));

    assertThat(intake.refused()).isEqualTo(1);
  }
}

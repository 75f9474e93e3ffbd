package dev.flightplan.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.core.plan.Notify;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DigestPeriodTest {
  @Test
  void theDueDailyPeriodIsTheUtcDayThatEndedLast() {
    DigestPeriod period =
        DigestPeriod.lastCompleted(Notify.Digest.DAILY, Instant.parse("2026-11-29T00:00:00Z"));

    assertThat(period.start()).isEqualTo(Instant.parse("2026-11-28T00:00:00Z"));
    assertThat(period.end()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
    assertThat(
            DigestPeriod.lastCompleted(Notify.Digest.DAILY, Instant.parse("2026-11-29T23:59:59Z")))
        .isEqualTo(period);
    assertThat(period.key("payments")).isEqualTo("digest:payments:daily:2026-11-28T00:00:00Z");
  }

  @Test
  void theDueHourlyPeriodIsTheUtcHourThatEndedLastAndHoldsItsStartButNotItsEnd() {
    DigestPeriod period =
        DigestPeriod.lastCompleted(Notify.Digest.HOURLY, Instant.parse("2026-11-29T10:59:00Z"));

    assertThat(period.start()).isEqualTo(Instant.parse("2026-11-29T09:00:00Z"));
    assertThat(period.contains(Instant.parse("2026-11-29T09:00:00Z"))).isTrue();
    assertThat(period.contains(Instant.parse("2026-11-29T09:59:59Z"))).isTrue();
    assertThat(period.contains(Instant.parse("2026-11-29T10:00:00Z"))).isFalse();
    assertThat(period.key("default")).isEqualTo("digest:default:hourly:2026-11-29T09:00:00Z");
  }

  @Test
  void aPlanWithoutADigestHasNoPeriod() {
    assertThatThrownBy(() -> DigestPeriod.lastCompleted(Notify.Digest.NONE, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class);
  }
}

package dev.flightplan.infra.sns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SnsSubjectTest {

  @Test
  void aReadableAsciiSubjectIsKeptAsItIs() {
    String subject = "[ROLLBACK] new-search-algorithm: error_rate 6.2 % > 5 % for 10m";
    assertThat(SnsSubject.of(subject, "x")).isEqualTo(subject);
  }

  @Test
  void accentsAreDroppedAndSymbolsSpelledInAscii() {
    assertThat(SnsSubject.of("[PAUSE] suche: Latenz ≥ 2× Basis — café…", "x"))
        .isEqualTo("[PAUSE] suche: Latenz >= 2x Basis - cafe...");
    assertThat(SnsSubject.of("p95 ≠ baseline, 120 µs ± 3", "x"))
        .isEqualTo("p95 != baseline, 120 us +/- 3");
  }

  @Test
  void whatHasNoAsciiSpellingBecomesAQuestionMark() {
    assertThat(SnsSubject.of("[START] 検索 🚀 go", "x")).isEqualTo("[START] ?? ? go");
  }

  @Test
  void lineBreaksTabsAndControlCharactersBecomeOneSpace() {
    assertThat(SnsSubject.of("  [ADVANCE]\r\n r1:\tstep\u0000 2 \u00a0 ", "x"))
        .isEqualTo("[ADVANCE] r1: step 2");
  }

  @Test
  void aLongSubjectIsCutAtAWordAndEndsInAnEllipsis() {
    String subject = "[ROLLBACK] r1: " + "latency_p95 exceeded twice the baseline ".repeat(5);

    String shown = SnsSubject.of(subject, "x");

    assertThat(shown).hasSizeLessThanOrEqualTo(SnsSubject.MAX_LENGTH).endsWith("...");
    assertThat(shown).doesNotContain(" ...");
    assertThat(subject).startsWith(shown.substring(0, shown.length() - 3));
    assertThat(subject.charAt(shown.length() - 3)).isEqualTo(' ');
  }

  @Test
  void aLongWordIsCutWhereTheRoomEnds() {
    String shown = SnsSubject.of("[ROLLBACK] " + "x".repeat(200), "x");
    assertThat(shown).hasSize(SnsSubject.MAX_LENGTH).endsWith("x...");
  }

  @Test
  void exactlyTheLimitIsNotCut() {
    String subject = "s".repeat(SnsSubject.MAX_LENGTH);
    assertThat(SnsSubject.of(subject, "x")).isEqualTo(subject);
  }

  @Test
  void aSubjectWithNothingPrintableGetsTheFallback() {
    assertThat(SnsSubject.of(" \n\t ", "[ROLLBACK] r1")).isEqualTo("[ROLLBACK] r1");
    assertThat(SnsSubject.of(null, "[ROLLBACK] r1")).isEqualTo("[ROLLBACK] r1");
  }

  @Test
  void anyTextBecomesOneLineOfPrintableAsciiWithinTheLimit() {
    Random random = new Random(42);
    for (int i = 0; i < 2_000; i++) {
      String shown = SnsSubject.of(randomText(random), "[EVENT] r");
      assertThat(shown)
          .isNotBlank()
          .hasSizeLessThanOrEqualTo(SnsSubject.MAX_LENGTH)
          .isEqualTo(shown.strip());
      assertThat(shown.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    }
  }

  private static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(300);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(4);
      int cp =
          switch (kind) {
            case 0 -> random.nextInt(0x80);
            case 1 -> 0x80 + random.nextInt(0x780);
            case 2 -> 0x2000 + random.nextInt(0x300);
            default -> 0x1f300 + random.nextInt(0x300);
          };
      text.appendCodePoint(cp);
    }
    return text.toString();
  }
}

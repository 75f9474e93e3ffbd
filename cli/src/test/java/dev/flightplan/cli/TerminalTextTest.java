package dev.flightplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalTextTest {
  /** A reason that clears the screen, then forges a line of the local console. */
  static final String FORGED_LINE =
      "ok\u001b[2J\u001b[H\r\nnotify  2026-03-02T10:00:00Z  CRITICAL checkout-v2 ROLLBACK: forged";

  @Test
  void controlCharactersBecomeVisibleEscapes() {
    assertThat(TerminalText.escape(FORGED_LINE))
        .isEqualTo(
            "ok\\x1b[2J\\x1b[H\\r\\nnotify  2026-03-02T10:00:00Z  CRITICAL checkout-v2 ROLLBACK:"
                + " forged");
    assertThat(TerminalText.escape("a\tb\u0000c\u007fd")).isEqualTo("a\\tb\\x00c\\x7fd");
  }

  @Test
  void c1ControlsBidiOverridesAndLineSeparatorsAreEscaped() {
    // U+009B is CSI on its own; U+202E reverses what follows; U+2028 breaks the line.
    assertThat(TerminalText.escape("\u009b31mred")).isEqualTo("\\x9b31mred");
    assertThat(TerminalText.escape("file\u202egnp.exe")).isEqualTo("file\\u202egnp.exe");
    assertThat(TerminalText.escape("a\u2066b\u2069c\u200fd"))
        .isEqualTo("a\\u2066b\\u2069c\\u200fd");
    assertThat(TerminalText.escape("one\u2028two\u2029three"))
        .isEqualTo("one\\u2028two\\u2029three");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "checkout-v2",
        "Ranker v2 behind a flag",
        "Überprüfung — 5 % «beta»",
        "日本語のテキスト",
        "family 👨‍👩‍👧 emoji with joiners",
        "a \\x1b that was typed"
      })
  void printableTextIsLeftAlone(String text) {
    assertThat(TerminalText.escape(text)).isSameAs(text);
  }

  @Test
  void escapingTwiceChangesNothing() {
    String once = TerminalText.escape(FORGED_LINE + "\u202e\u0085");

    assertThat(TerminalText.escape(once)).isEqualTo(once);
  }

  @Test
  void nullStaysNull() {
    assertThat(TerminalText.escape(null)).isNull();
  }

  @Test
  void jsonForTheTerminalEscapesWhatJsonAllowsRaw() throws Exception {
    ObjectMapper json = new ObjectMapper();
    json.getFactory().setCharacterEscapes(TerminalText.JSON_ESCAPES);

    String text = json.writeValueAsString(Map.of("reason", "a\u001b[31m\u007f\u009b\u202eé"));

    assertThat(text).isEqualTo("{\"reason\":\"a\\u001B[31m\\u007F\\u009b\\u202eé\"}");
    assertThat(json.readTree(text).path("reason").asText())
        .isEqualTo("a\u001b[31m\u007f\u009b\u202eé");
  }
}

package dev.flightplan.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;

/** The hand-written encoder must give exactly the JDK's UTF-8 bytes, for any string at all. */
class Utf8PropertiesTest {

  @Property(tries = 2_000)
  void encodesLikeTheJdk(@ForAll @CharRange(from = 0, to = 0xFFFF) String s) {
    assertEncodesLikeTheJdk(s);
  }

  @Property
  void encodesAsciiLikeTheJdk(@ForAll @CharRange(from = 0, to = 0x7F) String s) {
    assertEncodesLikeTheJdk(s);
  }

  @Example
  void encodesEveryKindOfCharLikeTheJdk() {
    for (String s :
        new String[] {
          "",
          "a",
          "é",
          "ÿ",
          "\u07FF",
          "\u0800",
          "日本",
          "\uFFFF",
          "🚀",
          "👩\u200D💻",
          "𝄞",
          "\uD83D", // lone high surrogate
          "\uDE80x", // lone low surrogate
          "x\uD83D", // high surrogate at the end
          "\uDE80\uD83D", // a pair in the wrong order
          "\uD83D\uD83D\uDE80", // high, then a full pair
        }) {
      assertEncodesLikeTheJdk(s);
    }
  }

  private static void assertEncodesLikeTheJdk(String s) {
    byte[] dst = new byte[1 + Utf8.MAX_BYTES_PER_CHAR * s.length()];
    int end = Utf8.encode(s, dst, 1);
    assertThat(Arrays.copyOfRange(dst, 1, end)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
  }
}

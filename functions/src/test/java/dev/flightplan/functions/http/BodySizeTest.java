package dev.flightplan.functions.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BodySizeTest {

  @Test
  void textIsCountedInUtf8Bytes() {
    for (String text :
        new String[] {"", "plain", "größe", "€ and 😀", "\uD83D\uDE00\uD83D\uDE00"}) {
      assertThat(BodySize.of(text, false))
          .as(text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void base64IsCountedDecoded() {
    for (int length = 0; length < 10; length++) {
      byte[] bytes = new byte[length];
      assertThat(BodySize.of(Base64.getEncoder().encodeToString(bytes), true)).isEqualTo(length);
      assertThat(BodySize.of(Base64.getMimeEncoder().encodeToString(new byte[100 + length]), true))
          .isEqualTo(100 + length);
      assertThat(BodySize.of(Base64.getEncoder().withoutPadding().encodeToString(bytes), true))
          .isEqualTo(length);
    }
  }
}

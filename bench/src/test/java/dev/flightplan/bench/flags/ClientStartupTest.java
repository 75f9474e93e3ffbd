package dev.flightplan.bench.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientStartupTest {
  @Test
  void theMedianOfAnOddCountIsTheMiddleOfAnEvenOneTheMean() {
    assertThat(ClientStartup.median(List.of(1.0, 2.0, 9.0))).isEqualTo(2.0);
    assertThat(ClientStartup.median(List.of(1.0, 2.0, 4.0, 9.0))).isEqualTo(3.0);
  }
}

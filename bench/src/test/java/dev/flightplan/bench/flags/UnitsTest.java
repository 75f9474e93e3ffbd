package dev.flightplan.bench.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UnitsTest {
  @Test
  void unitsAreDistinctVersion4UuidsThatRepeatAfterTheLast() {
    Units units = Units.uuids();
    String[] first = new String[Units.COUNT];
    for (int i = 0; i < Units.COUNT; i++) {
      first[i] = units.next();
    }

    assertThat(new HashSet<>(Arrays.asList(first))).hasSize(Units.COUNT);
    assertThat(Arrays.stream(first).map(UUID::fromString))
        .allSatisfy(id -> assertThat(id.version()).isEqualTo(4))
        .allSatisfy(id -> assertThat(id.variant()).isEqualTo(2));
    assertThat(units.next()).isEqualTo(first[0]);
  }

  @Test
  void theSameSeedGivesTheSameUnits() {
    assertThat(Units.randomUuids(5, 3)).containsExactly(Units.randomUuids(5, 3));
    assertThat(Units.randomUuids(5, 3)).doesNotContain(Units.randomUuids(5, 4));
  }
}

package dev.flightplan.core.plan;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Plan fixtures and assertions shared by the plan tests. */
final class PlanFixtures {
  /** The smallest valid body: an id and a way back. Tests append the fields they try. */
  static final String MINIMAL = "rollout: demo\nalarms: [demo-5xx]\n";

  private PlanFixtures() {}

  static String resource(String path) {
    try (InputStream in = PlanFixtures.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Plan read(String yaml) {
    return PlanReader.read(yaml, PlanFormat.YAML);
  }

  /** The errors reading {@code yaml} throws; fails when it reads fine. */
  static List<FieldError> errors(String yaml) {
    try {
      PlanReader.read(yaml);
    } catch (PlanException e) {
      return e.errors();
    }
    throw new AssertionError("expected the plan to be refused:\n" + yaml);
  }

  static void assertRefused(String yaml) {
    assertThatThrownBy(() -> PlanReader.read(yaml)).isInstanceOf(PlanException.class);
  }
}

package dev.flightplan.cli.commands;

import static dev.flightplan.cli.CliHarness.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flightplan.cli.CliHarness;
import dev.flightplan.cli.CliHarness.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Errors say what is wrong and what to do, in words, never as an exception's class name. */
class ErrorWordsTest {
  private final CliHarness cli = new CliHarness();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    cli.close();
  }

  @Test
  void aMissingPlanFileIsNamed() {
    Path missing = dir.resolve("nope.yaml");

    Run lint = CliHarness.run("lint", "-f", missing.toString());
    Run create = cli.api("create", "-f", missing.toString());

    assertThat(lint.err()).contains("cannot read " + missing + ": no such file");
    assertThat(create.err()).contains("cannot read " + missing + ": no such file");
    assertThat(lint.err() + create.err()).doesNotContain("Exception");
  }

  @Test
  void aPlanFileThatIsNotUtf8SaysSo() throws IOException {
    Path latin1 = dir.resolve("plan.yaml");
    Files.write(latin1, new byte[] {'r', 'o', 'l', 'l', 'o', 'u', 't', ':', ' ', (byte) 0xE9});

    Run lint = CliHarness.run("lint", "-f", latin1.toString());

    assertThat(lint.exit()).isEqualTo(ExitCodes.INVALID);
    assertThat(lint.err()).contains("not UTF-8 text; save it as UTF-8").doesNotContain("Exception");
  }

  @Test
  void aTraceFileThatIsMissingOrNotUtf8IsNamed() throws IOException {
    Path trace = dir.resolve("trace.csv");
    Files.write(trace, new byte[] {'t', 'i', 'm', 'e', (byte) 0xFF, '\n'});

    Run notUtf8 =
        CliHarness.run("simulate", "-f", plan("checkout.yaml"), "--metrics", trace.toString());
    Run missing =
        CliHarness.run(
            "simulate", "-f", plan("checkout.yaml"), "--metrics", dir.resolve("no.csv").toString());

    assertThat(notUtf8.err()).contains("cannot read " + trace + ": not UTF-8 text");
    assertThat(missing.err()).contains("no.csv: no such file");
  }

  @Test
  void createOfAnExistingIdPointsAtApply() {
    cli.api("create", "-f", plan("checkout.yaml"));

    Run again = cli.api("create", "-f", plan("checkout.yaml"));

    assertThat(again.exit()).isEqualTo(ExitCodes.REFUSED);
    assertThat(again.err())
        .contains("rollout checkout-v2 already exists; change it with `flightplan apply -f ")
        .doesNotContain("If-Match");
  }
}

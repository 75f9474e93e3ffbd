package dev.flightplan.core.simulate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed traces are what {@link CorpusGenerator} writes, byte for byte. With {@code
 * -Dflightplan.corpus.write=true} the test writes them first, which is how the corpus is
 * regenerated.
 */
class CorpusFilesTest {
  private static final long MAX_BYTES = 300_000;

  @Test
  void everyTraceIsWhatTheGeneratorWrites() throws IOException {
    Path directory = CorpusGenerator.defaultDirectory();
    if (Boolean.getBoolean("flightplan.corpus.write")) {
      CorpusGenerator.write(directory);
    }
    for (Scenario scenario : Scenarios.all()) {
      Path file = directory.resolve(scenario.traceFile());
      assertThat(file).as("regenerate the corpus").exists();
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .as("%s differs from what the generator writes; regenerate the corpus", file)
          .isEqualTo(CorpusGenerator.trace(scenario));
    }
  }

  @Test
  void theCorpusStaysSmall() {
    long bytes = Scenarios.all().stream().mapToLong(s -> CorpusGenerator.trace(s).length()).sum();
    assertThat(bytes).isLessThan(MAX_BYTES);
  }

  @Test
  void everyScenarioHasItsOwnNameAndSeedAndAPlanThatReads() {
    assertThat(Scenarios.all()).extracting(Scenario::name).doesNotHaveDuplicates();
    assertThat(Scenarios.all()).extracting(Scenario::seed).doesNotHaveDuplicates();
    Scenarios.all().forEach(s -> assertThat(Corpus.plan(s.plan()).id()).isEqualTo("corpus"));
  }
}

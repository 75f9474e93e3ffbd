package dev.flightplan.bench.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencySizesTest {
  @TempDir Path module;

  @Test
  void listsTheModuleJarThenItsDependenciesLargestFirstWithTheTotal() throws IOException {
    Path target = Files.createDirectories(module.resolve("target"));
    write(target.resolve("flightplan-client-0.1.0.jar"), 2_048);
    write(target.resolve("flightplan-client-0.1.0-sources.jar"), 99);
    write(target.resolve("flightplan-client-0.1.0-tests.jar"), 99);
    Path repository = Files.createDirectories(module.resolve("repository"));
    Path small = write(repository.resolve("small-1.0.jar"), 100);
    Path large = write(repository.resolve("large-2.0.jar"), 3 * 1_024 * 1_024);
    Files.writeString(
        target.resolve(DependencySizes.CLASS_PATH_FILE), small + File.pathSeparator + large + "\n");

    assertThat(DependencySizes.lines(module))
        .containsExactly(
            "| `flightplan-client-0.1.0.jar` and its runtime dependencies | size |",
            "|---|---:|",
            "| **flightplan-client-0.1.0.jar** | 2.0 KB |",
            "| large-2.0.jar | 3.0 MB |",
            "| small-1.0.jar | 100 B |",
            "| total: 3 jars | **3.0 MB** |");
  }

  @Test
  void aModuleWithoutDependenciesListsItsJarAlone() throws IOException {
    Path target = Files.createDirectories(module.resolve("target"));
    write(target.resolve("lib-1.jar"), 10);
    Files.writeString(target.resolve(DependencySizes.CLASS_PATH_FILE), "");

    assertThat(DependencySizes.lines(module)).contains("| total: 1 jar | **10 B** |");
  }

  private static Path write(Path file, int bytes) throws IOException {
    return Files.write(file, new byte[bytes]);
  }
}

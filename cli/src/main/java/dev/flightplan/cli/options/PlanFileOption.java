package dev.flightplan.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code -f PLAN}: the plan file a command reads. */
public final class PlanFileOption {
  @Option(
      names = {"-f", "--file"},
      required = true,
      paramLabel = "PLAN",
      description = "The plan, YAML or JSON.")
  private Path file;

  public Path path() {
    return file;
  }
}

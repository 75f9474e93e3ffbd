package dev.flightplan.cli.commands;

import picocli.CommandLine.Option;

/** {@code -o table|json}: for people or for scripts. */
public final class OutputOptions {
  /** How results are printed. */
  public enum Format {
    TABLE,
    JSON
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default) or json.")
  Format format = Format.TABLE;

  boolean json() {
    return format == Format.JSON;
  }
}

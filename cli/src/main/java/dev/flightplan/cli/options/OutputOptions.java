package dev.flightplan.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code -o table|json}: for people or for scripts. A command whose JSON needs more words says so
 * in {@code SharedOptionHelp.properties}.
 */
public final class OutputOptions {
  /** How results are printed; spelled as typed, like the other option values. */
  enum Format {
    table,
    json
  }

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      descriptionKey = "output",
      description = "table (default) or json.")
  private Format format = Format.table;

  public boolean json() {
    return format == Format.json;
  }
}

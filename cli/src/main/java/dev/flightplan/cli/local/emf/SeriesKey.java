package dev.flightplan.cli.local.emf;

import java.util.Map;

/** One CloudWatch metric: namespace, name and the full set of dimensions, as EMF defines it. */
record SeriesKey(String namespace, String metric, Map<String, String> dimensions) {
  SeriesKey {
    dimensions = Map.copyOf(dimensions);
  }
}

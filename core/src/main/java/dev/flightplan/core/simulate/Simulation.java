package dev.flightplan.core.simulate;

import java.util.List;

/** What a simulation did: every decision and command in time order, and how it ended. */
public record Simulation(List<TimelineEntry> timeline, SimulationSummary summary) {

  public Simulation {
    timeline = List.copyOf(timeline);
  }
}

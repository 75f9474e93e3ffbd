package dev.flightplan.core.simulate.corpus;

import java.util.function.IntPredicate;

/**
 * One labelled trace of the corpus: how each minute of each variant should look, how its draws
 * scatter, and which minutes the metrics source has no data for.
 *
 * @param name the trace's file name without {@code .csv}
 * @param plan the resource name of the plan it is replayed with
 * @param minutes how many one-minute periods the trace holds
 * @param seed where its random draws start
 * @param missing minutes without any row in either variant
 */
record Scenario(
    String name,
    String plan,
    int minutes,
    long seed,
    Noise noise,
    Profile profile,
    IntPredicate missing) {

  /** The conditions of one variant in one minute (0 is the trace's first). */
  interface Profile {
    Conditions at(int minute, String variant);
  }

  String traceFile() {
    return name + ".csv";
  }
}

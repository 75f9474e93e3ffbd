package dev.flightplan.core.state;

import java.time.Instant;

/**
 * What earlier evaluations of one gate left behind: since when it has breached without a break
 * (null when it passed last time), and how many reads in a row failed.
 */
public record GateStreak(Instant breachingSince, int consecutiveBreaches, int consecutiveErrors) {
  public static final GateStreak CLEAR = new GateStreak(null, 0, 0);
}

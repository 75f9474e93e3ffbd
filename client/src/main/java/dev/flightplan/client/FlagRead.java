package dev.flightplan.client;

import dev.flightplan.evaluation.FlagExposure;
import java.util.Map;

/**
 * One read of the flags table: the items that parsed, and the keys of those that did not with why.
 */
record FlagRead(Map<String, FlagExposure> flags, Map<String, RuntimeException> unreadable) {
  FlagRead {
    flags = Map.copyOf(flags);
    unreadable = Map.copyOf(unreadable);
  }
}

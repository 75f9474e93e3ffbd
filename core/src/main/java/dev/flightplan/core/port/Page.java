package dev.flightplan.core.port;

import dev.flightplan.core.state.UnreadableRollout;
import java.util.List;

/**
 * One page of results and the token for the next, null on the last page. Rollouts of the page whose
 * plan cannot be read are in {@code unreadable}, so one of them never fails the page.
 */
public record Page<T>(List<T> items, String nextToken, List<UnreadableRollout> unreadable) {
  public Page {
    items = List.copyOf(items);
    unreadable = List.copyOf(unreadable);
  }

  public Page(List<T> items, String nextToken) {
    this(items, nextToken, List.of());
  }
}

package dev.flightplan.core.port;

import java.util.List;

/**
 * Hands a tick's shards to concurrent workers (an SQS queue in AWS, docs/design.md §1.4): each
 * shard tick is delivered at least once, to one worker at a time. Throws {@link DispatchException}
 * when some could not be handed over; the ones it names were not.
 */
public interface ShardDispatcher {
  void dispatch(List<ShardTick> shards) throws DispatchException;
}

package dev.flightplan.core.port;

import java.util.List;

/** Some shard ticks could not be handed to the workers; {@link #undelivered()} names them. */
public final class DispatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ShardTick> undelivered;

  public DispatchException(String message, List<ShardTick> undelivered, Throwable cause) {
    super(message, cause);
    this.undelivered = List.copyOf(undelivered);
  }

  public List<ShardTick> undelivered() {
    return undelivered;
  }
}

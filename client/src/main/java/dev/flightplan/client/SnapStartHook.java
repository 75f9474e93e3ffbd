package dev.flightplan.client;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart (CRaC): no refresh thread is inside the snapshot, and a restored copy reads the
 * table again before it serves, bounded by the start timeout, then resumes polling. On a JVM
 * without CRaC registering does nothing.
 *
 * <p>The CRaC context holds resources weakly: the client keeps this hook in a field.
 */
final class SnapStartHook implements Resource {
  private final FlagClient client;

  private SnapStartHook(FlagClient client) {
    this.client = client;
  }

  static SnapStartHook register(FlagClient client) {
    SnapStartHook hook = new SnapStartHook(client);
    Core.getGlobalContext().register(hook);
    return hook;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    client.suspend();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    client.resume();
  }
}

package dev.flightplan.client;

import java.lang.System.Logger.Level;
import java.util.Set;

/** Calls the application's listener, so that its exceptions never stop the refresh thread. */
final class Listeners implements FlagClientListener {
  private static final System.Logger LOG = System.getLogger(Listeners.class.getName());
  private final FlagClientListener delegate;

  Listeners(FlagClientListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public void ready() {
    guarded("ready", delegate::ready);
  }

  @Override
  public void changed(Set<String> flagKeys) {
    guarded("changed", () -> delegate.changed(flagKeys));
  }

  @Override
  public void stale() {
    guarded("stale", delegate::stale);
  }

  @Override
  public void error(Exception cause) {
    LOG.log(Level.WARNING, "reading flags failed; the last good snapshot stays: " + cause, cause);
    guarded("error", () -> delegate.error(cause));
  }

  private static void guarded(String callback, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a FlagClientListener." + callback + " callback threw", e);
    }
  }
}

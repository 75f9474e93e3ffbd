package dev.flightplan.client;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Calls the application's listeners in order, so that their exceptions never stop the refresh
 * thread or the other listeners.
 */
final class Listeners implements FlagClientListener {
  private static final System.Logger LOG = System.getLogger(Listeners.class.getName());
  private final List<FlagClientListener> listeners = new CopyOnWriteArrayList<>();

  Listeners(List<FlagClientListener> listeners) {
    this.listeners.addAll(listeners);
  }

  void add(FlagClientListener listener) {
    listeners.add(listener);
  }

  @Override
  public void ready() {
    each("ready", FlagClientListener::ready);
  }

  @Override
  public void changed(Set<String> flagKeys) {
    each("changed", l -> l.changed(flagKeys));
  }

  @Override
  public void stale() {
    each("stale", FlagClientListener::stale);
  }

  @Override
  public void error(Exception cause) {
    LOG.log(Level.WARNING, "reading flags failed; the last good values stay: " + cause);
    each("error", l -> l.error(cause));
  }

  private void each(String callback, Consumer<FlagClientListener> call) {
    for (FlagClientListener listener : listeners) {
      try {
        call.accept(listener);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "a FlagClientListener." + callback + " callback threw", e);
      }
    }
  }
}

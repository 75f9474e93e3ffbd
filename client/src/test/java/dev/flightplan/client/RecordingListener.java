package dev.flightplan.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the listener calls, in order, as short strings. */
final class RecordingListener implements FlagClientListener {
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<Set<String>> changes = new CopyOnWriteArrayList<>();
  final List<Exception> errors = new CopyOnWriteArrayList<>();

  @Override
  public void ready() {
    calls.add("ready");
  }

  @Override
  public void changed(Set<String> flagKeys) {
    calls.add("changed " + flagKeys);
    changes.add(flagKeys);
  }

  @Override
  public void stale() {
    calls.add("stale");
  }

  @Override
  public void error(Exception cause) {
    calls.add("error");
    errors.add(cause);
  }

  long count(String call) {
    return calls.stream().filter(call::equals).count();
  }
}

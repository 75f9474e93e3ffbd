package dev.flightplan.core.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects every error found while reading one plan, so the author sees them all at once; past
 * {@link #MAX} they are counted, not kept, so a hostile plan cannot make a huge answer.
 */
final class FieldErrors {
  static final int MAX = 100;
  private final List<FieldError> errors = new ArrayList<>();
  private int count;

  void add(String path, String message, String hint) {
    if (count++ < MAX) {
      errors.add(new FieldError(path, message, hint == null ? "" : hint));
    }
  }

  int count() {
    return count;
  }

  List<FieldError> list() {
    return List.copyOf(errors);
  }

  void throwIfAny() {
    if (count > MAX) {
      List<FieldError> kept = new ArrayList<>(errors);
      kept.add(new FieldError("", "and " + (count - MAX) + " more problems", "fix these first"));
      throw new PlanException(kept);
    }
    if (!errors.isEmpty()) {
      throw new PlanException(errors);
    }
  }
}

package dev.flightplan.core.plan;

import java.util.ArrayList;
import java.util.List;

/** Collects every error found while reading one plan, so the author sees them all at once. */
final class FieldErrors {
  private final List<FieldError> errors = new ArrayList<>();

  void add(String path, String message, String hint) {
    errors.add(new FieldError(path, message, hint == null ? "" : hint));
  }

  int count() {
    return errors.size();
  }

  List<FieldError> list() {
    return List.copyOf(errors);
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new PlanException(errors);
    }
  }
}

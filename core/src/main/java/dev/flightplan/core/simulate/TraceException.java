package dev.flightplan.core.simulate;

import java.util.List;
import java.util.stream.Collectors;

/** A trace that cannot be read; carries every error found, each with its line and column. */
public final class TraceException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<TraceError> errors;

  public TraceException(List<TraceError> errors) {
    super(
        errors.stream()
            .map(TraceError::toString)
            .collect(Collectors.joining("\n", "invalid trace:\n", "")));
    this.errors = List.copyOf(errors);
  }

  public List<TraceError> errors() {
    return errors;
  }
}

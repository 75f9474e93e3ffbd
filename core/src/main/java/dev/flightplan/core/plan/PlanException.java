package dev.flightplan.core.plan;

import java.util.List;
import java.util.stream.Collectors;

/** A plan that cannot be read or is not valid; carries every error found, each with its path. */
public final class PlanException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<FieldError> errors;

  public PlanException(List<FieldError> errors) {
    super(
        errors.stream()
            .map(FieldError::toString)
            .collect(Collectors.joining("\n", "invalid plan:\n", "")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}

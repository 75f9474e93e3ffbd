package dev.flightplan.core.plan;

/**
 * One problem in a plan: {@code path} like {@code phases[2].percent}, what is wrong, and how to fix
 * it.
 */
public record FieldError(String path, String message, String hint) {

  @Override
  public String toString() {
    return path + ": " + message + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")");
  }
}

package dev.flightplan.cli.local.emf;

/** A document CloudWatch would refuse, with the reason. */
final class EmfException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EmfException(String reason) {
    super(reason);
  }
}

package dev.flightplan.core.simulate;

/**
 * One problem in a trace file: where (line 1 is the header; column 0 when it concerns the whole
 * line), what is wrong, and how to fix it.
 */
public record TraceError(int line, int column, String message, String hint) {

  @Override
  public String toString() {
    String where = column > 0 ? "line " + line + ", column " + column : "line " + line;
    return where + ": " + message + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")");
  }
}

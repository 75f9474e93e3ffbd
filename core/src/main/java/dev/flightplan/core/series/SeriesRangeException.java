package dev.flightplan.core.series;

/** A series range that cannot be served: the field at fault, what is wrong and the fix. */
public final class SeriesRangeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;
  private final String fix;

  public SeriesRangeException(String field, String problem, String fix) {
    super(field + " " + problem + "; " + fix);
    this.field = field;
    this.problem = problem;
    this.fix = fix;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }

  public String fix() {
    return fix;
  }
}

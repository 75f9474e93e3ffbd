package dev.flightplan.core.plan;

/** The operator of a gate: the gate breaches (or, for {@code require}, holds) when true. */
public enum Comparison {
  GT(">"),
  GE(">="),
  LT("<"),
  LE("<=");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  public boolean test(double value, double bound) {
    return switch (this) {
      case GT -> value > bound;
      case GE -> value >= bound;
      case LT -> value < bound;
      case LE -> value <= bound;
    };
  }

  public static Comparison fromSymbol(String symbol) {
    for (Comparison c : values()) {
      if (c.symbol.equals(symbol)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown operator: " + symbol);
  }
}

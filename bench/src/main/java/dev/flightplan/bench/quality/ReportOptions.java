package dev.flightplan.bench.quality;

/**
 * The report's command line.
 *
 * @param rollouts simulated rollouts per A/A cell
 * @param powerRollouts simulated rollouts per regression of each cell
 * @param seed the random streams derive from it alone
 * @param threads scenarios simulated at once
 */
public record ReportOptions(int rollouts, int powerRollouts, long seed, int threads) {
  static final int DEFAULT_ROLLOUTS = 2000;
  static final int DEFAULT_POWER_ROLLOUTS = 200;
  static final int QUICK_ROLLOUTS = 50;

  /** A regression gets this many times fewer rollouts than an A/A cell. */
  static final int POWER_SHARE = DEFAULT_ROLLOUTS / DEFAULT_POWER_ROLLOUTS;

  static final long DEFAULT_SEED = 20250106;

  static final String USAGE =
      """
      usage: decision-report [--rollouts N] [--power-rollouts M] [--seed S] [--threads T] [--quick]
        --rollouts N        healthy (A/A) rollouts per cell (default 2000)
        --power-rollouts M  rollouts per regression and cell (default N/10, so 200)
        --seed S            seed of every random stream (default 20250106)
        --threads T         scenarios simulated at once (default: the available processors)
        --quick             a smoke run: 50 healthy and 5 regressed rollouts per cell
      """;

  public static ReportOptions parse(String... args) {
    Integer rollouts = null;
    Integer powerRollouts = null;
    long seed = DEFAULT_SEED;
    int threads = Runtime.getRuntime().availableProcessors();
    boolean quick = false;
    for (int i = 0; i < args.length; i++) {
      String option = args[i];
      switch (option) {
        case "--quick" -> quick = true;
        case "--rollouts" -> rollouts = positive(option, valueAfter(args, i++));
        case "--power-rollouts" -> powerRollouts = positive(option, valueAfter(args, i++));
        case "--seed" -> seed = number(option, valueAfter(args, i++));
        case "--threads" -> threads = positive(option, valueAfter(args, i++));
        default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
      }
    }
    int healthy = rollouts != null ? rollouts : quick ? QUICK_ROLLOUTS : DEFAULT_ROLLOUTS;
    int regressed = powerRollouts != null ? powerRollouts : Math.max(1, healthy / POWER_SHARE);
    return new ReportOptions(healthy, regressed, seed, threads);
  }

  private static String valueAfter(String[] args, int i) {
    if (i + 1 >= args.length) {
      throw new IllegalArgumentException(args[i] + " needs a value\n" + USAGE);
    }
    return args[i + 1];
  }

  private static long number(String option, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not " + text, e);
    }
  }

  private static int positive(String option, String text) {
    long value = number(option, text);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(option + " needs a whole number above 0, not " + text);
    }
    return (int) value;
  }
}

package dev.flightplan.functions.parity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Units for the parity test, from a seeded source: UUIDs (lower and upper case), numbers, emails,
 * short ids, non-ASCII text (accents, CJK, emoji as surrogate pairs, combining marks, right-to-left
 * letters), long ids and ids with URL-special characters; each with attributes that sometimes match
 * an audience of {@link ParityFlags}. All are plain text the endpoint accepts.
 */
final class ParityUnits {
  /** A unit and its context attributes. */
  record Unit(String id, Map<String, String> attributes) {}

  private static final String[] NON_ASCII = {
    "é", "ß", "ñ", "日本", "語", "😀", "🚀", "e\u0301", "ﬁ", "Привет", "שלום", "مرحبا", "한국", "ü"
  };
  private static final String[] EMAIL_DOMAINS = {"@example.com", "@example.org", "@Example.com"};
  private static final String[] COUNTRIES = {"NL", "BE", "LU", "DE", "nl", "FR"};
  private static final String[] TEAMS = {"platform-core", "platform", "search", "Platform-x"};

  private final SplittableRandom random;

  ParityUnits(long seed) {
    this.random = new SplittableRandom(seed);
  }

  List<Unit> next(int count) {
    List<Unit> units = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      units.add(new Unit(id(i), attributes(i)));
    }
    return units;
  }

  private String id(int i) {
    int shape = random.nextInt(100);
    if (shape < 40) {
      return uuid();
    }
    if (shape < 50) {
      return uuid().toUpperCase(java.util.Locale.ROOT);
    }
    if (shape < 60) {
      return Long.toString(random.nextLong(1, 10_000_000_000L));
    }
    if (shape < 70) {
      return "user" + i + "@example.org";
    }
    if (shape < 78) {
      return "u-" + i;
    }
    if (shape < 92) {
      return nonAscii(i);
    }
    if (shape < 96) {
      return "long-" + "x".repeat(random.nextInt(100, 240)) + i;
    }
    return "a b+c/d?e=f&g%20#" + i;
  }

  private String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private String nonAscii(int i) {
    StringBuilder id = new StringBuilder();
    int parts = random.nextInt(1, 5);
    for (int p = 0; p < parts; p++) {
      id.append(NON_ASCII[random.nextInt(NON_ASCII.length)]);
    }
    return id.append('-').append(i).toString();
  }

  private Map<String, String> attributes(int i) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (random.nextInt(10) < 8) {
      attributes.put("email", "person" + i + EMAIL_DOMAINS[random.nextInt(EMAIL_DOMAINS.length)]);
    }
    int beta = random.nextInt(10);
    if (beta < 2) {
      attributes.put("beta", "true");
    } else if (beta < 5) {
      attributes.put("beta", beta == 2 ? "TRUE" : "false");
    }
    if (random.nextBoolean()) {
      attributes.put("country", COUNTRIES[random.nextInt(COUNTRIES.length)]);
    }
    if (random.nextInt(4) == 0) {
      attributes.put("team", TEAMS[random.nextInt(TEAMS.length)]);
    }
    if (random.nextInt(10) == 0) {
      attributes.put("plan", "enterprise"); // an attribute no audience reads
    }
    return attributes;
  }
}

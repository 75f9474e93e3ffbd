package dev.flightplan.core.plan;

import java.time.Duration;

/**
 * The bounds of a plan (docs/design.md §2.3). Whatever the reader accepts within them, the writer
 * writes back in a form the reader accepts again, and a stored rollout item stays far below
 * DynamoDB's 400 KB: {@link #STORED_BYTES} caps the plan as stored whatever the sum of the other
 * bounds. Texts are counted in code points.
 */
public final class PlanLimits {
  /** Characters of a plan text, YAML or JSON: the HTTP API's body limit. */
  public static final int TEXT_CHARS = 256 * 1024;

  /** UTF-8 bytes of the plan as stored (compact JSON). */
  public static final int STORED_BYTES = 160 * 1024;

  /** Characters of a number as written, and of a mapping key. */
  public static final int NUMBER_CHARS = 100;

  public static final int KEY_CHARS = 1_024;

  /** Nesting of mappings and lists; a plan needs five. */
  public static final int DEPTH = 20;

  /** Any free text not bounded tighter below. */
  public static final int TEXT = 1_024;

  public static final int DESCRIPTION = 1_024;
  public static final int NAME = 63;
  public static final int FLAG_KEY = 128;
  public static final int FUNCTION = 140;
  public static final int ALIAS = 128;
  public static final int VERSION = 128;
  public static final int ATTRIBUTE = 128;
  public static final int AUDIENCE_VALUE = 256;
  public static final int CLOUDWATCH_NAME = 255;
  public static final int DIMENSION_VALUE = 1_024;
  public static final int STAT = 64;
  public static final int ALARM_NAME = 255;
  public static final int ALARM_ARN = 1_600;
  public static final int TOPIC = 256;
  public static final int ZONE = 64;

  public static final int AUDIENCES = 20;
  public static final int AUDIENCE_VALUES = 100;
  public static final int PHASES = 50;
  public static final int METRICS = 20;
  public static final int DIMENSIONS = 30;
  public static final int GATES = 50;
  public static final int ALARMS = 20;
  public static final int CHECKLIST = 20;
  public static final int DAYS = 7;
  public static final int BLACKOUT_DATES = 100;

  public static final Duration BAKE = Duration.ofDays(90);
  public static final Duration SUSTAIN = Duration.ofDays(7);
  public static final Duration PERIOD = Duration.ofDays(1);

  /** CloudWatch keeps no data longer than 15 months. */
  public static final Duration LOOKBACK = Duration.ofDays(455);

  public static final long MIN_SAMPLES = 1_000_000_000L;
  public static final int ERROR_LIMIT = 10_000;

  /** Thresholds: significant digits, and digits before the point (i.e. below 10^15). */
  public static final int THRESHOLD_DIGITS = 15;

  /** Decimals of a threshold written as a number; two fewer as {@code %} or {@code pp}. */
  public static final int THRESHOLD_DECIMALS = 8;

  public static final int CONFIDENCE_DECIMALS = 4;

  private PlanLimits() {}
}

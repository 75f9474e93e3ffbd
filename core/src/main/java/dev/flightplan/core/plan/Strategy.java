package dev.flightplan.core.plan;

/** The shape of the exposure path. */
public enum Strategy {
  CANARY("canary"),
  PERCENTAGE("percentage"),
  RING("ring"),
  BLUE_GREEN("blue-green");

  private final String wireName;

  Strategy(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}

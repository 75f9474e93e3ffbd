package dev.flightplan.functions;

/** A setting the functions cannot start with: names the key, the value and what is allowed. */
public final class ConfigException extends IllegalArgumentException {
  private final String key;

  public ConfigException(String key, String value, String allowed) {
    super(
        (value == null ? key + " is not set" : key + "='" + value + "' is not allowed")
            + "; expected "
            + allowed);
    this.key = key;
  }

  /** The environment variable at fault. */
  public String key() {
    return key;
  }
}

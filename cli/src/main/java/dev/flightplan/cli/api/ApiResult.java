package dev.flightplan.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** A successful answer of the API: status, headers and the JSON body. */
public record ApiResult(int status, Map<String, List<String>> headers, String body) {
  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The first value of a header, looked up without regard to case; null when absent. */
  public String header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst()
        .orElse(null);
  }

  /** The local server's clock (ISO-8601), which may run simulated time. */
  public static final String CLOCK_HEADER = "Flightplan-Clock";

  /**
   * The server's time, so bake time left is counted on the clock that decides it: the local
   * server's clock header, else {@code Date}, else this machine's clock.
   */
  public Instant serverTime() {
    String clock = header(CLOCK_HEADER);
    if (clock != null) {
      try {
        return Instant.parse(clock);
      } catch (DateTimeParseException e) {
        // fall through to Date
      }
    }
    String date = header("Date");
    if (date != null) {
      try {
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        // fall through to the local clock
      }
    }
    return Instant.now();
  }

  /** The body as a JSON tree; an empty body reads as JSON null. */
  public JsonNode json() {
    return parse(body);
  }

  static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return MAPPER.nullNode();
    }
    try {
      return MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("the API answered with a body that is not JSON", e);
    }
  }
}

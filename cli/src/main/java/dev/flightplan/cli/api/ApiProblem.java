package dev.flightplan.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.cli.TerminalText;
import java.util.ArrayList;
import java.util.List;

/**
 * An error answer of the API ({@code application/problem+json}): its status, title, detail and the
 * field errors of an invalid plan.
 */
public final class ApiProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** One field in error, e.g. {@code phases[2].percent}. */
  public record FieldProblem(String path, String message, String hint) {
    @Override
    public String toString() {
      String where = path == null || path.isEmpty() ? "" : path + ": ";
      return where + message + (hint == null || hint.isEmpty() ? "" : " (" + hint + ")");
    }
  }

  private final int status;
  private final String title;
  private final transient List<FieldProblem> errors;

  public ApiProblem(int status, String title, String detail, List<FieldProblem> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  /** Reads a problem body; an answer that is not one (e.g. from a proxy) keeps its text. */
  static ApiProblem of(int status, String body) {
    JsonNode node;
    try {
      node = ApiResult.parse(body);
    } catch (RuntimeException notJson) {
      return new ApiProblem(status, "HTTP " + status, body == null ? "" : body.strip(), List.of());
    }
    List<FieldProblem> errors = new ArrayList<>();
    for (JsonNode e : node.path("errors")) {
      errors.add(
          new FieldProblem(
              e.path("path").asText(""), e.path("message").asText(""), e.path("hint").asText("")));
    }
    String title = node.path("title").asText("HTTP " + status);
    String detail = node.path("detail").asText(node.path("message").asText(""));
    return new ApiProblem(status, title, detail, errors);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  /**
   * What a person reads: title and status, the detail, then one line per field error; the server's
   * words are escaped for the terminal.
   */
  public String describe() {
    StringBuilder text = new StringBuilder("error: ").append(TerminalText.escape(title));
    text.append(" (").append(status).append(")");
    if (detail() != null && !detail().isEmpty()) {
      text.append(": ").append(TerminalText.escape(detail()));
    }
    errors.forEach(
        e ->
            text.append(System.lineSeparator())
                .append("  ")
                .append(TerminalText.escape(e.toString())));
    return text.toString();
  }
}

package dev.flightplan.core.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Syntax errors of plan texts as {@link FieldError}s: where (line and column) and the parser's
 * problem, its first line cut short and escaped, so no message carries much of the input.
 */
final class SyntaxErrors {
  static final String HINT = "fix the syntax; the plan was not read further";
  private static final int PROBLEM_CHARS = 160;
  private static final Pattern QUOTED = Pattern.compile("'([^']{41,})'");

  private SyntaxErrors() {}

  static FieldError of(JsonProcessingException e) {
    var at = e.getLocation();
    String where =
        at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
    return error(where, e.getOriginalMessage());
  }

  static FieldError of(YAMLException e, String text) {
    if (e instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      var at = marked.getProblemMark();
      String where = "line " + (at.getLine() + 1) + ", column " + (at.getColumn() + 1) + ": ";
      return error(where, marked.getProblem());
    }
    if (e instanceof ReaderException unreadable) {
      String character = String.format("U+%04X", unreadable.getCodePoint());
      return error(
          at(text, unreadable.getPosition()), "the character " + character + " is not allowed");
    }
    return error("", e.getMessage());
  }

  private static FieldError error(String where, String problem) {
    String line = problem == null ? "syntax error" : problem.lines().findFirst().orElse("");
    // Parsers quote the input they stumbled on ('name'); keep each quote short.
    String quotesCut =
        QUOTED
            .matcher(line)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        "'" + PlanText.excerpt(m.group(1), PlanText.EXCERPT) + "'"));
    return new FieldError("", where + PlanText.excerpt(quotesCut, PROBLEM_CHARS), HINT);
  }

  /** "line L, column C: " of the code point at {@code position}. */
  private static String at(String text, int position) {
    int line = 1;
    int column = 1;
    int index = 0;
    for (int i = 0;
        i < text.length() && index < position;
        i += Character.charCount(text.codePointAt(i)), index++) {
      column = text.charAt(i) == '\n' ? 1 : column + 1;
      line += text.charAt(i) == '\n' ? 1 : 0;
    }
    return "line " + line + ", column " + column + ": ";
  }
}

package dev.flightplan.cli.local;

import dev.flightplan.cli.TerminalText;
import dev.flightplan.core.port.VersionConflictException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/**
 * The log of local mode on the console: warnings and errors only, one escaped line each, since the
 * terminal shows decisions and notifications instead. A write that lost a race to another writer (a
 * command racing the controller) is expected and retried; it shows as one short line at debug
 * level, and DynamoDB Local's own report of every failed condition not at all. Only an error keeps
 * its stack trace.
 */
final class ConsoleLog extends AbstractAppender {
  private final PrintWriter out;
  private final Level threshold;

  /**
   * @param threshold the least severe level printed, after expected conflicts are moved to debug
   */
  ConsoleLog(PrintWriter out, Level threshold) {
    super("LocalConsole", null, null, true, Property.EMPTY_ARRAY);
    this.out = out;
    this.threshold = threshold;
  }

  /** Sends every log line of this process to {@code out}; call after DynamoDB Local started. */
  static void install(PrintWriter out) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    ConsoleLog appender = new ConsoleLog(out, Level.WARN);
    appender.start();
    config.addAppender(appender);
    for (LoggerConfig logger : config.getLoggers().values()) {
      List.copyOf(logger.getAppenders().keySet()).forEach(logger::removeAppender);
    }
    LoggerConfig root = config.getRootLogger();
    root.setLevel(Level.WARN);
    root.addAppender(appender, null, null);
    // DynamoDB Local logs each failed condition as a warning, with its stack trace.
    String dynamoDbLocal = "software.amazon.dynamodb";
    config.addLogger(dynamoDbLocal, new LoggerConfig(dynamoDbLocal, Level.ERROR, true));
    context.updateLoggers();
  }

  @Override
  public void append(LogEvent event) {
    String line = line(event);
    if (line != null) {
      out.println(line);
      out.flush();
    }
  }

  /** What {@code event} prints as, or null when it prints nothing at this threshold. */
  String line(LogEvent event) {
    Throwable thrown = event.getThrown();
    boolean expected = isExpectedConflict(thrown);
    Level level = expected ? Level.DEBUG : event.getLevel();
    if (!level.isMoreSpecificThan(threshold)) {
      return null;
    }
    StringBuilder text = new StringBuilder(level.name()).append(' ');
    text.append(simpleName(event.getLoggerName())).append(": ");
    text.append(TerminalText.escape(event.getMessage().getFormattedMessage()));
    if (thrown != null) {
      text.append(" (").append(summary(thrown)).append(')');
      if (!expected && level.isMoreSpecificThan(Level.ERROR)) {
        appendStackTrace(text, thrown);
      }
    }
    return text.toString();
  }

  static boolean isExpectedConflict(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof VersionConflictException) {
        return true;
      }
    }
    return false;
  }

  private static String summary(Throwable thrown) {
    String message = thrown.getMessage();
    return thrown.getClass().getSimpleName()
        + (message == null ? "" : ": " + TerminalText.escape(message));
  }

  private static void appendStackTrace(StringBuilder text, Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t != thrown) {
        text.append(System.lineSeparator()).append("  caused by ").append(summary(t));
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        text.append(System.lineSeparator()).append("    at ").append(frame);
      }
    }
  }

  private static String simpleName(String logger) {
    return logger == null ? "" : logger.substring(logger.lastIndexOf('.') + 1);
  }
}

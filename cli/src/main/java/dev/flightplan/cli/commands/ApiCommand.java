package dev.flightplan.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flightplan.cli.TerminalText;
import dev.flightplan.cli.api.ApiClient;
import dev.flightplan.cli.api.ApiProblem;
import dev.flightplan.cli.api.EndpointException;
import dev.flightplan.cli.options.ApiOptions;
import dev.flightplan.cli.options.OutputOptions;
import dev.flightplan.core.plan.PlanException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that calls the API: turns API errors and unreachable endpoints into a message on stderr
 * and the documented exit code.
 */
abstract class ApiCommand implements Callable<Integer> {
  private static final ObjectMapper PRETTY =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static {
    PRETTY.getFactory().setCharacterEscapes(TerminalText.JSON_ESCAPES);
  }

  @Mixin ApiOptions api;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public final Integer call() {
    try {
      return run(api.client());
    } catch (ApiProblem problem) {
      err().println(problem.describe());
      return ExitCodes.of(problem);
    } catch (PlanException e) {
      err().println("error: the plan is not valid");
      e.errors().forEach(f -> err().println("  " + TerminalText.escape(f.toString())));
      return ExitCodes.INVALID;
    } catch (PlanFile.Unreadable e) {
      err().println("error: " + TerminalText.escape(e.getMessage()));
      return ExitCodes.INVALID;
    } catch (EndpointException | UncheckedIOException e) {
      err().println("error: " + TerminalText.escape(e.getMessage()));
      return ExitCodes.ERROR;
    }
  }

  /** Does the work; returns the exit code. */
  abstract int run(ApiClient client);

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Prints a JSON document indented, as {@code -o json} does. */
  void printJson(JsonNode node) {
    try {
      out().println(PRETTY.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    out().flush();
  }

  static String rolloutPath(String id) {
    return "/rollouts/" + ApiClient.segment(id);
  }
}

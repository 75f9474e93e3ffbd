package dev.flightplan.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flightplan.cli.Flightplan;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Each shared option block is declared once, and parses the same on every command that has it. */
class SharedOptionsTest {
  private static final Set<String> ACTIONS =
      Set.of(
          "start",
          "pause",
          "resume",
          "promote",
          "approve",
          "rollback",
          "abort",
          "retry",
          "checklist");
  private static final Set<String> API_COMMANDS =
      union(
          ACTIONS,
          Set.of(
              "create",
              "apply",
              "list",
              "get",
              "status",
              "history",
              "metrics",
              "evaluate",
              "alarm"));

  /** What each command needs besides the option under test; {@code ID} is added where needed. */
  private static final Map<String, List<String>> REQUIRED =
      Map.of(
          "checklist", List.of("monitoring"),
          "evaluate", List.of("search-flag", "--unit", "user-1"),
          "alarm", List.of("checkout-5xx"),
          "simulate", List.of("--metrics", "trace.csv"));

  private static final Set<String> WITH_PLAN_FILE = commandsWith(PlanFileOption.class);
  private static final Set<String> WITH_ROLLOUT_ID = commandsWith(RolloutIdParameter.class);

  @Test
  void eachBlockIsOnTheCommandsThatShareIt() {
    assertThat(commandsWith(OutputOptions.class))
        .isEqualTo(union(API_COMMANDS, Set.of("lint", "simulate")));
    // The dashboard calls the API too, and prints no documents.
    assertThat(commandsWith(ApiOptions.class)).isEqualTo(union(API_COMMANDS, Set.of("dashboard")));
    assertThat(commandsWith(PlanFileOption.class))
        .isEqualTo(Set.of("lint", "create", "apply", "simulate"));
    assertThat(commandsWith(RolloutIdParameter.class))
        .isEqualTo(union(ACTIONS, Set.of("get", "status", "history", "metrics")));
    assertThat(commandsWith(PollInterval.class)).isEqualTo(Set.of("get", "status"));
  }

  @Test
  void noCommandDeclaresACopyOfASharedOption() {
    Map<String, Class<?>> owners =
        Map.of(
            "--output", OutputOptions.class,
            "--endpoint", ApiOptions.class,
            "--no-sign", ApiOptions.class,
            "--file", PlanFileOption.class,
            "--interval", PollInterval.class);
    for (CommandLine command : commands()) {
      for (var option : command.getCommandSpec().options()) {
        Class<?> owner = owners.get(option.longestName());
        if (owner != null) {
          assertThat(declaringClass(option)).as(name(command) + " " + option).isEqualTo(owner);
        }
      }
      for (var positional : command.getCommandSpec().positionalParameters()) {
        if (positional.paramLabel().equals("ID")) {
          assertThat(declaringClass(positional)).isEqualTo(RolloutIdParameter.class);
        }
      }
    }
  }

  @ParameterizedTest
  @MethodSource("withOutput")
  void outputParsesTheSame(String command) {
    assertThat(parse(command, OutputOptions.class).json()).isFalse();
    assertThat(parse(command, OutputOptions.class, "-o", "json").json()).isTrue();
    assertThat(parse(command, OutputOptions.class, "--output=JSON").json()).isTrue();
    assertThat(parse(command, OutputOptions.class, "-o", "table").json()).isFalse();
    assertThatThrownBy(() -> parse(command, OutputOptions.class, "-o", "xml"))
        .hasMessage(
            "Invalid value for option '--output': expected one of [table, json]"
                + " (case-insensitive) but was 'xml'");
  }

  @ParameterizedTest
  @MethodSource("withApi")
  void endpointAndSigningParseTheSame(String command) {
    ApiOptions api = parse(command, ApiOptions.class, "--endpoint", "http://127.0.0.1:8787");
    assertThat(api.endpoint()).isEqualTo("http://127.0.0.1:8787");
    assertThat(api.noSign()).isFalse();
    assertThat(parse(command, ApiOptions.class, "--endpoint=https://x", "--no-sign").noSign())
        .isTrue();
  }

  @ParameterizedTest
  @MethodSource("withPlanFile")
  void planFileParsesTheSame(String command) {
    assertThat(parse(command, PlanFileOption.class, "-f", "plan.yaml").path())
        .isEqualTo(Path.of("plan.yaml"));
    assertThat(parse(command, PlanFileOption.class, "--file=plan.json").path())
        .isEqualTo(Path.of("plan.json"));
    assertThatThrownBy(() -> parse(command, PlanFileOption.class))
        .hasMessage("Missing required option: '--file=PLAN'");
  }

  @ParameterizedTest
  @MethodSource("withRolloutId")
  void rolloutIdIsTheFirstParameter(String command) {
    List<String> args = new ArrayList<>(List.of(command, "checkout-v2"));
    args.addAll(REQUIRED.getOrDefault(command, List.of()));

    assertThat(mixin(parseArgs(args), RolloutIdParameter.class).get()).isEqualTo("checkout-v2");
    assertThatThrownBy(() -> parseArgs(List.of(command)))
        .hasMessageStartingWith("Missing required parameter")
        .hasMessageContaining("'ID'");
  }

  @Test
  void pollIntervalParsesTheSameWithEachCommandsDefaultAndHelp() {
    assertThat(parse("get", PollInterval.class).get()).isEqualTo(Duration.ofSeconds(5));
    assertThat(parse("status", PollInterval.class).get()).isEqualTo(Duration.ofSeconds(10));
    for (String command : List.of("get", "status")) {
      assertThat(parse(command, PollInterval.class, "--interval", "2s").get())
          .isEqualTo(Duration.ofSeconds(2));
      assertThat(parse(command, PollInterval.class, "--interval=PT1.5S").get())
          .isEqualTo(Duration.ofMillis(1500));
      assertThatThrownBy(() -> parse(command, PollInterval.class, "--interval=PT0.5S"))
          .hasMessage(
              "Invalid value for option '--interval': 'PT0.5S' is shorter than 1s;"
                  + " use --interval 1s or more");
      assertThatThrownBy(() -> parse(command, PollInterval.class, "--interval", "soon"))
          .hasMessage(
              "Invalid value for option '--interval': 'soon' is not a duration"
                  + " (e.g. 90s, 30m, 2h, PT0.5S)");
    }
    assertThat(help("get", "--interval")).isEqualTo("How often -w redraws (default 5s).");
    assertThat(help("status", "--interval")).isEqualTo("How often to look (default 10s).");
  }

  @Test
  void outputHelpSaysMoreWhereTheJsonDiffers() {
    assertThat(help("simulate", "--output"))
        .isEqualTo("table (default) or json: one object per line, the summary last.");
    assertThat(help("list", "--output")).isEqualTo("table (default) or json.");
    assertThat(help("lint", "--output")).isEqualTo("table (default) or json.");
  }

  static Stream<String> withOutput() {
    return commandsWith(OutputOptions.class).stream();
  }

  static Stream<String> withApi() {
    return commandsWith(ApiOptions.class).stream();
  }

  static Stream<String> withPlanFile() {
    return WITH_PLAN_FILE.stream();
  }

  static Stream<String> withRolloutId() {
    return WITH_ROLLOUT_ID.stream();
  }

  /** Parses the command with {@code args} and what else it requires; returns its mixin. */
  private static <T> T parse(String command, Class<T> type, String... args) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(args));
    if (!type.equals(PlanFileOption.class)
        && commandsWith(PlanFileOption.class).contains(command)) {
      all.addAll(List.of("-f", "plan.yaml"));
    }
    if (WITH_ROLLOUT_ID.contains(command)) {
      all.add("checkout-v2");
    }
    all.addAll(REQUIRED.getOrDefault(command, List.of()));
    return mixin(parseArgs(all), type);
  }

  /** Parses {@code flightplan args…}; returns the subcommand's spec. */
  private static CommandSpec parseArgs(List<String> args) {
    return Flightplan.commandLine()
        .parseArgs(args.toArray(String[]::new))
        .subcommand()
        .commandSpec();
  }

  private static <T> T mixin(CommandSpec command, Class<T> type) {
    return command.mixins().values().stream()
        .map(CommandSpec::userObject)
        .filter(type::isInstance)
        .map(type::cast)
        .findFirst()
        .orElseThrow();
  }

  private static String help(String command, String option) {
    return String.join(" ", subcommand(command).getCommandSpec().findOption(option).description());
  }

  private static Set<String> commandsWith(Class<?> type) {
    Set<String> names = new TreeSet<>();
    for (CommandLine command : commands()) {
      boolean has =
          command.getCommandSpec().mixins().values().stream()
              .anyMatch(m -> type.isInstance(m.userObject()));
      if (has) {
        names.add(name(command));
      }
    }
    return names;
  }

  private static List<CommandLine> commands() {
    return List.copyOf(Flightplan.commandLine().getSubcommands().values());
  }

  private static CommandLine subcommand(String name) {
    return Flightplan.commandLine().getSubcommands().get(name);
  }

  private static String name(CommandLine command) {
    return command.getCommandName();
  }

  private static Class<?> declaringClass(ArgSpec arg) {
    return ((Field) arg.userObject()).getDeclaringClass();
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }
}

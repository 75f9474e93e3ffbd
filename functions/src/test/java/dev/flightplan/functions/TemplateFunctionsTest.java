package dev.flightplan.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The functions in {@code template.yaml} run code that exists: every {@code Handler} names a public
 * class of this module with a public {@code handleRequest} and a public no-argument constructor
 * (what the Lambda Java runtime instantiates), and every function is built by the Makefile and
 * never points the SDK at another endpoint.
 */
class TemplateFunctionsTest {
  private final TemplateYaml yaml = TemplateYaml.read();
  private final JsonNode template = yaml.root();

  @Test
  void theTemplateHasTheFourFunctions() {
    assertThat(functions())
        .containsOnlyKeys(
            "ApiFunction", "ControllerFunction", "AlarmFunction", "TickWorkerFunction")
        .containsEntry("ApiFunction", "dev.flightplan.functions.ApiHandler::handleRequest")
        .containsEntry(
            "ControllerFunction", "dev.flightplan.functions.ControllerHandler::handleRequest")
        .containsEntry("AlarmFunction", "dev.flightplan.functions.AlarmHandler::handleRequest")
        .containsEntry(
            "TickWorkerFunction", "dev.flightplan.functions.ShardWorkerHandler::handleRequest");
  }

  @Test
  void everyHandlerIsAClassTheRuntimeCanInstantiateAndCall() {
    List<String> problems = new ArrayList<>();
    functions()
        .forEach(
            (logicalId, handler) -> {
              String[] parts = (handler + "::").split("::", -1);
              try {
                Class<?> type = Class.forName(parts[0]);
                if (!Modifier.isPublic(type.getModifiers())) {
                  problems.add(logicalId + ": " + parts[0] + " is not public");
                }
                type.getConstructor();
                boolean callable =
                    Arrays.stream(type.getMethods())
                        .map(Method::getName)
                        .anyMatch(name -> name.equals(parts[1]));
                if (!callable) {
                  problems.add(logicalId + ": " + parts[0] + " has no public " + parts[1]);
                }
              } catch (ClassNotFoundException e) {
                problems.add(logicalId + ": no class " + parts[0]);
              } catch (NoSuchMethodException e) {
                problems.add(
                    logicalId + ": " + parts[0] + " has no public no-argument constructor");
              }
            });
    assertThat(problems).isEmpty();
  }

  @Test
  void everyFunctionIsBuiltByTheMakefileForJava21OnArm() {
    JsonNode globals = template.at("/Globals/Function");
    assertThat(globals.path("Runtime").asText()).isEqualTo("java21");
    assertThat(globals.path("Architectures").toString()).isEqualTo("[\"arm64\"]");
    assertThat(globals.path("AutoPublishAlias").asText()).isEqualTo("live");
    assertThat(globals.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
    resources("AWS::Serverless::Function")
        .forEach(
            (logicalId, function) ->
                assertThat(function.at("/Metadata/BuildMethod").asText())
                    .as(logicalId)
                    .isEqualTo("makefile"));
  }

  @Test
  void noFunctionSendsTheSdkToAnotherEndpoint() {
    List<JsonNode> environments = new ArrayList<>();
    environments.add(template.at("/Globals/Function/Environment/Variables"));
    resources("AWS::Serverless::Function")
        .values()
        .forEach(function -> environments.add(function.at("/Properties/Environment/Variables")));
    for (JsonNode variables : environments) {
      variables
          .fieldNames()
          .forEachRemaining(name -> assertThat(name).doesNotStartWith("AWS_ENDPOINT_URL"));
    }
  }

  @Test
  void onlyTheApiFunctionGetsThePageTokenKeyFromASecretResolvedAtDeploy() {
    JsonNode key =
        template
            .at("/Resources/ApiFunction/Properties/Environment/Variables")
            .path(Config.PAGE_TOKEN_KEY);

    assertThat(key.path("Fn::Sub").asText())
        .isEqualTo("{{resolve:secretsmanager:${PageTokenSecret}:SecretString}}");
    assertThat(template.at("/Resources/PageTokenSecret/Type").asText())
        .isEqualTo("AWS::SecretsManager::Secret");
    assertThat(
            template
                .at("/Resources/PageTokenSecret/Properties/GenerateSecretString/PasswordLength")
                .asInt())
        .isGreaterThanOrEqualTo(Config.MIN_KEY_LENGTH);
    assertThat(template.at("/Globals/Function/Environment/Variables").has(Config.PAGE_TOKEN_KEY))
        .isFalse();
    for (String other : List.of("ControllerFunction", "AlarmFunction", "TickWorkerFunction")) {
      assertThat(
              template
                  .at("/Resources/" + other + "/Properties/Environment/Variables")
                  .has(Config.PAGE_TOKEN_KEY))
          .as(other)
          .isFalse();
    }
  }

  private Map<String, String> functions() {
    Map<String, String> handlers = new TreeMap<>();
    resources("AWS::Serverless::Function")
        .forEach(
            (logicalId, function) ->
                handlers.put(logicalId, function.at("/Properties/Handler").asText()));
    return handlers;
  }

  private Map<String, JsonNode> resources(String type) {
    return yaml.resources(type);
  }
}

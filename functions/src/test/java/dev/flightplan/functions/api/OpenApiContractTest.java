package dev.flightplan.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.flightplan.functions.ApiHandler;
import dev.flightplan.functions.InMemoryWiring;
import dev.flightplan.functions.http.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@code openapi.yaml} and the handler describe the same API, and API Gateway can serve it. */
class OpenApiContractTest {
  private static final Path DOCUMENT = Path.of("openapi.yaml");
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  private final JsonNode openapi = read();

  @Test
  void theDocumentAndTheHandlerServeTheSameRoutes() {
    Set<String> handler = new TreeSet<>();
    new ApiHandler(InMemoryWiring.create(Clock.systemUTC()))
        .routes()
        .forEach(route -> handler.add(route.method() + " " + route.path().template()));

    assertThat(handler).isEqualTo(new TreeSet<>(documentRoutes()));
  }

  @Test
  void everyOperationIsSignedAndProxiedToTheApiFunction() {
    for (JsonNode operation : operations()) {
      String id = operation.path("operationId").asText();
      assertThat(operation.path("security").toString()).as(id).isEqualTo("[{\"sigv4\":[]}]");
      JsonNode integration = operation.path("x-amazon-apigateway-integration");
      assertThat(integration.path("type").asText()).as(id).isEqualTo("aws_proxy");
      assertThat(integration.path("httpMethod").asText()).as(id).isEqualTo("POST");
      assertThat(integration.path("uri").path("Fn::Sub").asText())
          .as(id)
          .contains(":lambda:path/2015-03-31/functions/${ApiFunction.Arn}")
          .endsWith("/invocations");
      assertThat(operation.path("responses").has("500")).as(id).isTrue();
    }
    assertThat(
            openapi.at("/components/securitySchemes/sigv4/x-amazon-apigateway-authtype").asText())
        .isEqualTo("awsSigv4");
  }

  @Test
  void requestValidationIsOnAndEveryValidatorNamedExists() {
    JsonNode validators = openapi.path("x-amazon-apigateway-request-validators");
    JsonNode all = validators.path(openapi.path("x-amazon-apigateway-request-validator").asText());
    assertThat(all.path("validateRequestBody").asBoolean()).isTrue();
    assertThat(all.path("validateRequestParameters").asBoolean()).isTrue();
    for (JsonNode operation : operations()) {
      JsonNode named = operation.path("x-amazon-apigateway-request-validator");
      if (!named.isMissingNode()) {
        assertThat(validators.has(named.asText())).as(named.asText()).isTrue();
        assertThat(validators.path(named.asText()).path("validateRequestParameters").asBoolean())
            .isTrue();
      }
    }
  }

  @Test
  void theActionEnumIsTheCommandList() {
    JsonNode action = openapi.at("/paths/~1rollouts~1{id}~1{action}/parameters/1");

    assertThat(action.path("name").asText()).isEqualTo("action");
    List<String> values = new ArrayList<>();
    action.path("schema").path("enum").forEach(v -> values.add(v.asText()));
    assertThat(values).containsExactlyElementsOf(CommandEndpoints.ACTIONS);
  }

  @Test
  void everyProblemTypeIsDocumented() throws IOException {
    String text = Files.readString(DOCUMENT);
    for (ProblemType type : ProblemType.values()) {
      String slug = type.uri().substring("urn:flightplan:problem:".length());
      assertThat(text).as(type.name()).contains("`" + slug + "`");
    }
  }

  @Test
  void usesNoYamlAnchorsWhichCloudFormationRejects() throws IOException {
    assertThat(Files.readString(DOCUMENT)).doesNotContainPattern(":\\s+[&*][A-Za-z]");
  }

  private List<String> documentRoutes() {
    List<String> routes = new ArrayList<>();
    openapi
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op -> {
                          if (METHODS.contains(op.getKey())) {
                            routes.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                          }
                        }));
    return routes;
  }

  private List<JsonNode> operations() {
    List<JsonNode> operations = new ArrayList<>();
    openapi
        .path("paths")
        .forEach(
            path ->
                path.properties().stream()
                    .filter(op -> METHODS.contains(op.getKey()))
                    .forEach(op -> operations.add(op.getValue())));
    assertThat(operations).hasSize(9);
    return operations;
  }

  private static JsonNode read() {
    try {
      return new YAMLMapper().readTree(DOCUMENT.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + DOCUMENT.toAbsolutePath(), e);
    }
  }
}

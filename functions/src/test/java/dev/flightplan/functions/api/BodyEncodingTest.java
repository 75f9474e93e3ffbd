package dev.flightplan.functions.api;

import static dev.flightplan.functions.Api.ID;
import static dev.flightplan.functions.Api.body;
import static dev.flightplan.functions.Api.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flightplan.functions.Api;
import dev.flightplan.functions.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Bodies are UTF-8, read strictly: what is stored is exactly what was sent, or nothing is. */
class BodyEncodingTest {
  private final Api api = new Api();
  private final String plan = Api.event("create-rollout-json").getBody();

  @Test
  void bytesThatAreNotUtf8Are400AndNothingIsStored() {
    byte[] invalid = withByte(plan.replace("Ranker v2", "Ranker v\u0000"), (byte) 0xC3);

    JsonNode problem = sendBase64("create-rollout-json", invalid).problem(400);

    assertThat(problem.path("detail").asText()).contains("UTF-8");
    assertThat(api.wiring.store().get(ID)).isEmpty();
  }

  @Test
  void validUtf8ReadsBackUnchanged() {
    String text = plan.replace("Ranker v2 behind a flag", "Ranker v2 für alle ✓ 🚀");

    sendBase64("create-rollout-json", text.getBytes(StandardCharsets.UTF_8)).expect(201);

    assertThat(api.wiring.store().get(ID).orElseThrow().plan().description())
        .isEqualTo("Ranker v2 für alle ✓ 🚀");
  }

  @Test
  void anotherDeclaredCharsetIs415NamingUtf8AndNothingIsStored() {
    Reply reply =
        api.send(
            "create-rollout-json", header("Content-Type", "application/json; charset=ISO-8859-1"));

    assertThat(reply.problem(415).path("detail").asText()).contains("ISO-8859-1", "utf-8");
    assertThat(api.wiring.store().get(ID)).isEmpty();
  }

  @Test
  void utf8IsAcceptedHoweverItIsSpelled() {
    api.send("create-rollout-json", header("Content-Type", "application/json;charset=\"UTF-8\""))
        .expect(201);
    String other = Api.event("create-rollout-json").getBody().replace(ID, "other");
    api.send(
            "create-rollout-json",
            e -> header("Content-Type", "application/json; charset=utf8").apply(e.withBody(other)))
        .expect(201);
  }

  @Test
  void aCharsetThatIsNoCharsetIs415() {
    for (String charset : new String[] {"x\u0000y", "\"\"", "utf-16", "../../etc"}) {
      api.send(
              "create-rollout-json", header("Content-Type", "application/json; charset=" + charset))
          .problem(415);
    }
    assertThat(api.wiring.store().get(ID)).isEmpty();
  }

  @Test
  void aCommandBodyInAnotherCharsetIs415() {
    api.createdAndStarted();

    api.send("pause-rollout", header("Content-Type", "application/json; charset=latin1"))
        .problem(415);

    assertThat(api.wiring.store().history(ID)).hasSize(3);
  }

  @Test
  void aLoneSurrogateEscapeInThePlanIs400NamingTheField() {
    String broken = plan.replace("Ranker v2 behind a flag", "Ranker \\ud800 v2");

    JsonNode problem = api.send("create-rollout-json", body(broken)).problem(400);

    assertThat(problem.path("errors").findValuesAsText("path")).containsExactly("description");
    assertThat(api.wiring.store().get(ID)).isEmpty();
  }

  @Test
  void aLoneSurrogateDeepInThePlanNamesItsPath() {
    String broken = plan.replace("\"Service\": \"search\"", "\"Service\": \"se\\udc00arch\"");

    JsonNode problem = api.send("create-rollout-json", body(broken)).problem(400);

    assertThat(problem.path("errors").findValuesAsText("path"))
        .containsExactly("metrics.error_rate.dimensions.Service");
  }

  @Test
  void aLoneSurrogateEscapeInYamlIs400Too() {
    String yaml = Api.event("create-rollout-yaml").getBody();
    String broken =
        yaml.replace(
            "description: Checkout service v2 through the live alias",
            "description: \"Checkout \\ud800 v2\"");

    JsonNode problem = api.send("create-rollout-yaml", body(broken)).problem(400);

    assertThat(problem.path("errors").findValuesAsText("path")).containsExactly("description");
    assertThat(api.wiring.store().get(Api.YAML_ID)).isEmpty();
  }

  @Test
  void aLoneSurrogateInTheBodyTextItselfIs400() {
    String broken = plan.replace("Ranker v2", "Ranker \ud800");

    api.send("create-rollout-json", body(broken)).problem(400);

    assertThat(api.wiring.store().get(ID)).isEmpty();
  }

  @Test
  void aLoneSurrogateInAReasonIs400NamingIt() {
    api.createdAndStarted();

    JsonNode problem =
        api.send("pause-rollout", body("{\"reason\": \"why \\ud800\"}")).problem(400);

    assertThat(problem.path("errors").findValuesAsText("path")).containsExactly("reason");
    assertThat(api.wiring.store().history(ID)).hasSize(3);
  }

  @Test
  void aReasonThatIsNotUtf8Is400() {
    api.createdAndStarted();

    sendBase64("pause-rollout", new byte[] {'{', '"', 'r', '"', ':', (byte) 0xFF, '}'})
        .problem(400);

    assertThat(api.wiring.store().history(ID)).hasSize(3);
  }

  @Test
  void aBodyMarkedBase64ThatIsNotIs400() {
    api.send("create-rollout-json", e -> e.withBody("not base64!").withIsBase64Encoded(true))
        .problem(400);
  }

  private Reply sendBase64(String fixture, byte[] bytes) {
    String encoded = Base64.getEncoder().encodeToString(bytes);
    return api.send(fixture, e -> e.withBody(encoded).withIsBase64Encoded(true));
  }

  /** The text's UTF-8 with the first NUL character replaced by {@code b}. */
  private static byte[] withByte(String text, byte b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
      out.write(x == 0 ? b : x);
    }
    return out.toByteArray();
  }
}

package dev.flightplan.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy events of real requests: the bytes sent reach the handler unchanged. */
class ProxyEventsTest {
  private final BlockingQueue<Object> seen = new ArrayBlockingQueue<>(1);
  private HttpServer server;

  @BeforeEach
  void capture() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ProxyEvents events = new ProxyEvents("local:test");
    server.createContext(
        "/",
        exchange -> {
          try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Object event;
            try {
              event = events.request(exchange, body);
            } catch (IllegalArgumentException refused) {
              event = refused;
            }
            seen.add(event);
            exchange.sendResponseHeaders(204, -1);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void thePathStaysEncodedForTheHandlerToDecodeOnce() throws Exception {
    assertThat(event("GET /rollouts/%2574%2532-put").getPath())
        .isEqualTo("/rollouts/%2574%2532-put");
    assertThat(event("GET /rollouts/t2-put%2Fhistory").getPath())
        .isEqualTo("/rollouts/t2-put%2Fhistory");
    assertThat(event("GET /rollouts/%0D").getPath()).isEqualTo("/rollouts/%0D");
    assertThat(event("GET /rollouts//history").getRequestContext().getPath())
        .isEqualTo("/rollouts//history");
  }

  @Test
  void rawBytesInThePathArrivePercentEncoded() throws Exception {
    // é as UTF-8, then a byte that is not UTF-8 at all, both sent unencoded.
    String target =
        new String(
            new byte[] {'/', 'r', '/', (byte) 0xC3, (byte) 0xA9, (byte) 0xFF},
            StandardCharsets.ISO_8859_1);

    assertThat(event("GET " + target).getPath()).isEqualTo("/r/%C3%A9%FF");
  }

  @Test
  void utf8TextTravelsAsText() throws Exception {
    APIGatewayProxyRequestEvent event =
        event(
            "POST /rollouts",
            "application/json",
            "{\"description\":\"Überprüfung\"}".getBytes(StandardCharsets.UTF_8));

    assertThat(event.getIsBase64Encoded()).isFalse();
    assertThat(event.getBody()).isEqualTo("{\"description\":\"Überprüfung\"}");
  }

  @Test
  void invalidUtf8TravelsAsTheBytesSent() throws Exception {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};

    APIGatewayProxyRequestEvent event = event("POST /rollouts", "application/json", body);

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(body);
  }

  @Test
  void encodedSurrogatesAndOverlongFormsAreNotUtf8() throws Exception {
    byte[] surrogate = {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'};
    byte[] overlong = {'"', (byte) 0xC0, (byte) 0xAF, '"'};

    assertThat(event("POST /rollouts", "application/json", surrogate).getIsBase64Encoded())
        .isTrue();
    assertThat(event("POST /rollouts", "application/json", overlong).getIsBase64Encoded()).isTrue();
  }

  @Test
  void aDeclaredCharsetOtherThanUtf8TravelsAsBytesForTheHandlerToJudge() throws Exception {
    byte[] latin1 = "{\"description\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] ascii = "{}".getBytes(StandardCharsets.US_ASCII);

    APIGatewayProxyRequestEvent event =
        event("POST /rollouts", "application/json; charset=ISO-8859-1", latin1);

    assertThat(event.getIsBase64Encoded()).isTrue();
    assertThat(Base64.getDecoder().decode(event.getBody())).isEqualTo(latin1);
    assertThat(event.getMultiValueHeaders().get("Content-type"))
        .containsExactly("application/json; charset=ISO-8859-1");
    assertThat(event("POST /rollouts", "text/yaml;charset=\"utf-16\"", ascii).getIsBase64Encoded())
        .isTrue();
    assertThat(
            event("POST /rollouts", "application/json; charset=UTF-8", ascii).getIsBase64Encoded())
        .isFalse();
  }

  @Test
  void theQueryIsDecodedOnceAndMustBeUtf8() throws Exception {
    assertThat(
            event("GET /flags/f/evaluate?unit=user%2042&plan=pro+max&e=%C3%A9")
                .getMultiValueQueryStringParameters())
        .containsEntry("unit", List.of("user 42"))
        .containsEntry("plan", List.of("pro max"))
        .containsEntry("e", List.of("é"));
    assertThat(event("GET /rollouts?status=%2552UNNING").getMultiValueQueryStringParameters())
        .containsEntry("status", List.of("%52UNNING"));
    assertThat(refusal("GET /flags/f/evaluate?unit=%FF")).hasMessageContaining("not UTF-8");
    assertThat(refusal("GET /flags/f/evaluate?unit=%ED%A0%80")).hasMessageContaining("not UTF-8");
    // The JDK server itself answers 400 to a broken escape; what else reaches here is refused too.
    assertThatThrownBy(() -> RequestText.query("unit=%4")).hasMessageContaining("two hex digits");
    assertThatThrownBy(() -> RequestText.query("unit=%zz")).hasMessageContaining("two hex digits");
  }

  private APIGatewayProxyRequestEvent event(String requestLine) throws Exception {
    return event(requestLine, null, new byte[0]);
  }

  private APIGatewayProxyRequestEvent event(String requestLine, String type, byte[] body)
      throws Exception {
    Object event = exchange(requestLine, type, body);
    assertThat(event).isInstanceOf(APIGatewayProxyRequestEvent.class);
    return (APIGatewayProxyRequestEvent) event;
  }

  private IllegalArgumentException refusal(String requestLine) throws Exception {
    Object event = exchange(requestLine, null, new byte[0]);
    assertThat(event).isInstanceOf(IllegalArgumentException.class);
    return (IllegalArgumentException) event;
  }

  private Object exchange(String requestLine, String type, byte[] body) throws Exception {
    String head =
        requestLine
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
            + body.length
            + (type == null ? "" : "\r\nContent-Type: " + type);
    RawHttp.send(server.getAddress().getPort(), head, body);
    Object event = seen.poll(10, TimeUnit.SECONDS);
    assertThat(event).as("the request reached the server").isNotNull();
    return event;
  }
}

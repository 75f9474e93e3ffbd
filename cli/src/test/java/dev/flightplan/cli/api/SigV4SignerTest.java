package dev.flightplan.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/** Signing with static credentials: no network, no credential chain. */
class SigV4SignerTest {
  private final SigV4Signer signer =
      new SigV4Signer(
          () -> AwsBasicCredentials.create("AKIDEXAMPLE", "secret-for-tests"), () -> "us-east-1");

  @Test
  void signedRequestCarriesSigV4AuthorizationScopedToExecuteApi() {
    URI uri = URI.create("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/rollouts");
    byte[] body = "{\"reason\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    Map<String, List<String>> headers =
        signer.sign("POST", uri, Map.of("Content-Type", List.of("application/json")), body);

    assertThat(headers.get("Authorization"))
        .singleElement()
        .asString()
        .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
        .contains("/eu-west-1/execute-api/aws4_request")
        .contains("SignedHeaders=")
        .contains("Signature=");
    assertThat(headers)
        .containsKey("X-Amz-Date")
        .containsEntry("Content-Type", List.of("application/json"));
  }

  @Test
  void customDomainsTakeTheRegionFromTheChain() {
    assertThat(signer.region(URI.create("https://deploy.example.com/rollouts")))
        .isEqualTo("us-east-1");
    assertThat(signer.region(URI.create("https://x.execute-api.ap-south-1.amazonaws.com/v1")))
        .isEqualTo("ap-south-1");
  }

  @Test
  void loopbackEndpointsAreNotSignedAndOthersAre() {
    assertThat(ApiClient.forEndpoint("http://127.0.0.1:8080", false)).isNotNull();
    assertThat(ApiClient.forEndpoint("http://127.0.0.1:8080/", false).endpoint())
        .isEqualTo("http://127.0.0.1:8080");
  }
}

package dev.flightplan.functions.packaging;

import dev.flightplan.infra.testbed.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A function with versions 1 and 2 and an alias on version 1, in moto, for the alias actuator to
 * move: the IAM role first (moto checks it), Docker off (the function is never invoked).
 */
final class MotoFunction {
  private MotoFunction() {}

  static void create(LocalAws aws, LambdaClient lambda, String function, String alias) {
    if (aws.backend() == LocalAws.Backend.MOTO) {
      post(aws.awsEndpoint().resolve("/moto-api/config"), "{\"lambda\":{\"use_docker\":false}}");
    }
    String role = createRole();
    lambda.createFunction(
        r ->
            r.functionName(function)
                .runtime(Runtime.PYTHON3_12)
                .role(role)
                .handler("index.handler")
                .code(c -> c.zipFile(zip("def handler(event, context):\n    return 1\n"))));
    lambda.publishVersion(r -> r.functionName(function));
    // Lambda publishes no unchanged code twice: version 2 needs new code.
    lambda.updateFunctionCode(
        r -> r.functionName(function).zipFile(zip("def handler(event, context):\n    return 2\n")));
    lambda.publishVersion(r -> r.functionName(function));
    lambda.createAlias(r -> r.functionName(function).name(alias).functionVersion("1"));
  }

  private static String createRole() {
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    try (IamClient iam = IamClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      return iam.createRole(
              r -> r.roleName("flightplan-package-run").assumeRolePolicyDocument(trust))
          .role()
          .arn();
    }
  }

  private static SdkBytes zip(String handler) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.py"));
      zip.write(handler.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SdkBytes.fromByteArray(bytes.toByteArray());
  }

  private static void post(URI uri, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

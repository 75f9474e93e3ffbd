package dev.flightplan.infra.lambda;

import dev.flightplan.infra.testbed.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * A function with two published versions and an alias on version 1, in moto: the IAM role first
 * (moto checks it), then a zip with a one-line handler. moto runs no code here: Docker is turned
 * off through its config endpoint, and the tests never invoke the function.
 */
final class MotoLambda {
  static final String STABLE = "1";
  static final String CANDIDATE = "2";

  private MotoLambda() {}

  /** Resets moto and creates {@code function} with versions 1 and 2 and {@code alias} on 1. */
  static void create(LambdaClient lambda, String function, String alias) {
    LocalAws aws = LocalAws.get();
    aws.resetMoto();
    if (aws.backend() == LocalAws.Backend.MOTO) {
      post(aws, "/moto-api/config", "{\"lambda\":{\"use_docker\":false}}");
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
    // A new version needs new code: Lambda does not publish an unchanged one twice.
    lambda.updateFunctionCode(
        r -> r.functionName(function).zipFile(zip("def handler(event, context):\n    return 2\n")));
    lambda.publishVersion(r -> r.functionName(function));
    lambda.createAlias(r -> r.functionName(function).name(alias).functionVersion(STABLE));
  }

  private static String createRole() {
    String trust =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    try (IamClient iam = IamClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      return iam.createRole(r -> r.roleName("flightplan-test-fn").assumeRolePolicyDocument(trust))
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

  private static void post(LocalAws aws, String path, String json) {
    HttpRequest request =
        HttpRequest.newBuilder(aws.awsEndpoint().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

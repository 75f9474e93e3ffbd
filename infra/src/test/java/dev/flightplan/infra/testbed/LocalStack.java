package dev.flightplan.infra.testbed;

import java.net.URI;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack through Testcontainers, for machines with a Docker engine and no moto endpoint. Images
 * after 4.14.0 need {@code LOCALSTACK_AUTH_TOKEN}; 4.14.0 is the last that runs without one, so it
 * is the default. {@code FLIGHTPLAN_LOCALSTACK_IMAGE} picks another, and the token is passed on
 * only when it is set.
 */
final class LocalStack {
  static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";
  static final String IMAGE_ENV = "FLIGHTPLAN_LOCALSTACK_IMAGE";
  static final String TOKEN_ENV = "LOCALSTACK_AUTH_TOKEN";

  private LocalStack() {}

  /** The endpoint of a started LocalStack, or empty when no Docker engine answers. */
  static Optional<URI> endpoint() {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      return Optional.empty();
    }
    String image = System.getenv().getOrDefault(IMAGE_ENV, DEFAULT_IMAGE);
    LocalStackContainer container =
        new LocalStackContainer(
            DockerImageName.parse(image).asCompatibleSubstituteFor("localstack/localstack"));
    String token = System.getenv(TOKEN_ENV);
    if (token != null && !token.isBlank()) {
      container.withEnv(TOKEN_ENV, token);
    }
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "localstack-stop"));
    return Optional.of(container.getEndpoint());
  }
}

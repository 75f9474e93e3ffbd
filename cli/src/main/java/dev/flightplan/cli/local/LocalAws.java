package dev.flightplan.cli.local;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * The SDK settings of local mode, as system properties: DynamoDB points at the embedded server, and
 * a region and credentials are made up only where none are configured (DynamoDB Local accepts any).
 * Whatever was set is put back on {@link #restore()}, so the process is left as found.
 */
final class LocalAws {
  static final String DYNAMODB_ENDPOINT = "aws.endpointUrlDynamoDb";
  private static final String DUMMY = "local";

  private final Map<String, String> previous = new LinkedHashMap<>();

  /** Points the SDK's DynamoDB clients at {@code endpoint}; other services are left alone. */
  static LocalAws configure(URI endpoint) {
    LocalAws settings = new LocalAws();
    settings.set(DYNAMODB_ENDPOINT, endpoint.toString());
    if (!regionConfigured()) {
      settings.set("aws.region", "us-east-1");
    }
    if (!credentialsConfigured(System.getenv())) {
      settings.set("aws.accessKeyId", DUMMY);
      settings.set("aws.secretAccessKey", DUMMY);
    }
    return settings;
  }

  /** Whether CloudWatch could be reached: an endpoint for it, or credentials of some kind. */
  static boolean cloudWatchConfigured(Map<String, String> env) {
    boolean endpoint =
        env.containsKey("AWS_ENDPOINT_URL")
            || env.containsKey("AWS_ENDPOINT_URL_CLOUDWATCH")
            || System.getProperty("aws.endpointUrl") != null
            || System.getProperty("aws.endpointUrlCloudWatch") != null;
    return endpoint || credentialsConfigured(env);
  }

  /** Credentials from the environment, the system properties or a profile file; no network. */
  static boolean credentialsConfigured(Map<String, String> env) {
    List<String> keys =
        List.of(
            "AWS_ACCESS_KEY_ID",
            "AWS_PROFILE",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
    if (keys.stream().anyMatch(env::containsKey) || System.getProperty("aws.accessKeyId") != null) {
      return true;
    }
    Path home = Path.of(System.getProperty("user.home"), ".aws");
    String file = env.get("AWS_SHARED_CREDENTIALS_FILE");
    return Files.isRegularFile(file != null ? Path.of(file) : home.resolve("credentials"));
  }

  private static boolean regionConfigured() {
    try {
      new SystemSettingsRegionProvider().getRegion();
      return true;
    } catch (SdkClientException none) {
      try {
        return new AwsProfileRegionProvider().getRegion() != null;
      } catch (SdkClientException alsoNone) {
        return false;
      }
    }
  }

  private void set(String key, String value) {
    previous.put(key, System.getProperty(key));
    System.setProperty(key, value);
  }

  /** Puts back the system properties as they were before {@link #configure}. */
  void restore() {
    previous.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }
}

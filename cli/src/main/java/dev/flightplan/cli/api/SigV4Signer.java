package dev.flightplan.cli.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Signs requests for API Gateway's {@code AWS_IAM} auth with the SDK's SigV4 signer (service {@code
 * execute-api}). Credentials and region are resolved on first use, so commands that never call the
 * API need neither.
 */
public final class SigV4Signer implements RequestSigner {
  static final String SERVICE = "execute-api";
  private static final Pattern API_HOST =
      Pattern.compile("\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
  private final Supplier<AwsCredentialsIdentity> credentials;
  private final Supplier<String> defaultRegion;

  public SigV4Signer(Supplier<AwsCredentialsIdentity> credentials, Supplier<String> region) {
    this.credentials = credentials;
    this.defaultRegion = region;
  }

  /** The standard credential chain and region chain (environment, profile, instance role…). */
  public static SigV4Signer fromDefaultChains() {
    return new SigV4Signer(
        () -> DefaultCredentialsProvider.builder().build().resolveCredentials(),
        () -> new DefaultAwsRegionProviderChain().getRegion().id());
  }

  @Override
  public Map<String, List<String>> sign(
      String method, URI uri, Map<String, List<String>> headers, byte[] body) {
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .uri(uri)
            .method(SdkHttpMethod.fromValue(method))
            .headers(headers)
            .build();
    SignedRequest signed =
        signer.sign(
            r ->
                r.identity(credentials.get())
                    .request(request)
                    .payload(ContentStreamProvider.fromByteArray(body))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region(uri)));
    return new LinkedHashMap<>(signed.request().headers());
  }

  /** The region in an invoke URL's host name; the region chain for custom domains. */
  String region(URI uri) {
    Matcher m = API_HOST.matcher(uri.getHost() == null ? "" : uri.getHost());
    return m.find() ? m.group(1) : defaultRegion.get();
  }
}

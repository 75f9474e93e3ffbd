package dev.flightplan.openfeature;

import dev.flightplan.client.FlagClient;
import dev.flightplan.client.FlagClientListener;
import dev.flightplan.client.FlagClientStatus;
import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.ProviderEventDetails;
import java.util.List;
import java.util.Set;

/**
 * The client's news as OpenFeature provider events. A failed read while a fresh snapshot is still
 * served is no event: the provider answers as before, and turns STALE if reads keep failing. ERROR
 * is announced once until the next READY.
 */
final class ProviderEvents implements FlagClientListener {
  private final FlightplanProvider provider;
  private final FlagClient client;
  private final Answers answers;
  private boolean errorAnnounced; // on the refresh thread only

  ProviderEvents(FlightplanProvider provider, FlagClient client, Answers answers) {
    this.provider = provider;
    this.client = client;
    this.answers = answers;
  }

  @Override
  public void ready() {
    errorAnnounced = false;
    provider.emitProviderReady(ProviderEventDetails.builder().message("flags read").build());
  }

  @Override
  public void changed(Set<String> flagKeys) {
    answers.forget();
    provider.emitProviderConfigurationChanged(
        ProviderEventDetails.builder()
            .flagsChanged(List.copyOf(flagKeys))
            .message("flags changed")
            .build());
  }

  @Override
  public void stale() {
    provider.emitProviderStale(
        ProviderEventDetails.builder().message("the flag snapshot is stale").build());
  }

  @Override
  public void error(Exception cause) {
    if (!errorAnnounced && client.status() == FlagClientStatus.ERROR) {
      errorAnnounced = true;
      provider.emitProviderError(
          ProviderEventDetails.builder()
              .message("no flags read yet: " + cause.getMessage())
              .errorCode(ErrorCode.PROVIDER_NOT_READY)
              .build());
    }
  }
}

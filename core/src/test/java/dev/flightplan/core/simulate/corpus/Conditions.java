package dev.flightplan.core.simulate.corpus;

/**
 * What one variant looks like during one minute, on average; the generator draws the minute's
 * counts and latency around it.
 *
 * @param requests expected requests in the minute
 * @param errorRate chance that a request fails
 * @param latencyMs the minute's p95 latency before noise
 */
record Conditions(double requests, double errorRate, double latencyMs) {

  Conditions withErrorsTimes(double factor) {
    return new Conditions(requests, errorRate * factor, latencyMs);
  }

  Conditions withErrorRate(double rate) {
    return new Conditions(requests, rate, latencyMs);
  }

  Conditions withLatencyTimes(double factor) {
    return new Conditions(requests, errorRate, latencyMs * factor);
  }
}

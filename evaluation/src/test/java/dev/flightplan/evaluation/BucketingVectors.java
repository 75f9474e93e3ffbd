package dev.flightplan.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared reference vectors in {@code bucketing-vectors.json}, made by {@code
 * bucketing-vectors.py} with Python's mmh3 (see that script to add rows). Public, so every client's
 * tests run them through the test-jar.
 */
public record BucketingVectors(String flagKey, String salt, String unit, long hash, int bucket) {

  public static List<BucketingVectors> load() {
    try (InputStream in = BucketingVectors.class.getResourceAsStream("/bucketing-vectors.json")) {
      if (in == null) {
        throw new IllegalStateException(
            "bucketing-vectors.json is missing from the test resources");
      }
      List<BucketingVectors> vectors = new ArrayList<>();
      for (JsonNode v : new ObjectMapper().readTree(in).get("vectors")) {
        vectors.add(
            new BucketingVectors(
                v.get("flagKey").asText(),
                v.get("salt").asText(),
                v.get("unit").asText(),
                v.get("hash").asLong(),
                v.get("bucket").asInt()));
      }
      return List.copyOf(vectors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    String shown = unit.length() > 24 ? unit.substring(0, 24) + "…(" + unit.length() + ")" : unit;
    return flagKey + ":" + salt + ":" + shown;
  }
}

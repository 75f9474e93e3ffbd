package dev.flightplan.cli.local.emf;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A metric's value in an EMF document: a number, an array of up to 100 numbers, or an object with
 * {@code Values} and {@code Counts} (up to 100 each, as AWS's EMF libraries write histograms) or
 * only {@code Max}, {@code Min}, {@code Count} and {@code Sum} (a statistic set, which has no
 * percentiles).
 */
final class EmfValues {
  private EmfValues() {}

  static Sample sample(String metric, JsonNode value) {
    if (value == null) {
      throw new EmfException("metric " + metric + " has no value in the document");
    }
    if (value.isNumber()) {
      return Sample.of(new double[] {value.asDouble()}, new double[] {1});
    }
    if (value.isArray()) {
      double[] values = numbers(metric, value, "values");
      double[] ones = new double[values.length];
      java.util.Arrays.fill(ones, 1);
      return Sample.of(values, ones);
    }
    if (value.isObject() && value.has("Values")) {
      double[] values = numbers(metric, value.get("Values"), "Values");
      double[] counts = numbers(metric, value.path("Counts"), "Counts");
      if (counts.length != values.length) {
        throw new EmfException("metric " + metric + " has Values and Counts of unequal length");
      }
      return Sample.of(values, counts);
    }
    if (value.isObject()) {
      return statisticSet(metric, value);
    }
    throw new EmfException("metric " + metric + " has a value that is not a number");
  }

  private static Sample statisticSet(String metric, JsonNode value) {
    for (String field : new String[] {"Max", "Min", "Count", "Sum"}) {
      if (!value.path(field).isNumber()) {
        throw new EmfException("metric " + metric + " has a statistic set without " + field);
      }
    }
    return new Sample(
        new double[0],
        new double[0],
        value.get("Count").asDouble(),
        value.get("Sum").asDouble(),
        value.get("Min").asDouble(),
        value.get("Max").asDouble());
  }

  private static double[] numbers(String metric, JsonNode array, String what) {
    if (!array.isArray() || array.isEmpty() || array.size() > EmfParser.MAX_VALUES) {
      throw new EmfException("metric " + metric + " " + what + " is not 1 to 100 numbers");
    }
    double[] numbers = new double[array.size()];
    for (int i = 0; i < numbers.length; i++) {
      JsonNode number = array.get(i);
      if (!number.isNumber() || !Double.isFinite(number.asDouble())) {
        throw new EmfException("metric " + metric + " " + what + " holds a non-number");
      }
      numbers[i] = number.asDouble();
    }
    return numbers;
  }
}

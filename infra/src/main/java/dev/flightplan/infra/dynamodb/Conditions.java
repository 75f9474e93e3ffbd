package dev.flightplan.infra.dynamodb;

import dev.flightplan.infra.dynamodb.Tables.Attr;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The condition expressions of every write; names always go through placeholders. */
final class Conditions {
  private Conditions() {}

  static Expression notExists(String attribute) {
    return Expression.builder()
        .expression("attribute_not_exists(#k)")
        .putExpressionName("#k", attribute)
        .build();
  }

  static Expression exists(String attribute) {
    return Expression.builder()
        .expression("attribute_exists(#k)")
        .putExpressionName("#k", attribute)
        .build();
  }

  /** The stored version is the one read. */
  static Expression version(long version) {
    return Expression.builder()
        .expression("#v = :v")
        .putExpressionName("#v", Attr.VERSION)
        .putExpressionValue(":v", AttributeValues.n(version))
        .build();
  }

  /** The stored version is the one read, and the stored bindings are {@code boundAlarms}. */
  static Expression versionAndBindings(long version, String boundAlarms) {
    Expression.Builder condition =
        Expression.builder()
            .putExpressionName("#v", Attr.VERSION)
            .putExpressionName("#b", Attr.BOUND_ALARMS)
            .putExpressionValue(":v", AttributeValues.n(version));
    if (boundAlarms == null) {
      return condition.expression("#v = :v AND attribute_not_exists(#b)").build();
    }
    return condition
        .expression("#v = :v AND #b = :b")
        .putExpressionValue(":b", AttributeValue.fromS(boundAlarms))
        .build();
  }
}

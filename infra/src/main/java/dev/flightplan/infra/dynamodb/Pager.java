package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.port.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Pages of an index query that hold exactly {@code limit} items, unless it is the last. A query
 * stops at 1 MB, so one page may take several requests; one item more than asked for tells whether
 * another page exists, so the last page never comes back empty with a token.
 */
final class Pager {
  private Pager() {}

  static <T> Page<T> page(
      DynamoDbIndex<T> index,
      QueryEnhancedRequest.Builder request,
      String query,
      String token,
      int limit,
      Function<T, Map<String, AttributeValue>> keyOf) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    List<T> items = new ArrayList<>();
    Map<String, AttributeValue> start = PageToken.decode(query, token);
    do {
      request.exclusiveStartKey(start).limit(limit + 1 - items.size());
      var page = index.query(request.build()).iterator().next();
      items.addAll(page.items());
      start = page.lastEvaluatedKey();
    } while (items.size() <= limit && start != null && !start.isEmpty());
    if (items.size() <= limit) {
      return new Page<>(items, null);
    }
    List<T> head = items.subList(0, limit);
    return new Page<>(head, PageToken.encode(query, keyOf.apply(head.get(limit - 1))));
  }
}

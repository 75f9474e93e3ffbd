package dev.flightplan.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * A DynamoDB client without a server: it keeps the rollout items the store writes, exactly as the
 * mapping encoded them, and answers every query with all of them in one page. Reading through it
 * measures the store's own work on a page (the Enhanced Client's mapping and decoding the items),
 * without HTTP.
 */
public final class StoredItemsClient implements DynamoDbClient {
  private final String rolloutsTable;
  private final List<Map<String, AttributeValue>> items = new ArrayList<>();

  public StoredItemsClient(String rolloutsTable) {
    this.rolloutsTable = rolloutsTable;
  }

  public List<Map<String, AttributeValue>> items() {
    return items;
  }

  @Override
  public PutItemResponse putItem(PutItemRequest request) {
    keep(request.tableName(), request.item());
    return PutItemResponse.builder().build();
  }

  @Override
  public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
    for (TransactWriteItem write : request.transactItems()) {
      if (write.put() != null) {
        keep(write.put().tableName(), write.put().item());
      }
    }
    return TransactWriteItemsResponse.builder().build();
  }

  @Override
  public QueryResponse query(QueryRequest request) {
    return QueryResponse.builder()
        .items(items)
        .count(items.size())
        .scannedCount(items.size())
        .build();
  }

  private void keep(String table, Map<String, AttributeValue> item) {
    if (table.equals(rolloutsTable)) {
      items.add(item);
    }
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}

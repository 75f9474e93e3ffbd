package dev.flightplan.bench.cost;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The request units DynamoDB bills for the calls of a process: every request is sent with {@code
 * ReturnConsumedCapacity=TOTAL} (which the stores do not ask for themselves) and the units each
 * answer reports are summed, reads apart from writes.
 */
final class CapacityMeter implements ExecutionInterceptor {
  private final DoubleAdder readUnits = new DoubleAdder();
  private final DoubleAdder writeUnits = new DoubleAdder();

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
    return switch (context.request()) {
      case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
      default -> context.request();
    };
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    SdkResponse response = context.response();
    switch (response) {
      case QueryResponse r -> readUnits.add(units(r.consumedCapacity()));
      case GetItemResponse r -> readUnits.add(units(r.consumedCapacity()));
      case BatchGetItemResponse r -> readUnits.add(units(r.consumedCapacity()));
      case PutItemResponse r -> writeUnits.add(units(r.consumedCapacity()));
      case UpdateItemResponse r -> writeUnits.add(units(r.consumedCapacity()));
      case DeleteItemResponse r -> writeUnits.add(units(r.consumedCapacity()));
      case BatchWriteItemResponse r -> writeUnits.add(units(r.consumedCapacity()));
      case TransactWriteItemsResponse r -> writeUnits.add(units(r.consumedCapacity()));
      default -> {}
    }
  }

  /** Read request units consumed so far. */
  double readUnits() {
    return readUnits.sum();
  }

  /**
   * Write request units as billed. A transaction's come back at twice a standard write's, as
   * on-demand bills them: DynamoDB Local answers a 2.5 KB PutItem with 3 units and the same put in
   * a TransactWriteItems with 6.
   */
  double writeUnits() {
    return writeUnits.sum();
  }

  void reset() {
    readUnits.reset();
    writeUnits.reset();
  }

  private static double units(ConsumedCapacity capacity) {
    return capacity == null || capacity.capacityUnits() == null ? 0 : capacity.capacityUnits();
  }

  private static double units(List<ConsumedCapacity> capacities) {
    return capacities == null ? 0 : capacities.stream().mapToDouble(CapacityMeter::units).sum();
  }
}

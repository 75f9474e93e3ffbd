package dev.flightplan.bench.cost;

/**
 * AWS list prices in us-east-1 (US East, N. Virginia), as published on 2026-11-29, pay as you go,
 * no free tier, no savings plan. Sources, read that day:
 *
 * <ul>
 *   <li>DynamoDB on-demand, Standard table class:
 *       https://aws.amazon.com/dynamodb/pricing/on-demand/ (rates as quoted in
 *       https://airbyte.com/data-engineering-resources/dynamodb-pricing)
 *   <li>CloudWatch GetMetricData, per metric requested: https://aws.amazon.com/cloudwatch/pricing/
 *       (as quoted in
 *       https://support.site24x7.com/portal/en/kb/articles/aws-cloudwatch-metrics-cost-calculation)
 *   <li>Lambda, Arm (the template's architecture), first pricing tier:
 *       https://aws.amazon.com/lambda/pricing/ (as quoted in
 *       https://cloudchipr.com/blog/aws-lambda-pricing)
 *   <li>SNS standard topic publishes: https://aws.amazon.com/sns/pricing/ (as quoted in
 *       https://www.factualminds.com/blog/amazon-sns-pricing-publishes-fanout-protocols/)
 *   <li>EventBridge Scheduler invocations: https://aws.amazon.com/eventbridge/pricing/ (as quoted
 *       in https://cloudburn.io/blog/amazon-eventbridge-pricing)
 * </ul>
 */
final class Prices {
  static final String REGION = "us-east-1";
  static final String DATE = "2026-11-29";

  static final double DYNAMODB_PER_WRITE_UNIT = 0.625 / 1e6;
  static final double DYNAMODB_PER_READ_UNIT = 0.125 / 1e6;
  static final double CLOUDWATCH_PER_METRIC_REQUESTED = 0.01 / 1_000;
  static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
  static final double LAMBDA_PER_REQUEST = 0.20 / 1e6;
  static final double SNS_PER_PUBLISH = 0.50 / 1e6;
  static final double SCHEDULER_PER_INVOCATION = 1.00 / 1e6;

  /** The free tiers left out, so the figures are what usage past them costs. */
  static final String FREE_TIERS_IGNORED =
      "Lambda 1M requests and 400,000 GB-s a month, EventBridge Scheduler 14M invocations,"
          + " SNS 1M publishes; also left out: storage, CloudWatch Logs, data transfer, the"
          + " notifications' deliveries (per subscriber)";

  private Prices() {}
}

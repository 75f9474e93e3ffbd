package dev.flightplan.functions;

import static dev.flightplan.functions.TemplateYaml.getAtt;
import static dev.flightplan.functions.TemplateYaml.ref;
import static dev.flightplan.functions.TemplateYaml.target;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * What {@code template.yaml} promises for the way back, with every parameter at its default: the
 * alarm function keeps capacity when the account runs out, every function is bounded, nothing an
 * asynchronous invocation carries vanishes unseen, and every queue is encrypted.
 */
class TemplateSafeguardsTest {
  private static final String FUNCTION = "AWS::Serverless::Function";
  private static final String QUEUE = "AWS::SQS::Queue";

  private final TemplateYaml template = TemplateYaml.read();
  private final TemplatePolicies policies = new TemplatePolicies(template);

  @Test
  void theAlarmFunctionHasReservedConcurrency() {
    assertThat(reservedConcurrency("AlarmFunction")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void everyFunctionIsBoundedByReservedConcurrency() {
    SoftAssertions.assertSoftly(
        soft ->
            template
                .resources(FUNCTION)
                .keySet()
                .forEach(
                    id ->
                        soft.assertThat(reservedConcurrency(id)).as(id).isGreaterThanOrEqualTo(1)));
  }

  @Test
  void theAsynchronousInvokersAreFound() {
    assertThat(asynchronouslyInvokedFunctions())
        .containsExactly("AlarmFunction", "ControllerFunction");
  }

  @Test
  void everyAsynchronouslyInvokedFunctionHasAnOnFailureQueueItsRoleMaySendTo() {
    SoftAssertions.assertSoftly(
        soft -> {
          for (String function : asynchronouslyInvokedFunctions()) {
            JsonNode onFailure =
                template
                    .resource(function)
                    .at("/Properties/EventInvokeConfig/DestinationConfig/OnFailure");
            soft.assertThat(onFailure.path("Type").asText()).as(function).isEqualTo("SQS");
            String queue = target(onFailure.path("Destination"));
            soft.assertThat(template.resource(queue).path("Type").asText())
                .as(function + " on-failure destination")
                .isEqualTo(QUEUE);
            String role = target(template.resource(function).at("/Properties/Role"));
            soft.assertThat(policies.allows(role, "sqs:SendMessage", getAtt(queue, "Arn")))
                .as(role + " may send to " + queue)
                .isTrue();
          }
        });
  }

  @Test
  void everyQueueRaisesAnAlarmThatNotifiesTheTopic() {
    List<JsonNode> alarmedQueues = new ArrayList<>();
    template
        .resources("AWS::CloudWatch::Alarm")
        .values()
        .forEach(
            alarm -> {
              JsonNode properties = alarm.path("Properties");
              boolean notifies = contains(properties.path("AlarmActions"), ref("Topic"));
              if (properties.path("Namespace").asText().equals("AWS/SQS") && notifies) {
                properties.path("Dimensions").forEach(d -> alarmedQueues.add(d.path("Value")));
              }
            });
    template
        .resources(QUEUE)
        .keySet()
        .forEach(queue -> assertThat(alarmedQueues).as(queue).contains(getAtt(queue, "QueueName")));
  }

  @Test
  void everyQueueIsEncrypted() {
    template
        .resources(QUEUE)
        .forEach(
            (id, queue) -> {
              JsonNode properties = queue.path("Properties");
              boolean encrypted =
                  properties.path("SqsManagedSseEnabled").asBoolean(false)
                      || properties.has("KmsMasterKeyId");
              assertThat(encrypted).as(id).isTrue();
            });
  }

  /** The AWS managed SNS key cannot let CloudWatch publish: the alarms above would be lost. */
  @Test
  void cloudWatchAlarmsAndTheFunctionsMayUseTheTopicKey() {
    String key = target(template.resource("Topic").at("/Properties/KmsMasterKeyId"));
    JsonNode keyResource = template.resource(key);
    assertThat(keyResource.path("Type").asText()).isEqualTo("AWS::KMS::Key");
    assertThat(keyResource.at("/Properties/EnableKeyRotation").asBoolean()).isTrue();
    List<String> cloudWatchActions = new ArrayList<>();
    keyResource
        .at("/Properties/KeyPolicy/Statement")
        .forEach(
            statement -> {
              if (statement.at("/Principal/Service").asText().equals("cloudwatch.amazonaws.com")) {
                cloudWatchActions.addAll(TemplatePolicies.actions(statement));
              }
            });
    assertThat(cloudWatchActions).contains("kms:Decrypt", "kms:GenerateDataKey*");
    for (String function : template.resources(FUNCTION).keySet()) {
      String role = target(template.resource(function).at("/Properties/Role"));
      assertThat(policies.allows(role, "sns:Publish", ref("Topic"))).as(role).isTrue();
      assertThat(policies.allows(role, "kms:GenerateDataKey*", getAtt(key, "Arn")))
          .as(role)
          .isTrue();
      assertThat(policies.allows(role, "kms:Decrypt", getAtt(key, "Arn"))).as(role).isTrue();
    }
  }

  @Test
  void everyCheckovSuppressionSaysWhy() {
    template
        .resources()
        .forEach(
            (id, resource) ->
                resource
                    .at("/Metadata/checkov/skip")
                    .forEach(
                        skip -> {
                          assertThat(skip.path("id").asText()).as(id).matches("CKV_AWS_\\d+");
                          assertThat(skip.path("comment").asText()).as(id).isNotBlank();
                        }));
  }

  private int reservedConcurrency(String function) {
    JsonNode value =
        template.withDefaults(
            template.resource(function).at("/Properties/ReservedConcurrentExecutions"));
    return value.isMissingNode() ? 0 : value.asInt();
  }

  /**
   * Functions that a schedule, an EventBridge rule or any service but API Gateway invokes: those
   * invocations are asynchronous, so a failure has no caller to return to.
   */
  private Set<String> asynchronouslyInvokedFunctions() {
    Set<String> invoked = new TreeSet<>();
    template
        .resources("AWS::Scheduler::Schedule")
        .values()
        .forEach(schedule -> invoked.add(target(schedule.at("/Properties/Target/Arn"))));
    template
        .resources("AWS::Events::Rule")
        .values()
        .forEach(
            rule ->
                rule.at("/Properties/Targets").forEach(t -> invoked.add(target(t.path("Arn")))));
    template
        .resources("AWS::Lambda::Permission")
        .values()
        .forEach(
            permission -> {
              JsonNode properties = permission.path("Properties");
              if (!properties.path("Principal").asText().equals("apigateway.amazonaws.com")) {
                invoked.add(target(properties.path("FunctionName")));
              }
            });
    invoked.retainAll(template.resources(FUNCTION).keySet());
    return invoked;
  }

  private static boolean contains(JsonNode array, JsonNode element) {
    for (JsonNode each : array) {
      if (each.equals(element)) {
        return true;
      }
    }
    return false;
  }
}

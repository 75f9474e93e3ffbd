package dev.flightplan.infra.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flightplan.core.port.Notifier;
import dev.flightplan.core.port.NotifierException;
import dev.flightplan.core.state.Notification;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * Publishes notifications to SNS: a readable ASCII subject for mail subscriptions, the JSON body of
 * {@link NotificationMessage} (for HTTP(S) subscriptions such as Amazon Q Developer in chat
 * applications, with the custom notification fields of {@link ChatNotification} added), and the
 * String attributes {@code eventType}, {@code severity} and {@code rolloutId} for subscription
 * filter policies (a pager subscribed with {@code {"eventType": ["ROLLBACK"]}} sees only
 * rollbacks).
 *
 * <p>On a FIFO topic ({@code .fifo}) the notification id is the deduplication id, so a resend after
 * an unknown outcome is dropped by SNS, and the rollout id is the message group, so one rollout's
 * messages stay in order. Standard topics have no deduplication: subscribers dedupe on {@code id}.
 *
 * <p>Every SDK failure (throttling, 5xx, a missing topic, no connection) becomes a {@link
 * NotifierException}: the notification stays in the outbox and is retried on the next tick.
 */
public final class SnsNotifier implements Notifier {
  public static final String EVENT_TYPE = "eventType";
  public static final String SEVERITY = "severity";
  public static final String ROLLOUT_ID = "rolloutId";

  private static final System.Logger LOG = System.getLogger(SnsNotifier.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SnsClient sns;
  private final SnsTopics topics;

  public SnsNotifier(SnsClient sns, SnsTopics topics) {
    this.sns = sns;
    this.topics = topics;
  }

  /** Sends to the deployment's default topic. */
  @Override
  public void send(Notification notification) {
    send(notification, SnsTopics.DEFAULT);
  }

  @Override
  public void send(Notification notification, String topic) {
    if (topic != null && !topics.knows(topic)) {
      LOG.log(
          Level.WARNING,
          "{0}: topic alias ''{1}'' is not configured; sent to the default topic",
          notification.id(),
          topic);
    }
    String arn = topics.arnFor(topic);
    try {
      sns.publish(request(notification, arn));
    } catch (SdkException e) {
      throw new NotifierException(
          "SNS Publish of " + notification.id() + " to " + arn + " failed: " + describe(e), e);
    }
  }

  static PublishRequest request(Notification notification, String arn) {
    PublishRequest.Builder request =
        PublishRequest.builder()
            .topicArn(arn)
            .subject(SnsSubject.of(notification.subject(), fallbackSubject(notification)))
            .messageStructure("json")
            .message(bodies(notification))
            .messageAttributes(attributes(notification));
    if (SnsTopics.isFifo(arn)) {
      request
          .messageGroupId(FifoIds.of(notification.rolloutId()))
          .messageDeduplicationId(FifoIds.of(notification.id()));
    }
    return request.build();
  }

  /**
   * One body per protocol (docs/design.md §4.5): every protocol gets the {@link
   * NotificationMessage} contract; HTTP(S) subscribers, which is how Amazon Q Developer in chat
   * applications subscribes, get it with the fields of {@link ChatNotification} added, so a pager
   * webhook still finds every contract field and a chat channel shows a readable message.
   */
  static String bodies(Notification notification) {
    ObjectNode body = NotificationMessage.tree(notification);
    try {
      String contract = JSON.writeValueAsString(body);
      body.setAll(ChatNotification.tree(notification)); // the shared "id" has the same value
      String chat = JSON.writeValueAsString(body);
      ObjectNode bodies = JSON.createObjectNode();
      bodies.put("default", contract);
      bodies.put("http", chat);
      bodies.put("https", chat);
      return JSON.writeValueAsString(bodies);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers did not serialise", e);
    }
  }

  private static Map<String, MessageAttributeValue> attributes(Notification notification) {
    Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
    put(attributes, EVENT_TYPE, notification.eventType());
    put(
        attributes,
        SEVERITY,
        notification.severity() == null ? null : notification.severity().name());
    put(attributes, ROLLOUT_ID, notification.rolloutId());
    return attributes;
  }

  // SNS rejects attributes with empty values, so absent ones are left out.
  private static void put(
      Map<String, MessageAttributeValue> attributes, String name, String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(
          name, MessageAttributeValue.builder().dataType("String").stringValue(value).build());
    }
  }

  private static String fallbackSubject(Notification notification) {
    return "[" + notification.eventType() + "] " + notification.rolloutId();
  }

  private static String describe(SdkException e) {
    if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.awsErrorDetails().errorCode()
          + " (HTTP "
          + service.statusCode()
          + "): "
          + service.awsErrorDetails().errorMessage();
    }
    return e.getMessage();
  }
}

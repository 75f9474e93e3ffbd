package dev.flightplan.infra.dynamodb;

import dev.flightplan.core.state.DueShards;
import dev.flightplan.core.state.RolloutState;
import java.util.List;

/**
 * The DynamoDB tables of one Flightplan installation: names, keys, indexes and attribute names.
 * {@code template.yaml} and {@link TableCreator} (tests, local mode) both follow this class.
 *
 * <p>Five tables rather than one table of typed items, because each kind has its own life: history
 * only grows and may get its own retention, idempotency records expire by TTL, and flag exposure is
 * what the evaluation endpoint reads, so that function can be granted read access to the {@code
 * flags} table alone. Nothing here needs a cross-kind query; the writes that must be atomic
 * (rollout, history, bindings) use TransactWriteItems, which spans tables.
 *
 * <p>Every table uses on-demand capacity. Items only ever gain attributes: a new version of
 * Flightplan adds attributes and never reuses a name for another meaning.
 *
 * <pre>
 * rollouts   pk id (S)
 *            GSI due       dueShard (S) + nextEvaluationAt (N)   sparse: only rollouts with a time;
 *                          dueShard "0".."n-1", see DueShards
 *            GSI byStatus  status (S)   + createdAt (N)          newest first with a status
 *            GSI byCreated listShard (S) + createdAt (N)         newest first, any status
 * history    pk rolloutId (S), sk seq (N)                        append-only
 * bindings   pk alarmName (S), sk rolloutId (S)                  alarm name, never the ARN
 * events     pk eventKey (S), TTL expiresAt (N, epoch seconds)
 * flags      pk flagKey (S)
 * </pre>
 *
 * Instants are numbers of epoch seconds with up to nine decimals: exact, and they sort.
 */
public record Tables(String prefix) {
  public static final String ROLLOUTS = "rollouts";
  public static final String HISTORY = "history";
  public static final String BINDINGS = "bindings";
  public static final String EVENTS = "events";
  public static final String FLAGS = "flags";

  public static final String DUE_INDEX = "due";
  public static final String BY_STATUS_INDEX = "byStatus";
  public static final String BY_CREATED_INDEX = "byCreated";

  /**
   * The one partition of the {@code byCreated} index, and shard 0 of the {@code due} index, where
   * items written before that index had shards stay until their next write.
   */
  public static final String SHARD = "0";

  /**
   * Shards of the {@code due} index unless the store is told otherwise: enough that no partition
   * key value is hot at 100,000 rollouts. It may be raised but never lowered (items stored in a
   * shard at or above a lowered count would no longer be read).
   */
  public static final int DEFAULT_DUE_SHARDS = 16;

  /** The {@code dueShard} value of a rollout: its shard as a string, or null when it is not due. */
  static String dueShard(String id, RolloutState state, int dueShards) {
    return state.nextEvaluationAt() == null ? null : String.valueOf(DueShards.of(id, dueShards));
  }

  /** Names on the tables' items. */
  public static final class Attr {
    public static final String ID = "id";
    public static final String VERSION = "version";
    public static final String PLAN = "plan";
    public static final String STATUS = "status";
    public static final String NEXT_EVALUATION_AT = "nextEvaluationAt";
    public static final String CREATED_AT = "createdAt";
    public static final String DUE_SHARD = "dueShard";
    public static final String LIST_SHARD = "listShard";
    public static final String BOUND_ALARMS = "boundAlarms";
    public static final String ROLLOUT_ID = "rolloutId";
    public static final String SEQ = "seq";
    public static final String ALARM_NAME = "alarmName";
    public static final String EVENT_KEY = "eventKey";
    public static final String EXPIRES_AT = "expiresAt";
    public static final String FLAG_KEY = "flagKey";

    private Attr() {}
  }

  /** One table's key schema, global secondary indexes and TTL attribute (or null). */
  public record Spec(String suffix, Key key, List<Index> indexes, String ttlAttribute) {}

  /** A partition key and an optional sort key; {@code type} is S or N. */
  public record Key(String partition, String partitionType, String sort, String sortType) {
    static Key of(String partition, String type) {
      return new Key(partition, type, null, null);
    }
  }

  /** A global secondary index projecting all attributes. */
  public record Index(String name, Key key) {}

  public static final List<Spec> SPECS =
      List.of(
          new Spec(
              ROLLOUTS,
              Key.of(Attr.ID, "S"),
              List.of(
                  new Index(DUE_INDEX, new Key(Attr.DUE_SHARD, "S", Attr.NEXT_EVALUATION_AT, "N")),
                  new Index(BY_STATUS_INDEX, new Key(Attr.STATUS, "S", Attr.CREATED_AT, "N")),
                  new Index(BY_CREATED_INDEX, new Key(Attr.LIST_SHARD, "S", Attr.CREATED_AT, "N"))),
              null),
          new Spec(HISTORY, new Key(Attr.ROLLOUT_ID, "S", Attr.SEQ, "N"), List.of(), null),
          new Spec(BINDINGS, new Key(Attr.ALARM_NAME, "S", Attr.ROLLOUT_ID, "S"), List.of(), null),
          new Spec(EVENTS, Key.of(Attr.EVENT_KEY, "S"), List.of(), Attr.EXPIRES_AT),
          new Spec(FLAGS, Key.of(Attr.FLAG_KEY, "S"), List.of(), null));

  /** Tables named {@code <prefix><kind>}, e.g. {@code flightplan-prod-rollouts}. */
  public Tables {
    if (prefix == null) {
      prefix = "";
    }
  }

  public String name(String suffix) {
    return prefix + suffix;
  }

  public String rollouts() {
    return name(ROLLOUTS);
  }

  public String history() {
    return name(HISTORY);
  }

  public String bindings() {
    return name(BINDINGS);
  }

  public String events() {
    return name(EVENTS);
  }

  public String flags() {
    return name(FLAGS);
  }
}

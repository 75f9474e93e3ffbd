package dev.flightplan.bench.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.flightplan.core.plan.PlanReader;
import dev.flightplan.core.plan.PlanWriter;
import dev.flightplan.core.state.Rollout;
import dev.flightplan.core.state.RolloutStatus;
import dev.flightplan.functions.ApiHandler;
import dev.flightplan.functions.FakeContext;
import dev.flightplan.functions.Wiring;
import dev.flightplan.functions.observe.NoMetrics;
import dev.flightplan.functions.snapstart.Primer;
import dev.flightplan.infra.aws.AwsAdapters;
import dev.flightplan.infra.aws.AwsClients;
import dev.flightplan.infra.dynamodb.DynamoDbLocal;
import dev.flightplan.infra.dynamodb.TableCreator;
import dev.flightplan.infra.dynamodb.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code PUT /rollouts/{id}} with {@code If-Match}, warm, through the real {@link ApiHandler} on
 * the DynamoDB store, against DynamoDB Local in this JVM (in memory). Each call alternates between
 * two revisions of the docs/design.md §2 example plan (JSON, as the API's fixtures send it, with
 * {@code digest: none} so that changes are announced one by one), so every PUT writes a revision
 * and its history entry. A {@code draft} rollout's revision is quiet; a {@code running} one's is
 * announced, so its PUT also sends a notification and records that in one more write. Notifications
 * and exposure go to counting doubles: only DynamoDB is on the wire. JMH's sample mode gives
 * p50/p95/p99; at the end of each iteration the DynamoDB calls per PUT are printed, by operation,
 * with their time.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class PlanUpdateBenchmark {
  private static final String ID = "new-search-algorithm";
  private static final String ACTOR =
      "arn:aws:sts::123456789012:assumed-role/FlightplanEngineers/ana";

  @Param({"draft", "running"})
  public String status;

  private final DynamoDbCalls calls = new DynamoDbCalls();
  private final AtomicLong notifications = new AtomicLong();
  private final String[] revisions = new String[2];
  private DynamoDbLocal dynamoDb;
  private AwsClients clients;
  private ApiHandler handler;
  private String etag;
  private long puts;
  private long revision;

  @Setup(Level.Trial)
  public void createRollout() {
    dynamoDb = DynamoDbLocal.start();
    System.setProperty("aws.region", "us-east-1");
    System.setProperty("aws.accessKeyId", "bench");
    System.setProperty("aws.secretAccessKey", "bench");
    System.setProperty("aws.endpointUrlDynamoDb", dynamoDb.endpoint().toString());
    clients = AwsClients.withInterceptors(calls);
    Tables tables = new Tables("bench-");
    TableCreator.createTables(clients.dynamoDb(), tables);
    Clock clock = Clock.systemUTC();
    AwsAdapters aws = new AwsAdapters(clients, tables, clock);
    Wiring wiring =
        Wiring.of(
            clock,
            aws.store(),
            aws.cloudWatchMetrics(),
            (rollout, target, exposure) -> {},
            notification -> notifications.incrementAndGet(),
            aws.flags(),
            100,
            new NoMetrics(),
            Primer.NONE);
    handler = new ApiHandler(wiring);
    String yaml = designExample().replace("digest: daily", "digest: none");
    String json = PlanWriter.toJson(PlanReader.read(yaml));
    revisions[0] = json;
    revisions[1] = json.replace("Ranker v2 behind a flag", "Ranker v2 behind a flag, revised");
    send(event("POST", "/rollouts", Map.of(), json), 201);
    if (status.equals("running")) {
      Rollout draft = wiring.store().get(ID).orElseThrow();
      wiring
          .store()
          .update(
              new Rollout(
                  draft.plan(),
                  draft.state().toBuilder().status(RolloutStatus.RUNNING).phase(0).build(),
                  draft.version()),
              List.of());
    }
    etag = send(event("GET", "/rollouts/" + ID, Map.of(), null), 200).getHeaders().get("ETag");
  }

  @Setup(Level.Iteration)
  public void startCounting() {
    calls.reset();
    notifications.set(0);
    puts = 0;
  }

  @Benchmark
  public String replacePlan() {
    // Never the revision stored now: a PUT of the same plan writes nothing.
    String body = revisions[(int) (++revision % 2)];
    puts++;
    APIGatewayProxyRequestEvent put =
        event("PUT", "/rollouts/" + ID, Map.of("If-Match", etag), body);
    etag = send(put, 200).getHeaders().get("ETag");
    return etag;
  }

  @TearDown(Level.Iteration)
  public void printCalls() {
    System.out.printf(
        "%nDynamoDB calls per PUT (%d notifications over %d PUTs):%n%s",
        notifications.get(), puts, calls.perRequest(puts));
  }

  @TearDown(Level.Trial)
  public void stop() {
    clients.close();
    dynamoDb.close();
  }

  private APIGatewayProxyResponseEvent send(APIGatewayProxyRequestEvent event, int status) {
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(event, new FakeContext("bench-request"));
    if (response.getStatusCode() != status) {
      throw new IllegalStateException(
          event.getHttpMethod()
              + " answered "
              + response.getStatusCode()
              + ": "
              + response.getBody());
    }
    return response;
  }

  private static APIGatewayProxyRequestEvent event(
      String method, String path, Map<String, String> extraHeaders, String body) {
    Map<String, String> headers = new HashMap<>(extraHeaders);
    headers.put("Accept", "application/json");
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    boolean oneRollout = !path.equals("/rollouts");
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withResource(oneRollout ? "/rollouts/{id}" : "/rollouts")
        .withPath(path)
        .withPathParameters(oneRollout ? Map.of("id", ID) : null)
        .withHeaders(headers)
        .withBody(body)
        .withIsBase64Encoded(false)
        .withRequestContext(
            new ProxyRequestContext()
                .withPath("/prod" + path)
                .withRequestId("bench-request")
                .withIdentity(new RequestIdentity().withUserArn(ACTOR)));
  }

  private static String designExample() {
    try (InputStream in =
        PlanUpdateBenchmark.class.getResourceAsStream("/plans/good/design-example.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

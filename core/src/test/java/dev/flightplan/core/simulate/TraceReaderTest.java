package dev.flightplan.core.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceReaderTest {
  private static final String HEADER = "timestamp,metric,variant,value,samples\n";
  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  @Test
  void readsRowsPerMetricVariantAndPeriod() {
    Trace trace =
        TraceReader.read(
            HEADER
                + "2025-03-03T09:00:00Z,Invocations,candidate,1000,\n"
                + "2025-03-03T09:00:00Z,Latency,baseline,120.5,980\n"
                + "\n"
                + " 2025-03-03T09:01:00Z , Invocations , candidate , 990 , \n");

    assertThat(trace.first()).isEqualTo(T0);
    assertThat(trace.last()).isEqualTo(T0.plusSeconds(60));
    assertThat(trace.metrics()).containsExactly("Invocations", "Latency");
    assertThat(trace.series("Invocations", "candidate"))
        .containsEntry(T0, new TracePoint(1000, TracePoint.UNKNOWN))
        .containsEntry(T0.plusSeconds(60), new TracePoint(990, TracePoint.UNKNOWN));
    assertThat(trace.series("Latency", "baseline")).containsEntry(T0, new TracePoint(120.5, 980));
    assertThat(trace.series("Latency", "candidate")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bad timestamp    | 2025-03-03 09:00,Errors,candidate,1,     | line 2, column 1: `2025-03-03 09:00` is not an ISO-8601 timestamp
          empty metric     | 2025-03-03T09:00:00Z,,candidate,1,       | line 2, column 2: the metric name is empty
          unknown variant  | 2025-03-03T09:00:00Z,Errors,canary,1,    | line 2, column 3: variant `canary` is unknown (write candidate or baseline)
          bad value        | 2025-03-03T09:00:00Z,Errors,candidate,x, | line 2, column 4: value `x` is not a number
          infinite value   | 2025-03-03T09:00:00Z,Errors,candidate,Infinity, | line 2, column 4: value `Infinity` is not a number
          negative samples | 2025-03-03T09:00:00Z,Errors,candidate,1,-3 | line 2, column 5: samples `-3` is not a request count
          fraction samples | 2025-03-03T09:00:00Z,Errors,candidate,1,2.5 | line 2, column 5: samples `2.5` is not a request count
          too few columns  | 2025-03-03T09:00:00Z,Errors,candidate,1 | line 2: has 4 columns, not 5
          """)
  void aBadRowNamesItsLineAndColumn(String what, String row, String message) {
    assertThatThrownBy(() -> TraceReader.read(HEADER + row + "\n"))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aWrongHeaderSaysWhatToWrite() {
    assertThatThrownBy(() -> TraceReader.read("time,metric,variant,value\n"))
        .hasMessageContaining("line 1: the header is `time,metric,variant,value`")
        .hasMessageContaining("start with timestamp,metric,variant,value,samples");
  }

  @Test
  void aRepeatedRowNamesBothLines() {
    String row = "2025-03-03T09:00:00Z,Errors,candidate,1,\n";

    assertThatThrownBy(() -> TraceReader.read(HEADER + row + row))
        .hasMessageContaining(
            "line 3: repeats Errors of candidate at 2025-03-03T09:00:00Z from line 2");
  }

  @Test
  void everyErrorIsReportedNotJustTheFirst() {
    TraceException e =
        catchTrace(
            HEADER
                + "2025-03-03T09:00:00Z,Errors,canary,1,\n"
                + "\n"
                + "2025-03-03T09:01:00Z,Errors,candidate,one,\n");

    assertThat(e.errors())
        .extracting(TraceError::line, TraceError::column)
        .containsExactly(tuple(2, 3), tuple(4, 4));
  }

  @Test
  void pastTwentyErrorsTheRestAreCountedNotDropped() {
    StringBuilder text = new StringBuilder(HEADER);
    for (int minute = 0; minute < 25; minute++) {
      text.append(String.format("2025-03-03T09:%02d:00Z,Errors,canary,1,%n", minute));
    }

    TraceException e = catchTrace(text.toString());

    assertThat(e.errors()).hasSize(21);
    assertThat(e.errors().get(20))
        .hasToString(
            "line 26: and 5 more errors up to here (fix the ones above and read it again)");
  }

  @Test
  void anEmptyTraceOrOneWithoutRowsIsRefused() {
    assertThatThrownBy(() -> TraceReader.read("")).hasMessageContaining("the trace is empty");
    assertThatThrownBy(() -> TraceReader.read(HEADER))
        .hasMessageContaining("line 2: the trace has a header but no rows");
  }

  @Test
  void aCsvSyntaxErrorNamesItsLine() {
    assertThatThrownBy(
            () -> TraceReader.read(HEADER + "2025-03-03T09:00:00Z,\"Errors,candidate,1,\n"))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("fix the CSV syntax");
  }

  private static TraceException catchTrace(String text) {
    try {
      TraceReader.read(text);
    } catch (TraceException e) {
      return e;
    }
    throw new AssertionError("no TraceException");
  }
}

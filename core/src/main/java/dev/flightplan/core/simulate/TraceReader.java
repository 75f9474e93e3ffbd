package dev.flightplan.core.simulate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a metric trace: CSV with the header {@code timestamp,metric,variant,value,samples}, one row
 * per metric, variant and period. Every error names its line and column and says how to fix it.
 */
public final class TraceReader {
  static final List<String> HEADER = List.of("timestamp", "metric", "variant", "value", "samples");
  private static final List<String> BLANK = List.of("");

  // Rows come as arrays of strings, so the header is checked here and each row's line is known.
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).build();

  private TraceReader() {}

  public static Trace read(String text) {
    return read(new StringReader(text));
  }

  /**
   * @throws TraceException with the first errors found, and how many more there are
   */
  public static Trace read(Reader reader) {
    TraceRows rows = new TraceRows();
    try (JsonParser parser = CSV.createParser(reader)) {
      boolean header = true;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token != JsonToken.START_ARRAY) {
          continue;
        }
        // The CSV parser counts rows from 0 (and has no row yet at the header); people count from
        // 1.
        int line = parser.currentTokenLocation().getLineNr() + 1;
        List<String> cells = cells(parser);
        // Blank lines are read as rows (not skipped by the parser) so that rows keep their lines.
        if (cells.equals(BLANK)) {
          continue;
        }
        if (header) {
          rows.header(1, cells);
          header = false;
        } else {
          rows.row(line, cells);
        }
      }
    } catch (JsonProcessingException e) {
      rows.syntax(
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows.trace();
  }

  private static List<String> cells(JsonParser parser) throws IOException {
    List<String> cells = new ArrayList<>();
    while (parser.nextToken() == JsonToken.VALUE_STRING) {
      cells.add(parser.getText());
    }
    return cells;
  }
}

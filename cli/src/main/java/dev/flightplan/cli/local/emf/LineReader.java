package dev.flightplan.cli.local.emf;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Splits a TCP stream into lines of at most {@link #MAX_LINE} bytes, refusing longer ones. */
final class LineReader {
  /** CloudWatch Logs takes events of up to 1 MB; an EMF document is one event. */
  static final int MAX_LINE = 1 << 20;

  private final InputStream in;
  private final EmfIntake intake;

  LineReader(InputStream in, EmfIntake intake) {
    this.in = new BufferedInputStream(in);
    this.intake = intake;
  }

  void readAll() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b != '\n') {
        if (line.size() < MAX_LINE) {
          line.write(b);
        } else {
          tooLong = true;
        }
        continue;
      }
      if (tooLong) {
        intake.refuse("a document longer than 1 MiB");
      } else if (line.size() > 0) {
        intake.take(line.toString(StandardCharsets.UTF_8).strip());
      }
      line.reset();
      tooLong = false;
    }
  }
}

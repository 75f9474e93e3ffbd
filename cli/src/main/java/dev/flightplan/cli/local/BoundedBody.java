package dev.flightplan.cli.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Optional;

/**
 * Reads a request body up to a limit and no further: a declared {@code Content-Length} over the
 * limit is refused before a byte is read, and a chunked body is read to one byte past the limit.
 */
final class BoundedBody {
  private BoundedBody() {}

  /** The body, or the refusal when it is larger than {@code limit} bytes. */
  static Result read(HttpExchange exchange, int limit) throws IOException {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    // The JDK server has refused a length that is not one non-negative number.
    if (declared != null && Long.parseLong(declared.strip()) > limit) {
      return Result.tooLarge("the body has " + declared.strip() + " bytes", limit);
    }
    byte[] body = exchange.getRequestBody().readNBytes(limit + 1);
    if (body.length > limit) {
      return Result.tooLarge("the body has more than " + limit + " bytes", limit);
    }
    return new Result(body, Optional.empty());
  }

  /** Either the bytes as received or the 413 answer. */
  record Result(byte[] bytes, Optional<LocalRefusal> refusal) {
    private static Result tooLarge(String size, int limit) {
      String detail = size + "; at most " + limit + " (" + limit / 1024 + " KiB) are accepted";
      return new Result(new byte[0], Optional.of(LocalRefusal.tooLarge(detail)));
    }
  }
}

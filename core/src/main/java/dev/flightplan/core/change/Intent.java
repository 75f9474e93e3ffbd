package dev.flightplan.core.change;

import dev.flightplan.core.state.Command;
import java.util.Objects;

/**
 * A person's request, recorded as asked.
 *
 * @param actor the caller's IAM ARN (or a local user name in local mode)
 * @param reason why, in the caller's words; may be null
 * @param item the checklist item for {@link Command#CHECKLIST}, otherwise null
 */
public record Intent(Command command, String actor, String reason, String item) {

  public Intent {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(actor, "actor");
  }

  public static Intent of(Command command, String actor, String reason) {
    return new Intent(command, actor, reason, null);
  }

  public static Intent checklist(String actor, String item) {
    return new Intent(Command.CHECKLIST, actor, null, item);
  }
}

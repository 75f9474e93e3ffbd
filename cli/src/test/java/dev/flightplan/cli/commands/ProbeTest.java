package dev.flightplan.cli.commands;

import dev.flightplan.cli.CliHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProbeTest {
  @Test
  void probe() {
    try (CliHarness h = new CliHarness()) {
      h.started();
      System.out.println(h.api("get", "checkout-v2"));
      System.out.println(h.api("promote", "checkout-v2"));
      h.wiring.tick().run();
      h.clock.advance(Duration.ofMinutes(1));
      h.wiring.tick().run();
      System.out.println(h.api("get", "checkout-v2"));
      System.out.println(h.api("history", "checkout-v2"));
      System.out.println(h.api("evaluate", "checkout-v2", "--unit", "u1", "--attr", "email=a@b.c"));
      System.out.println(CliHarness.run("lint", "-f", CliHarness.plan("bad.yaml")));
      System.out.println(CliHarness.run("lint", "-f", CliHarness.plan("checkout.yaml")));
    }
  }
}

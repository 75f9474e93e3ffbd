package dev.flightplan.cli.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium: {@code flightplan dashboard} forwarding to a real
 * {@code flightplan local}, whose rollouts advance on its simulated clock. Screenshots go to {@code
 * target/screenshots/}.
 */
class DashboardBrowserIT {
  private static DashboardFixture fixture;
  private static URI dashboard;
  private static URI readOnly;
  private ChromeDriver chrome;
  private WebDriverWait wait;

  @BeforeAll
  static void startLocalModeAndDashboards() {
    fixture = new DashboardFixture();
    dashboard = fixture.dashboard();
    readOnly = fixture.dashboard("--read-only");
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @BeforeEach
  void openBrowser() {
    chrome = HeadlessChromium.start();
    wait = new WebDriverWait(chrome, Duration.ofSeconds(20));
  }

  @AfterEach
  void closeBrowser() {
    if (chrome != null) {
      chrome.quit();
    }
  }

  @Test
  void theListShowsEveryRolloutWithItsStatusPhaseAndExposure() {
    chrome.get(dashboard.toString());
    wait.until(d -> rows().size() == DashboardFixture.ROLLOUTS.size());

    for (String id : DashboardFixture.ROLLOUTS) {
      String row = chrome.findElement(By.cssSelector("tr[data-rollout='" + id + "']")).getText();
      // Other tests act on some of them: the row says what the API says now.
      JsonNode rollout = fixture.rollout(id);
      JsonNode progress = rollout.path("progress");
      assertThat(row)
          .contains(id, rollout.path("status").asText())
          .contains(progress.path("phase").asInt() + " of 3")
          .contains(progress.path("exposure").path("percent").asText() + "%");
    }
    HeadlessChromium.screenshot(chrome, "list-1280x800");
    HeadlessChromium.viewport(chrome, 390, 844);
    // Charts follow the new width once they hear of it: give them a moment.
    wait.withMessage(() -> "no sideways scrolling at phone width: " + widerThanThePage())
        .until(d -> !horizontalOverflow());
    HeadlessChromium.screenshot(chrome, "list-390");
  }

  @Test
  void aRolloutPageDrawsEachGateMetricCandidateAgainstBaselineWithTheThreshold() {
    chrome.get(dashboard + "#/rollouts/checkout-v2");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#charts canvas")));
    // Points accumulate as the simulated clock runs: wait until both series have some.
    wait.until(d -> pointsPerSeries().get(0) > 0 && pointsPerSeries().get(1) > 0);

    List<Long> points = pointsPerSeries();
    assertThat(points)
        .as("candidate, baseline, then a threshold line")
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(points.get(2)).isGreaterThanOrEqualTo(2);
    assertThat(chrome.findElement(By.id("gates")).getText()).contains("error_rate");
    assertThat(chrome.findElement(By.id("timeline")).getText()).contains("canary", "bake");
    assertThat(chrome.findElement(By.id("history")).getText())
        .as("phases counted from 1, as the list counts them")
        .contains("START", "1 · canary");
    HeadlessChromium.screenshot(chrome, "rollout-1280x800");
    chrome.executeScript("document.getElementById('gates').scrollIntoView();");
    HeadlessChromium.screenshot(chrome, "rollout-gates-and-charts-1280x800");
    HeadlessChromium.viewport(chrome, 390, 844);
    // Charts follow the new width once they hear of it: give them a moment.
    wait.withMessage(() -> "no sideways scrolling at phone width: " + widerThanThePage())
        .until(d -> !horizontalOverflow());
    HeadlessChromium.screenshot(chrome, "rollout-390");
  }

  @Test
  void anActionAsksFirstAndCancelOrEscapeChangesNothing() {
    chrome.get(dashboard + "#/rollouts/checkout-v2");
    WebElement pause = wait.until(ExpectedConditions.elementToBeClickable(action("pause")));

    pause.click();
    WebElement dialog = chrome.findElement(By.id("confirm"));
    assertThat(dialog.getDomProperty("open")).isEqualTo("true");
    assertThat(chrome.findElement(By.id("confirm-id")).isDisplayed())
        .as("pause asks for no typed id")
        .isFalse();
    for (int i = 0; i < 6; i++) {
      chrome.switchTo().activeElement().sendKeys(Keys.TAB);
      assertThat(insideDialog()).as("focus after %d tabs", i + 1).isTrue();
    }
    chrome.findElement(By.id("confirm-cancel")).click();
    assertThat(dialog.getDomProperty("open")).isEqualTo("false");
    chrome.findElement(action("pause")).click();
    chrome.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    wait.until(d -> "false".equals(dialog.getDomProperty("open")));
    assertThat(fixture.rollout("checkout-v2").path("status").asText()).isEqualTo("RUNNING");

    chrome.findElement(action("pause")).click();
    chrome.findElement(By.id("confirm-reason")).sendKeys("error budget looks thin");
    HeadlessChromium.screenshot(chrome, "confirm-pause-1280x800");
    chrome.findElement(By.id("confirm-ok")).click();
    wait.until(d -> fixture.rollout("checkout-v2").path("status").asText().equals("PAUSED"));
    wait.until(ExpectedConditions.elementToBeClickable(action("resume")));
  }

  @Test
  void rollbackAsksForTheRolloutIdBeforeItRuns() {
    chrome.get(dashboard + "#/rollouts/search-v3");
    wait.until(ExpectedConditions.elementToBeClickable(action("rollback"))).click();
    WebElement confirm = chrome.findElement(By.id("confirm-ok"));
    assertThat(chrome.findElement(By.id("confirm-id")).isDisplayed()).isTrue();
    assertThat(confirm.isEnabled()).as("confirm before the id is typed").isFalse();

    chrome.findElement(By.id("confirm-id")).sendKeys("search-v2");
    assertThat(confirm.isEnabled()).as("confirm with another id").isFalse();
    chrome.findElement(By.id("confirm-id")).sendKeys(Keys.BACK_SPACE, "3");
    assertThat(confirm.isEnabled()).isTrue();
    confirm.click();

    wait.until(d -> fixture.rollout("search-v3").path("status").asText().equals("ROLLED_BACK"));
  }

  @Test
  void readOnlyOffersNoActionsAndTheServerRefusesThem() {
    chrome.get(readOnly + "#/rollouts/pricing-v4");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("actions"), "read-only"));
    wait.until(d -> !d.findElement(By.id("history")).getText().isBlank());

    assertThat(chrome.findElements(By.cssSelector("[data-action]"))).isEmpty();
    assertThat(chrome.findElement(By.cssSelector("#summary [data-fact='Holding']")).getText())
        .as("why it holds, as the API says")
        .contains("BAKING", "baking phase canary");
    assertThat(chrome.findElement(By.cssSelector("#summary [data-fact='Completes']")).getText())
        .as("the earliest completion, from the API's eta")
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC \\(in .+\\)");
    assertThat(fixture.status(readOnly.resolve("api/rollouts/pricing-v4/pause"), "POST"))
        .isEqualTo(403);
    assertThat(fixture.rollout("pricing-v4").path("status").asText()).isEqualTo("RUNNING");
    HeadlessChromium.screenshot(chrome, "read-only-1280x800");
  }

  private By action(String name) {
    return By.cssSelector("#actions button[data-action='" + name + "']");
  }

  private List<WebElement> rows() {
    return chrome.findElements(By.cssSelector("#rollouts tbody tr"));
  }

  /** Data points of each dataset of the first chart, as Chart.js holds them. */
  @SuppressWarnings("unchecked")
  private List<Long> pointsPerSeries() {
    Object counts =
        chrome.executeScript(
            "const chart = Chart.getChart(document.querySelector('#charts canvas'));"
                + "return chart ? chart.data.datasets.map(d => d.data.length) : [0, 0];");
    return (List<Long>) counts;
  }

  private boolean insideDialog() {
    return (Boolean)
        chrome.executeScript(
            "return document.getElementById('confirm').contains(document.activeElement);");
  }

  /** The elements that reach past the page's right edge, innermost first. */
  private Object widerThanThePage() {
    return chrome.executeScript(
        "const w = document.documentElement.clientWidth;"
            + "return [...document.querySelectorAll('body *')]"
            + ".filter(e => e.getBoundingClientRect().right > w + 1)"
            + ".map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))"
            + ".reverse().slice(0, 5);");
  }

  private boolean horizontalOverflow() {
    return (Boolean)
        chrome.executeScript(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
  }
}

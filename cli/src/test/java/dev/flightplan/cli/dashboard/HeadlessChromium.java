package dev.flightplan.cli.dashboard;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, headless, driven through its chromedriver: Selenium is given both paths,
 * so it never looks for a driver to download. Without them the test fails and says how to install
 * them.
 */
final class HeadlessChromium {
  static final String HOW_TO_INSTALL =
      "the dashboard's browser tests need Chromium and its chromedriver: on Debian or Ubuntu run"
          + " 'sudo apt-get install -y chromium chromium-driver'; elsewhere install them and set"
          + " FLIGHTPLAN_CHROMIUM and FLIGHTPLAN_CHROMEDRIVER to their paths";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private HeadlessChromium() {}

  /** A browser window of 1280×800; fails with {@link #HOW_TO_INSTALL} when there is none. */
  static ChromeDriver start() {
    File browser = executable("FLIGHTPLAN_CHROMIUM", "/usr/bin/chromium");
    File driver = executable("FLIGHTPLAN_CHROMEDRIVER", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,800",
        "--force-device-scale-factor=1");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    viewport(chrome, 1280, 800);
    return chrome;
  }

  /**
   * Gives the page exactly {@code width} × {@code height} CSS pixels, as a phone's screen when
   * narrow (a desktop window cannot be made narrower than about 500 pixels).
   */
  static void viewport(ChromeDriver chrome, int width, int height) {
    chrome.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  private static File executable(String variable, String fallback) {
    String configured = System.getenv(variable);
    File file = new File(configured == null || configured.isBlank() ? fallback : configured);
    if (!file.canExecute()) {
      fail("no " + file + ": " + HOW_TO_INSTALL);
    }
    return file;
  }

  /** Saves what the window shows as {@code target/screenshots/NAME.png}. */
  static Path screenshot(ChromeDriver chrome, String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path png = SCREENSHOTS.resolve(name + ".png");
      Files.copy(
          chrome.getScreenshotAs(OutputType.FILE).toPath(),
          png,
          StandardCopyOption.REPLACE_EXISTING);
      return png;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.besteffort.console.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The system's own Chromium, headless, driven through its own chromedriver: nothing is downloaded, so the tests run
 * where only Debian's packages are reachable. Where they are missing, the browser tests are skipped with one line.
 */
final class Browser implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Browser.class);

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

    private final WebDriver driver;
    private final Path screenshots;

    private Browser(WebDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Skips the calling test class, with one clear line, where there is no browser to drive. */
    static void assumeInstalled() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            log.warn("Browser tests skipped: no {} or {} here (apt-get install chromium chromium-driver; "
                    + ".ci/run does)", CHROMIUM, CHROMEDRIVER);
        }
        assumeTrue(installed, "no browser: install chromium and chromium-driver to run the console's browser tests");
    }

    static Browser open(Path screenshots) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--disable-gpu", "--lang=en");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        try {
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(new ChromeDriver(service, options), screenshots);
    }

    void open(String url) {
        driver.get(url);
    }

    WebDriver driver() {
        return driver;
    }

    /** The one element with this {@code data-test} attribute. */
    WebElement find(String dataTest) {
        return driver.findElement(byTest(dataTest));
    }

    static By byTest(String dataTest) {
        return By.cssSelector("[data-test=\"" + dataTest + "\"]");
    }

    /** Waits until the condition holds (not null, not false), or fails with what it was waiting for. */
    <T> T await(String what, Duration timeout, ExpectedCondition<T> condition) {
        // The page redraws what changed: an element read a moment ago may be gone, which is "not yet", not a failure.
        return new WebDriverWait(driver, timeout).withMessage(what).pollingEvery(Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Saves what the browser shows now as {@code <name>.png}, for the README and for whoever reads a failure. */
    Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** What the page logged as errors since the last call (a script error, a failed request). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

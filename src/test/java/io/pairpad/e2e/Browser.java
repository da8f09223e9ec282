package io.pairpad.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** One headless Chromium driven through Debian's chromedriver, with helpers for the pairpad page. */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    final String name;

    Browser(String name) {
        this.name = name;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-renderer-backgrounding",
                "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
    }

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    void open(String url) {
        driver.get(url);
        waitFor("the editor to connect", () -> Boolean.TRUE.equals(js(
                "return !!(window.pairpad && window.pairpad.sync.ready && !window.pairpad.sync.syncing"
                        + " && document.querySelector('#connection-status').classList.contains('status-connected'))")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String text() {
        return (String) js("return window.pairpad.view.state.doc.toString()");
    }

    /** Puts the caret at `pos` (clamped to the text) and focuses the editor. */
    void caretAt(long pos) {
        js("const v = window.pairpad.view; const p = Math.max(0, Math.min(arguments[0], v.state.doc.length));"
                + " v.dispatch({selection: {anchor: p}, scrollIntoView: true}); v.focus();", pos);
    }

    void caretAtRandom(java.util.Random random) {
        long length = (Long) js("return window.pairpad.view.state.doc.length");
        caretAt(random.nextInt((int) length + 1));
    }

    /** Types into the focused element, as a keyboard would. */
    void type(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    boolean allSynced() {
        return Boolean.TRUE.equals(js("const s = window.pairpad.sync;"
                + " return s.ready && !s.syncing && s.connected && s.unsentEdits === 0"));
    }

    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The browser console's messages about the Content-Security-Policy since the last call. */
    List<String> cspMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .collect(Collectors.toList());
    }

    static void waitFor(String what, Supplier<Boolean> condition) {
        waitFor(what, Duration.ofSeconds(20), condition);
    }

    static void waitFor(String what, Duration timeout, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (Boolean.TRUE.equals(condition.get())) {
                    return;
                }
                last = null;
            } catch (RuntimeException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("timed out waiting for " + what, last);
    }

    @Override
    public void close() {
        driver.quit();
    }
}

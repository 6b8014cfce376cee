package dev.cutover.ops.http;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless browser for the review page: Debian's {@code chromium} driven through its own
 * {@code chromedriver} (pinned, nothing downloaded), with a fresh profile, sending the viewer's HTTP
 * Basic credentials on every request. Without the binaries a local run skips with a message saying what
 * to install; under CI ({@code CI=true}) a browser that cannot start fails the test.
 */
final class ReviewBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path profile;

    private ReviewBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static ReviewBrowser start(String user, String password) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
            Assumptions.assumeTrue(installed, "no " + CHROMIUM + " or " + CHROMEDRIVER
                    + ": install them (apt-get install -y chromium chromium-driver) to run the browser tests");
        }
        Path profile;
        try {
            profile = Files.createTempDirectory("cutover-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // as root chromium needs --no-sandbox; the rest keeps it from reaching out or sharing state between runs
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + credentials)));
        return new ReviewBrowser(driver, profile);
    }

    void open(String url) {
        driver.get(url);
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    WebElement element(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks what {@code css} names and waits until the browser shows the page it leads to. */
    void follow(String css) {
        WebElement html = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(css)).click();
        awaitNewPage(html);
    }

    /** Submits the form {@code css} names and waits until the browser shows the answer. */
    void submit(String css) {
        WebElement html = driver.findElement(By.tagName("html"));
        driver.findElement(By.cssSelector(css + " button[type=submit]")).click();
        awaitNewPage(html);
    }

    String pageSource() {
        return driver.getPageSource();
    }

    String url() {
        return driver.getCurrentUrl();
    }

    /** The old page's root goes stale once the browser has replaced the document (chromedriver then waits for its load). */
    private void awaitNewPage(WebElement old) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(old));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary profile left behind is harmless
            }
        }
    }
}

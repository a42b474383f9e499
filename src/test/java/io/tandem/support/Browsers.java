package io.tandem.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium for a test, one browser per person: Debian's chromium and chromedriver (.ci/run installs them;
 * nothing is downloaded). Register as a field with {@code @RegisterExtension}. When the test fails, each browser's
 * screen and page go to target/browser-screenshots before the browsers close. Without chromium the test is skipped
 * on a developer's machine and fails under CI, where it must run.
 */
public final class Browsers implements AfterTestExecutionCallback {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    /** How long a page may take to show what a test waits for. */
    public static final Duration SHOWS = Duration.ofSeconds(20);

    private final List<ChromeDriver> open = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    public ChromeDriver open() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("CI") != null) {
            throw new IllegalStateException("The browser test needs Debian's chromium and chromium-driver: .ci/run installs them");
        }
        Assumptions.assumeTrue(installed, "chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the flags keep Chromium off the network it has no access to here, and give each browser a profile of its own
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,1100", "--user-data-dir=" + profile());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        open.add(browser);
        return browser;
    }

    /** Saves what the browser shows as target/browser-screenshots/&lt;name&gt;.png. */
    public static Path screenshot(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        try {
            if (context.getExecutionException().isPresent()) {
                for (int i = 0; i < open.size(); i++) {
                    String name = context.getRequiredTestMethod().getName() + "-browser-" + (i + 1);
                    screenshot(open.get(i), name);
                    Files.writeString(SCREENSHOTS.resolve(name + ".html"), open.get(i).getPageSource(), StandardCharsets.UTF_8);
                }
            }
        } finally {
            open.forEach(ChromeDriver::quit);
            open.clear();
            for (Path profile : profiles) {
                FileSystemUtils.deleteRecursively(profile);
            }
            profiles.clear();
        }
    }

    private String profile() {
        try {
            Path profile = Files.createTempDirectory("tandem-chromium");
            profiles.add(profile);
            return profile.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

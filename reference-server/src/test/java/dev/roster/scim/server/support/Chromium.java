package dev.roster.scim.server.support;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Headless Chromium from the system's packages, driven by the system's chromedriver. Selenium Manager is never asked
 * to download anything: the driver's path is given explicitly.
 *
 * <p>Without the browser the browser tests are skipped on a developer's machine (with the command that installs
 * it) and fail on CI ({@code CI=true}), where a skip would hide a broken build.
 */
public final class Chromium {

    private static final String INSTALL = "apt-get install chromium chromium-driver";

    private Chromium() {
    }

    /**
     * Why the browser tests cannot run here, if they cannot: the reason says how to install what is missing. On CI
     * ({@code CI=true}) a missing browser is an error instead, thrown here.
     */
    public static Optional<String> unavailable() {
        File browser = executable("CHROMIUM_BIN", "/usr/bin/chromium");
        File driver = executable("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        if (browser.canExecute() && driver.canExecute()) {
            return Optional.empty();
        }
        String reason = "The browser tests need Chromium and its driver (" + browser + ", " + driver
                + "). Install them with: " + INSTALL;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(reason);
        }
        return Optional.of(reason);
    }

    /** A new headless browser with a fresh profile; {@code quit()} it when done. Check {@link #unavailable()} first. */
    public static ChromeDriver start(Path profile) {
        File browser = executable("CHROMIUM_BIN", "/usr/bin/chromium");
        File driver = executable("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        System.setProperty("webdriver.chrome.driver", driver.getPath());
        System.setProperty("SE_OFFLINE", "true");
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1280,1000", "--lang=en-US",
                        "--user-data-dir=" + fresh(profile));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver)
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        return new ChromeDriver(service, options);
    }

    private static File executable(String variable, String fallback) {
        String configured = System.getenv(variable);
        return new File(configured == null || configured.isBlank() ? fallback : configured);
    }

    private static Path fresh(Path profile) {
        try {
            return Files.createDirectories(profile).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

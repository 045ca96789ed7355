package dev.roster.scim.server.support;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Headless Chromium on a test server's admin page, as the browser tests share it: one browser and one server per test
 * class, a wait that looks again for rows the page replaced, and opening a site's page signed in.
 */
public final class AdminPageBrowser implements AutoCloseable {

    private final ChromeDriver browser;
    private final TestServer server;
    private final WebDriverWait wait;

    private AdminPageBrowser(ChromeDriver browser, TestServer server, Duration patience) {
        this.browser = browser;
        this.server = server;
        this.wait = new WebDriverWait(browser, patience);
        // The page replaces table rows when data arrives; a row found a moment ago may be gone, so look again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    /**
     * Starts the browser and a server on a new database in {@code workDirectory}. Check
     * {@link Chromium#unavailable()} first.
     */
    public static AdminPageBrowser start(Path workDirectory, Clock clock, Duration patience) {
        ChromeDriver browser = Chromium.start(workDirectory.resolve("chromium-profile"));
        try {
            return new AdminPageBrowser(browser,
                    TestServer.start(TestServer.options(workDirectory.resolve("page.db")), clock), patience);
        } catch (RuntimeException e) {
            browser.quit();
            throw e;
        }
    }

    public ChromeDriver browser() {
        return browser;
    }

    public TestServer server() {
        return server;
    }

    public WebDriverWait await() {
        return wait;
    }

    public WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    /**
     * Opens the site's admin page and signs in if the page asks; returns once the console or an alert shows (a page
     * that refuses the site shows only the alert).
     */
    public void open(String site) {
        browser.get(server.baseUrl() + "/c/" + site + "/admin/scim");
        wait.until(d -> byId("console").isDisplayed() || byId("sign-in").isDisplayed()
                || !byId("alert").getText().isEmpty());
        if (byId("sign-in").isDisplayed()) {
            byId("admin-password").sendKeys(server.adminPassword());
            byId("sign-in-button").click();
            wait.until(d -> byId("console").isDisplayed() || !byId("alert").getText().isEmpty());
        }
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            server.close();
        }
    }
}

package dev.roster.scim.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.testkit.TestClock;
import dev.roster.scim.server.support.AdminPageBrowser;
import dev.roster.scim.server.support.Chromium;
import dev.roster.scim.server.support.Screenshots;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tokens panel, the request inspector, the settings panel's refresh and the user search of the admin page, in
 * headless Chromium against a real server; the README's pictures of the two panels are taken here.
 */
class AdminTokensAndInspectorBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    static Path workDirectory;

    private static AdminPageBrowser page;
    private static TestServer server;
    private static ChromeDriver browser;
    private static WebDriverWait wait;
    private static Optional<String> unavailable;

    @BeforeAll
    static void start() {
        unavailable = Chromium.unavailable();
        if (unavailable.isPresent()) {
            return;
        }
        page = AdminPageBrowser.start(workDirectory, new TestClock(), PATIENCE);
        server = page.server();
        browser = page.browser();
        wait = page.await();
    }

    @BeforeEach
    void needsTheBrowser() {
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
    }

    @AfterAll
    static void stop() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void aNamedTokenWithAnOverlapIsShownOnceListedAndTheOldOneKeepsWorkingUntilRevoked() {
        String old = server.createScimReadySite("tokens");
        open("tokens");
        wait.until(d -> tokenNames().equals(List.of("token")));

        byId("token-name").sendKeys("okta-2");
        new Select(byId("token-others")).selectByValue("60");
        byId("create-token").click();

        WebElement secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-value")));
        String fresh = secret.getDomProperty("value");
        assertThat(fresh).isNotBlank().isNotEqualTo(old);
        wait.until(d -> Set.copyOf(tokenNames()).equals(Set.of("token", "okta-2")));
        assertThat(idp("tokens", old)).isEqualTo(200);
        assertThat(idp("tokens", fresh)).isEqualTo(200);
        assertThat(tokenRow("token").getText()).doesNotContain("Never\nNever");

        tokenRow("token").findElement(By.cssSelector("button[aria-label='Revoke the token token']")).click();
        wait.until(d -> tokenNames().equals(List.of("okta-2")));
        assertThat(idp("tokens", old)).isEqualTo(401);
        assertThat(idp("tokens", fresh)).isEqualTo(200);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        assertThat(browser.getPageSource()).doesNotContain(fresh);
    }

    @Test
    void theInspectorListsRequestsFiltersByStatusAndShowsRedactedBodies() {
        String token = server.createScimReadySite("inspect");
        idpPost("inspect", token, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ann@example.org\",\"password\":\"hunter2-in-the-body\"}");
        idpGet("inspect", token, "/Users/no-such-id");
        open("inspect");

        wait.until(d -> exchangeRows().size() >= 2);
        new Select(byId("inspector-status")).selectByValue("4xx");
        wait.until(d -> exchangeRows().size() == 1 && exchangeRows().get(0).getText().contains("404"));
        new Select(byId("inspector-status")).selectByValue("");
        wait.until(d -> exchangeRows().size() >= 2);

        WebElement post = exchangeRows().stream().filter(row -> row.getText().contains("POST")).findFirst()
                .orElseThrow();
        assertThat(post.getText()).contains("Okta", "201");
        post.findElement(By.tagName("button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exchange-detail")));
        // The request id leads from an access-log line to this exchange.
        assertThat(byId("exchange-title").getText()).containsPattern("request id [0-9a-f-]{36}");
        assertThat(byId("exchange-request").getText()).contains("ann@example.org", "[redacted]")
                .doesNotContain("hunter2");
        assertThat(byId("exchange-response").getText()).contains("\"userName\"");
    }

    @Test
    void theSettingsPanelShowsAChangeMadeElsewhereWithoutAReload() {
        server.createScimReadySite("refresh");
        open("refresh");
        assertThat(byId("manage-roles").isSelected()).isTrue();

        server.admin("PATCH", "/c/refresh/admin/api/settings", "{\"manageRoles\":false}", 200);

        wait.until(d -> !byId("manage-roles").isSelected());
    }

    @Test
    void rateLimitsAreSetAndClearedInTheSettingsPanelAndABadOneIsExplained() {
        String token = server.createScimReadySite("limits");
        open("limits");
        assertThat(byId("site-rate-limit").getDomProperty("value")).isEmpty();
        assertThat(byId("token-rate-limit").getDomProperty("value")).isEmpty();

        byId("site-rate-limit").sendKeys("fast");
        byId("save-rate-limits").click();
        wait.until(d -> byId("alert").getText().contains("not a rate limit"));
        assertThat(byId("alert").getText()).contains("600/min,burst=50");
        assertThat(server.admin("GET", "/c/limits/admin/api/settings", "", 200).path("siteRateLimit").isNull())
                .isTrue();

        byId("site-rate-limit").clear();
        byId("site-rate-limit").sendKeys("2/MIN");
        byId("token-rate-limit").sendKeys("1/min");
        byId("save-rate-limits").click();
        wait.until(d -> byId("status").getText().contains("Rate limits: whole site 2/min, each token 1/min"));
        assertThat(byId("alert").getText()).isEmpty();
        assertThat(byId("site-rate-limit").getDomProperty("value")).isEqualTo("2/min");
        assertThat(idp("limits", token)).isEqualTo(200);
        assertThat(idp("limits", token)).isEqualTo(429);

        byId("site-rate-limit").clear();
        byId("token-rate-limit").clear();
        byId("save-rate-limits").click();
        wait.until(d -> byId("status").getText().contains("whole site no limit, each token no limit"));
        assertThat(server.admin("GET", "/c/limits/admin/api/settings", "", 200).path("tokenRateLimit").isNull())
                .isTrue();
        assertThat(idp("limits", token)).isEqualTo(200);
    }

    @Test
    void usersAreFoundByUserNameEmailOrName() {
        server.createScimReadySite("find");
        signIn("find", "u1", "ann@example.org", "Ann", "Lee");
        signIn("find", "u2", "bob@corp.test", "Bob", "Ray");
        open("find");
        wait.until(d -> byId("users-summary").getText().equals("Users 1–2 of 2."));

        assertThat(search("corp.test")).containsExactly("u2");
        assertThat(search("Lee")).containsExactly("u1");
        assertThat(search("u1")).containsExactly("u1");
    }

    /** The README's pictures: the tokens panel with two tokens and a secret on screen, and the inspector. */
    @Test
    void screenshotsOfTheTokensPanelAndTheInspector() throws IOException {
        String token = server.createScimReadySite("pictures");
        idpPost("pictures", token, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"ann@example.org\",\"active\":true,\"password\":\"not-kept\"}");
        idpGet("pictures", token, "/Users?filter=userName%20eq%20%22ann@example.org%22");
        idpGet("pictures", token, "/Users/00u-unknown");
        open("pictures");
        byId("token-name").sendKeys("entra");
        new Select(byId("token-others")).selectByValue("keep");
        byId("create-token").click();
        wait.until(d -> tokenNames().size() == 2);
        wait.until(d -> exchangeRows().size() >= 3);
        // The list is drawn again as later exchanges arrive (on a loaded machine, between finding a row and
        // clicking it), so a row gone stale is looked up again.
        wait.until(d -> {
            try {
                exchangeRows().stream().filter(row -> row.getText().contains("POST")).findFirst().orElseThrow()
                        .findElement(By.tagName("button")).click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("exchange-detail")));

        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(1280, 2400));
            Screenshots.keep("admin-tokens.png", picture(byId("tokens-panel")));
            Screenshots.keep("admin-inspector.png", picture(byId("inspector-panel")));
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    // ---- the page ----

    private static void open(String site) {
        page.open(site);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
    }

    private static WebElement byId(String id) {
        return page.byId(id);
    }

    private static List<String> tokenNames() {
        return browser.findElements(By.cssSelector("#tokens-body tr[data-token-name]")).stream()
                .map(row -> row.getDomAttribute("data-token-name")).toList();
    }

    private static WebElement tokenRow(String name) {
        return wait.until(d -> d.findElements(By.cssSelector("#tokens-body tr")).stream()
                .filter(row -> name.equals(row.getDomAttribute("data-token-name"))).findFirst().orElse(null));
    }

    private static List<WebElement> exchangeRows() {
        return browser.findElements(By.cssSelector("#inspector-body tr"));
    }

    private static List<String> userNames() {
        return browser.findElements(By.cssSelector("#users-body tr")).stream()
                .map(row -> row.getDomAttribute("data-user-name")).toList();
    }

    /**
     * The userNames the page lists after a search. The summary may read the same before and after it, so the search
     * is over once the rows shown before it are gone (the page replaces them all).
     */
    private static List<String> search(String text) {
        WebElement shownBefore = browser.findElement(By.cssSelector("#users-body tr"));
        byId("user-filter").clear();
        byId("user-filter").sendKeys(text);
        byId("user-search-button").click();
        wait.until(ExpectedConditions.stalenessOf(shownBefore));
        wait.until(d -> byId("users-summary").getText().equals("Users 1–1 of 1."));
        return wait.until(d -> userNames());
    }

    /** The whole panel: Chromium pictures only what lies in the viewport, so the panel is scrolled to its top. */
    private static byte[] picture(WebElement panel) {
        browser.executeScript("arguments[0].scrollIntoView(true);", panel);
        byte[] png = panel.getScreenshotAs(OutputType.BYTES);
        assertThat(png.length).isGreaterThan(5_000);
        return png;
    }

    // ---- the server, as the IdP and the SSO would call it ----

    private static void signIn(String site, String userName, String email, String given, String family) {
        server.admin("POST", "/c/" + site + "/sso/sign-in", "{\"userName\":\"" + userName + "\",\"email\":\""
                + email + "\",\"givenName\":\"" + given + "\",\"familyName\":\"" + family + "\"}", 201);
    }

    private static int idp(String site, String token) {
        return idpGet(site, token, "/Users?count=1");
    }

    private static int idpGet(String site, String token, String path) {
        return server.send(HttpRequest.newBuilder(URI.create(server.scimBase(site) + path))
                .header("Authorization", "Bearer " + token).header("User-Agent", "Okta SCIM Client 1.0.0")
                .GET().build()).statusCode();
    }

    private static void idpPost(String site, String token, String body) {
        server.send(HttpRequest.newBuilder(URI.create(server.scimBase(site) + "/Users"))
                .header("Authorization", "Bearer " + token).header("User-Agent", "Okta SCIM Client 1.0.0")
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}

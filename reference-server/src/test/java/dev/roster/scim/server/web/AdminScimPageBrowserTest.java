package dev.roster.scim.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.testkit.TestClock;
import dev.roster.scim.server.support.AdminPageBrowser;
import dev.roster.scim.server.support.Chromium;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.Screenshots;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "SCIM integration" admin page in headless Chromium against a real reference server with a real SQLite file.
 * What the page does is checked where it matters: in what the IdP's SCIM calls get afterwards.
 */
class AdminScimPageBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path workDirectory;

    private static final TestClock CLOCK = new TestClock();

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
        page = AdminPageBrowser.start(workDirectory, CLOCK, PATIENCE);
        server = page.server();
        browser = page.browser();
        wait = page.await();
    }

    @BeforeEach
    void needsTheBrowser() {
        // Per test rather than in @BeforeAll, so each skipped test is reported with the reason.
        Assumptions.assumeTrue(unavailable.isEmpty(), () -> unavailable.orElse(""));
    }

    @AfterAll
    static void stop() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void scimControlsAreDisabledUntilSsoIsConfigured() {
        server.admin("POST", "/admin/api/sites", "{\"site\":\"no-sso\"}", 201);
        open("no-sso");

        assertThat(byId("sso-required").isDisplayed()).isTrue();
        assertThat(byId("sso-required").getText()).contains("SSO must be set up first");
        assertThat(List.of(byId("scim-enabled"), byId("generate-token"), byId("manage-roles"),
                byId("creation-policy-pending"), byId("creation-policy-allow"))).noneMatch(WebElement::isEnabled);

        byId("sso-configured").click();

        wait.until(ExpectedConditions.elementToBeClickable(By.id("generate-token")));
        assertThat(byId("scim-enabled").isEnabled()).isTrue();
        assertThat(byId("manage-roles").isEnabled()).isTrue();
        assertThat(byId("creation-policy-jit-only").isEnabled()).isTrue();
        assertThat(byId("sso-required").isDisplayed()).isFalse();
        assertThat(settings("no-sso").path("ssoConfigured").asBoolean()).isTrue();
    }

    @Test
    void togglesPersistAcrossAReloadAndSwitchTheScimApiOffAndOn() {
        String token = server.createScimReadySite("toggles");
        open("toggles");
        assertThat(byId("scim-enabled").isSelected()).isTrue();
        assertThat(idp("GET", "toggles", "/Users", token, "")).isEqualTo(200);

        byId("scim-enabled").click();
        wait.until(d -> !settings("toggles").path("scimEnabled").asBoolean());
        byId("manage-roles").click();
        wait.until(d -> !settings("toggles").path("manageRoles").asBoolean());

        assertThat(idp("GET", "toggles", "/Users", token, "")).isEqualTo(403);
        browser.navigate().refresh();
        awaitConsole();
        assertThat(byId("scim-enabled").isSelected()).isFalse();
        assertThat(byId("manage-roles").isSelected()).isFalse();
        assertThat(byId("sso-configured").isSelected()).isTrue();

        byId("scim-enabled").click();
        wait.until(d -> settings("toggles").path("scimEnabled").asBoolean());
        assertThat(idp("GET", "toggles", "/Users", token, "")).isEqualTo(200);
    }

    @Test
    void newTokenIsShownOnceAndTheOldOneStopsWorkingAfterConfirmation() {
        String oldToken = server.createScimReadySite("rotate");
        open("rotate");
        assertThat(byId("token-created").getText()).startsWith("The current token was generated on");

        byId("generate-token").click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-token")));
        assertThat(dialog.getText()).contains("stops working at once", "enter the new token at the IdP");
        byId("confirm-token-ok").click();

        WebElement tokenField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-value")));
        String newToken = tokenField.getDomProperty("value");
        assertThat(newToken).isNotBlank().isNotEqualTo(oldToken);
        assertThat(byId("token-warning").getText()).contains("only time", "Treat it like a password");
        byId("copy-token").click();
        wait.until(d -> byId("status").getText().equals("The token was copied."));
        assertThat(idp("GET", "rotate", "/Users", oldToken, "")).isEqualTo(401);
        assertThat(idp("GET", "rotate", "/Users", newToken, "")).isEqualTo(200);

        browser.navigate().refresh();
        awaitConsole();
        assertThat(byId("new-token").isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain(newToken);
    }

    @Test
    void confirmationWorksFromTheKeyboardAndEscapeKeepsTheCurrentToken() {
        String token = server.createScimReadySite("keyboard");
        open("keyboard");

        byId("generate-token").sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-token")));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("confirm-token-cancel");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);

        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("confirm-token")));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("generate-token");
        assertThat(byId("new-token").isDisplayed()).isFalse();
        assertThat(idp("GET", "keyboard", "/Users", token, "")).isEqualTo(200);

        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-token")));
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-value")));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("token-value");
        assertThat(idp("GET", "keyboard", "/Users", token, "")).isEqualTo(401);
    }

    @Test
    void scimDeactivationShowsInUsersAndActivityAndALocalReactivationShowsDrift() {
        String token = server.createScimReadySite("drift");
        signInWithSso("drift", "ann@example.org", "Ann", "Lee");
        open("drift");
        assertThat(cells("ann@example.org")).containsEntry("Status", "Active")
                .containsEntry("IdP says", "Nothing yet");

        String id = scimId("drift", token, "ann@example.org");
        assertThat(idp("PATCH", "drift", "/Users/" + id, token, "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}")).isEqualTo(200);

        // No reload: the page's polling brings the IdP's change in.
        wait.until(d -> cellText(userRow("ann@example.org"), "Status").equals("Deactivated"));
        wait.until(d -> activityTexts().stream().anyMatch(row -> row.contains("ann@example.org")
                && row.contains("SCIM (IdP)") && row.contains("Deactivated by the identity provider over SCIM")));
        assertThat(cells("ann@example.org")).containsEntry("IdP says", "Deactivated")
                .containsEntry("Last changed by", "SCIM (IdP)");
        wait.until(d -> userRow("ann@example.org").findElements(By.className("drift-marker")).isEmpty());

        clickInUserRow("ann@example.org", "Reactivate ann@example.org");

        wait.until(d -> !userRow("ann@example.org").findElements(By.className("drift-marker")).isEmpty());
        Map<String, String> ann = cells("ann@example.org");
        assertThat(ann.get("Status")).startsWith("Active").contains("Drift");
        assertThat(ann).containsEntry("IdP says", "Deactivated").containsEntry("Last changed by", "Admin (here)");
        // Read inside the wait: the polling replaces the rows every few seconds.
        wait.until(d -> {
            String newest = activityTexts().get(0);
            return newest.contains("Reactivated by a site admin") && newest.contains("ann@example.org")
                    && newest.contains("Admin (here)");
        });
    }

    @Test
    void theCreationPolicyIsChosenWithAnExplanationOfEachAndAppliesToTheIdpsNextPost() {
        String token = server.createScimReadySite("policy");
        open("policy");
        assertThat(byId("creation-policy-pending").isSelected()).isTrue();
        assertThat(byId("creation-policy-pending-help").getText()).contains("pending identity", "No account exists",
                "first SSO sign-in creates the account");
        assertThat(byId("creation-policy-jit-only-help").getText()).contains("fails (403)");
        assertThat(byId("creation-policy-allow-help").getText()).contains("creates a full account");

        byId("creation-policy-jit-only").click();
        wait.until(d -> settings("policy").path("creationPolicy").asText().equals("jit-only"));
        wait.until(d -> byId("status").getText().contains("Refuse them"));
        assertThat(idp("POST", "policy", "/Users", token, oktaUser("dan@example.org", "Registered")))
                .isEqualTo(403);

        browser.navigate().refresh();
        awaitConsole();
        assertThat(byId("creation-policy-jit-only").isSelected()).isTrue();
        byId("creation-policy-allow").sendKeys(Keys.SPACE);
        wait.until(d -> settings("policy").path("creationPolicy").asText().equals("allow"));
        assertThat(idp("POST", "policy", "/Users", token, oktaUser("dan@example.org", "Registered")))
                .isEqualTo(201);
        wait.until(d -> userRow("dan@example.org") != null);
        assertThat(byId("pending-body").findElements(By.tagName("tr"))).isEmpty();
    }

    @Test
    void pendingIdentitiesAreListedApartAndMoveToTheUsersAtTheirFirstSignIn() {
        String token = server.createScimReadySite("held");
        signInWithSso("held", "ann@example.org", "Ann", "Lee");
        assertThat(idp("POST", "held", "/Users", token, oktaUser("dan@example.org", "Moderator"))).isEqualTo(201);
        open("held");

        assertThat(pendingCells("dan@example.org")).containsEntry("IdP says", "Active")
                .containsEntry("Role at first sign-in", "Moderator").containsEntry("Email", "dan@example.org");
        assertThat(byId("pending-summary").getText()).isEqualTo("1 pending identity.");
        assertThat(userNames()).containsExactly("ann@example.org");

        String id = scimId("held", token, "dan@example.org");
        assertThat(idp("PATCH", "held", "/Users/" + id, token, "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}")).isEqualTo(200);
        // No reload: the page's polling brings the IdP's change in.
        wait.until(d -> pendingCells("dan@example.org").get("IdP says").equals("Deactivated: cannot sign in"));
        server.admin("POST", "/c/held/sso/sign-in", "{\"userName\":\"dan@example.org\"}", 403);
        // Why Dan could not get in, in words, from the polling.
        wait.until(d -> activityTexts().stream().anyMatch(row -> row.contains("dan@example.org")
                && row.contains("Sign-in") && row.contains("Pending identity (not signed in yet). Refused at SSO "
                + "sign-in: 'dan@example.org' is deactivated in the identity provider")));
        byId("manage-roles").click();
        wait.until(d -> pendingCells("dan@example.org").get("Role at first sign-in")
                .equals("Registered (SCIM does not manage roles here)"));
        wait.until(d -> activityTexts().stream().anyMatch(row -> row.contains("dan@example.org")
                && row.contains("Admin (here)") && row.contains("no longer lets SCIM manage roles")
                && row.contains("(Moderator → Registered)")));
        byId("manage-roles").click();
        wait.until(d -> settings("held").path("manageRoles").asBoolean());
        // The dropped role does not come back with role management: the IdP sends it again.
        wait.until(d -> pendingCells("dan@example.org").get("Role at first sign-in").equals("Registered"));

        idp("PATCH", "held", "/Users/" + id, token, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":true}}]}");
        signInWithSso("held", "dan@example.org", "Dan", "Ito");

        wait.until(d -> userNames().contains("dan@example.org"));
        wait.until(d -> byId("pending-body").findElements(By.tagName("tr")).isEmpty());
        assertThat(byId("pending-summary").getText()).isEqualTo("Nobody is waiting for their first sign-in.");
        assertThat(cells("dan@example.org")).containsEntry("Status", "Active").containsEntry("Last changed by",
                "Sign-in");
        wait.until(d -> activityTexts().stream().anyMatch(row -> row.contains("dan@example.org")
                && row.contains("First SSO sign-in: the account was created from the pending identity")));
    }

    @Test
    void searchFiltersUsersByUserNameAndPagesThroughThem() {
        server.createScimReadySite("search");
        for (int i = 1; i <= 12; i++) {
            signInWithSso("search", String.format("user%02d@example.org", i), "User", "N" + i);
        }
        signInWithSso("search", "zoe\"quote@example.org", "Zoe", "Quote");
        open("search");
        wait.until(d -> byId("users-summary").getText().equals("Users 1–10 of 13."));

        byId("next-page").click();
        wait.until(d -> byId("users-summary").getText().equals("Users 11–13 of 13."));
        assertThat(byId("next-page").isEnabled()).isFalse();
        assertThat(byId("page-info").getText()).isEqualTo("Page 2 of 2");

        byId("user-filter").sendKeys("e\"q");
        byId("user-filter").sendKeys(Keys.ENTER);
        wait.until(d -> byId("users-summary").getText().equals("Users 1–1 of 1."));
        assertThat(userNames()).containsExactly("zoe\"quote@example.org");

        byId("user-filter").clear();
        byId("user-filter").sendKeys("user1");
        byId("user-search-button").click();
        wait.until(d -> byId("users-summary").getText().equals("Users 1–3 of 3."));
        assertThat(userNames()).containsExactlyInAnyOrder("user10@example.org", "user11@example.org",
                "user12@example.org");
    }

    @Test
    void roleChosenInTheTableIsSavedForTheUser() {
        server.createScimReadySite("roles");
        signInWithSso("roles", "mod@example.org", "Mo", "Derator");
        open("roles");

        // The page re-renders the table when data arrives: choose and click on one rendering, or look again.
        wait.until(d -> {
            WebElement row = userRow("mod@example.org");
            new Select(row.findElement(By.cssSelector("select[aria-label='Role of mod@example.org']")))
                    .selectByVisibleText("Moderator");
            row.findElement(By.cssSelector("button[aria-label='Set the role of mod@example.org']")).click();
            return true;
        });

        wait.until(d -> byId("status").getText().equals("mod@example.org is now Moderator."));
        JsonNode users = server.admin("GET", "/c/roles/admin/api/users", "", 200).path("users");
        assertThat(users.get(0).path("role").asText()).isEqualTo("Moderator");
        wait.until(d -> new Select(userRow("mod@example.org").findElement(By.tagName("select")))
                .getFirstSelectedOption().getText().equals("Moderator"));
    }

    @Test
    void wrongPasswordIsExplainedInTheAlertRegion() {
        server.admin("POST", "/admin/api/sites", "{\"site\":\"wrong-password\"}", 201);
        browser.get(server.baseUrl() + "/c/wrong-password/admin/scim");
        browser.manage().deleteAllCookies();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("admin-password"))).sendKeys("not it");
        byId("sign-in-button").click();

        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[role=alert]")));
        assertThat(alert.getText()).isEqualTo("Could not sign in: the user or the admin password is wrong.");
        assertThat(byId("console").isDisplayed()).isFalse();
    }

    @Test
    void signInKeepsTheSessionInAnHttpOnlyCookieAndSignOutEndsItOnTheServer() {
        server.admin("POST", "/admin/api/sites", "{\"site\":\"sign-out\"}", 201);
        browser.manage().deleteAllCookies();
        open("sign-out");
        awaitConsole();

        Cookie cookie = browser.manage().getCookieNamed("roster_admin_session");
        assertThat(cookie).as("the session cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat((String) browser.executeScript("return document.cookie;")).doesNotContain(cookie.getValue());
        assertThat((Long) browser.executeScript("return sessionStorage.length + localStorage.length;")).isZero();
        assertThat(sessionStatus(cookie.getValue())).isEqualTo(200);

        byId("sign-out").click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        wait.until(d -> byId("status").getText().equals("You are signed out."));
        assertThat(byId("console").isDisplayed()).isFalse();
        assertThat(sessionStatus(cookie.getValue())).as("the old cookie, replayed").isEqualTo(401);
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(byId("console").isDisplayed()).isFalse();
    }

    @Test
    void anEndedSessionBringsBackTheSignInFormWithoutABrowserPrompt() {
        server.createScimReadySite("expiry");
        open("expiry");
        awaitConsole();

        CLOCK.advance(Duration.ofMinutes(31));

        // The page's next poll of the activity meets the ended session.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
        assertThat(byId("alert").getText()).startsWith("Your session has ended");
        assertThat(byId("console").isDisplayed()).isFalse();

        byId("admin-password").sendKeys(server.adminPassword());
        byId("sign-in-button").click();
        awaitConsole();
        assertThat(byId("alert").getText()).isEmpty();
    }

    @Test
    void refusalFromTheApiIsShownInWords() {
        open("no-such-site");

        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[role=alert]")));
        // Signed in already or not, the API's 404 reaches the admin as its own words.
        assertThat(alert.getText()).matches("Could not (load the settings|sign in): .*'no-such-site'.*");
    }

    /**
     * Markup and script in everything the IdP or a sign-in controls — userName, email, names, externalId (which the
     * audit's link record quotes) — shows as text: no element is made of it, nothing of it runs, and the CSP never
     * has to step in, so the page would be safe without it too. A script of the test's own, which the CSP does not
     * govern, records any violation from the moment the page starts.
     */
    @Test
    void htmlAndScriptInUserDataAreShownAsTextAndNothingRuns() {
        String token = server.createScimReadySite("xss");
        String userName = "<img src=x onerror=window.__xss=1>@example.org";
        String email = "\"><script>window.__xss=2</script>@example.org";
        signInWithSso("xss", userName, email, "<svg onload=window.__xss=3>", "</td><b onmouseover=window.__xss=4>");
        String externalId = "'><img src=x onerror=window.__xss=5>";
        assertThat(idp("POST", "xss", "/Users", token, scimUser(userName, email, externalId)))
                .as("the IdP links the signed-in user").isEqualTo(201);
        String pendingName = "\"><iframe src=javascript:window.__xss=6>";
        String pendingEmail = "javascript:window.__xss=7";
        assertThat(idp("POST", "xss", "/Users", token, scimUser(pendingName, pendingEmail, "00u-pending")))
                .as("a pending identity").isEqualTo(201);

        Object watch = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                "window.__violations = []; document.addEventListener('securitypolicyviolation', "
                        + "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"));
        try {
            open("xss");
            assertThat(cells(userName)).containsEntry("User name", userName).containsEntry("Email", email);
            assertThat(pendingCells(pendingName)).containsEntry("User name", pendingName)
                    .containsEntry("Email", pendingEmail);
            wait.until(d -> activityTexts().stream().anyMatch(row -> row.contains(userName)
                    && row.contains("Linked to the identity provider (externalId '" + externalId + "')")));

            assertThat(browser.executeScript("return typeof window.__xss;")).as("no payload ran").isEqualTo("undefined");
            assertThat(browser.executeScript("return window.__violations;")).as("CSP violations").asList().isEmpty();
            @SuppressWarnings("unchecked")
            List<String> injected = (List<String>) browser.executeScript(
                    "const rendered = new Set(['TR', 'TD', 'SPAN', 'SELECT', 'OPTION', 'BUTTON', 'TIME']);"
                            + "return [...document.querySelectorAll('#users-body *, #pending-body *, #activity-body *')]"
                            + ".filter(e => !rendered.has(e.tagName))"
                            + ".concat([...document.querySelectorAll('img, svg, iframe, object, embed, base')])"
                            + ".concat([...document.querySelectorAll('script')].filter(s => !s.src))"
                            + ".concat([...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                            + ".some(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))))"
                            + ".map(e => e.outerHTML);");
            assertThat(injected).as("elements or handlers made of user data").isEmpty();
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier",
                    ((Map<?, ?>) watch).get("identifier")));
        }
    }

    @Test
    void everyControlHasALabel() {
        server.createScimReadySite("labels");
        signInWithSso("labels", "label@example.org", "La", "Bel");
        open("labels");
        userRow("label@example.org");

        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.executeScript(
                "return [...document.querySelectorAll('input, select, button, textarea')]"
                        + ".filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label')"
                        + " && !(c.tagName === 'BUTTON' && c.textContent.trim()))"
                        + ".map(c => c.outerHTML);");
        assertThat(unlabelled).isEmpty();
    }

    @Test
    void pageFitsANarrowWindowWithoutSideScrolling() {
        server.createScimReadySite("narrow");
        signInWithSso("narrow", "someone.with.a.long.name@example.org", "Long", "Name");
        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(400, 900));
            open("narrow");
            userRow("someone.with.a.long.name@example.org");

            Object overflow = browser.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** Also the README's picture: a site with users, one of them drifted, and a fresh token on screen. */
    @Test
    void screenshotShowsTheWholePopulatedPage() throws IOException {
        String token = server.createScimReadySite("demo-shot");
        signInWithSso("demo-shot", "ann@example.org", "Ann", "Lee");
        signInWithSso("demo-shot", "bob@example.org", "Bob", "Ray");
        signInWithSso("demo-shot", "cai@example.org", "Cai", "Wu");
        idp("POST", "demo-shot", "/Users", token, oktaUser("dan@example.org", "Moderator"));
        idp("PATCH", "demo-shot", "/Users/" + scimId("demo-shot", token, "bob@example.org"), token,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        idp("PATCH", "demo-shot", "/Users/" + scimId("demo-shot", token, "cai@example.org"), token,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Moderator\"}]}");
        open("demo-shot");
        clickInUserRow("bob@example.org", "Reactivate bob@example.org");
        wait.until(d -> !userRow("bob@example.org").findElements(By.className("drift-marker")).isEmpty());
        pendingCells("dan@example.org");
        byId("generate-token").click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("confirm-token-ok"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-value")));

        Dimension before = browser.manage().window().getSize();
        try {
            long height = (Long) browser.executeScript("return document.documentElement.scrollHeight;");
            browser.manage().window().setSize(new Dimension(1280, (int) height + 120));
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            assertThat(png.length).isGreaterThan(10_000);
            Screenshots.keep("admin-scim.png", png);
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    // ---- the page ----

    private static void open(String site) {
        page.open(site);
    }

    private static int sessionStatus(String sessionId) {
        return RawHttp.send(server.host(), server.port(), "GET", "/admin/api/session",
                Map.of("Cookie", "roster_admin_session=" + sessionId), new byte[0]).status();
    }

    private static void awaitConsole() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        wait.until(d -> !byId("scim-base-url").getDomProperty("value").isEmpty());
    }

    private static WebElement byId(String id) {
        return page.byId(id);
    }

    private static WebElement userRow(String userName) {
        return wait.until(d -> d.findElements(By.cssSelector("#users-body tr")).stream()
                .filter(row -> userName.equals(row.getDomAttribute("data-user-name")))
                .findFirst().orElse(null));
    }

    /** Clicks the button with that label in the user's row, looking again if the page replaced the row meanwhile. */
    private static void clickInUserRow(String userName, String buttonLabel) {
        wait.until(d -> {
            userRow(userName).findElement(By.cssSelector("button[aria-label='" + buttonLabel + "']")).click();
            return true;
        });
    }

    private static String cellText(WebElement row, String column) {
        return row.findElement(By.cssSelector("td[data-label='" + column + "']")).getText().strip();
    }

    /** The user's row as column → text, read again if the page replaced the row meanwhile. */
    private static Map<String, String> cells(String userName) {
        return wait.until(d -> {
            Map<String, String> cells = new LinkedHashMap<>();
            userRow(userName).findElements(By.tagName("td")).forEach(td ->
                    cells.put(td.getDomAttribute("data-label"), td.getText().strip()));
            return cells;
        });
    }

    /** The pending identity's row as column → text, read again if the page replaced the row meanwhile. */
    private static Map<String, String> pendingCells(String userName) {
        return wait.until(d -> {
            WebElement row = d.findElements(By.cssSelector("#pending-body tr")).stream()
                    .filter(candidate -> userName.equals(candidate.getDomAttribute("data-user-name")))
                    .findFirst().orElse(null);
            if (row == null) {
                return null;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            row.findElements(By.tagName("td")).forEach(td ->
                    cells.put(td.getDomAttribute("data-label"), td.getText().strip()));
            return cells;
        });
    }

    private static List<String> userNames() {
        return browser.findElements(By.cssSelector("#users-body tr")).stream()
                .map(row -> row.getDomAttribute("data-user-name")).toList();
    }

    private static List<String> activityTexts() {
        return browser.findElements(By.cssSelector("#activity-body tr")).stream().map(WebElement::getText).toList();
    }

    // ---- the server, as the IdP and the SSO would call it ----

    private static JsonNode settings(String site) {
        return server.admin("GET", "/c/" + site + "/admin/api/settings", "", 200);
    }

    private static void signInWithSso(String site, String userName, String givenName, String familyName) {
        signInWithSso(site, userName, userName, givenName, familyName);
    }

    private static void signInWithSso(String site, String userName, String email, String givenName,
                                      String familyName) {
        String body;
        try {
            body = JSON.writeValueAsString(JSON.createObjectNode().put("userName", userName).put("email", email)
                    .put("givenName", givenName).put("familyName", familyName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.admin("POST", "/c/" + site + "/sso/sign-in", body, 201);
    }

    /** A SCIM User as JSON, whatever its strings hold. */
    private static String scimUser(String userName, String email, String externalId) {
        var user = JSON.createObjectNode().put("userName", userName).put("externalId", externalId);
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.putObject("name").put("givenName", "<i>Given</i>").put("familyName", "<u>Family</u>");
        user.putArray("emails").addObject().put("value", email).put("type", "work").put("primary", true);
        try {
            return JSON.writeValueAsString(user);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Okta POSTs when someone is assigned, before their first sign-in. */
    private static String oktaUser(String userName, String userType) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"name\":{\"givenName\":\"Dan\",\"familyName\":\"Ito\"},\"emails\":[{\"primary\":true,"
                + "\"value\":\"" + userName + "\",\"type\":\"work\"}],\"externalId\":\"00u-" + userName + "\","
                + "\"userType\":\"" + userType + "\",\"active\":true}";
    }

    private static int idp(String method, String site, String path, String token, String body) {
        return server.send(idpRequest(method, site, path, token, body)).statusCode();
    }

    private static String scimId(String site, String token, String userName) {
        String filter = URLEncoder.encode("userName eq \"" + userName + "\"", StandardCharsets.UTF_8)
                .replace("+", "%20");
        String answer = server.send(idpRequest("GET", site, "/Users?filter=" + filter, token, "")).body();
        try {
            return JSON.readTree(answer).path("Resources").get(0).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpRequest idpRequest(String method, String site, String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(server.scimBase(site) + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/scim+json")
                .header("Content-Type", "application/scim+json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(30))
                .build();
    }
}

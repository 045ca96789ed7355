package dev.roster.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.SettingsChange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The seed's story, end to end over HTTP, on the example application: the first SSO sign-in creates the
 * application's own account row, the IdP's deactivation (a SCIM PATCH) deactivates it, and with "Allow SCIM to manage
 * user roles" on, the IdP's promotion reaches it.
 */
class EmbeddedAppTest {

    private static final SiteId ACME = SiteId.of("acme");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: the relay runs every 200 ms; a loaded machine may take longer, never this long. */
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EmbeddedApp app;
    private String token;

    @BeforeEach
    void startTheAppWithASiteWhoseAdminTurnedScimOn() throws IOException {
        app = EmbeddedApp.start(data, 0);
        app.sites().createSite(ACME.value());
        app.sites().updateSettings(ACME, SettingsChange.none().ssoConfigured(true).scimEnabled(true));
        token = app.sites().generateToken(ACME).token();
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void theSeedsStoryReachesTheApplicationsOwnAccountsTable() throws Exception {
        HttpResponse<String> signedIn = signIn("ann@example.com");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        JsonNode created = JSON.readTree(signedIn.body());
        assertThat(created.path("active").asBoolean()).isTrue();
        assertThat(created.path("role").asText()).isEqualTo("Registered");
        assertThat(account().path("rosterId").asText()).isEqualTo(created.path("rosterId").asText());

        String id = idpLooksUp("ann@example.com");
        assertThat(id).isEqualTo(created.path("rosterId").asText());

        assertThat(scimPatch(id, "active", "false").statusCode()).isEqualTo(200);
        assertThat(eventually(account -> !account.path("active").asBoolean()).path("active").asBoolean()).isFalse();
        HttpResponse<String> refused = signIn("ann@example.com");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("deactivated");

        assertThat(scimPatch(id, "active", "true").statusCode()).isEqualTo(200);
        eventually(account -> account.path("active").asBoolean());

        // Roles are the site's to hand to SCIM: until the admin allows it, the IdP's value is ignored.
        HttpResponse<String> ignored = scimPatch(id, "userType", "\"Moderator\"");
        assertThat(ignored.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ignored.body()).path("userType").asText()).isEqualTo("Registered");

        app.sites().updateSettings(ACME, SettingsChange.none().manageRoles(true));
        assertThat(scimPatch(id, "userType", "\"Admin\"").statusCode()).isEqualTo(200);
        JsonNode promoted = eventually(account -> account.path("role").asText().equals("Admin"));

        assertThat(promoted.path("active").asBoolean()).isTrue();
        assertThat(promoted.path("role").asText()).isEqualTo("Admin");
    }

    @Test
    void aPendingIdentityGetsNoAccountRowUntilItsFirstSignIn() throws Exception {
        HttpResponse<String> posted = send(scim("/Users").header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schemas\":"
                        + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bob@example.com\"}")));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);

        assertThat(get("/c/acme/accounts/bob@example.com").statusCode()).isEqualTo(404);

        HttpResponse<String> signedIn = send(form("bob@example.com", "bob@example.com"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(JSON.readTree(signedIn.body()).path("rosterId").asText())
                .isEqualTo(JSON.readTree(posted.body()).path("id").asText());
    }

    @Test
    void theScimApiStillWantsTheSitesToken() throws Exception {
        HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/c/acme/auth/scim/v2/Users")).GET());

        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> signIn(String userName) throws IOException, InterruptedException {
        return send(form(userName, userName));
    }

    private HttpRequest.Builder form(String userName, String email) {
        String body = "userName=" + encoded(userName) + "&email=" + encoded(email) + "&givenName=Ann&familyName=Smith";
        return HttpRequest.newBuilder(uri("/c/acme/sso/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private String idpLooksUp(String userName) throws IOException, InterruptedException {
        HttpResponse<String> found = send(scim("/Users?filter=" + encoded("userName eq \"" + userName + "\"")).GET());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return JSON.readTree(found.body()).path("Resources").path(0).path("id").asText();
    }

    private HttpResponse<String> scimPatch(String id, String path, String jsonValue)
            throws IOException, InterruptedException {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                + "[{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":" + jsonValue + "}]}";
        return send(scim("/Users/" + id).header("Content-Type", "application/scim+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private JsonNode account() throws IOException, InterruptedException {
        HttpResponse<String> response = get("/c/acme/accounts/ann@example.com");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The application's account once it satisfies {@code condition}: the relay delivers in the background. */
    private JsonNode eventually(Predicate<JsonNode> condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DELIVERY.toNanos();
        JsonNode account = account();
        while (!condition.test(account) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            account = account();
        }
        assertThat(condition.test(account)).as("the application's account %s", account).isTrue();
        return account;
    }

    private HttpRequest.Builder scim(String path) {
        return HttpRequest.newBuilder(uri("/c/acme/auth/scim/v2" + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

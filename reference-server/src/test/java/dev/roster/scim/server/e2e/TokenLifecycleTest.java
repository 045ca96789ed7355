package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.testkit.TestClock;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Several tokens per site over HTTP: rotation with an overlap, revocation, expiry, last use, and the audit trail. */
class TokenLifecycleTest {

    private static final String SITE = "acme";
    private static final String TOKENS = "/c/" + SITE + "/admin/api/tokens";

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock();
    private TestServer server;
    private String first;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.options(directory.resolve("tokens.db")), clock);
        first = server.createScimReadySite(SITE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRotationWithAnOverlapKeepsBothTokensWorkingUntilItEndsThenTheOldOneIsRefused() {
        JsonNode rotated = server.admin("POST", TOKENS, "{\"name\":\"okta-2\",\"overlapMinutes\":30}", 201);
        String second = rotated.path("token").asText();

        assertThat(rotated.path("name").asText()).isEqualTo("okta-2");
        assertThat(scimStatus(first)).isEqualTo(200);
        assertThat(scimStatus(second)).isEqualTo(200);
        clock.advance(Duration.ofMinutes(30));
        assertThat(scimStatus(first)).isEqualTo(401);
        assertThat(scimStatus(second)).isEqualTo(200);
        assertThat(tokens()).filteredOn(token -> token.path("expired").asBoolean())
                .extracting(token -> token.path("name").asText()).containsExactly("token");
    }

    @Test
    void generatingATokenWithoutAnOverlapEndsTheOldOneAtOnce() {
        String second = server.admin("POST", "/c/" + SITE + "/admin/api/scim-token", "", 201).path("token").asText();

        assertThat(scimStatus(first)).isEqualTo(401);
        assertThat(scimStatus(second)).isEqualTo(200);
        assertThat(tokens()).hasSize(1);
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceAndOnlyIt() {
        String entra = server.admin("POST", TOKENS, "{\"name\":\"entra\",\"keepOthers\":true}", 201)
                .path("token").asText();
        String oktaId = idOf("token");

        server.admin("DELETE", TOKENS + "/" + oktaId, "", 204);

        assertThat(scimStatus(first)).isEqualTo(401);
        assertThat(scimStatus(entra)).isEqualTo(200);
        server.admin("DELETE", TOKENS + "/" + oktaId, "", 404);
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() {
        String expiry = clock.instant().plus(Duration.ofHours(2)).toString();
        String trial = server.admin("POST", TOKENS, "{\"name\":\"trial\",\"expiresAt\":\"" + expiry + "\"}", 201)
                .path("token").asText();
        assertThat(scimStatus(trial)).isEqualTo(200);

        clock.advance(Duration.ofHours(2));

        assertThat(scimStatus(trial)).isEqualTo(401);
    }

    @Test
    void theListShowsLastUseAndClientAddressButNeverTheSecretOrItsHash() {
        scimStatus(first);

        JsonNode listed = server.admin("GET", TOKENS, "", 200);

        JsonNode token = listed.path("tokens").get(0);
        assertThat(token.path("name").asText()).isEqualTo("token");
        assertThat(token.path("lastUsedAt").asText()).isNotEmpty();
        assertThat(token.path("lastUsedFrom").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
        assertThat(listed.toString()).doesNotContain(first);
        assertThat(token.has("hash")).isFalse();
    }

    @Test
    void badTokenRequestsAreScimErrorsNamingWhatToFix() {
        JsonNode past = error("{\"expiresAt\":\"" + clock.instant().minusSeconds(5) + "\"}");
        JsonNode malformed = error("{\"expiresAt\":\"tomorrow\"}");
        JsonNode both = error("{\"overlapMinutes\":5,\"keepOthers\":true}");
        JsonNode tooLong = error("{\"overlapMinutes\":50000}");

        assertThat(List.of(past, malformed, both, tooLong)).allSatisfy(body -> {
            assertThat(body.path("status").asText()).isEqualTo("400");
            assertThat(body.path("scimType").asText()).isEqualTo("invalidValue");
        });
        assertThat(malformed.path("detail").asText()).contains("RFC 3339");
        assertThat(scimStatus(first)).isEqualTo(200);
    }

    @Test
    void tokenChangesAndSettingsChangesAreAudited() {
        server.admin("POST", TOKENS, "{\"name\":\"okta-2\",\"overlapMinutes\":10}", 201);
        server.admin("DELETE", TOKENS + "/" + idOf("token"), "", 204);
        server.admin("PATCH", "/c/" + SITE + "/admin/api/settings", "{\"manageRoles\":false}", 200);

        List<String> actions = new ArrayList<>();
        server.admin("GET", "/c/" + SITE + "/admin/api/audit", "", 200).path("records")
                .forEach(record -> actions.add(record.path("action").asText()));

        // Newest first: the settings of createScimReadySite, then its first token, come last.
        assertThat(actions).containsExactly("settings", "token-revoked", "token-rotated", "token-created",
                "settings");
    }

    private List<JsonNode> tokens() {
        List<JsonNode> tokens = new ArrayList<>();
        server.admin("GET", TOKENS, "", 200).path("tokens").forEach(tokens::add);
        return tokens;
    }

    private String idOf(String name) {
        return tokens().stream().filter(token -> token.path("name").asText().equals(name)).findFirst().orElseThrow()
                .path("id").asText();
    }

    private JsonNode error(String body) {
        return server.admin("POST", TOKENS, body, 400);
    }

    private int scimStatus(String token) {
        return server.send(HttpRequest.newBuilder(URI.create(server.scimBase(SITE) + "/Users?count=1"))
                .header("Authorization", "Bearer " + token).GET().build()).statusCode();
    }
}

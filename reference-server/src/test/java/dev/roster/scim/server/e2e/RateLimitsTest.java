package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rate limits per site and per token over HTTP (ADR 024): none until set, 429 with Retry-After and a SCIM error past
 * the burst, admitted again after the wait, tokens isolated from each other, discovery counted, nothing written,
 * wrong tokens refused before any limit, and {@code --default-rate-limit} for new sites only. Limits that refill
 * once a minute keep every count exact; the one test that waits uses a limit per second.
 */
class RateLimitsTest {

    private static final String SITE = "acme";
    private static final String SETTINGS = "/c/" + SITE + "/admin/api/settings";
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";

    @TempDir
    Path directory;

    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aSiteHasNoLimitUntilOneIsSet() {
        server = TestServer.start(directory.resolve("none.db"));
        String token = server.createScimReadySite(SITE);

        JsonNode settings = server.admin("GET", SETTINGS, "", 200);
        assertThat(settings.path("siteRateLimit").isNull()).isTrue();
        assertThat(settings.path("tokenRateLimit").isNull()).isTrue();
        for (int i = 0; i < 60; i++) {
            call("GET", server.scimBase(SITE) + "/Users?count=1").bearer(token).send().expect(200);
        }
    }

    @Test
    void pastTheBurstIs429WithRetryAfterAndAScimErrorAndAfterTheWaitRequestsPassAgain() throws Exception {
        server = TestServer.start(directory.resolve("burst.db"));
        String token = server.createScimReadySite(SITE);
        server.admin("PATCH", SETTINGS, "{\"siteRateLimit\":\"1/s,burst=3\"}", 200);

        List<Integer> statuses = new ArrayList<>();
        Http.Reply refused = null;
        // The burst of 3 passes at once whatever the machine's speed; one permit a second comes back, so 30
        // requests in a row meet a refusal unless each takes a second.
        for (int i = 0; i < 30 && refused == null; i++) {
            Http.Reply reply = call("GET", server.scimBase(SITE) + "/Users?count=1").bearer(token).send();
            statuses.add(reply.status());
            if (reply.status() == 429) {
                refused = reply;
            }
        }

        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(refused).as("a 429 within 30 requests: %s", statuses).isNotNull();
        JsonNode error = refused.expectScimError(429, null);
        assertThat(error.path("detail").asText())
                .isEqualTo("This site's rate limit of 1/s,burst=3 is used up: retry in 1 second.");
        assertThat(refused.header("Retry-After")).contains("1");

        Thread.sleep(Duration.ofSeconds(1).plusMillis(100).toMillis());

        call("GET", server.scimBase(SITE) + "/Users?count=1").bearer(token).send().expect(200);
    }

    @Test
    void aRefusedWriteWritesNothingAndTheInspectorShowsIt429() {
        server = TestServer.start(directory.resolve("write.db"));
        String token = server.createScimReadySite(SITE);
        server.admin("PATCH", SETTINGS, "{\"siteRateLimit\":\"1/min\"}", 200);
        call("GET", server.scimBase(SITE) + "/ServiceProviderConfig").bearer(token).send().expect(200);

        Http.Reply refused = call("POST", server.scimBase(SITE) + "/Users").bearer(token)
                .json("{\"schemas\":[\"" + USER_SCHEMA + "\"],\"userName\":\"ann\",\"active\":true}").send();

        refused.expectScimError(429, null);
        assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        server.admin("PATCH", SETTINGS, "{\"siteRateLimit\":null}", 200);
        JsonNode found = call("GET", server.scimBase(SITE) + "/Users?filter=userName%20eq%20%22ann%22")
                .bearer(token).send().expect(200);
        assertThat(found.path("totalResults").asInt()).isZero();
        assertThat(server.admin("GET", "/c/" + SITE + "/admin/api/pending-identities", "", 200)
                .path("totalResults").asInt()).isZero();
        JsonNode exchange = awaitExchange(429);
        assertThat(exchange.path("method").asText()).isEqualTo("POST");
        assertThat(exchange.path("path").asText()).isEqualTo("/c/acme/auth/scim/v2/Users");
    }

    @Test
    void discoveryEndpointsCountLikeTheRest() {
        server = TestServer.start(directory.resolve("discovery.db"));
        String token = server.createScimReadySite(SITE);
        server.admin("PATCH", SETTINGS, "{\"siteRateLimit\":\"1/min,burst=3\"}", 200);

        call("GET", server.scimBase(SITE) + "/ServiceProviderConfig").bearer(token).send().expect(200);
        call("GET", server.scimBase(SITE) + "/Schemas").bearer(token).send().expect(200);
        call("GET", server.scimBase(SITE) + "/ResourceTypes").bearer(token).send().expect(200);

        call("GET", server.scimBase(SITE) + "/ServiceProviderConfig").bearer(token).send().expectScimError(429, null);
        call("GET", server.scimBase(SITE) + "/Users").bearer(token).send().expectScimError(429, null);
    }

    @Test
    void eachTokenHasItsOwnLimitUpToTheSitesLimit() {
        server = TestServer.start(directory.resolve("tokens.db"));
        String runaway = server.createScimReadySite(SITE);
        String idp = server.admin("POST", "/c/" + SITE + "/admin/api/tokens",
                "{\"name\":\"okta\",\"keepOthers\":true}", 201).path("token").asText();
        server.admin("PATCH", SETTINGS, "{\"siteRateLimit\":\"1/min,burst=5\",\"tokenRateLimit\":\"1/min,burst=3\"}",
                200);

        for (int i = 0; i < 3; i++) {
            call("GET", server.scimBase(SITE) + "/Users").bearer(runaway).send().expect(200);
        }
        for (int i = 0; i < 10; i++) {
            JsonNode error = call("GET", server.scimBase(SITE) + "/Users").bearer(runaway).send()
                    .expectScimError(429, null);
            assertThat(error.path("detail").asText()).startsWith("This token's rate limit of 1/min,burst=3");
        }

        // The runaway token's refusals took nothing from the site: the other token gets the site's other two.
        call("GET", server.scimBase(SITE) + "/Users").bearer(idp).send().expect(200);
        call("GET", server.scimBase(SITE) + "/Users").bearer(idp).send().expect(200);
        JsonNode error = call("GET", server.scimBase(SITE) + "/Users").bearer(idp).send().expectScimError(429, null);
        assertThat(error.path("detail").asText()).startsWith("This site's rate limit of 1/min,burst=5");
    }

    @Test
    void aWrongTokenIsRefusedWithA401BeforeAnyLimitAndTakesNothing() {
        server = TestServer.start(directory.resolve("wrong.db"));
        String token = server.createScimReadySite(SITE);
        server.admin("PATCH", SETTINGS, "{\"siteRateLimit\":\"1/min\",\"tokenRateLimit\":\"1/min\"}", 200);

        for (int i = 0; i < 20; i++) {
            call("GET", server.scimBase(SITE) + "/Users").bearer("wrong-" + i).send().expectScimError(401, null);
        }

        call("GET", server.scimBase(SITE) + "/Users").bearer(token).send().expect(200);
        call("GET", server.scimBase(SITE) + "/Users").bearer(token).send().expectScimError(429, null);
    }

    @Test
    void theAdminApiShowsSetsAndClearsLimitsAndRefusesBadOnesSayingWhatToWrite() {
        server = TestServer.start(directory.resolve("admin.db"));
        server.createScimReadySite(SITE);

        JsonNode set = server.admin("PATCH", SETTINGS,
                "{\"siteRateLimit\":\"600/MIN\",\"tokenRateLimit\":\" 5/s,burst=20 \"}", 200);
        assertThat(set.path("siteRateLimit").asText()).isEqualTo("600/min");
        assertThat(set.path("tokenRateLimit").asText()).isEqualTo("5/s,burst=20");

        for (String bad : new String[]{"\"fast\"", "\"0/min\"", "\"600/day\"", "600", "true", "\"600/min,burst=0\""}) {
            JsonNode error = server.admin("PATCH", SETTINGS, "{\"siteRateLimit\":" + bad + "}", 400);
            assertThat(error.toString()).as(bad).contains("siteRateLimit");
        }
        assertThat(server.admin("PATCH", SETTINGS, "{\"tokenRateLimit\":\"1/week\"}", 400).toString())
                .contains("600/min,burst=50");
        assertThat(server.admin("GET", SETTINGS, "", 200).path("siteRateLimit").asText()).isEqualTo("600/min");

        JsonNode cleared = server.admin("PATCH", SETTINGS, "{\"siteRateLimit\":null,\"tokenRateLimit\":\"\"}", 200);
        assertThat(cleared.path("siteRateLimit").isNull()).isTrue();
        assertThat(cleared.path("tokenRateLimit").isNull()).isTrue();

        String audit = server.admin("GET", "/c/" + SITE + "/admin/api/audit", "", 200).toString();
        assertThat(audit).contains("site rate limit none -> 600/min", "per-token rate limit none -> 5/s,burst=20",
                "site rate limit 600/min -> none");
    }

    @Test
    void theDefaultRateLimitOptionAppliesToSitesCreatedAfterwardsOnly() {
        Path database = directory.resolve("default.db");
        server = TestServer.start(database);
        server.createScimReadySite("old");
        server.close();

        server = TestServer.start(TestServer.options(database).withDefaultRateLimit(RateLimit.parse("2/min")));
        String token = server.createScimReadySite("new");

        assertThat(server.admin("GET", "/c/new/admin/api/settings", "", 200).path("siteRateLimit").asText())
                .isEqualTo("2/min");
        assertThat(server.admin("GET", "/c/old/admin/api/settings", "", 200).path("siteRateLimit").isNull())
                .isTrue();
        call("GET", server.scimBase("new") + "/Users").bearer(token).send().expect(200);
        call("GET", server.scimBase("new") + "/Users").bearer(token).send().expect(200);
        call("GET", server.scimBase("new") + "/Users").bearer(token).send().expectScimError(429, null);
    }

    private JsonNode awaitExchange(int status) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            for (JsonNode exchange : server.admin("GET", "/c/" + SITE + "/admin/api/exchanges", "", 200)
                    .path("exchanges")) {
                if (exchange.path("status").asInt() == status) {
                    return exchange;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no exchange with status " + status);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}

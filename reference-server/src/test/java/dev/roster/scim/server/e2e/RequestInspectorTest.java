package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.core.port.in.RequestInspection;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The request inspector over HTTP: what it keeps of each SCIM exchange, its bound, and that it never breaks SCIM. */
class RequestInspectorTest {

    private static final String SITE = "acme";
    private static final String EXCHANGES = "/c/" + SITE + "/admin/api/exchanges";
    private static final String OKTA = "Okta SCIM Client 1.0.0";

    @TempDir
    Path directory;

    private TestServer server;
    private String token;

    @BeforeEach
    void start() {
        server = TestServer.start(directory.resolve("inspector.db"));
        token = server.createScimReadySite(SITE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anExchangeIsKeptWithItsIdpStatusAndBodiesButNeverTheTokenOrAPassword() {
        Http.Reply created = call("POST", server.scimBase(SITE) + "/Users").bearer(token).header("User-Agent", OKTA)
                .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"ann\","
                        + "\"password\":\"hunter2-secret\",\"active\":true}")
                .send();
        assertThat(created.status()).isEqualTo(201);
        String requestId = created.header("X-Request-Id").orElseThrow();

        JsonNode listed = awaitExchanges("", list -> list.size() == 1).get(0);
        assertThat(listed.path("method").asText()).isEqualTo("POST");
        assertThat(listed.path("path").asText()).isEqualTo("/c/acme/auth/scim/v2/Users");
        assertThat(listed.path("status").asInt()).isEqualTo(201);
        assertThat(listed.path("idp").asText()).isEqualTo("Okta");
        assertThat(listed.path("durationMs").asLong()).isNotNegative();
        // The id the access log and X-Request-Id show, so that a log line leads to its exchange.
        assertThat(listed.path("requestId").asText()).isEqualTo(requestId);

        JsonNode detail = server.admin("GET", EXCHANGES + "/" + listed.path("id").asText(), "", 200);
        assertThat(detail.path("requestBody").asText()).contains("\"userName\":\"ann\"", "[redacted]")
                .doesNotContain("hunter2");
        assertThat(detail.path("responseBody").asText()).contains("\"userName\":\"ann\"");
        assertThat(detail.toString()).doesNotContain(token);
    }

    @Test
    void aRefusedTokenShowsAsA401WithoutItsBody() {
        call("POST", server.scimBase(SITE) + "/Users").bearer("wrong").header("User-Agent", "Microsoft Azure AD")
                .json("{\"userName\":\"bob\",\"password\":\"p\"}").send();

        JsonNode listed = awaitExchanges("?status=4xx", list -> list.size() == 1).get(0);
        assertThat(listed.path("status").asInt()).isEqualTo(401);
        assertThat(listed.path("idp").asText()).isEqualTo("Entra ID");
        JsonNode detail = server.admin("GET", EXCHANGES + "/" + listed.path("id").asText(), "", 200);
        assertThat(detail.path("requestBody").isNull()).isTrue();
        assertThat(detail.path("responseBody").asText()).contains("bearer token");
    }

    @Test
    void theListFiltersByStatusAndTheInspectorKeepsTheLast200() {
        // Each exchange in its own second, so that none is left out of the sample kept under load.
        restartWith(new SecondPerRead());
        for (int i = 0; i < 205; i++) {
            assertThat(call("GET", server.scimBase(SITE) + "/Users?count=1&startIndex=" + (i + 1)).bearer(token)
                    .send().status()).isEqualTo(200);
        }
        call("GET", server.scimBase(SITE) + "/Users/nobody").bearer(token).send();

        List<JsonNode> all = awaitExchanges("", list -> list.size() == 200
                && list.get(0).path("status").asInt() == 404);
        assertThat(all.get(all.size() - 1).path("path").asText()).endsWith("startIndex=7");
        assertThat(exchanges("?status=404")).singleElement()
                .satisfies(exchange -> assertThat(exchange.path("path").asText()).endsWith("/Users/nobody"));
        assertThat(exchanges("?status=2xx")).hasSize(199);
        assertThat(server.admin("GET", EXCHANGES + "?status=nonsense", "", 400).path("scimType").asText())
                .isEqualTo("invalidValue");
    }

    @Test
    void requestsWithAWrongTokenCannotPushTheSitesRealExchangesOut() {
        call("GET", server.scimBase(SITE) + "/Users/nobody").bearer(token).send();
        awaitExchanges("?status=404", list -> list.size() == 1);

        // More than both bounds together: before, these pushed every real exchange out of the site's 200.
        for (int i = 0; i < RequestInspection.KEPT_PER_SITE + RequestInspection.KEPT_UNAUTHENTICATED_PER_SITE + 10;
             i++) {
            assertThat(call("GET", server.scimBase(SITE) + "/Users").bearer("guess-" + i).send().status())
                    .isEqualTo(401);
        }

        List<JsonNode> refused = awaitExchanges("?status=401",
                list -> list.size() == RequestInspection.KEPT_UNAUTHENTICATED_PER_SITE
                        && list.get(0).path("path").asText().endsWith("/Users"));
        assertThat(refused).hasSize(RequestInspection.KEPT_UNAUTHENTICATED_PER_SITE);
        assertThat(exchanges("?status=404")).singleElement()
                .satisfies(exchange -> assertThat(exchange.path("path").asText()).endsWith("/Users/nobody"));
    }

    @Test
    void underABurstEveryErrorIsKeptAndTheSuccessesKeptAreBounded() {
        // One second that never ends: the whole burst arrives in it, however slow the machine.
        restartWith(Clock.fixed(Instant.now(), ZoneOffset.UTC));
        // Two successes, then an error, twenty times over, then one more error.
        for (int i = 0; i < 60; i++) {
            boolean error = i % 3 == 2;
            assertThat(call("GET", server.scimBase(SITE) + (error ? "/Users/nobody-" + i : "/Users?count=1"))
                    .bearer(token).send().status()).isEqualTo(error ? 404 : 200);
        }
        assertThat(call("GET", server.scimBase(SITE) + "/Users/the-last").bearer(token).send().status())
                .isEqualTo(404);
        // The last request is an error: once it is listed, everything offered before it was stored.
        awaitExchanges("?status=404", list -> !list.isEmpty() && list.get(0).path("path").asText()
                .endsWith("/Users/the-last"));

        assertThat(exchanges("?status=404")).hasSize(21);
        assertThat(exchanges("?status=2xx")).hasSize(10);
        JsonNode listed = server.admin("GET", EXCHANGES, "", 200);
        assertThat(listed.path("sampledOut").asLong()).isEqualTo(40 - 10);
        assertThat(listed.path("kept").asInt()).isEqualTo(RequestInspection.KEPT_IN_ALL_PER_SITE);
    }

    @Test
    void requestsPastARateLimitCannotPushTheSitesRealExchangesOut() {
        call("GET", server.scimBase(SITE) + "/Users/nobody").bearer(token).send();
        awaitExchanges("?status=404", list -> list.size() == 1);
        server.admin("PATCH", "/c/" + SITE + "/admin/api/settings", "{\"siteRateLimit\":\"1/h,burst=1\"}", 200);

        int refused = 0;
        int floods = RequestInspection.KEPT_IN_ALL_PER_SITE + 10;
        for (int i = 0; i < floods; i++) {
            if (call("GET", server.scimBase(SITE) + "/Users/gone-" + i).bearer(token).send().status() == 429) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThan(RequestInspection.KEPT_IN_ALL_PER_SITE);

        List<JsonNode> limited = awaitExchanges("?status=429",
                list -> list.size() == RequestInspection.KEPT_RATE_LIMITED_PER_SITE
                        && list.get(0).path("path").asText().endsWith("/gone-" + (floods - 1)));
        assertThat(limited).hasSize(RequestInspection.KEPT_RATE_LIMITED_PER_SITE);
        assertThat(exchanges("?status=404")).extracting(exchange -> exchange.path("path").asText())
                .anySatisfy(path -> assertThat(path).endsWith("/Users/nobody"));
    }

    @Test
    void aRecorderThatCannotWriteNeverFailsScimAndCountsWhatItLost() throws Exception {
        // Every write of the inspector now fails in the database, as a full disk or a broken table would.
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("inspector.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TRIGGER refuse_exchanges BEFORE INSERT ON scim_exchanges "
                    + "BEGIN SELECT RAISE(ABORT, 'refused for the test'); END");
        }

        for (int i = 0; i < 5; i++) {
            assertThat(call("GET", server.scimBase(SITE) + "/Users").bearer(token).send().status()).isEqualTo(200);
        }
        assertThat(call("POST", server.scimBase(SITE) + "/Users").bearer(token)
                .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"carol\"}")
                .send().status()).isEqualTo(201);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode listed = server.admin("GET", EXCHANGES, "", 200);
        while (listed.path("failed").asLong() < 6 && Instant.now().isBefore(deadline)) {
            sleep();
            listed = server.admin("GET", EXCHANGES, "", 200);
        }
        assertThat(listed.path("failed").asLong()).isEqualTo(6);
        assertThat(listed.path("exchanges")).isEmpty();
        assertThat(call("GET", server.scimBase(SITE) + "/Users?filter=userName%20eq%20%22carol%22").bearer(token)
                .send().body()).contains("\"totalResults\":1");
    }

    private void restartWith(Clock clock) {
        server.close();
        server = TestServer.start(TestServer.options(directory.resolve("inspector.db")), clock);
    }

    /** A clock that moves on a second each time it is read. */
    private static final class SecondPerRead extends Clock {
        private final AtomicLong seconds = new AtomicLong(Instant.now().getEpochSecond());

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(seconds.getAndIncrement());
        }
    }

    private List<JsonNode> awaitExchanges(String query, Predicate<List<JsonNode>> done) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        List<JsonNode> exchanges = exchanges(query);
        while (!done.test(exchanges) && Instant.now().isBefore(deadline)) {
            sleep();
            exchanges = exchanges(query);
        }
        return exchanges;
    }

    private List<JsonNode> exchanges(String query) {
        List<JsonNode> exchanges = new ArrayList<>();
        server.admin("GET", EXCHANGES + query, "", 200).path("exchanges").forEach(exchanges::add);
        return exchanges;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

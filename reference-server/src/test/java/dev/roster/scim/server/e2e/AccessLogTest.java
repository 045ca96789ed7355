package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.server.AccessLogFormat;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.admin.MetricsToken;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The JSON access log and {@code X-Request-Id} over HTTP: one parseable line per request, with no secrets. */
class AccessLogTest {

    private static final String SITE = "acme";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("access.db").withSite(SITE).withOptions(path ->
            TestServer.options(path).withMonitoring(new ServerOptions.Monitoring(AccessLogFormat.JSON,
                    MetricsToken.none())));

    private final Logger accessLog = (Logger) LoggerFactory.getLogger("dev.roster.access.json");
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private TestServer server;
    private String token;

    @BeforeEach
    void start() {
        lines.start();
        accessLog.addAppender(lines);
        server = scim.server();
        token = scim.token();
    }

    @AfterEach
    void stop() {
        accessLog.detachAppender(lines);
    }

    @Test
    void aScimCallIsOneJsonLineWithItsRouteTemplateAndTheIdTheClientSentWhichIsEchoed() {
        String id = server.signIn(SITE, "ann");
        Http.Reply reply = call("GET", server.scimBase(SITE) + "/Users/" + id + "?attributes=userName")
                .bearer(token).header("User-Agent", "Okta SCIM Client 1.0.0")
                .header("X-Request-Id", "okta-3f2a.b:c_9").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Request-Id")).contains("okta-3f2a.b:c_9");

        JsonNode line = lineWithId("okta-3f2a.b:c_9");
        assertThat(Instant.parse(line.path("time").asText())).isBetween(Instant.now().minusSeconds(60),
                Instant.now());
        assertThat(line.path("site").asText()).isEqualTo(SITE);
        assertThat(line.path("method").asText()).isEqualTo("GET");
        assertThat(line.path("route").asText()).isEqualTo("/c/{site}/auth/scim/v2/Users/{id}");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("durationMs").asLong()).isNotNegative();
        assertThat(line.path("bytes").asLong()).isEqualTo(reply.body().getBytes(StandardCharsets.UTF_8).length);
        assertThat(line.path("client").asText()).isEqualTo("127.0.0.1");
        assertThat(line.path("idp").asText()).isEqualTo("okta");
        assertThat(line.toString()).doesNotContain(id).doesNotContain(token).doesNotContain("attributes");
    }

    @Test
    void withoutAnIdOneIsGeneratedAndRefusalsAndAdminAnswersCarryItToo() {
        Http.Reply refused = call("GET", server.scimBase(SITE) + "/Users?filter=userName%20eq%20%22ann%22")
                .bearer("not-the-token").send();
        assertThat(refused.status()).isEqualTo(401);
        String generated = refused.header("X-Request-Id").orElseThrow();
        assertThat(generated).matches(UUID);
        JsonNode line = lineWithId(generated);
        assertThat(line.path("status").asInt()).isEqualTo(401);
        assertThat(line.path("route").asText()).isEqualTo("UNMATCHED");
        assertThat(line.toString()).doesNotContain("not-the-token").doesNotContain("ann");

        Http.Reply admin = call("GET", server.baseUrl() + "/admin/api/sites").admin()
                .header("X-Request-Id", "admin-call-1").send();
        assertThat(admin.header("X-Request-Id")).contains("admin-call-1");
        assertThat(lineWithId("admin-call-1").path("route").asText()).isEqualTo("/admin/api/sites");
        assertThat(lineWithId("admin-call-1").toString()).doesNotContain(TestServer.ADMIN_PASSWORD);
    }

    @Test
    void aHostileRequestIdIsReplacedNeverEchoedNorLogged() {
        for (String hostile : List.of("x".repeat(129), "with \"quotes\"", "back\\slash", "a b", "<script>",
                "caf\u00e9")) {
            Http.Reply reply = call("GET", server.baseUrl() + "/health").header("X-Request-Id", hostile).send();
            String replaced = reply.header("X-Request-Id").orElseThrow();
            assertThat(replaced).as("replacing %s", hostile).matches(UUID);
            assertThat(lineWithId(replaced).toString()).doesNotContain(hostile);
        }
        String longest = "y".repeat(128);
        assertThat(call("GET", server.baseUrl() + "/health").header("X-Request-Id", longest).send()
                .header("X-Request-Id")).contains(longest);
    }

    @Test
    void theHttpEdgesOwnRefusalsCarryAFreshIdAndNeverTheClientsText() {
        // A bare CR inside the value: the edge refuses the request before Jersey sees it.
        byte[] request = ("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: abc\rInjected: yes\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        RawHttp.Response refused = RawHttp.sendExactly(server.host(), server.port(), request);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.header("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).matches(UUID));
        assertThat(refused.headers()).doesNotContainKey("injected");

        RawHttp.Response tooLarge = RawHttp.send(server.host(), server.port(), "POST",
                "/c/acme/auth/scim/v2/Users", Map.of("X-Request-Id", "big-upload-1",
                        "Content-Type", "application/scim+json", "Authorization", "Bearer " + token),
                new byte[1024 * 1024 + 1]);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("X-Request-Id")).contains("big-upload-1");
    }

    /** The access log line of that request id, waiting a little: the line is written after the response. */
    private JsonNode lineWithId(String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            List<ILoggingEvent> events;
            synchronized (lines.list) {
                events = List.copyOf(lines.list);
            }
            for (ILoggingEvent event : events) {
                JsonNode line = parsed(event.getFormattedMessage());
                if (line.path("requestId").asText().equals(id)) {
                    return line;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no access log line with requestId " + id + " in " + events);
            }
            Thread.onSpinWait();
        }
    }

    private static JsonNode parsed(String text) {
        try {
            JsonNode line = JSON.readTree(text);
            assertThat(line.isObject()).as("a JSON object: %s", text).isTrue();
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }
}

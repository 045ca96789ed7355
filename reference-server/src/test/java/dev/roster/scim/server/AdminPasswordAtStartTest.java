package dev.roster.scim.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.server.http.HttpLimits;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The admin password's key (PBKDF2, slow on purpose) is derived beside the rest of the start: SCIM answers while it
 * runs, and the admin API refuses cleanly until the password is settled (ADR 031).
 */
class AdminPasswordAtStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void scimAnswersWhileTheKeyIsDerivedAndTheAdminApiAsksToRetryUntilItIsSettled() throws Exception {
        Path database = directory.resolve("roster.db");
        String token = scimReadySiteAcme(database);
        CountDownLatch release = new CountDownLatch(1);
        Executor heldBack = task -> new Thread(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        }).start();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int port = freePort();
        ServerOptions options = withANewPassword(database, port);
        CompletableFuture<RosterApplication> started = CompletableFuture.supplyAsync(() -> RosterApplication.start(
                options, HttpLimits.defaults(), new PrintStream(console, true, StandardCharsets.UTF_8),
                Clock.systemUTC(), heldBack));
        try {
            String base = "http://127.0.0.1:" + port;

            HttpResponse<String> scim = firstAnswer(base + "/c/acme/auth/scim/v2/Users?count=0", "Bearer " + token);
            assertThat(scim.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(scim.body()).path("totalResults").asInt()).isZero();

            for (String password : new String[] {TestServer.ADMIN_PASSWORD, "a-new-admin-password", "wrong"}) {
                HttpResponse<String> admin = get(base + "/admin/api/sites", TestServer.basic("admin", password));
                assertThat(admin.statusCode()).as(password).isEqualTo(503);
                assertThat(admin.headers().firstValue("Retry-After")).hasValue("1");
                JsonNode error = JSON.readTree(admin.body());
                assertThat(error.path("schemas").get(0).asText())
                        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
                assertThat(error.path("status").asText()).isEqualTo("503");
                assertThat(error.path("detail").asText()).contains("admin password");
            }
            assertThat(started).isNotDone();
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("listening on");
        } finally {
            release.countDown();
        }
        try (RosterApplication application = started.get(60, TimeUnit.SECONDS)) {
            String base = application.baseUrl();
            assertThat(console.toString(StandardCharsets.UTF_8)).contains("listening on " + base);
            assertThat(get(base + "/admin/api/sites", TestServer.basic("admin", "a-new-admin-password"))
                    .statusCode()).isEqualTo(200);
            assertThat(get(base + "/admin/api/sites", TestServer.basic("admin", TestServer.ADMIN_PASSWORD))
                    .statusCode()).isEqualTo(401);
        }
    }

    @Test
    void theKeyIsHandedToItsThreadOnlyOnceScimAnswers() throws Exception {
        Path database = directory.resolve("roster.db");
        String token = scimReadySiteAcme(database);
        int port = freePort();
        String users = "http://127.0.0.1:" + port + "/c/acme/auth/scim/v2/Users?count=0";
        AtomicReference<String> scimWhenHandedTheWork = new AtomicReference<>();
        Executor probing = task -> {
            scimWhenHandedTheWork.set(scimAnswer(users, "Bearer " + token));
            new Thread(task).start();
        };
        ServerOptions options = withANewPassword(database, port);

        try (RosterApplication application = RosterApplication.start(options, HttpLimits.defaults(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Clock.systemUTC(),
                probing)) {
            assertThat(scimWhenHandedTheWork.get()).isEqualTo("200");
            assertThat(get(application.baseUrl() + "/admin/api/sites",
                    TestServer.basic("admin", "a-new-admin-password")).statusCode()).isEqualTo(200);
        }
    }

    /** A database whose site {@code acme} has SCIM on, left by a first start; returns the site's token. */
    private static String scimReadySiteAcme(Path database) {
        try (TestServer first = TestServer.start(database)) {
            return first.createScimReadySite("acme");
        }
    }

    /**
     * A different password than stored: settling it means deriving the old key and storing a new hash. A port of
     * our own, since the banner that tells a chosen one comes only once the password is settled.
     */
    private static ServerOptions withANewPassword(Path database, int port) {
        return new ServerOptions("127.0.0.1", port, DatabaseLocation.sqlite(database),
                Optional.of("a-new-admin-password"), 0, CreationPolicy.DEFAULT, Optional.empty());
    }

    private String scimAnswer(String url, String authorization) {
        try {
            return Integer.toString(get(url, authorization).statusCode());
        } catch (ConnectException refused) {
            return "refused";
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** The first answer once the server listens: connections are refused until then. */
    private HttpResponse<String> firstAnswer(String url, String authorization) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            try {
                return get(url, authorization);
            } catch (ConnectException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the server never listened on " + url, notYet);
                }
                Thread.sleep(20);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> get(String url, String authorization) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.testkit.TestClock;
import dev.roster.scim.server.support.PasswordHashes;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the admin password costs the server, counted hash by hash ({@link PasswordHashes} sees every PBKDF2 run and
 * can hold them): a correct Basic credential is hashed once and then remembered for five minutes, a wrong one is
 * hashed every time, and no more than two hashes run at once — one per client address. Decisive by counts and
 * statuses, never by how long anything took.
 */
class PasswordHashingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock();
    private final ExecutorService clients = Executors.newFixedThreadPool(4);
    private TestServer server;
    private PasswordHashes hashes;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.options(directory.resolve("hashing.db")), clock);
        hashes = PasswordHashes.count();
    }

    @AfterEach
    void stop() throws InterruptedException {
        hashes.close();
        clients.shutdownNow();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void aCorrectCredentialIsHashedOnceAndThenRememberedForFiveMinutesButAWrongOneAlwaysPays() {
        for (int call = 0; call < 20; call++) {
            assertThat(basicFrom("127.0.0.2", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        }
        assertThat(basicFrom("127.0.0.3", TestServer.ADMIN_PASSWORD).status()).as("from another address").isEqualTo(200);
        assertThat(signInFrom("127.0.0.3", TestServer.ADMIN_PASSWORD).status()).as("the sign-in form").isEqualTo(200);
        assertThat(hashes.started()).as("hashes for 22 correct checks").isEqualTo(1);

        for (int guess = 0; guess < 5; guess++) {
            assertThat(basicFrom("127.0.0.4", "wrong-" + guess).status()).isEqualTo(401);
        }
        assertThat(signInFrom("127.0.0.4", "wrong-5").status()).isEqualTo(401);
        assertThat(basicFrom("127.0.0.4", TestServer.ADMIN_PASSWORD + " ").status()).as("almost right").isEqualTo(401);
        assertThat(hashes.started()).as("every wrong password hashed").isEqualTo(8);

        assertThat(basicFrom("127.0.0.2", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(basicFrom("127.0.0.2", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(hashes.started()).as("still remembered within five minutes").isEqualTo(8);

        clock.advance(Duration.ofSeconds(1));
        assertThat(basicFrom("127.0.0.2", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(hashes.started()).as("hashed again after five minutes").isEqualTo(9);
    }

    @Test
    @Timeout(120)
    void twoHashesRunAtOnceInAllAndOnePerAddressTheRestAreToldToRetryInASecond() throws Exception {
        assertThat(basicFrom("127.0.0.9", TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        hashes.hold();
        try {
            CompletableFuture<RawHttp.Response> first = inBackground(() -> basicFrom("127.0.0.2", "guess-1"));
            assertThat(hashes.awaitStarted(2, PATIENCE)).as("the first guess is being hashed").isTrue();

            RawHttp.Response sameAddress = answered(inBackground(() -> basicFrom("127.0.0.2", "guess-2")));
            assertRetryInASecond(sameAddress, 429, "Too many failed sign-ins");

            CompletableFuture<RawHttp.Response> second = inBackground(() -> signInFrom("127.0.0.3", "guess-3"));
            assertThat(hashes.awaitStarted(3, PATIENCE)).as("a guess from another address is hashed too").isTrue();

            RawHttp.Response third = answered(inBackground(() -> basicFrom("127.0.0.4", "guess-4")));
            assertRetryInASecond(third, 503, "checking too many passwords at once");
            RawHttp.Response thirdByForm = answered(inBackground(() -> signInFrom("127.0.0.5", "guess-5")));
            assertRetryInASecond(thirdByForm, 503, "checking too many passwords at once");

            RawHttp.Response remembered = answered(inBackground(() -> basicFrom("127.0.0.6",
                    TestServer.ADMIN_PASSWORD)));
            assertThat(remembered.status()).as("the remembered credential needs no hash").isEqualTo(200);
            assertThat(hashes.started()).as("hashes started: the first check and the two guesses").isEqualTo(3);

            hashes.release();
            assertThat(answered(first).status()).isEqualTo(401);
            assertThat(answered(second).status()).isEqualTo(401);
        } finally {
            hashes.release();
        }
    }

    private static void assertRetryInASecond(RawHttp.Response response, int status, String detail) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
        assertThat(response.header("Retry-After")).contains("1");
        assertThat(response.bodyText()).contains(detail);
    }

    private CompletableFuture<RawHttp.Response> inBackground(java.util.function.Supplier<RawHttp.Response> call) {
        return CompletableFuture.supplyAsync(call, clients);
    }

    /** The answer, which a check that is not held comes with at once: waiting here is only a safety net. */
    private static RawHttp.Response answered(CompletableFuture<RawHttp.Response> call) throws Exception {
        return call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    private RawHttp.Response basicFrom(String address, String password) {
        return RawHttp.sendFrom(address, server.host(), server.port(), "GET", "/admin/api/sites",
                Map.of("Authorization", TestServer.basic("admin", password)), new byte[0]);
    }

    private RawHttp.Response signInFrom(String address, String password) {
        return RawHttp.sendFrom(address, server.host(), server.port(), "POST", "/admin/api/session",
                Map.of("Content-Type", "application/json"),
                ("{\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}

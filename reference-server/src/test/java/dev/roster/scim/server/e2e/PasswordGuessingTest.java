package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.testkit.TestClock;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Forty clients guessing the admin password at once from one address get {@code 429} with {@code Retry-After}
 * after a few tries instead of forty PBKDF2 runs each, while {@code /health} and the admin signing in from another
 * address answer at once. The time bounds are generous (seconds, where an unthrottled server needs minutes of CPU
 * for the same guesses); the decisive checks are the statuses.
 */
class PasswordGuessingTest {

    private static final String GUESSER = "127.0.0.1";
    private static final String ADMIN = "127.0.0.2";
    private static final int GUESSERS = 40;
    private static final int GUESSES_EACH = 5;
    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock();
    private TestServer server;
    private ExecutorService guessers;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.options(directory.resolve("guess.db")), clock);
        guessers = Executors.newFixedThreadPool(GUESSERS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        guessers.shutdownNow();
        guessers.awaitTermination(30, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentGuessesAreThrottledWhileHealthAndTheAdminElsewhereAnswerPromptly() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<RawHttp.Response>>> attack = new ArrayList<>();
        for (int i = 0; i < GUESSERS; i++) {
            int guesser = i;
            attack.add(guessers.submit(() -> {
                go.await();
                List<RawHttp.Response> answers = new ArrayList<>();
                for (int guess = 0; guess < GUESSES_EACH; guess++) {
                    answers.add(guess(guesser % 2 == 0, "guess-" + guesser + "-" + guess));
                }
                return answers;
            }));
        }
        go.countDown();

        long healthStarted = System.nanoTime();
        RawHttp.Response health = RawHttp.sendFrom(ADMIN, server.host(), server.port(), "GET", "/health", Map.of(),
                new byte[0]);
        Duration healthTook = Duration.ofNanos(System.nanoTime() - healthStarted);
        long signInStarted = System.nanoTime();
        RawHttp.Response admin = RawHttp.sendFrom(ADMIN, server.host(), server.port(), "POST", "/admin/api/session",
                Map.of("Content-Type", "application/json"),
                ("{\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}").getBytes(StandardCharsets.UTF_8));
        Duration signInTook = Duration.ofNanos(System.nanoTime() - signInStarted);

        List<RawHttp.Response> answers = new ArrayList<>();
        for (Future<List<RawHttp.Response>> each : attack) {
            answers.addAll(each.get(60, TimeUnit.SECONDS));
        }

        assertThat(health.status()).isEqualTo(200);
        assertThat(healthTook).as("/health during the attack").isLessThan(PROMPTLY);
        assertThat(admin.status()).as("the admin's sign-in from another address: %s", admin.bodyText())
                .isEqualTo(200);
        assertThat(signInTook).as("the admin's sign-in during the attack").isLessThan(PROMPTLY);

        assertThat(answers).hasSize(GUESSERS * GUESSES_EACH)
                .allSatisfy(answer -> assertThat(answer.status()).isIn(401, 429, 503))
                .noneMatch(answer -> answer.status() == 200);
        List<RawHttp.Response> throttled = answers.stream().filter(answer -> answer.status() == 429).toList();
        assertThat(throttled.size()).as("429s among %d guesses", answers.size())
                .isGreaterThan(answers.size() / 2);
        assertThat(throttled).allSatisfy(answer -> {
            assertThat(answer.header("Retry-After")).hasValueSatisfying(seconds ->
                    assertThat(Integer.parseInt(seconds)).isBetween(1, 3600));
            assertThat(answer.bodyText()).contains("Too many failed sign-ins");
        });
        long checked = answers.stream().filter(answer -> answer.status() == 401).count();
        assertThat(checked).as("guesses whose password was hashed and refused").isLessThanOrEqualTo(10);
    }

    @Test
    void afterTenFailuresEvenTheRightPasswordWaitsUntilRetryAfterAndAnotherAddressIsUnaffected() {
        for (int i = 0; i < 10; i++) {
            assertThat(guess(i % 2 == 0, "wrong-" + i).status()).as("guess %d", i + 1).isEqualTo(401);
        }
        RawHttp.Response throttled = basicFrom(GUESSER, TestServer.ADMIN_PASSWORD);
        assertThat(throttled.status()).as("the right password, from the guessing address").isEqualTo(429);
        int retryAfter = Integer.parseInt(throttled.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1, 60);
        assertThat(basicFrom(ADMIN, TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);

        clock.advance(Duration.ofSeconds(retryAfter));

        assertThat(basicFrom(GUESSER, TestServer.ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(guess(true, "one more").status()).as("one more try after the wait").isEqualTo(401);
        assertThat(guess(false, "and another").status()).as("but not two").isEqualTo(429);
    }

    @Test
    void aSecondServerOnTheSameDatabaseKeepsTheThrottle() {
        for (int i = 0; i < 10; i++) {
            assertThat(guess(true, "wrong-" + i).status()).as("guess %d", i + 1).isEqualTo(401);
        }
        try (TestServer second = TestServer.start(TestServer.options(directory.resolve("guess.db")), clock)) {
            RawHttp.Response throttled = RawHttp.sendFrom(GUESSER, second.host(), second.port(), "GET",
                    "/admin/api/sites", Map.of("Authorization", TestServer.basic("admin", "wrong-10")), new byte[0]);
            assertThat(throttled.status()).as("the eleventh guess, at the other server").isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isPresent();
        }
    }

    private RawHttp.Response guess(boolean basic, String password) {
        if (basic) {
            return basicFrom(GUESSER, password);
        }
        return RawHttp.sendFrom(GUESSER, server.host(), server.port(), "POST", "/admin/api/session",
                Map.of("Content-Type", "application/json"),
                ("{\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private RawHttp.Response basicFrom(String address, String password) {
        return RawHttp.sendFrom(address, server.host(), server.port(), "GET", "/admin/api/sites",
                Map.of("Authorization", TestServer.basic("admin", password)), new byte[0]);
    }
}

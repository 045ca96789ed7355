package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.TokenHash;
import dev.roster.scim.testkit.TestClock;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The admin page's server-side session over HTTP: a sign-in with the password sets an HttpOnly, SameSite=Strict
 * cookie; the session ends on the server at sign-out, after 30 idle minutes, 8 hours after sign-in and when the
 * admin password changes; a second server on the same database sees all of it; the database holds only its hash.
 */
class AdminSignInSessionsTest {

    private static final Pattern COOKIE = Pattern.compile("roster_admin_session=([A-Za-z0-9_-]+)");

    @TempDir
    Path directory;

    private final TestClock clock = new TestClock();
    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(TestServer.options(directory.resolve("sessions.db")), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signInSetsAStrictHttpOnlyCookieThatOpensTheAdminApi() {
        RawHttp.Response signedIn = signIn(server, TestServer.ADMIN_PASSWORD, Optional.empty());

        assertThat(signedIn.status()).as(signedIn.bodyText()).isEqualTo(200);
        String cookie = signedIn.header("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=28800")
                .doesNotContain("Secure", "Domain");
        assertThat(signedIn.header("Cache-Control")).contains("no-store");
        assertThat(signedIn.bodyText()).doesNotContain(sessionId(signedIn));
        assertThat(sessionId(signedIn)).as("256 random bits, base64url").matches("[A-Za-z0-9_-]{43}");
        assertThat(java.util.Base64.getUrlDecoder().decode(sessionId(signedIn))).hasSize(32);

        assertThat(get(server, "/c/demo/admin/api/settings", sessionId(signedIn)).status()).isEqualTo(200);
        assertThat(get(server, "/admin/api/session", sessionId(signedIn)).status()).isEqualTo(200);
        assertThat(get(server, "/c/demo/admin/api/settings", "forged" + sessionId(signedIn).substring(6)).status())
                .isEqualTo(401);
    }

    @Test
    void wrongPasswordGetsNoSession() {
        RawHttp.Response refused = signIn(server, "not the password", Optional.empty());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Set-Cookie")).isEmpty();
        assertThat(refused.bodyText()).contains("wrong");
    }

    @Test
    void signOutEndsTheSessionOnTheServerNotOnlyInTheBrowser() {
        String id = sessionId(signIn(server, TestServer.ADMIN_PASSWORD, Optional.empty()));

        RawHttp.Response signedOut = send(server, "DELETE", "/admin/api/session", Optional.of(id), "");

        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(signedOut.header("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("Max-Age=0"));
        // A copy of the cookie kept by anyone (another tab, a stolen copy) opens nothing any more.
        assertThat(get(server, "/c/demo/admin/api/settings", id).status()).isEqualTo(401);
    }

    @Test
    void everySignInMakesANewIdAndEndsTheOnePresented() {
        String planted = sessionId(signIn(server, TestServer.ADMIN_PASSWORD, Optional.empty()));

        String fresh = sessionId(signIn(server, TestServer.ADMIN_PASSWORD, Optional.of(planted)));

        assertThat(fresh).isNotEqualTo(planted);
        assertThat(get(server, "/admin/api/session", planted).status()).isEqualTo(401);
        assertThat(get(server, "/admin/api/session", fresh).status()).isEqualTo(200);
    }

    @Test
    void sessionEndsAfterThirtyIdleMinutesAndUseKeepsItAlive() {
        String id = sessionId(signIn(server, TestServer.ADMIN_PASSWORD, Optional.empty()));

        clock.advance(Duration.ofMinutes(20));
        assertThat(get(server, "/admin/api/session", id).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(20));
        assertThat(get(server, "/admin/api/session", id).status()).as("40 minutes in, 20 idle").isEqualTo(200);
        clock.advance(Duration.ofMinutes(31));
        RawHttp.Response ended = get(server, "/admin/api/session", id);

        assertThat(ended.status()).isEqualTo(401);
        assertThat(ended.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void sessionEndsEightHoursAfterSignInHoweverBusy() {
        String id = sessionId(signIn(server, TestServer.ADMIN_PASSWORD, Optional.empty()));

        for (int i = 0; i < 23; i++) {
            clock.advance(Duration.ofMinutes(20));
            assertThat(get(server, "/admin/api/session", id).status()).as("after %d minutes", (i + 1) * 20)
                    .isEqualTo(200);
        }
        clock.advance(Duration.ofMinutes(20));

        assertThat(get(server, "/admin/api/session", id).status()).as("after 8 hours").isEqualTo(401);
    }

    @Test
    void aSecondServerOnTheSameDatabaseSeesTheSessionAndItsSignOut() {
        String id = sessionId(signIn(server, TestServer.ADMIN_PASSWORD, Optional.empty()));
        try (TestServer second = TestServer.start(TestServer.options(directory.resolve("sessions.db")), clock)) {
            assertThat(get(second, "/c/demo/admin/api/settings", id).status()).isEqualTo(200);

            assertThat(send(second, "DELETE", "/admin/api/session", Optional.of(id), "").status()).isEqualTo(204);

            assertThat(get(server, "/c/demo/admin/api/settings", id).status()).isEqualTo(401);
        }
    }

    @Test
    void aNewAdminPasswordEndsEverySession() {
        Path database = directory.resolve("sessions.db");
        String id = sessionId(signIn(server, TestServer.ADMIN_PASSWORD, Optional.empty()));
        server.close();
        try (TestServer same = TestServer.start(TestServer.options(database), clock)) {
            assertThat(get(same, "/admin/api/session", id).status()).as("same password, same sessions")
                    .isEqualTo(200);
        }
        var changed = new dev.roster.scim.server.ServerOptions("127.0.0.1", 0, database,
                Optional.of("a-new-password"), 0, dev.roster.scim.core.model.CreationPolicy.JIT_ONLY);
        server = TestServer.start(changed, clock);

        assertThat(get(server, "/admin/api/session", id).status()).isEqualTo(401);
    }

    @Test
    void theDatabaseHoldsTheSessionsHashNeverItsId() throws IOException {
        String id = sessionId(signIn(server, TestServer.ADMIN_PASSWORD, Optional.empty()));
        server.close();

        StringBuilder files = new StringBuilder();
        try (Stream<Path> all = Files.list(directory)) {
            for (Path file : all.toList()) {
                files.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(files).contains(TokenHash.of(id).hex()).doesNotContain(id);
        server = TestServer.start(TestServer.options(directory.resolve("sessions.db")), clock);
    }

    static RawHttp.Response signIn(TestServer server, String password, Optional<String> presented) {
        return send(server, "POST", "/admin/api/session", presented, "{\"password\":\"" + password + "\"}");
    }

    static String sessionId(RawHttp.Response signedIn) {
        Matcher cookie = COOKIE.matcher(signedIn.header("Set-Cookie").orElse(""));
        assertThat(cookie.find()).as("session cookie in %s", signedIn.headers()).isTrue();
        return cookie.group(1);
    }

    static RawHttp.Response get(TestServer server, String path, String id) {
        return send(server, "GET", path, Optional.of(id), "");
    }

    static RawHttp.Response send(TestServer server, String method, String path, Optional<String> id, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        id.ifPresent(value -> headers.put("Cookie", "roster_admin_session=" + value));
        if (!method.equals("GET")) {
            headers.put("Content-Type", "application/json");
        }
        return RawHttp.send(server.host(), server.port(), method, path, headers,
                body.getBytes(StandardCharsets.UTF_8));
    }
}

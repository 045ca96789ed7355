package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.server.DatabaseLocation;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two reference servers on one PostgreSQL database, driven over HTTP at once: no update is lost, optimistic versions
 * hold across them, and a change made through one (a token, a setting, a password) holds on the other at once.
 * The SIGKILL of a server under load is {@code TwoServerProcessesIT}, on processes of the packaged jar.
 */
class TwoServersOnePostgresTest {

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final Pattern TOKEN = Pattern.compile("only its hash is kept\\):\\R\\s+(\\S+)");
    private static final Pattern PASSWORD = Pattern.compile("user 'admin', password (\\S+)");

    private final List<TestServer> servers = new ArrayList<>();
    private final ExecutorService threads = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        threads.shutdownNow();
        servers.forEach(TestServer::close);
    }

    @Test
    void concurrentPatchesSplitAcrossTheServersLoseNothing() throws Exception {
        List<TestServer> both = twoServers(TestServer.newPostgresDatabase());
        String token = both.get(0).createScimReadySite("acme");
        String id = createUser(both.get(0), token, "ann@example.com");
        int writers = 8;
        int patchesEach = 12;
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();

        List<Callable<Void>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            TestServer server = both.get(w % 2);
            int writer = w;
            work.add(() -> {
                for (int i = 0; i < patchesEach; i++) {
                    String value = "w" + writer + "-" + i + "@example.com";
                    patchUntilAccepted(server, token, id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":"
                            + "\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"" + value + "\",\"type\":\"other\"}]}]}");
                    acknowledged.add(value);
                }
                return null;
            });
        }
        runAll(work);

        for (TestServer server : both) {
            JsonNode user = call("GET", server.scimBase("acme") + "/Users/" + id).bearer(token).send().expect(200);
            Set<String> stored = new HashSet<>();
            user.path("emails").forEach(email -> stored.add(email.path("value").asText()));
            assertThat(acknowledged).hasSize(writers * patchesEach);
            assertThat(stored).as("emails on " + server.baseUrl()).containsAll(acknowledged);
            assertThat(user.path("meta").path("version").asText()).isEqualTo("W/\"" + (1 + writers * patchesEach)
                    + "\"");
        }
    }

    @Test
    void ifMatchRacesAcrossTheServersHaveExactlyOneWinnerPerVersion() throws Exception {
        List<TestServer> both = twoServers(TestServer.newPostgresDatabase());
        String token = both.get(0).createScimReadySite("acme");
        String id = createUser(both.get(0), token, "bob@example.com");

        for (int round = 1; round <= 8; round++) {
            String etag = call("GET", both.get(round % 2).scimBase("acme") + "/Users/" + id).bearer(token).send()
                    .header("ETag").orElseThrow();
            CountDownLatch ready = new CountDownLatch(6);
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int r = 0; r < 6; r++) {
                TestServer server = both.get(r % 2);
                String name = "round " + round + " racer " + r;
                racers.add(() -> {
                    ready.countDown();
                    ready.await();
                    return call("PATCH", server.scimBase("acme") + "/Users/" + id).bearer(token)
                            .header("If-Match", etag)
                            .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                                    + "\"path\":\"displayName\",\"value\":\"" + name + "\"}]}")
                            .send().status();
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : threads.invokeAll(racers, 2, TimeUnit.MINUTES)) {
                statuses.add(status.get());
            }

            assertThat(statuses).as("round %d", round).containsOnly(200, 412).filteredOn(s -> s == 200).hasSize(1);
            JsonNode user = call("GET", both.get(0).scimBase("acme") + "/Users/" + id).bearer(token).send()
                    .expect(200);
            assertThat(user.path("meta").path("version").asText()).isEqualTo("W/\"" + (1 + round) + "\"");
        }
    }

    @Test
    void aTokenRotatedOrScimTurnedOffOnOneServerHoldsOnTheOtherAtOnce() {
        List<TestServer> both = twoServers(TestServer.newPostgresDatabase());
        TestServer a = both.get(0);
        TestServer b = both.get(1);
        String first = a.createScimReadySite("acme");
        call("GET", b.scimBase("acme") + "/Users").bearer(first).send().expect(200);

        String second = a.admin("POST", "/c/acme/admin/api/scim-token", "", 201).path("token").asText();

        call("GET", b.scimBase("acme") + "/Users").bearer(first).send().expectScimError(401, null);
        call("GET", b.scimBase("acme") + "/Users").bearer(second).send().expect(200);

        a.admin("PATCH", "/c/acme/admin/api/settings", "{\"scimEnabled\":false}", 200);
        assertThat(call("GET", b.scimBase("acme") + "/Users").bearer(second).send().status()).isEqualTo(403);
        b.admin("PATCH", "/c/acme/admin/api/settings", "{\"scimEnabled\":true}", 200);
        call("GET", a.scimBase("acme") + "/Users").bearer(second).send().expect(200);
    }

    /** Server B has the site's settings and tokens cached (ADR 029) from its own requests before each change. */
    @Test
    void aRevocationOrARolesToggleOnOneServerHoldsOnTheOtherAtOnce() {
        List<TestServer> both = twoServers(TestServer.newPostgresDatabase());
        TestServer a = both.get(0);
        TestServer b = both.get(1);
        String token = a.createScimReadySite("acme");
        JsonNode other = a.admin("POST", "/c/acme/admin/api/tokens", "{\"name\":\"b\",\"keepOthers\":true}", 201);
        String id = createUser(b, token, "ann@example.com");
        call("GET", b.scimBase("acme") + "/Users").bearer(other.path("token").asText()).send().expect(200);

        assertThat(patchUserType(b, token, id, "Moderator")).isEqualTo("Moderator");
        a.admin("PATCH", "/c/acme/admin/api/settings", "{\"manageRoles\":false}", 200);
        assertThat(patchUserType(b, token, id, "Admin")).as("roles off on A").isNotEqualTo("Admin");
        a.admin("PATCH", "/c/acme/admin/api/settings", "{\"manageRoles\":true}", 200);
        assertThat(patchUserType(b, token, id, "Admin")).as("roles on again on A").isEqualTo("Admin");

        a.admin("DELETE", "/c/acme/admin/api/tokens/" + other.path("id").asText(), "", 204);
        call("GET", b.scimBase("acme") + "/Users").bearer(other.path("token").asText()).send()
                .expectScimError(401, null);
        call("GET", b.scimBase("acme") + "/Users").bearer(token).send().expect(200);
    }

    private static String patchUserType(TestServer server, String token, String id, String userType) {
        return call("PATCH", server.scimBase("acme") + "/Users/" + id).bearer(token)
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":"
                        + "\"userType\",\"value\":\"" + userType + "\"}]}")
                .send().expect(200).path("userType").asText();
    }

    @Test
    void aCursorMintedByOneServerPagesOnTheOther() {
        List<TestServer> both = twoServers(TestServer.newPostgresDatabase());
        String token = both.get(0).createScimReadySite("acme");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createUser(both.get(i % 2), token, "user" + i + "@example.com"));
        }

        List<String> listed = new ArrayList<>();
        String cursor = "";
        for (int page = 0; cursor != null; page++) {
            // each page from the other server than the one that minted its cursor
            JsonNode reply = call("GET", both.get(page % 2).scimBase("acme") + "/Users?count=3&cursor=" + cursor)
                    .bearer(token).send().expect(200);
            reply.path("Resources").forEach(user -> listed.add(user.path("id").asText()));
            cursor = reply.has("nextCursor") ? reply.path("nextCursor").asText() : null;
        }

        assertThat(listed).containsExactlyInAnyOrderElementsOf(created).doesNotHaveDuplicates();
    }

    @Test
    void aNewAdminPasswordSetByAnyServerHoldsOnEveryServerAtOnce() {
        DatabaseLocation database = TestServer.newPostgresDatabase();
        TestServer a = start(TestServer.options(database));
        String old = TestServer.basic("admin", TestServer.ADMIN_PASSWORD);
        // Checked once, so that this server remembers the credentials that passed.
        call("GET", a.baseUrl() + "/admin/api/sites").header("Authorization", old).send().expect(200);

        start(TestServer.options(database).withAdminPassword("a-new-password"));

        call("GET", a.baseUrl() + "/admin/api/sites").header("Authorization", old).send().expectScimError(401, null);
        call("GET", a.baseUrl() + "/admin/api/sites")
                .header("Authorization", TestServer.basic("admin", "a-new-password")).send().expect(200);
    }

    @Test
    void twoFirstStartsOnOneNewDatabaseCreateOneDemoSiteAndShowEachSecretOnce() throws Exception {
        for (int attempt = 0; attempt < 3; attempt++) {
            DatabaseLocation database = TestServer.newPostgresDatabase();
            ServerOptions firstStart = new ServerOptions("127.0.0.1", 0, database, Optional.empty(), 0,
                    CreationPolicy.DEFAULT, Optional.empty());
            CountDownLatch ready = new CountDownLatch(2);
            List<Callable<TestServer>> starts = List.of(() -> {
                ready.countDown();
                ready.await();
                return start(firstStart);
            }, () -> {
                ready.countDown();
                ready.await();
                return start(firstStart);
            });
            List<TestServer> both = new ArrayList<>();
            for (Future<TestServer> started : threads.invokeAll(starts, 2, TimeUnit.MINUTES)) {
                both.add(started.get());
            }

            List<String> tokens = new ArrayList<>();
            List<String> passwords = new ArrayList<>();
            for (TestServer server : both) {
                Matcher token = TOKEN.matcher(server.console());
                Matcher password = PASSWORD.matcher(server.console());
                if (token.find()) {
                    tokens.add(token.group(1));
                } else {
                    assertThat(server.console()).contains("Lost the token?");
                }
                if (password.find()) {
                    passwords.add(password.group(1));
                }
            }
            assertThat(tokens).as("demo tokens shown").hasSize(1);
            assertThat(passwords).as("generated passwords shown").hasSize(1);
            for (TestServer server : both) {
                call("GET", server.scimBase("demo") + "/Users").bearer(tokens.get(0)).send().expect(200);
                JsonNode sites = call("GET", server.baseUrl() + "/admin/api/sites")
                        .header("Authorization", TestServer.basic("admin", passwords.get(0))).send().expect(200);
                assertThat(sites.path("sites")).hasSize(1);
            }
        }
    }

    @Test
    void bothServersTakeFromOneSiteLimitAndOneTokenLimit() {
        List<TestServer> both = twoServers(TestServer.newPostgresDatabase());
        String token = both.get(0).createScimReadySite("acme");
        String other = both.get(0).admin("POST", "/c/acme/admin/api/tokens", "{\"name\":\"b\",\"keepOthers\":true}",
                201).path("token").asText();
        both.get(1).admin("PATCH", "/c/acme/admin/api/settings",
                "{\"siteRateLimit\":\"1/min,burst=6\",\"tokenRateLimit\":\"1/min,burst=4\"}", 200);

        // Token A: two requests on each server use its 4; a fifth, on either, is refused by its own limit.
        for (int i = 0; i < 4; i++) {
            call("GET", both.get(i % 2).scimBase("acme") + "/Users").bearer(token).send().expect(200);
        }
        JsonNode tokenRefusal = call("GET", both.get(1).scimBase("acme") + "/Users").bearer(token).send()
                .expectScimError(429, null);
        assertThat(tokenRefusal.path("detail").asText()).startsWith("This token's rate limit");

        // Token B: the site has 2 of its 6 left, whichever server is asked.
        call("GET", both.get(0).scimBase("acme") + "/Users").bearer(other).send().expect(200);
        call("GET", both.get(1).scimBase("acme") + "/Users").bearer(other).send().expect(200);
        for (TestServer server : both) {
            Http.Reply refused = call("GET", server.scimBase("acme") + "/Users").bearer(other).send();
            assertThat(refused.expectScimError(429, null).path("detail").asText())
                    .startsWith("This site's rate limit of 1/min,burst=6");
            assertThat(Long.parseLong(refused.header("Retry-After").orElseThrow())).isBetween(1L, 60L);
        }
    }

    private List<TestServer> twoServers(DatabaseLocation database) {
        return List.of(start(TestServer.options(database)), start(TestServer.options(database)));
    }

    private TestServer start(ServerOptions options) {
        TestServer server = TestServer.start(options);
        synchronized (servers) {
            servers.add(server);
        }
        return server;
    }

    private static String createUser(TestServer server, String token, String userName) {
        return call("POST", server.scimBase("acme") + "/Users").bearer(token)
                .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                        + "\"}")
                .send().expect(201).path("id").asText();
    }

    /** An IdP's behaviour: a 409 "being changed by other requests, retry later" is sent again. */
    private static void patchUntilAccepted(TestServer server, String token, String id, String body) {
        for (int attempt = 1; ; attempt++) {
            Http.Reply reply = call("PATCH", server.scimBase("acme") + "/Users/" + id).bearer(token).json(body)
                    .send();
            if (reply.status() == 200) {
                return;
            }
            assertThat(reply.status()).as("%s", reply).isEqualTo(409);
            assertThat(attempt).as("attempts").isLessThan(50);
        }
    }

    private void runAll(List<Callable<Void>> work) throws Exception {
        for (Future<Void> done : threads.invokeAll(work, 5, TimeUnit.MINUTES)) {
            done.get();
        }
    }
}

package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Many IdP requests PATCHing one user at once, over HTTP (ADR 030: each request reads and applies its PATCH outside
 * the write transaction, and the write checks the version it read). Each PATCH adds an email value of its own and
 * sets {@code active}: an update lost to a concurrent one would be missing from the final user, and a status flip
 * written over a stale read would show in the audit as two deactivations in a row.
 */
class ConcurrentPatchesTest {

    private static final int WRITERS = 8;
    private static final int PATCHES_EACH = 6;

    @TempDir
    Path dataDirectory;

    TestServer server;
    ScimSite site;

    TestServer start() {
        return TestServer.start(dataDirectory.resolve("concurrent.db"));
    }

    @BeforeEach
    void startServer() {
        server = start();
        site = ScimSite.create(server, "crowd");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void concurrentPatchesOfOneUserLoseNoUpdate() throws Exception {
        String id = server.signIn(site.name(), "crowd@example.com");
        List<Future<Outcome>> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            for (int writer = 0; writer < WRITERS; writer++) {
                for (int n = 0; n < PATCHES_EACH; n++) {
                    String email = "w" + writer + "-" + n + "@example.com";
                    boolean active = (writer + n) % 2 == 1;
                    outcomes.add(pool.submit(() -> {
                        start.await();
                        return new Outcome(email, active, site.patch(id, "{\"op\":\"add\",\"path\":\"emails\","
                                + "\"value\":[{\"value\":\"" + email + "\",\"type\":\"work\"}]},"
                                + "{\"op\":\"replace\",\"path\":\"active\",\"value\":" + active + "}"));
                    }));
                }
            }
            start.countDown();
            Set<String> acknowledged = new HashSet<>();
            Set<String> refused = new HashSet<>();
            // The user's active value at each version that a request wrote, from the answers.
            TreeMap<Long, Boolean> activeByVersion = new TreeMap<>();
            for (Future<Outcome> future : outcomes) {
                Outcome outcome = future.get(120, TimeUnit.SECONDS);
                if (outcome.reply().status() == 409) {
                    // PostgreSQL writers race without a queue: after the retries the client is told to retry.
                    outcome.reply().expectScimError(409, null);
                    refused.add(outcome.email());
                    continue;
                }
                JsonNode user = outcome.reply().expect(200);
                acknowledged.add(outcome.email());
                assertThat(user.path("active").asBoolean()).as("%s", user).isEqualTo(outcome.active());
                Boolean earlier = activeByVersion.put(version(user), outcome.active());
                assertThat(earlier).as("two requests answered with version %s", version(user)).isNull();
            }
            assertThat(acknowledged).as("acknowledged PATCHes").hasSizeGreaterThanOrEqualTo(WRITERS);

            JsonNode stored = site.scim("GET", "/Users/" + id, null).expect(200);
            Set<String> emails = new HashSet<>();
            stored.path("emails").forEach(email -> emails.add(email.path("value").asText()));
            assertThat(emails).as("every acknowledged email").containsAll(acknowledged);
            assertThat(emails).as("no email of a refused request").noneMatch(refused::contains);
            assertThat(version(stored)).as("one version per acknowledged PATCH").isEqualTo(1 + acknowledged.size());
            assertThat(stored.path("active").asBoolean()).isEqualTo(activeByVersion.lastEntry().getValue());

            // Versions 2.. in order: each change of active between consecutive versions is one audit record.
            List<String> expectedFlips = new ArrayList<>();
            boolean active = true;
            for (boolean next : activeByVersion.values()) {
                if (next != active) {
                    expectedFlips.add(next ? "reactivate" : "deactivate");
                }
                active = next;
            }
            JsonNode records = site.admin("GET", "/audit?limit=500&userId=" + id, null).expect(200)
                    .path("records");
            List<String> flips = new ArrayList<>();
            records.forEach(record -> {
                String action = record.path("action").asText();
                if (action.equals("deactivate") || action.equals("reactivate")) {
                    flips.add(0, action);
                }
            });
            assertThat(flips).as("status records, oldest first").isEqualTo(expectedFlips);
        } finally {
            pool.shutdownNow();
        }
    }

    private static long version(JsonNode user) {
        String tag = user.path("meta").path("version").asText();
        return Long.parseLong(tag.substring(3, tag.length() - 1));
    }

    private record Outcome(String email, boolean active, Http.Reply reply) {
    }
}

package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** ETags, If-Match and If-None-Match on {@code /Users/{id}} (RFC 7644 §3.14). */
class ConditionalRequestsTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("etags.db").withUniqueSite("etags");

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Test
    void etagHeaderEqualsMetaVersion() {
        String id = signIn("version@example.com");
        Http.Reply reply = get(id);
        JsonNode user = reply.expect(200);
        assertThat(user.path("meta").path("version").asText()).isNotBlank();
        assertThat(reply.header("ETag")).hasValue(user.path("meta").path("version").asText());

        Http.Reply patched = patch(id, null, "Version Two");
        JsonNode after = patched.expect(200);
        assertThat(patched.header("ETag")).hasValue(after.path("meta").path("version").asText());
        assertThat(after.path("meta").path("version").asText()).isNotEqualTo(user.path("meta").path("version").asText());
    }

    @Test
    void patchWithStaleIfMatchIs412AndWithCurrentSucceeds() {
        String id = signIn("patch@example.com");
        String stale = get(id).header("ETag").orElseThrow();
        String current = patch(id, stale, "First").expect(200).path("meta").path("version").asText();
        patch(id, stale, "Second").expectScimError(412, null);
        assertThat(patch(id, current, "Second").expect(200).path("displayName").asText()).isEqualTo("Second");
    }

    @Test
    void putWithStaleIfMatchIs412AndWithCurrentSucceeds() {
        String id = signIn("put@example.com");
        String stale = get(id).header("ETag").orElseThrow();
        patch(id, null, "Moved On").expect(200);
        put(id, stale).expectScimError(412, null);
        String current = get(id).header("ETag").orElseThrow();
        assertThat(put(id, current).expect(200).path("displayName").asText()).isEqualTo("Put");
    }

    @Test
    void deleteWithStaleIfMatchIs412AndWithCurrentSucceeds() {
        String id = signIn("delete@example.com");
        String stale = get(id).header("ETag").orElseThrow();
        patch(id, null, "Changed").expect(200);
        call("DELETE", scim.scimBase() + "/Users/" + id).bearer(scim.token()).header("If-Match", stale).send()
                .expectScimError(412, null);
        String current = get(id).header("ETag").orElseThrow();
        Http.Reply deleted = call("DELETE", scim.scimBase() + "/Users/" + id).bearer(scim.token())
                .header("If-Match", current).send();
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
    }

    @Test
    void ifMatchStarAlwaysMatches() {
        String id = signIn("star@example.com");
        assertThat(patch(id, "*", "Star").expect(200).path("displayName").asText()).isEqualTo("Star");
    }

    @Test
    void getWithCurrentIfNoneMatchIs304AndWithStaleIs200() {
        String id = signIn("cache@example.com");
        String etag = get(id).header("ETag").orElseThrow();
        Http.Reply notModified = call("GET", scim.scimBase() + "/Users/" + id).bearer(scim.token())
                .header("If-None-Match", etag).send();
        assertThat(notModified.status()).as("%s", notModified).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(notModified.header("ETag")).hasValue(etag);

        patch(id, null, "Changed").expect(200);
        Http.Reply changed = call("GET", scim.scimBase() + "/Users/" + id).bearer(scim.token())
                .header("If-None-Match", etag).send();
        assertThat(changed.expect(200).path("displayName").asText()).isEqualTo("Changed");
    }

    @Test
    void concurrentWritesWithTheSameIfMatchLetExactlyOneThrough() throws Exception {
        String id = signIn("race@example.com");
        String etag = get(id).header("ETag").orElseThrow();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Racer " + i;
                replies.add(pool.submit(() -> {
                    start.await();
                    return patch(id, etag, name);
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Http.Reply> reply : replies) {
                statuses.add(reply.get(60, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).as("statuses").containsOnly(200, 412);
            assertThat(statuses.stream().filter(status -> status == 200).count()).as("winners in %s", statuses)
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(get(id).expect(200).path("displayName").asText()).startsWith("Racer ");
    }

    @Test
    void concurrentWritesWithoutIfMatchAllSucceed() throws Exception {
        String id = signIn("crowd@example.com");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Http.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Crowd " + i;
                replies.add(pool.submit(() -> patch(id, null, name)));
            }
            for (Future<Http.Reply> reply : replies) {
                Http.Reply done = reply.get(60, TimeUnit.SECONDS);
                assertThat(done.status()).as("%s", done).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(get(id).expect(200).path("meta").path("version").asText()).isEqualTo("W/\"" + (writers + 1) + "\"");
    }

    private static Http.Reply get(String id) {
        return call("GET", scim.scimBase() + "/Users/" + id).bearer(scim.token()).send();
    }

    private static Http.Reply patch(String id, String ifMatch, String displayName) {
        Http request = call("PATCH", scim.scimBase() + "/Users/" + id).bearer(scim.token());
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":\"" + displayName + "\"}]}").send();
    }

    private static Http.Reply put(String id, String ifMatch) {
        JsonNode current = get(id).expect(200);
        return call("PUT", scim.scimBase() + "/Users/" + id).bearer(scim.token()).header("If-Match", ifMatch)
                .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                        + current.path("userName").asText() + "\",\"displayName\":\"Put\",\"active\":true}")
                .send();
    }

    private static String signIn(String userName) {
        return scim.server().admin("POST", "/c/" + scim.site() + "/sso/sign-in", "{\"userName\":\"" + userName
                + "\"}", 201)
                .path("id").asText();
    }
}

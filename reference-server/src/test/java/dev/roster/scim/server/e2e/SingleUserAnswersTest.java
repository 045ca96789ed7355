package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /Users/{id}} without a projection is served from the stored rendering, and a write is answered with the
 * text it stored (ADR 034). Both are, byte for byte, what the user rendered from the row gives: the answer of a
 * PATCH that changes nothing, which writes nothing and renders the user read back. For every shape of user an IdP
 * makes, and with the {@code ETag} equal to {@code meta.version} on every answer.
 */
class SingleUserAnswersTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("single-user.db").withUniqueSite("single");

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String ROSTER = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";

    @Test
    void aReadWithoutProjectionIsTheRenderingOfTheUserReadBack() {
        settings("{\"manageRoles\":true}");
        List<String> ids = List.of(
                signIn("plain@example.com"),
                linked("linked@example.com", "{\"schemas\":[\"" + CORE + "\"],\"userName\":\"linked@example.com\","
                        + "\"externalId\":\"00u-1\",\"displayName\":\"Zoë \\\"Q\\\" 𝄞 Ünïcode\","
                        + "\"name\":{\"givenName\":\"Zoë\",\"familyName\":\"Ünïcode\"},"
                        + "\"emails\":[{\"value\":\"linked@example.com\",\"type\":\"work\",\"primary\":true},"
                        + "{\"value\":\"z@home.example\",\"type\":\"home\"}],\"userType\":\"Moderator\"}"),
                linked("admin@example.com", "{\"schemas\":[\"" + CORE + "\",\"" + ENTERPRISE + "\"],"
                        + "\"userName\":\"admin@example.com\",\"userType\":\"Admin\",\"title\":\"Boss\","
                        + "\"" + ENTERPRISE + "\":{\"employeeNumber\":\"42\",\"department\":\"R&D\"}}"),
                linked("entra@example.com", "{\"schemas\":[\"" + CORE + "\",\"" + ROSTER + "\"],"
                        + "\"userName\":\"entra@example.com\",\"active\":false,"
                        + "\"" + ROSTER + "\":{\"stackUserType\":\"Moderator\"}}"),
                created("{\"schemas\":[\"" + CORE + "\"],\"userName\":\"pending@example.com\","
                        + "\"externalId\":\"00u-9\",\"emails\":[{\"value\":\"pending@example.com\"}]}"));

        for (String id : ids) {
            Http.Reply written = patchDisplayName(id, "Written 𝄞 \\\\ \\\"once\\\"");
            Http.Reply fromRow = unchangedPatch(id);
            Http.Reply stored = get(id, "");

            fromRow.expect(200);
            assertThat(written.expect(200).path("displayName").asText()).isEqualTo("Written 𝄞 \\ \"once\"");
            assertThat(written.body()).as("user %s", id).isEqualTo(fromRow.body());
            assertThat(written.header("ETag")).as("user %s", id)
                    .hasValue(written.expect(200).path("meta").path("version").asText());
            assertThat(stored.status()).as("%s", stored).isEqualTo(200);
            assertThat(stored.body()).as("user %s", id).isEqualTo(fromRow.body());
            assertThat(stored.contentType()).isEqualTo(fromRow.contentType());
            assertThat(stored.header("ETag")).as("user %s", id)
                    .hasValue(stored.expect(200).path("meta").path("version").asText());
            assertThat(stored.header("Location")).as("user %s", id)
                    .hasValue(stored.expect(200).path("meta").path("location").asText());
        }
    }

    /**
     * Concurrent PATCHes of one user without {@code If-Match} lose races and are decided again; each answer is the
     * rendering of the version it wrote, never one prepared for a version that lost.
     */
    @Test
    void eachOfConcurrentWritesAnswersTheRenderingOfTheVersionItWrote() throws Exception {
        String id = signIn("crowd@example.com");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Http.Reply> replies = new ArrayList<>();
        try {
            List<Future<Http.Reply>> pending = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String name = "Crowd " + i;
                pending.add(pool.submit(() -> patchDisplayName(id, name)));
            }
            for (Future<Http.Reply> reply : pending) {
                replies.add(reply.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        Set<String> versions = new HashSet<>();
        for (Http.Reply reply : replies) {
            JsonNode user = reply.expect(200);
            assertThat(reply.header("ETag")).as("%s", reply).hasValue(user.path("meta").path("version").asText());
            assertThat(user.path("displayName").asText()).as("%s", reply).startsWith("Crowd ");
            versions.add(user.path("meta").path("version").asText());
        }
        assertThat(versions).as("one version per write").hasSize(writers);
        assertThat(get(id, "").body()).isEqualTo(unchangedPatch(id).body());
    }

    @Test
    void aProjectionIsRenderedFromTheUser() {
        String id = linked("projected@example.com", "{\"schemas\":[\"" + CORE + "\"],"
                + "\"userName\":\"projected@example.com\",\"displayName\":\"Pro\","
                + "\"emails\":[{\"value\":\"projected@example.com\"}]}");

        JsonNode only = get(id, "?attributes=displayName").expect(200);
        JsonNode without = get(id, "?excludedAttributes=emails").expect(200);

        assertThat(only.has("emails")).isFalse();
        assertThat(only.path("displayName").asText()).isEqualTo("Pro");
        assertThat(only.path("id").asText()).isEqualTo(id);
        assertThat(without.has("emails")).isFalse();
        assertThat(without.path("displayName").asText()).isEqualTo("Pro");
        assertThat(get(id, "").expect(200).path("emails").size()).isEqualTo(1);
    }

    @Test
    void aDeletedUserIsNotFoundAndAnUnknownOneEither() {
        String id = signIn("gone@example.com");
        assertThat(call("DELETE", scim.scimBase() + "/Users/" + id).bearer(scim.token()).send().status())
                .isEqualTo(204);

        get(id, "").expectScimError(404, null);
        get("no-such-user", "").expectScimError(404, null);
    }

    @Test
    void aReadWithTheCurrentVersionIsNotModified() {
        String id = signIn("cached@example.com");
        String etag = get(id, "").header("ETag").orElseThrow();

        Http.Reply notModified = call("GET", scim.scimBase() + "/Users/" + id).bearer(scim.token())
                .header("If-None-Match", etag).send();

        assertThat(notModified.status()).as("%s", notModified).isEqualTo(304);
        assertThat(notModified.header("ETag")).hasValue(etag);
    }

    private static Http.Reply get(String id, String query) {
        return call("GET", scim.scimBase() + "/Users/" + id + query).bearer(scim.token()).send();
    }

    private static Http.Reply patchDisplayName(String id, String displayName) {
        return call("PATCH", scim.scimBase() + "/Users/" + id).bearer(scim.token())
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"displayName\",\"value\":\"" + displayName + "\"}]}").send();
    }

    /** A PATCH that sets the userName the user has: nothing changes, and the answer renders the user as read. */
    private static Http.Reply unchangedPatch(String id) {
        String userName = get(id, "?attributes=userName").expect(200).path("userName").asText();
        Http.Reply reply = call("PATCH", scim.scimBase() + "/Users/" + id).bearer(scim.token())
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\","
                        + "\"value\":\"" + userName + "\"}]}").send();
        assertThat(reply.header("ETag")).as("nothing changed").isEqualTo(get(id, "").header("ETag"));
        return reply;
    }

    /** A user who signed in, then linked by the IdP's POST with {@code body}. */
    private static String linked(String userName, String body) {
        String id = signIn(userName);
        Http.Reply reply = call("POST", scim.scimBase() + "/Users").bearer(scim.token()).json(body).send();
        assertThat(reply.status()).as("%s", reply).isIn(200, 201);
        assertThat(reply.expect(reply.status()).path("id").asText()).isEqualTo(id);
        return id;
    }

    /** A user the IdP POSTed before any sign-in: a pending identity under the default creation policy. */
    private static String created(String body) {
        Http.Reply reply = call("POST", scim.scimBase() + "/Users").bearer(scim.token()).json(body).send();
        return reply.expect(201).path("id").asText();
    }

    private static String signIn(String userName) {
        return scim.server().admin("POST", "/c/" + scim.site() + "/sso/sign-in", "{\"userName\":\"" + userName
                + "\"}", 201)
                .path("id").asText();
    }

    private static void settings(String change) {
        scim.server().admin("PATCH", "/c/" + scim.site() + "/admin/api/settings", change, 200);
    }
}

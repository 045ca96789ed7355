package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ScimReadyServer;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The whole story of issue 4 in order, over HTTP against a real server and SQLite file: a site administrator sets
 * the site up, users sign in just-in-time, and the IdP finds, deactivates, reactivates, promotes, demotes and
 * deletes them. Each step depends on the ones before it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvisioningStoryTest {

    private static final String PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** An instance field of this per-class instance, so that the PostgreSQL subclass can choose the database. */
    @RegisterExtension
    final ScimReadyServer scim = story();

    private TestServer server;
    private static final String site = "story-" + UUID.randomUUID().toString().substring(0, 8);
    private String token;
    private String aliceId;
    private String bobId;

    @BeforeAll
    void startServer() {
        server = scim.server();
    }

    /** On a SQLite file; PostgresProvisioningStoryTest runs every case on PostgreSQL. The story makes its site. */
    ScimReadyServer story() {
        return ScimReadyServer.onSqlite("story.db").withoutSite();
    }

    @Test
    @Order(1)
    void adminCreatesSiteWithScimOffUntilSsoIsConfigured() {
        JsonNode created = call("POST", server.baseUrl() + "/admin/api/sites").admin()
                .header("Content-Type", "application/json").json("{\"site\":\"" + site + "\"}").send().expect(201);
        assertThat(created.path("site").asText()).isEqualTo(site);
        assertThat(created.path("ssoConfigured").asBoolean()).isFalse();
        assertThat(created.path("scimEnabled").asBoolean()).isFalse();
        assertThat(created.path("scimBaseUrl").asText()).isEqualTo(server.scimBase(site));
    }

    @Test
    @Order(2)
    void adminTurnsSsoOnThenEnablesScimAndGeneratesToken() {
        JsonNode sso = settings("{\"ssoConfigured\":true}");
        assertThat(sso.path("ssoConfigured").asBoolean()).isTrue();
        JsonNode scim = settings("{\"scimEnabled\":true,\"manageRoles\":true}");
        assertThat(scim.path("scimEnabled").asBoolean()).isTrue();
        assertThat(scim.path("manageRoles").asBoolean()).isTrue();

        Http.Reply generated = call("POST", server.baseUrl() + "/c/" + site + "/admin/api/scim-token").admin()
                .header("Content-Type", "application/json").send();
        JsonNode body = generated.expect(201);
        assertThat(generated.header("Cache-Control")).hasValue("no-store");
        token = body.path("token").asText();
        assertThat(token).hasSizeGreaterThan(20);
        assertThat(settings("{}").path("tokenCreatedAt").isNull()).isFalse();
    }

    @Test
    @Order(3)
    void firstSsoSignInCreatesUserAndLaterSignInsFindThem() {
        JsonNode alice = signIn("alice@example.com").expect(201);
        assertThat(alice.path("active").asBoolean()).isTrue();
        assertThat(alice.path("role").asText()).isEqualTo("Registered");
        aliceId = alice.path("id").asText();
        bobId = signIn("bob@example.com").expect(201).path("id").asText();

        JsonNode again = signIn("alice@example.com").expect(200);
        assertThat(again.path("id").asText()).isEqualTo(aliceId);
    }

    @Test
    @Order(4)
    void idpFindsJitUserByUserNameFilter() {
        String filter = URLEncoder.encode("userName eq \"ALICE@example.com\"", StandardCharsets.UTF_8);
        JsonNode list = scim("GET", "/Users?filter=" + filter, null).expect(200);
        assertThat(list.path("schemas").get(0).asText()).isEqualTo(Http.LIST_RESPONSE);
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        JsonNode user = list.path("Resources").get(0);
        assertThat(user.path("id").asText()).isEqualTo(aliceId);
        assertThat(user.path("userName").asText()).isEqualTo("alice@example.com");
        assertThat(user.path("active").asBoolean()).isTrue();
    }

    @Test
    @Order(5)
    void deactivatedUserCannotSignIn() {
        JsonNode patched = patch(aliceId, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}").expect(200);
        assertThat(patched.path("active").asBoolean()).isFalse();

        JsonNode refused = signIn("alice@example.com").expectScimError(403, null);
        assertThat(refused.path("detail").asText()).contains("deactivated");
    }

    @Test
    @Order(6)
    void reactivatedUserCanSignInAgain() {
        JsonNode patched = patch(aliceId, "{\"op\":\"replace\",\"value\":{\"active\":true}}").expect(200);
        assertThat(patched.path("active").asBoolean()).isTrue();
        assertThat(signIn("alice@example.com").expect(200).path("active").asBoolean()).isTrue();
    }

    @Test
    @Order(7)
    void idpPromotesUsersToAdminWithPutAndPatch() {
        JsonNode current = scim("GET", "/Users/" + aliceId, null).expect(200);
        String replacement = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"alice@example.com\",\"active\":true,\"userType\":\"Admin\","
                + "\"emails\":" + current.path("emails") + "}";
        JsonNode alice = scim("PUT", "/Users/" + aliceId, replacement).expect(200);
        assertThat(alice.path("userType").asText()).isEqualTo("Admin");
        assertThat(signIn("alice@example.com").expect(200).path("role").asText()).isEqualTo("Admin");

        JsonNode bob = patch(bobId, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"admin\"}").expect(200);
        assertThat(bob.path("userType").asText()).isEqualTo("Admin");
    }

    @Test
    @Order(8)
    void idpDemotesAnAdminWhileAnotherAdminRemains() {
        JsonNode alice = patch(aliceId, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Registered\"}")
                .expect(200);
        assertThat(alice.path("userType").asText()).isEqualTo("Registered");

        JsonNode refused = patch(bobId, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Registered\"}")
                .expectScimError(409, null);
        assertThat(refused.path("detail").asText()).contains("last active Admin");
        assertThat(scim("GET", "/Users/" + bobId, null).expect(200).path("userType").asText()).isEqualTo("Admin");
    }

    @Test
    @Order(9)
    void roleIsIgnoredAndAuditedWhileSiteDoesNotLetScimManageRoles() {
        assertThat(settings("{\"manageRoles\":false}").path("manageRoles").asBoolean()).isFalse();

        JsonNode alice = patch(aliceId, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Admin\"}").expect(200);
        assertThat(alice.path("userType").asText()).isEqualTo("Registered");

        JsonNode audit = call("GET", server.baseUrl() + "/c/" + site + "/admin/api/audit?userId=" + aliceId)
                .admin().send().expect(200);
        JsonNode newest = audit.path("records").get(0);
        assertThat(newest.path("userId").asText()).isEqualTo(aliceId);
        assertThat(newest.path("source").asText()).isEqualToIgnoringCase("SCIM");
        assertThat(newest.path("detail").asText()).contains("ignored").contains("Admin");
    }

    @Test
    @Order(10)
    void rotatingTheTokenLocksTheOldOneOut() {
        String old = token;
        token = call("POST", server.baseUrl() + "/c/" + site + "/admin/api/scim-token").admin()
                .header("Content-Type", "application/json").send().expect(201).path("token").asText();
        assertThat(token).isNotEqualTo(old);

        Http.Reply refused = call("GET", server.scimBase(site) + "/Users").bearer(old).send();
        refused.expectScimError(401, null);
        assertThat(refused.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
        scim("GET", "/Users", null).expect(200);
    }

    @Test
    @Order(11)
    void disablingScimAnswers403WithScimError() {
        settings("{\"scimEnabled\":false}");
        JsonNode error = scim("GET", "/Users", null).expectScimError(403, null);
        assertThat(error.path("detail").asText()).containsIgnoringCase("disabled");
        settings("{\"scimEnabled\":true}");
        scim("GET", "/Users", null).expect(200);
    }

    @Test
    @Order(12)
    void oneSitesTokenDoesNotOpenAnotherSite() {
        String other = "story-other-" + UUID.randomUUID().toString().substring(0, 8);
        String otherToken = server.createScimReadySite(other);

        call("GET", server.scimBase(other) + "/Users").bearer(token).send().expectScimError(401, null);
        call("GET", server.scimBase(site) + "/Users").bearer(otherToken).send().expectScimError(401, null);
        call("GET", server.scimBase(site) + "/Users/" + aliceId).bearer(otherToken).send()
                .expectScimError(401, null);
        call("GET", server.scimBase(other) + "/Users/" + aliceId).bearer(otherToken).send()
                .expectScimError(404, null);
    }

    @Test
    @Order(13)
    void deleteHidesUserUntilAdminRestoresThem() {
        Http.Reply deleted = scim("DELETE", "/Users/" + aliceId, null);
        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();

        scim("GET", "/Users/" + aliceId, null).expectScimError(404, null);
        String filter = URLEncoder.encode("userName eq \"alice@example.com\"", StandardCharsets.UTF_8);
        assertThat(scim("GET", "/Users?filter=" + filter, null).expect(200).path("totalResults").asInt()).isZero();
        scim("DELETE", "/Users/" + aliceId, null).expectScimError(404, null);

        JsonNode listed = call("GET", server.baseUrl() + "/c/" + site + "/admin/api/users?filter=" + filter)
                .admin().send().expect(200);
        assertThat(listed.path("users").get(0).path("scimDeleted").asBoolean()).isTrue();
        assertThat(listed.path("users").get(0).path("active").asBoolean()).isFalse();

        JsonNode restored = call("POST", server.baseUrl() + "/c/" + site + "/admin/api/users/" + aliceId
                + "/restore").admin().header("Content-Type", "application/json").send().expect(200);
        assertThat(restored.path("scimDeleted").asBoolean()).isFalse();
        JsonNode visible = scim("GET", "/Users/" + aliceId, null).expect(200);
        assertThat(visible.path("userName").asText()).isEqualTo("alice@example.com");
    }

    private Http.Reply scim(String method, String path, String body) {
        Http request = call(method, server.scimBase(site) + path).bearer(token);
        return (body == null ? request : request.json(body)).send();
    }

    private Http.Reply patch(String id, String operation) {
        return scim("PATCH", "/Users/" + id, "{\"schemas\":[\"" + PATCH + "\"],\"Operations\":[" + operation + "]}");
    }

    private Http.Reply signIn(String userName) {
        return call("POST", server.baseUrl() + "/c/" + site + "/sso/sign-in").admin()
                .header("Content-Type", "application/json")
                .json("{\"userName\":\"" + userName + "\",\"email\":\"" + userName + "\",\"givenName\":\"G\","
                        + "\"familyName\":\"F\"}")
                .send();
    }

    private JsonNode settings(String change) {
        return call("PATCH", server.baseUrl() + "/c/" + site + "/admin/api/settings").admin()
                .header("Content-Type", "application/json").json(change).send().expect(200);
    }
}

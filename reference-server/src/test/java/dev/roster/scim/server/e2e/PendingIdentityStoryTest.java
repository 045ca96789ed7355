package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.ScimSite.ROSTER_EXTENSION;
import static dev.roster.scim.server.e2e.ScimSite.oktaUser;
import static dev.roster.scim.server.e2e.ScimSite.pendingMark;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 13's story in order, over HTTP against a real server on the default creation policy: the IdP provisions Dan
 * before his first sign-in, updates and deactivates the pending identity, Dan's sign-in is refused until the IdP
 * reactivates him, then creates his account with the same id, and the IdP's later deactivation ends it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PendingIdentityStoryTest {

    private static final String DAN = "dan@example.com";

    @TempDir
    static Path dataDirectory;

    private static TestServer server;
    private static ScimSite site;
    private static String danId;
    private static String etag;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dataDirectory.resolve("pending.db"));
        site = ScimSite.create(server, "pending");
        // The site's only Admin, so that the story never runs into the last-admin rule by accident.
        String owner = site.signIn("owner@example.com", "Olga", "Owner").expect(201).path("id").asText();
        site.patch(owner, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Admin\"}").expect(200);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    @Order(1)
    void aNewSiteHoldsPendingIdentitiesAndSaysSoInItsServiceProviderConfig() {
        assertThat(site.admin("GET", "/settings", null).expect(200).path("creationPolicy").asText())
                .isEqualTo("pending");
        JsonNode config = site.scim("GET", "/ServiceProviderConfig", null).expect(200);
        JsonNode creation = config.path("urn:ietf:params:scim:schemas:extension:roster:2.0:ServiceProviderConfig");
        assertThat(creation.path("userCreation").asText()).isEqualTo("pending");
        assertThat(creation.path("userCreationDescription").asText()).contains("201").contains("pending identity");
    }

    @Test
    @Order(2)
    void assignmentBeforeTheFirstSignInHoldsAPendingIdentityAnswered201() {
        assertThat(site.search("userName eq \"" + DAN + "\"").expect(200).path("totalResults").asInt()).isZero();

        Http.Reply created = site.scim("POST", "/Users", oktaUser(DAN, "00udan", "Moderator"));

        JsonNode dan = created.expect(201);
        danId = dan.path("id").asText();
        etag = dan.path("meta").path("version").asText();
        assertThat(created.header("Location")).hasValue(server.scimBase(site.name()) + "/Users/" + danId);
        assertThat(created.header("ETag")).hasValue("W/\"1\"");
        assertThat(dan.path("schemas")).extracting(JsonNode::asText).containsExactly(ScimSite.CORE_USER,
                ROSTER_EXTENSION);
        assertThat(dan.path("externalId").asText()).isEqualTo("00udan");
        assertThat(dan.path("userType").asText()).isEqualTo("Moderator");
        assertThat(dan.path("active").asBoolean()).isTrue();
        assertThat(dan.path("name").path("givenName").asText()).isEqualTo("Dan");
        assertThat(dan.path("emails").get(0).path("value").asText()).isEqualTo(DAN);
        assertThat(pendingMark(dan).asBoolean()).isTrue();
        assertThat(dan.has("password")).isFalse();
    }

    @Test
    @Order(3)
    void theIdpsLookupsFindItSoItIsNeverPostedTwice() {
        JsonNode byName = site.search("userName eq \"DAN@EXAMPLE.COM\"").expect(200);
        assertThat(byName.path("totalResults").asInt()).isEqualTo(1);
        assertThat(byName.path("Resources").get(0).path("id").asText()).isEqualTo(danId);
        assertThat(site.search("externalId eq \"00udan\"").expect(200).path("Resources").get(0).path("id")
                .asText()).isEqualTo(danId);
        assertThat(site.search(ROSTER_EXTENSION + ":pending eq true").expect(200).path("totalResults").asInt())
                .isEqualTo(1);
        assertThat(pendingMark(site.scim("GET", "/Users/" + danId, null).expect(200)).asBoolean()).isTrue();
        List<String> paged = new ArrayList<>();
        for (int start = 1; start <= 3; start++) {
            site.scim("GET", "/Users?startIndex=" + start + "&count=1", null).expect(200).path("Resources")
                    .forEach(user -> paged.add(user.path("id").asText()));
        }
        assertThat(paged).hasSize(2).contains(danId);

        site.scim("POST", "/Users", oktaUser("Dan@Example.com", "00udan", "Moderator"))
                .expectScimError(409, "uniqueness");
    }

    @Test
    @Order(4)
    void itIsListedApartFromTheUsersWhoHaveAnAccount() {
        JsonNode pending = site.admin("GET", "/pending-identities", null).expect(200);
        assertThat(pending.path("totalResults").asInt()).isEqualTo(1);
        JsonNode held = pending.path("pendingIdentities").get(0);
        assertThat(held.path("id").asText()).isEqualTo(danId);
        assertThat(held.path("externalId").asText()).isEqualTo("00udan");
        assertThat(held.path("role").asText()).isEqualTo("Moderator");
        JsonNode users = site.admin("GET", "/users", null).expect(200);
        assertThat(users.path("totalResults").asInt()).isEqualTo(1);
        assertThat(users.path("users").get(0).path("userName").asText()).isEqualTo("owner@example.com");
    }

    @Test
    @Order(5)
    void updatesReachItWithTheUsualVersionRules() {
        String put = "{\"schemas\":[\"" + ScimSite.CORE_USER + "\"],\"userName\":\"" + DAN + "\","
                + "\"externalId\":\"00udan\",\"name\":{\"givenName\":\"Dan\",\"familyName\":\"Ito-Park\"},"
                + "\"emails\":[{\"primary\":true,\"value\":\"" + DAN + "\",\"type\":\"work\"}],"
                + "\"userType\":\"Moderator\",\"active\":true}";
        Http.Reply replaced = site.scim("PUT", "/Users/" + danId, put);
        JsonNode dan = replaced.expect(200);
        assertThat(dan.path("name").path("familyName").asText()).isEqualTo("Ito-Park");
        assertThat(pendingMark(dan).asBoolean()).isTrue();
        assertThat(replaced.header("ETag")).hasValue("W/\"2\"");

        Http.Reply stale = http("PATCH", "/Users/" + danId, etag,
                "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}");
        stale.expectScimError(412, null);
        etag = dan.path("meta").path("version").asText();
    }

    @Test
    @Order(6)
    void aDeactivationWhilePendingIsKeptAndRefusesTheSignIn() {
        JsonNode dan = http("PATCH", "/Users/" + danId, etag, "{\"op\":\"replace\",\"value\":{\"active\":false}}")
                .expect(200);
        assertThat(dan.path("active").asBoolean()).isFalse();
        assertThat(pendingMark(dan).asBoolean()).isTrue();

        JsonNode refused = site.signIn(DAN, "Dan", "Ito-Park").expectScimError(403, null);
        assertThat(refused.path("detail").asText()).contains("deactivated in the identity provider");
        assertThat(pendingMark(site.scim("GET", "/Users/" + danId, null).expect(200)).asBoolean()).isTrue();
        assertThat(site.admin("GET", "/users", null).expect(200).path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    @Order(7)
    void afterTheReactivationTheFirstSignInCreatesTheAccountWithTheSameId() {
        site.patch(danId, "{\"op\":\"replace\",\"value\":{\"active\":true}}").expect(200);

        JsonNode signedIn = site.signIn(DAN, "Dan", "Ito-Park").expect(201);

        assertThat(signedIn.path("id").asText()).isEqualTo(danId);
        assertThat(signedIn.path("role").asText()).isEqualTo("Moderator");
        JsonNode dan = site.scim("GET", "/Users/" + danId, null).expect(200);
        assertThat(pendingMark(dan).isMissingNode()).isTrue();
        assertThat(dan.path("schemas")).extracting(JsonNode::asText).containsExactly(ScimSite.CORE_USER);
        assertThat(dan.path("externalId").asText()).isEqualTo("00udan");
        assertThat(dan.path("userType").asText()).isEqualTo("Moderator");
        assertThat(site.admin("GET", "/pending-identities", null).expect(200).path("totalResults").asInt())
                .isZero();
        assertThat(site.admin("GET", "/users", null).expect(200).path("totalResults").asInt()).isEqualTo(2);
        assertThat(site.signIn(DAN, "Dan", "Ito-Park").expect(200).path("id").asText()).isEqualTo(danId);
    }

    @Test
    @Order(8)
    void aLaterDeactivationDeactivatesTheAccount() {
        JsonNode dan = site.patch(danId, "{\"op\":\"replace\",\"value\":{\"active\":false}}").expect(200);

        assertThat(dan.path("active").asBoolean()).isFalse();
        site.signIn(DAN, "Dan", "Ito-Park").expectScimError(403, null);
    }

    @Test
    @Order(9)
    void theAuditTrailHasEveryStep() {
        JsonNode records = site.admin("GET", "/audit?userId=" + danId, null).expect(200).path("records");
        List<String> actions = new ArrayList<>();
        records.forEach(record -> actions.add(0, record.path("action").asText()));

        assertThat(actions).containsExactly("pending-create", "profile", "deactivate", "sign-in-refused",
                "reactivate", "pending-claim", "deactivate", "sign-in-refused");
        assertThat(records.get(5).path("detail").asText()).startsWith("Pending identity (not signed in yet).");
        assertThat(records.get(4).path("source").asText()).isEqualTo("sign-in");
        assertThat(records.get(4).path("detail").asText()).startsWith("Pending identity (not signed in yet). "
                + "Refused at SSO sign-in: ").contains("deactivated in the identity provider");
        assertThat(records.get(2).path("source").asText()).isEqualTo("sign-in");
        assertThat(records.get(2).path("detail").asText()).contains("00udan").contains("same id");
        assertThat(records.get(0).path("detail").asText()).startsWith("Refused at SSO sign-in: ")
                .contains("deactivated in this site");
    }

    private static Http.Reply http(String method, String path, String ifMatch, String operation) {
        return Http.call(method, server.scimBase(site.name()) + path).bearer(site.token()).header("If-Match", ifMatch)
                .json("{\"schemas\":[\"" + ScimSite.PATCH_OP + "\"],\"Operations\":[" + operation + "]}").send();
    }
}

package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.ScimSite.ROSTER_EXTENSION;
import static dev.roster.scim.server.e2e.ScimSite.oktaUser;
import static dev.roster.scim.server.e2e.ScimSite.pendingMark;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Every edge of pending identities over HTTP, each on a fresh site of one real server (default policy). */
class PendingIdentityEdgesTest {

    @TempDir
    static Path dataDirectory;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dataDirectory.resolve("edges.db"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String hold(ScimSite site, String userName, String userType) {
        return site.scim("POST", "/Users", oktaUser(userName, "00u-" + userName, userType)).expect(201).path("id")
                .asText();
    }

    @Test
    void deletingAPendingIdentityErasesItAndAuditsIt() {
        ScimSite site = ScimSite.create(server, "erase");
        String id = hold(site, "dan@example.com", "Registered");

        Http.Reply deleted = site.scim("DELETE", "/Users/" + id, null);

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(204);
        site.scim("GET", "/Users/" + id, null).expectScimError(404, null);
        site.scim("DELETE", "/Users/" + id, null).expectScimError(404, null);
        site.patch(id, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}").expectScimError(404, null);
        assertThat(site.search("userName eq \"dan@example.com\"").expect(200).path("totalResults").asInt()).isZero();
        assertThat(site.admin("GET", "/pending-identities", null).expect(200).path("totalResults").asInt()).isZero();
        JsonNode newest = site.admin("GET", "/audit?userId=" + id, null).expect(200).path("records").get(0);
        assertThat(newest.path("action").asText()).isEqualTo("pending-delete");
        assertThat(newest.path("after").asText()).isEqualTo("erased");
        // Nothing of Dan is left to claim: his first sign-in creates a new Registered account.
        JsonNode account = site.signIn("dan@example.com", "Dan", "Ito").expect(201);
        assertThat(account.path("id").asText()).isNotEqualTo(id);
        assertThat(account.path("role").asText()).isEqualTo("Registered");
    }

    @Test
    void aRefusedSignInIsAuditedWithItsReasonAndChangesNothingBeforeAndAfterTheFirstSignIn() {
        ScimSite site = ScimSite.create(server, "refused");
        String id = hold(site, "dan@example.com", "Registered");
        String deactivate = "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}";
        String version = site.patch(id, deactivate).expect(200).path("meta").path("version").asText();

        JsonNode refused = site.signIn("dan@example.com", "Daniel", "Ito").expectScimError(403, null);

        JsonNode record = site.admin("GET", "/audit?userId=" + id, null).expect(200).path("records").get(0);
        assertThat(record.path("action").asText()).isEqualTo("sign-in-refused");
        assertThat(record.path("source").asText()).isEqualTo("sign-in");
        assertThat(record.path("userName").asText()).isEqualTo("dan@example.com");
        assertThat(record.path("before").isNull() && record.path("after").isNull()).isTrue();
        assertThat(record.path("detail").asText()).isEqualTo("Pending identity (not signed in yet). Refused at SSO "
                + "sign-in: " + refused.path("detail").asText());
        JsonNode dan = site.scim("GET", "/Users/" + id, null).expect(200);
        assertThat(dan.path("meta").path("version").asText()).as("the identity is unchanged").isEqualTo(version);
        assertThat(dan.path("name").path("givenName").asText()).isEqualTo("Dan");

        // The same for the account, once the person signed in and the IdP deactivated them.
        site.patch(id, "{\"op\":\"replace\",\"path\":\"active\",\"value\":true}").expect(200);
        site.signIn("dan@example.com", "Dan", "Ito").expect(201);
        version = site.patch(id, deactivate).expect(200).path("meta").path("version").asText();

        refused = site.signIn("dan@example.com", "Dan", "Ito").expectScimError(403, null);

        record = site.admin("GET", "/audit?limit=1", null).expect(200).path("records").get(0);
        assertThat(record.path("action").asText()).isEqualTo("sign-in-refused");
        assertThat(record.path("userId").asText()).isEqualTo(id);
        assertThat(record.path("detail").asText()).isEqualTo("Refused at SSO sign-in: "
                + refused.path("detail").asText()).contains("deactivated in this site");
        assertThat(site.scim("GET", "/Users/" + id, null).expect(200).path("meta").path("version").asText())
                .isEqualTo(version);
    }

    @Test
    void aDeleteWithAStaleIfMatchErasesNothing() {
        ScimSite site = ScimSite.create(server, "erase-stale");
        String id = hold(site, "dan@example.com", "Registered");
        site.patch(id, "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}").expect(200);

        Http.call("DELETE", server.scimBase(site.name()) + "/Users/" + id).bearer(site.token())
                .header("If-Match", "W/\"1\"").send().expectScimError(412, null);

        assertThat(pendingMark(site.scim("GET", "/Users/" + id, null).expect(200)).asBoolean()).isTrue();
    }

    @Test
    void theIdpCannotSetThePendingMarkAndAPatchOfItIsAMutabilityError() {
        ScimSite site = ScimSite.create(server, "mark");
        String id = hold(site, "dan@example.com", "Registered");
        String account = site.signIn("ann@example.com", "Ann", "Lee").expect(201).path("id").asText();

        site.patch(id, "{\"op\":\"replace\",\"path\":\"" + ROSTER_EXTENSION + ":pending\",\"value\":false}")
                .expectScimError(400, "mutability");
        JsonNode put = site.scim("PUT", "/Users/" + account, "{\"userName\":\"ann@example.com\",\""
                + ROSTER_EXTENSION + "\":{\"pending\":true}}").expect(200);

        assertThat(pendingMark(put).isMissingNode()).isTrue();
        assertThat(site.signIn("ann@example.com", "Ann", "Lee").status()).isEqualTo(200);
    }

    @Test
    void aPendingIdentityTakesTheSameValidationAsAnyUser() {
        ScimSite site = ScimSite.create(server, "validation");
        String id = hold(site, "dan@example.com", "Registered");

        site.scim("POST", "/Users", oktaUser("eve@example.com", "00ueve", "Owner")).expectScimError(400,
                "invalidValue");
        site.patch(id, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Owner\"}")
                .expectScimError(400, "invalidValue");
        site.patch(id, "{\"op\":\"replace\",\"path\":\"active\",\"value\":\"maybe\"}")
                .expectScimError(400, "invalidValue");
        site.scim("PUT", "/Users/" + id, "{\"name\":{\"givenName\":\"Dan\"}}").expectScimError(400, "invalidValue");
        assertThat(site.search("userName eq \"eve@example.com\"").expect(200).path("totalResults").asInt()).isZero();
    }

    @Test
    void whereTheSiteDoesNotLetScimManageRolesTheAccountStartsRegistered() {
        ScimSite site = ScimSite.create(server, "roles-off");
        site.settings("{\"manageRoles\":false}");
        String id = hold(site, "dan@example.com", "Admin");
        assertThat(site.scim("GET", "/Users/" + id, null).expect(200).path("userType").asText())
                .isEqualTo("Registered");

        site.settings("{\"manageRoles\":true}");
        JsonNode signedIn = site.signIn("dan@example.com", "Dan", "Ito").expect(201);

        assertThat(signedIn.path("role").asText()).as("the Admin value was ignored when it arrived")
                .isEqualTo("Registered");
        JsonNode audit = site.admin("GET", "/audit?userId=" + id, null).expect(200).path("records");
        assertThat(audit.get(audit.size() - 1).path("action").asText()).isEqualTo("pending-create");
        assertThat(audit.get(audit.size() - 2).path("action").asText()).isEqualTo("role-ignored");
        assertThat(audit.get(audit.size() - 2).path("detail").asText()).isEqualTo("Pending identity (not signed "
                + "in yet). The userType value 'Admin' was ignored: this site does not let SCIM manage roles, so the "
                + "role stays Registered.");
    }

    @Test
    void onceTheSiteStopsManagingRolesAHeldRoleIsDroppedAndTheResourceShowsWhatTheFirstSignInGives() {
        ScimSite site = ScimSite.create(server, "roles-later-off");
        String id = hold(site, "dan@example.com", "Admin");

        site.settings("{\"manageRoles\":false}");

        Http.Reply read = site.scim("GET", "/Users/" + id, null);
        JsonNode dan = read.expect(200);
        assertThat(dan.path("userType").asText()).isEqualTo("Registered");
        assertThat(read.header("ETag")).hasValue("W/\"2\"");
        assertThat(site.search("userType eq \"Admin\"").expect(200).path("totalResults").asInt()).isZero();
        assertThat(site.admin("GET", "/pending-identities", null).expect(200).path("pendingIdentities").get(0)
                .path("role").asText()).isEqualTo("Registered");
        JsonNode dropped = site.admin("GET", "/audit?userId=" + id, null).expect(200).path("records").get(0);
        assertThat(dropped.path("action").asText()).isEqualTo("role");
        assertThat(dropped.path("source").asText()).isEqualTo("admin");
        assertThat(dropped.path("before").asText()).isEqualTo("Admin");
        assertThat(dropped.path("after").asText()).isEqualTo("Registered");
        assertThat(dropped.path("detail").asText()).startsWith("Pending identity (not signed in yet).")
                .contains("no longer lets SCIM manage roles").contains("first SSO sign-in gives Registered");
        // The IdP's next update still succeeds and reads back the role the person would get.
        assertThat(site.scim("PUT", "/Users/" + id, oktaUser("dan@example.com", "00u-dan@example.com", "Admin"))
                .expect(200).path("userType").asText()).isEqualTo("Registered");

        site.settings("{\"manageRoles\":true}");
        assertThat(site.scim("GET", "/Users/" + id, null).expect(200).path("userType").asText())
                .as("turning role management on again does not revive the dropped role").isEqualTo("Registered");
        JsonNode signedIn = site.signIn("dan@example.com", "Dan", "Ito").expect(201);

        assertThat(signedIn.path("id").asText()).isEqualTo(id);
        assertThat(signedIn.path("role").asText()).isEqualTo("Registered");
        JsonNode claim = site.admin("GET", "/audit?userId=" + id, null).expect(200).path("records").get(0);
        assertThat(claim.path("action").asText()).isEqualTo("pending-claim");
        assertThat(claim.path("detail").asText()).endsWith("role Registered.");
    }

    @Test
    void anAccountKeepsItsRoleWhenTheSiteStopsManagingRoles() {
        ScimSite site = ScimSite.create(server, "roles-off-account");
        String ann = site.signIn("ann@example.com", "Ann", "Lee").expect(201).path("id").asText();
        String version = site.patch(ann, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Moderator\"}")
                .expect(200).path("meta").path("version").asText();

        site.settings("{\"ssoConfigured\":false}");
        site.settings("{\"ssoConfigured\":true,\"scimEnabled\":true}");

        JsonNode read = site.scim("GET", "/Users/" + ann, null).expect(200);
        assertThat(read.path("userType").asText()).isEqualTo("Moderator");
        assertThat(read.path("meta").path("version").asText()).isEqualTo(version);
    }

    @Test
    void aPendingAdminDoesNotCountAsAnAdminForTheLastAdminGuard() {
        ScimSite site = ScimSite.create(server, "last-admin");
        String owner = site.signIn("owner@example.com", "Olga", "Owner").expect(201).path("id").asText();
        site.patch(owner, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Admin\"}").expect(200);
        String pendingAdmin = hold(site, "dan@example.com", "Admin");

        JsonNode refused = site.patch(owner, "{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Registered\"}")
                .expectScimError(409, null);
        assertThat(refused.path("detail").asText()).contains("last active Admin");
        site.patch(owner, "{\"op\":\"replace\",\"value\":{\"active\":false}}").expectScimError(409, null);
        site.admin("POST", "/users/" + owner + "/deactivate", "{}").expectScimError(409, null);

        // The pending Admin itself can be demoted and deactivated freely: it administers nothing.
        site.patch(pendingAdmin, "{\"op\":\"replace\",\"value\":{\"active\":false,\"userType\":\"Registered\"}}")
                .expect(200);
    }

    @Test
    void localAdminChangesOfAPendingIdentityAreRefusedWithWhatToDoInstead() {
        ScimSite site = ScimSite.create(server, "local");
        String id = hold(site, "dan@example.com", "Registered");

        for (Http.Reply reply : new Http.Reply[]{
                site.admin("POST", "/users/" + id + "/deactivate", "{}"),
                site.admin("POST", "/users/" + id + "/reactivate", "{}"),
                site.admin("POST", "/users/" + id + "/restore", "{}"),
                site.admin("PUT", "/users/" + id + "/role", "{\"role\":\"Admin\"}")}) {
            JsonNode error = reply.expectScimError(409, null);
            assertThat(error.path("detail").asText()).contains("has not signed in yet")
                    .contains("unassign or deactivate them in the identity provider");
        }
        JsonNode dan = site.scim("GET", "/Users/" + id, null).expect(200);
        assertThat(dan.path("meta").path("version").asText()).isEqualTo("W/\"1\"");
    }

    @Test
    void theAdminListsPendingIdentitiesApartWithFiltersAndPagingAndTheUsersListLeavesThemOut() {
        ScimSite site = ScimSite.create(server, "lists");
        site.signIn("ann@example.com", "Ann", "Lee").expect(201);
        hold(site, "dan@example.com", "Registered");
        hold(site, "cai@example.com", "Moderator");
        hold(site, "bea@example.com", "Registered");

        JsonNode page = site.admin("GET", "/pending-identities?startIndex=2&count=1", null).expect(200);
        JsonNode filtered = site.admin("GET", "/pending-identities?filter=userName%20sw%20%22c%22", null).expect(200);
        JsonNode users = site.admin("GET", "/users?count=0", null).expect(200);

        assertThat(page.path("totalResults").asInt()).isEqualTo(3);
        assertThat(page.path("pendingIdentities")).hasSize(1);
        assertThat(page.path("pendingIdentities").get(0).path("userName").asText()).isEqualTo("cai@example.com");
        assertThat(filtered.path("pendingIdentities")).extracting(node -> node.path("userName").asText())
                .containsExactly("cai@example.com");
        assertThat(users.path("totalResults").asInt()).isEqualTo(1);
        assertThat(site.search("userName pr").expect(200).path("totalResults").asInt()).isEqualTo(4);
        site.admin("GET", "/pending-identities?filter=userName%20eq", null).expectScimError(400, "invalidFilter");
    }

    @Test
    void aLookAlikeUserNameDoesNotClaimSomeoneElsesPendingIdentity() {
        ScimSite site = ScimSite.create(server, "look-alike");
        String id = hold(site, "ian@example.com", "Moderator");

        // Dotless "ı" (U+0131) is a letter of its own: another person, who gets an account of their own.
        JsonNode other = site.signIn("\u0131an@example.com", "Mallory", "M").expect(201);
        // A Cyrillic "а" (U+0430) in a Latin name is refused outright (ADR 014).
        site.signIn("i\u0430n@example.com", "Mallory", "M").expectScimError(400, "invalidValue");
        JsonNode owner = site.signIn("IAN@example.com", "Ian", "S").expect(201);

        assertThat(other.path("id").asText()).isNotEqualTo(id);
        assertThat(other.path("role").asText()).isEqualTo("Registered");
        assertThat(owner.path("id").asText()).isEqualTo(id);
        assertThat(owner.path("role").asText()).isEqualTo("Moderator");
    }

    @Test
    void theCreationPolicyIsASettingOfEachSite() {
        ScimSite site = ScimSite.create(server, "policy");

        assertThat(site.settings("{\"creationPolicy\":\"jit-only\"}").path("creationPolicy").asText())
                .isEqualTo("jit-only");
        JsonNode refused = site.scim("POST", "/Users", oktaUser("dan@example.com", "00udan", "Registered"))
                .expectScimError(403, null);
        assertThat(refused.path("detail").asText()).contains("first SSO sign-in");
        assertThat(serviceProviderCreation(site)).isEqualTo("jit-only");

        site.settings("{\"creationPolicy\":\"allow\"}");
        JsonNode created = site.scim("POST", "/Users", oktaUser("dan@example.com", "00udan", "Registered"))
                .expect(201);
        assertThat(pendingMark(created).isMissingNode()).isTrue();
        assertThat(site.admin("GET", "/users?filter=userName%20eq%20%22dan%40example.com%22", null).expect(200)
                .path("totalResults").asInt()).isEqualTo(1);
        assertThat(serviceProviderCreation(site)).isEqualTo("allow");

        site.settings("{\"creationPolicy\":\"pending\"}");
        assertThat(pendingMark(site.scim("POST", "/Users", oktaUser("eve@example.com", "00ueve", "Registered"))
                .expect(201)).asBoolean()).isTrue();
        assertThat(ScimSite.create(server, "other").admin("GET", "/settings", null).expect(200)
                .path("creationPolicy").asText()).as("another site keeps its own").isEqualTo("pending");
    }

    @Test
    void theCreationPolicyNeedsSsoAsEveryScimSettingDoes() {
        String name = ScimErrorResponsesTest.uniqueSite("no-sso");
        server.admin("POST", "/admin/api/sites", "{\"site\":\"" + name + "\"}", 201);
        String settings = server.baseUrl() + "/c/" + name + "/admin/api/settings";

        JsonNode refused = Http.call("PATCH", settings).admin().json("{\"creationPolicy\":\"allow\"}").send()
                .expectScimError(409, null);
        JsonNode scimRefused = Http.call("PATCH", settings).admin().json("{\"scimEnabled\":true}").send()
                .expectScimError(409, null);

        assertThat(refused.path("detail").asText()).isEqualTo(scimRefused.path("detail").asText())
                .contains("once SSO is configured");
        assertThat(Http.call("GET", settings).admin().send().expect(200).path("creationPolicy").asText())
                .isEqualTo("pending");
        // Turning SSO off and choosing a policy in one change is refused as a whole.
        ScimSite site = ScimSite.create(server, "sso-off");
        site.admin("PATCH", "/settings", "{\"ssoConfigured\":false,\"creationPolicy\":\"jit-only\"}")
                .expectScimError(409, null);
        JsonNode unchanged = site.admin("GET", "/settings", null).expect(200);
        assertThat(unchanged.path("ssoConfigured").asBoolean()).isTrue();
        assertThat(unchanged.path("creationPolicy").asText()).isEqualTo("pending");
        assertThat(Http.call("PATCH", settings).admin().json("{\"ssoConfigured\":true,\"creationPolicy\":\"allow\"}")
                .send().expect(200).path("creationPolicy").asText()).isEqualTo("allow");
    }

    @Test
    void anUnknownCreationPolicyIsInvalidValueAndChangesNothing() {
        ScimSite site = ScimSite.create(server, "bad-policy");

        for (String value : new String[]{"\"sometimes\"", "\"\"", "\"JIT-ONLY\"", "true", "null"}) {
            Http.Reply reply = site.admin("PATCH", "/settings", "{\"creationPolicy\":" + value
                    + ",\"manageRoles\":false}");
            if (value.equals("null")) {
                // null is "not given", as for every settings member.
                assertThat(reply.expect(200).path("creationPolicy").asText()).isEqualTo("pending");
                continue;
            }
            JsonNode error = reply.expectScimError(400, "invalidValue");
            assertThat(error.path("detail").asText()).contains("creationPolicy");
        }
        assertThat(site.admin("GET", "/settings", null).expect(200).path("creationPolicy").asText())
                .isEqualTo("pending");
    }

    @Test
    void schemasDescribeTheReadOnlyPendingMark() {
        ScimSite site = ScimSite.create(server, "schemas");

        JsonNode schema = site.scim("GET", "/Schemas/" + ROSTER_EXTENSION, null).expect(200);
        JsonNode pending = null;
        for (JsonNode attribute : schema.path("attributes")) {
            if (attribute.path("name").asText().equals("pending")) {
                pending = attribute;
            }
        }

        assertThat(pending).isNotNull();
        assertThat(pending.path("type").asText()).isEqualTo("boolean");
        assertThat(pending.path("mutability").asText()).isEqualTo("readOnly");
        assertThat(pending.path("description").asText()).contains("not signed in").contains("no account");
        assertThat(site.scim("GET", "/ResourceTypes/User", null).expect(200).path("description").asText())
                .contains("pending identities");
    }

    private static String serviceProviderCreation(ScimSite site) {
        return site.scim("GET", "/ServiceProviderConfig", null).expect(200)
                .path("urn:ietf:params:scim:schemas:extension:roster:2.0:ServiceProviderConfig")
                .path("userCreation").asText();
    }
}

package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * One SCIM-ready site of a running test server, with the calls the end-to-end tests make on it: SCIM requests with
 * its token, admin API requests, SSO sign-ins. Every call goes over HTTP.
 */
record ScimSite(TestServer server, String name, String token) {

    static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ROSTER_EXTENSION = "urn:ietf:params:scim:schemas:extension:roster:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** A new site with SSO configured, SCIM enabled, role management on and a token. */
    static ScimSite create(TestServer server, String prefix) {
        String name = ScimErrorResponsesTest.uniqueSite(prefix);
        return new ScimSite(server, name, server.createScimReadySite(name));
    }

    Http.Reply scim(String method, String path, String body) {
        Http request = call(method, server.scimBase(name) + path).bearer(token);
        return (body == null ? request : request.json(body)).send();
    }

    Http.Reply patch(String id, String operation) {
        return scim("PATCH", "/Users/" + id, "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operation + "]}");
    }

    /** {@code GET /Users?filter=…}, the filter percent-encoded. */
    Http.Reply search(String filter) {
        return scim("GET", "/Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8), null);
    }

    Http.Reply admin(String method, String path, String body) {
        Http request = call(method, server.baseUrl() + "/c/" + name + "/admin/api" + path).admin()
                .header("Content-Type", "application/json");
        return (body == null ? request : request.json(body)).send();
    }

    JsonNode settings(String change) {
        return admin("PATCH", "/settings", change).expect(200);
    }

    Http.Reply signIn(String userName, String givenName, String familyName) {
        return call("POST", server.baseUrl() + "/c/" + name + "/sso/sign-in").admin()
                .header("Content-Type", "application/json")
                .json("{\"userName\":\"" + userName + "\",\"email\":\"" + userName + "\",\"givenName\":\""
                        + givenName + "\",\"familyName\":\"" + familyName + "\"}")
                .send();
    }

    /** The pending mark of a User representation: true, or missing. */
    static JsonNode pendingMark(JsonNode user) {
        return user.path(ROSTER_EXTENSION).path("pending");
    }

    /** An Okta-shaped POST body for someone who has not signed in. */
    static String oktaUser(String userName, String externalId, String userType) {
        return "{\"schemas\":[\"" + CORE_USER + "\"],\"userName\":\"" + userName + "\","
                + "\"name\":{\"givenName\":\"Dan\",\"familyName\":\"Ito\"},"
                + "\"emails\":[{\"primary\":true,\"value\":\"" + userName + "\",\"type\":\"work\"}],"
                + "\"displayName\":\"Dan Ito\",\"locale\":\"en-US\",\"externalId\":\"" + externalId + "\","
                + "\"groups\":[],\"password\":\"1mz050nq\",\"userType\":\"" + userType + "\",\"active\":true}";
    }
}

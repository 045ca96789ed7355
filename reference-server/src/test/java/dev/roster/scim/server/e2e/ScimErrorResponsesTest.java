package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Every error status the SCIM API answers, each with a SCIM Error body (RFC 7644 §3.12) and nothing of the
 * server's internals, over HTTP against a real server.
 */
class ScimErrorResponsesTest {

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("errors.db").withUniqueSite("errors");

    private static TestServer server;
    private static String site;
    private static String token;
    private static String userId;

    @BeforeAll
    static void startServer() {
        server = scim.server();
        site = scim.site();
        token = scim.token();
        userId = signIn(site, "erin@example.com");
    }

    @Test
    void malformedJsonIsInvalidSyntax() {
        scim("PATCH", "/Users/" + userId).json("{\"schemas\": [\"" + PATCH_OP + "\"], \"Operations\": [")
                .send().expectScimError(400, "invalidSyntax");
        scim("POST", "/Users/.search").json("{not json}").send().expectScimError(400, "invalidSyntax");
    }

    @Test
    void writeWithoutAnyBodyIsInvalidSyntaxNotAServerError() {
        for (String[] request : new String[][]{{"POST", "/Users"}, {"POST", "/Users/.search"},
                {"PUT", "/Users/" + userId}, {"PATCH", "/Users/" + userId}}) {
            scim(request[0], request[1]).send().expectScimError(400, "invalidSyntax");
        }
    }

    @Test
    @Timeout(30)
    void deeplyNestedJsonIsInvalidSyntaxNotAServerError() {
        byte[] nested = new byte[10_000];
        Arrays.fill(nested, (byte) '[');
        scim("POST", "/Users/.search").header("Content-Type", Http.SCIM_JSON).rawBody(nested).send()
                .expectScimError(400, "invalidSyntax");
        String objects = "{\"a\":".repeat(10_000);
        scim("PUT", "/Users/" + userId).json(objects).send().expectScimError(400, "invalidSyntax");
    }

    @Test
    void unparseableFilterIsInvalidFilter() {
        String filter = URLEncoder.encode("userName eq", StandardCharsets.UTF_8);
        JsonNode error = scim("GET", "/Users?filter=" + filter).send().expectScimError(400, "invalidFilter");
        assertThat(error.path("detail").asText()).isNotBlank();
        String unknownOperator = URLEncoder.encode("userName zz \"a\"", StandardCharsets.UTF_8);
        scim("GET", "/Users?filter=" + unknownOperator).send().expectScimError(400, "invalidFilter");
    }

    @Test
    void longestFilterTheCoreAcceptsReachesItEvenPercentEncoded() {
        String longest = "userName eq \"" + "\u00e9".repeat(4096 - 14) + "\"";
        assertThat(longest).hasSize(4096);
        JsonNode list = scim("GET", "/Users?filter=" + URLEncoder.encode(longest, StandardCharsets.UTF_8)).send()
                .expect(200);
        assertThat(list.path("totalResults").asInt()).isZero();
        String tooLong = "userName eq \"" + "\u00e9".repeat(4096) + "\"";
        scim("GET", "/Users?filter=" + URLEncoder.encode(tooLong, StandardCharsets.UTF_8)).send()
                .expectScimError(400, "invalidFilter");
    }

    @Test
    void valueOfTheWrongTypeIsInvalidValue() {
        scim("PUT", "/Users/" + userId).json("{\"userName\":\"erin@example.com\",\"active\":\"yes\"}").send()
                .expectScimError(400, "invalidValue");
        patch(userId, "{\"op\":\"replace\",\"path\":\"active\",\"value\":42}").expectScimError(400, "invalidValue");
        scim("GET", "/Users?count=many").send().expectScimError(400, "invalidValue");
    }

    @Test
    void patchWithBadPathIsInvalidPath() {
        patch(userId, "{\"op\":\"replace\",\"path\":\"emails[type eq \",\"value\":\"x\"}")
                .expectScimError(400, "invalidPath");
    }

    @Test
    void patchRemoveWithoutPathIsNoTarget() {
        patch(userId, "{\"op\":\"remove\"}").expectScimError(400, "noTarget");
    }

    @Test
    void patchOfReadOnlyAttributeIsMutability() {
        patch(userId, "{\"op\":\"replace\",\"path\":\"id\",\"value\":\"another\"}")
                .expectScimError(400, "mutability");
    }

    @Test
    void missingTokenIs401WithBearerChallenge() {
        Http.Reply reply = call("GET", server.scimBase(site) + "/Users").send();
        reply.expectScimError(401, null);
        assertThat(reply.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    void wrongTokenIs401WithBearerChallenge() {
        Http.Reply reply = call("GET", server.scimBase(site) + "/Users/" + userId).bearer("not-the-token").send();
        reply.expectScimError(401, null);
        assertThat(reply.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
    }

    @Test
    void nonBearerCredentialsAre401WithBearerChallenge() {
        Http.Reply reply = call("GET", server.scimBase(site) + "/Users")
                .header("Authorization", TestServer.basic("admin", TestServer.ADMIN_PASSWORD)).send();
        reply.expectScimError(401, null);
        assertThat(reply.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
        Http.Reply raw = call("GET", server.scimBase(site) + "/Users").header("Authorization", token).send();
        raw.expectScimError(401, null);
    }

    @Test
    void disabledScimIs403() {
        String disabled = uniqueSite("disabled");
        String disabledToken = server.createScimReadySite(disabled);
        server.admin("PATCH", "/c/" + disabled + "/admin/api/settings", "{\"scimEnabled\":false}", 200);
        call("GET", server.scimBase(disabled) + "/Users").bearer(disabledToken).send().expectScimError(403, null);
    }

    @Test
    void creatingUnknownUserUnderJitOnlyIs403() {
        String strict = uniqueSite("jit-only");
        String strictToken = server.createScimReadySite(strict);
        server.admin("PATCH", "/c/" + strict + "/admin/api/settings", "{\"creationPolicy\":\"jit-only\"}", 200);
        JsonNode error = call("POST", server.scimBase(strict) + "/Users").bearer(strictToken)
                .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"nobody@example.com\"}").send().expectScimError(403, null);
        assertThat(error.path("detail").asText()).contains("first SSO sign-in");
    }

    @Test
    void unknownUserIs404() {
        scim("GET", "/Users/" + UUID.randomUUID()).send().expectScimError(404, null);
        scim("PATCH", "/Users/" + UUID.randomUUID()).json("{\"schemas\":[\"" + PATCH_OP + "\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}").send()
                .expectScimError(404, null);
    }

    @Test
    void unknownPathUnderTheBaseIs404() {
        scim("GET", "/Nothing").send().expectScimError(404, null);
        scim("GET", "/Nothing/here").send().expectScimError(404, null);
    }

    @Test
    void withoutATokenEveryRequestUnderTheBaseIs401OptionsIncluded() {
        String base = "/c/" + site + "/auth/scim/v2";
        for (String[] request : new String[][]{{"OPTIONS", "/Users"}, {"OPTIONS", "/Users/x"}, {"GET", "/Nothing"},
                {"DELETE", "/Users"}, {"OPTIONS", ""}}) {
            RawHttp.Response reply = RawHttp.send(server.host(), server.port(), request[0], base + request[1],
                    Map.of(), new byte[0]);
            assertThat(reply.status()).as("%s %s", request[0], request[1]).isEqualTo(401);
            assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                    assertThat(challenge).startsWith("Bearer"));
            assertThat(reply.header("Allow")).as("%s %s", request[0], request[1]).isEmpty();
        }
        RawHttp.Response withToken = RawHttp.send(server.host(), server.port(), "OPTIONS", base + "/Users",
                Map.of("Authorization", "Bearer " + token), new byte[0]);
        assertThat(withToken.status()).isEqualTo(200);
        assertThat(withToken.header("Allow")).hasValueSatisfying(allow -> assertThat(allow).contains("GET", "POST"));
    }

    @Test
    void deleteOnTheCollectionIs405WithAllow() {
        Http.Reply reply = scim("DELETE", "/Users").send();
        reply.expectScimError(405, null);
        assertThat(reply.header("Allow").orElse("")).contains("GET").contains("POST");
    }

    @Test
    void unacceptableAcceptIs406() {
        scim("GET", "/Users").header("Accept", "text/html").send().expectScimError(406, null);
    }

    @Test
    void duplicatePostAfterLinkIsUniqueness() {
        signIn(site, "carol@example.com");
        String user = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"carol@example.com\",\"active\":true}";
        JsonNode linked = scim("POST", "/Users").json(user).send().expect(201);
        assertThat(linked.path("userName").asText()).isEqualTo("carol@example.com");
        scim("POST", "/Users").json(user).send().expectScimError(409, "uniqueness");
    }

    @Test
    void removingTheLastAdminIsConflict() {
        String lonely = uniqueSite("last-admin");
        String lonelyToken = server.createScimReadySite(lonely);
        String admin = signIn(lonely, "root@example.com");
        call("PATCH", server.scimBase(lonely) + "/Users/" + admin).bearer(lonelyToken)
                .json(patchBody("{\"op\":\"replace\",\"path\":\"userType\",\"value\":\"Admin\"}")).send()
                .expect(200);
        call("DELETE", server.scimBase(lonely) + "/Users/" + admin).bearer(lonelyToken).send()
                .expectScimError(409, null);
        call("PATCH", server.scimBase(lonely) + "/Users/" + admin).bearer(lonelyToken)
                .json(patchBody("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}")).send()
                .expectScimError(409, null);
    }

    @Test
    void staleIfMatchIs412() {
        String etag = scim("GET", "/Users/" + userId).send().header("ETag").orElseThrow();
        patch(userId, "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Erin\"}").expect(200);
        scim("PATCH", "/Users/" + userId).header("If-Match", etag)
                .json(patchBody("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Erin E\"}")).send()
                .expectScimError(412, null);
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        String padding = "x".repeat(1_100 * 1024);
        scim("POST", "/Users/.search").json("{\"filter\":\"userName eq \\\"" + padding + "\\\"\"}").send()
                .expectScimError(413, null);
    }

    @Test
    void textPlainBodyIs415() {
        scim("POST", "/Users/.search").header("Content-Type", "text/plain").json("{}").send()
                .expectScimError(415, null);
    }

    @Test
    void groupWritesAndBulkAre501() {
        scim("POST", "/Groups").json("{\"displayName\":\"g\"}").send().expectScimError(501, null);
        scim("POST", "/Bulk").json("{\"Operations\":[]}").send().expectScimError(501, null);
    }

    @Test
    void errorsFollowAcceptApplicationJson() {
        Http.Reply reply = call("GET", server.scimBase(site) + "/Users/" + UUID.randomUUID()).bearer(token)
                .header("Accept", "application/json").send();
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("schemas").get(0).asText()).isEqualTo(Http.ERROR_SCHEMA);
    }

    private static Http scim(String method, String path) {
        return call(method, server.scimBase(site) + path).bearer(token);
    }

    private static Http.Reply patch(String id, String operation) {
        return scim("PATCH", "/Users/" + id).json(patchBody(operation)).send();
    }

    private static String patchBody(String operation) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operation + "]}";
    }

    static String uniqueSite(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String signIn(String site, String userName) {
        return server.admin("POST", "/c/" + site + "/sso/sign-in", "{\"userName\":\"" + userName + "\"}", 201)
                .path("id").asText();
    }
}

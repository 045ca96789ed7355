package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON text the server refuses before it stores anything (issue 9, point 7, and the bounds on what a JSON body may
 * hold), over HTTP against a real server: lone surrogates, members that differ only in case, and strings, names,
 * numbers and token counts past the limits.
 */
class JsonTextTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("json-text.db").withUniqueSite("json");

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static String userId;

    @BeforeAll
    static void startServer() {
        userId = scim.server().signIn(scim.site(), "jo@example.com");
    }

    @Test
    void loneSurrogatesAreInvalidSyntaxAndNothingIsStored() {
        String version = currentVersion();
        for (String escape : new String[]{"\\ud800", "\\udfff", "x\\ud83d", "\\ude00\\ud83d"}) {
            JsonNode error = scim("PUT", "/Users/" + userId).json("{\"userName\":\"jo@example.com\","
                    + "\"displayName\":\"" + escape + "\"}").send().expectScimError(400, "invalidSyntax");
            assertThat(error.path("detail").asText()).contains("unpaired surrogate");
            patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"" + escape + "\"}")
                    .expectScimError(400, "invalidSyntax");
            patch("{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"R" + escape + "\"}")
                    .expectScimError(400, "invalidSyntax");
        }
        scim("POST", "/Users/.search").json("{\"filter\":\"userName eq \\\"\\ud800\\\"\"}").send()
                .expectScimError(400, "invalidSyntax");
        JsonNode user = scim("GET", "/Users/" + userId).send().expect(200);
        assertThat(user.has("displayName")).isFalse();
        assertThat(user.path("meta").path("version").asText()).isEqualTo(version);
    }

    @Test
    void aSurrogatePairIsOneCharacterStoredAndAnsweredAsSent() {
        JsonNode patched = patch("{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"Jo \\ud83d\\ude00\"}")
                .expect(200);
        assertThat(patched.path("nickName").asText()).isEqualTo("Jo \ud83d\ude00");
        assertThat(scim("GET", "/Users/" + userId).send().expect(200).path("nickName").asText())
                .isEqualTo("Jo \ud83d\ude00");
    }

    @Test
    void aSurrogateEncodedAsRawUtf8BytesIsInvalidSyntax() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"userName\":\"jo@example.com\",\"displayName\":\"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        RawHttp.Response response = RawHttp.send(scim.server().host(), scim.server().port(), "PUT",
                "/c/" + scim.site() + "/auth/scim/v2/Users/" + userId,
                Map.of("Authorization", "Bearer " + scim.token(), "Content-Type", Http.SCIM_JSON), body.toByteArray());
        assertThat(response.status()).as(response.bodyText()).isEqualTo(400);
        assertThat(response.bodyText()).contains("invalidSyntax");
    }

    @Test
    void adminAndSignInBodiesRefuseLoneSurrogatesToo() {
        call("POST", scim.server().baseUrl() + "/c/" + scim.site() + "/sso/sign-in").admin()
                .json("{\"userName\":\"\\udc00x@example.com\"}").send().expectScimError(400, "invalidSyntax");
        call("POST", scim.server().baseUrl() + "/admin/api/sites").admin().json("{\"site\":\"a\\ud800\"}").send()
                .expectScimError(400, "invalidSyntax");
        JsonNode users = call("GET", scim.server().baseUrl() + "/c/" + scim.site()
                + "/admin/api/users").admin().send().expect(200);
        assertThat(users.path("users")).isNotEmpty();
        users.path("users").forEach(user -> assertThat(user.path("userName").asText()).doesNotContain("?"));
    }

    @Test
    void membersThatDifferOnlyInCaseAreInvalidSyntaxWhereverScimJsonIsRead() {
        String version = currentVersion();
        JsonNode error = scim("PUT", "/Users/" + userId).json("{\"userName\":\"jo@example.com\","
                + "\"USERNAME\":\"other@example.com\"}").send().expectScimError(400, "invalidSyntax");
        assertThat(error.path("detail").asText()).contains("\"userName\" and \"USERNAME\"");
        scim("PUT", "/Users/" + userId).json("{\"userName\":\"jo@example.com\",\"name\":{\"givenName\":\"Jo\","
                + "\"GIVENNAME\":\"Joe\"}}").send().expectScimError(400, "invalidSyntax");
        scim("PATCH", "/Users/" + userId).json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":\"A\"}],\"operations\":[{\"op\":\"remove\",\"path\":\"title\"}]}")
                .send().expectScimError(400, "invalidSyntax");
        patch("{\"op\":\"replace\",\"Op\":\"remove\",\"path\":\"displayName\",\"value\":\"A\"}")
                .expectScimError(400, "invalidSyntax");
        patch("{\"op\":\"add\",\"value\":{\"displayName\":\"A\",\"DisplayName\":\"B\"}}")
                .expectScimError(400, "invalidSyntax");
        scim("POST", "/Users/.search").json("{\"filter\":\"userName pr\",\"FILTER\":\"title pr\"}").send()
                .expectScimError(400, "invalidSyntax");
        call("PATCH", scim.server().baseUrl() + "/c/" + scim.site() + "/admin/api/settings").admin()
                .json("{\"scimEnabled\":true,\"ScimEnabled\":false}").send().expectScimError(400, "invalidSyntax");
        call("POST", scim.server().baseUrl() + "/c/" + scim.site() + "/sso/sign-in").admin()
                .json("{\"userName\":\"case@example.com\",\"username\":\"other@example.com\"}").send()
                .expectScimError(400, "invalidSyntax");
        assertThat(currentVersion()).isEqualTo(version);
    }

    @Test
    void exactDuplicateMembersStayInvalidSyntax() {
        scim("PUT", "/Users/" + userId).json("{\"userName\":\"jo@example.com\",\"userName\":\"x@example.com\"}")
                .send().expectScimError(400, "invalidSyntax");
    }

    @Test
    void stringsNamesNumbersAndTokensPastTheLimitsAreRefused() {
        String longString = "x".repeat(65_537);
        scim("POST", "/Users/.search").json("{\"filter\":\"" + longString + "\"}").send()
                .expectScimError(400, "invalidSyntax");
        scim("POST", "/Users/.search").json("{\"" + "n".repeat(257) + "\":1}").send()
                .expectScimError(400, "invalidSyntax");
        scim("POST", "/Users/.search").json("{\"count\":1" + "0".repeat(400) + "}").send()
                .expectScimError(400, "invalidValue");
        scim("POST", "/Users/.search").json("{\"x\":[" + "0,".repeat(200_000) + "0]}").send()
                .expectScimError(400, "invalidSyntax");
    }

    private static String currentVersion() {
        return scim("GET", "/Users/" + userId).send().expect(200).path("meta").path("version").asText();
    }

    private static Http scim(String method, String path) {
        return call(method, scim.scimBase() + path).bearer(scim.token());
    }

    private static Http.Reply patch(String operation) {
        return scim("PATCH", "/Users/" + userId).json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":["
                + operation + "]}").send();
    }
}

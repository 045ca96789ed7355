package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one attribute-path grammar over HTTP (ADR 028): filters, PATCH paths, {@code attributes},
 * {@code excludedAttributes} and {@code sortBy} accept the same paths, URN-qualified ones as Entra ID and Okta send
 * them included, and refuse the same malformed ones, each with its own scimType and before anything is written.
 */
class AttributePathsTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("paths.db").withUniqueSite("paths");

    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static String id;

    @BeforeAll
    static void startServer() {
        id = scim.server().admin("POST", "/c/" + scim.site() + "/sso/sign-in",
                "{\"userName\":\"ada@example.com\",\"email\":\"ada@example.com\",\"givenName\":\"Ada\","
                        + "\"familyName\":\"Lovelace\"}", 201).path("id").asText();
        patch("{\"op\":\"add\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Engines\"}").expect(200);
    }

    @Test
    void urnQualifiedPathsWorkInEveryPlace() {
        JsonNode found = get("/Users?filter=" + encode(ENTERPRISE + ":department eq \"Engines\"")
                + "&sortBy=" + encode(ENTERPRISE + ":department")
                + "&attributes=" + encode(ENTERPRISE + ":department,urn:ietf:params:scim:schemas:core:2.0:User:userName"))
                .expect(200);
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        JsonNode user = found.path("Resources").get(0);
        assertThat(user.path("userName").asText()).isEqualTo("ada@example.com");
        assertThat(user.path(ENTERPRISE).path("department").asText()).isEqualTo("Engines");
        assertThat(user.has("name")).isFalse();

        JsonNode patched = patch("{\"op\":\"replace\",\"path\":\"" + ENTERPRISE.toUpperCase()
                .replace("URN:", "urn:") + ":DEPARTMENT\",\"value\":\"Looms\"}").expect(200);
        assertThat(patched.path(ENTERPRISE).path("department").asText()).isEqualTo("Looms");
        patch("{\"op\":\"replace\",\"path\":\"" + ENTERPRISE + ":department\",\"value\":\"Engines\"}").expect(200);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"na$me", "$foo", "nick$Name", "nickName.", "urn:bad urn:x"})
    void aPatchPathThatIsNoAttributePathIsInvalidPath(String path) {
        JsonNode error = patch("{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":\"x\"}")
                .expectScimError(400, "invalidPath");
        assertThat(error.path("detail").asText()).contains("is malformed");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"na$me", "emails[type eq \"work\"]", "name.givenName.x", "user name"})
    void attributesThatAreNoAttributePathsAreInvalidValue(String name) {
        for (String parameter : new String[]{"attributes", "excludedAttributes"}) {
            JsonNode error = get("/Users/" + id + "?" + parameter + "=" + encode(name))
                    .expectScimError(400, "invalidValue");
            assertThat(error.path("detail").asText()).contains(parameter).contains("no attribute path");
            get("/Users?" + parameter + "=" + encode(name)).expectScimError(400, "invalidValue");
        }
        call("POST", scim.scimBase() + "/Users/.search").bearer(scim.token())
                .json("{\"attributes\":[\"userName\",\"" + name.replace("\"", "\\\"") + "\"]}").send()
                .expectScimError(400, "invalidValue");
    }

    @Test
    void aWriteWithMalformedAttributesIsRefusedBeforeItIsDone() {
        call("POST", scim.scimBase() + "/Users?attributes=" + encode("na$me")).bearer(scim.token())
                .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bob@example.com\"}")
                .send().expectScimError(400, "invalidValue");
        assertThat(get("/Users?filter=" + encode("userName eq \"bob@example.com\"")).expect(200)
                .path("totalResults").asInt()).isZero();

        call("PATCH", scim.scimBase() + "/Users/" + id + "?excludedAttributes=" + encode("$foo")).bearer(scim.token())
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"nickName\","
                        + "\"value\":\"Countess\"}]}").send().expectScimError(400, "invalidValue");
        assertThat(get("/Users/" + id).expect(200).has("nickName")).isFalse();
    }

    @Test
    void aSortByThatIsNoAttributePathIsInvalidValueAndSaysSo() {
        JsonNode error = get("/Users?sortBy=" + encode("na$me")).expectScimError(400, "invalidValue");
        assertThat(error.path("detail").asText()).contains("no attribute path");
    }

    @Test
    void dollarRefIsTheOneNameWithADollar() {
        get("/Users?filter=" + encode("groups.$ref pr")).expect(200);
        get("/Users/" + id + "?attributes=" + encode("groups.$ref,userName")).expect(200);
        get("/Users?filter=" + encode("groups.$foo pr")).expectScimError(400, "invalidFilter");
    }

    private static Http.Reply patch(String operation) {
        return call("PATCH", scim.scimBase() + "/Users/" + id).bearer(scim.token())
                .json("{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + operation + "]}").send();
    }

    private static Http.Reply get(String path) {
        return call("GET", scim.scimBase() + path).bearer(scim.token()).send();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}

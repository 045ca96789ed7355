package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One person, one userName (ADR 014), over HTTP: SSO sign-in, SCIM and the admin API compare userNames by the
 * identifier profile's key and refuse the names it refuses. Bodies carry JSON escapes ({@code \u0000}), so what
 * reaches the server is exactly the code point under test.
 */
class LookAlikeUserNamesTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("lookalikes.db").withUniqueSite("lookalike");

    @Test
    void aSignInAsDotlessIanDoesNotLandInTheAccountOfIan() {
        String ian = signIn("ian@example.com", 201).path("id").asText();

        JsonNode lookAlike = signIn("\\u0131an@example.com", 201);

        assertThat(lookAlike.path("id").asText()).isNotEqualTo(ian);
        JsonNode found = call("GET", scim.scimBase() + "/Users?filter="
                + encoded("userName eq \"IAN@EXAMPLE.COM\"")).bearer(scim.token()).send().expect(200);
        assertThat(found.path("totalResults").asInt()).isEqualTo(1);
        assertThat(found.path("Resources").path(0).path("id").asText()).isEqualTo(ian);
    }

    @Test
    void aSignInInFullWidthOrAnotherCaseIsTheSamePerson() {
        String kim = signIn("kim@example.com", 201).path("id").asText();

        assertThat(signIn("\\uff4b\\uff49\\uff4d@example.com", 200).path("id").asText()).isEqualTo(kim);
        assertThat(signIn("KIM@Example.COM", 200).path("id").asText()).isEqualTo(kim);
        assertThat(signIn("ki\\u006d@example.com", 200).path("id").asText()).isEqualTo(kim);
    }

    @Test
    void lookAlikesAndControlCharactersAreRefusedAtSignIn() {
        for (String refused : List.of("\\u0430nn@example.com", "ann\\u0000@example.com", "ann\\u200b@example.com",
                "\\u202enna@example.com", "\\u212aim@example.com", "\\u0130an@example.com")) {
            JsonNode error = call("POST", scim.server().baseUrl() + "/c/" + scim.site() + "/sso/sign-in").admin()
                    .json("{\"userName\":\"" + refused + "\"}").send().expectScimError(400, "invalidValue");
            assertThat(error.path("detail").asText()).startsWith("The userName is not acceptable: ")
                    .doesNotContain("\u0000", "\u202e", "\u200b");
        }
        JsonNode users = scim.server().admin("GET", "/c/" + scim.site() + "/admin/api/users?filter="
                + encoded("userName co \"nn@\" or userName ew \"im@example.com\""), "", 200);
        assertThat(users.path("users").findValuesAsText("userName")).noneMatch(name -> name.contains("ann")
                || name.contains("nna") || name.startsWith("\u212a"));
    }

    @Test
    void lookAlikesAndControlCharactersAreRefusedOverScim() {
        signIn("bob@example.com", 201);
        for (String refused : List.of("b\\u043eb@example.com", "bob\\u0000@example.com", "bob\\u2066@example.com",
                "bob\\ud83d\\ude00@example.com")) {
            JsonNode error = call("POST", scim.scimBase() + "/Users").bearer(scim.token())
                    .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + refused
                            + "\"}").send().expectScimError(400, "invalidValue");
            assertThat(error.path("detail").asText()).contains("U+").doesNotContain("\u0000", "\u2066");
        }
        JsonNode nul = call("POST", scim.scimBase() + "/Users").bearer(scim.token())
                .json("{\"userName\":\"bob\\u0000@example.com\"}").send().expectScimError(400, "invalidValue");
        assertThat(nul.path("detail").asText()).contains("U+0000 NULL in the name is a control character");
    }

    @Test
    void renamingAUserToALookAlikeOverScimIsRefused() {
        String carl = signIn("carl@example.com", 201).path("id").asText();
        call("POST", scim.scimBase() + "/Users").bearer(scim.token())
                .json("{\"userName\":\"carl@example.com\"}").send().expect(201);

        call("PATCH", scim.scimBase() + "/Users/" + carl).bearer(scim.token())
                .json("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                        + "[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"c\\u0430rl@example.com\"}]}")
                .send().expectScimError(400, "invalidValue");
        call("PUT", scim.scimBase() + "/Users/" + carl).bearer(scim.token())
                .json("{\"userName\":\"carl\\u200d@example.com\"}").send().expectScimError(400, "invalidValue");
        JsonNode stored = call("GET", scim.scimBase() + "/Users/" + carl).bearer(scim.token()).send().expect(200);
        assertThat(stored.path("userName").asText()).isEqualTo("carl@example.com");
    }

    @Test
    void theAdminSearchFindsByKey() {
        String dana = signIn("dana@example.com", 201).path("id").asText();
        signIn("d\\u0131na@example.com", 201);

        JsonNode users = scim.server().admin("GET", "/c/" + scim.site() + "/admin/api/users?filter="
                + encoded("userName eq \"\uff24ANA@example.com\""), "", 200);

        assertThat(users.path("totalResults").asInt()).isEqualTo(1);
        assertThat(users.path("users").path(0).path("id").asText()).isEqualTo(dana);
    }

    /** The sign-in simulation, with the userName as JSON string content (escapes allowed). */
    private static JsonNode signIn(String jsonUserName, int status) {
        return scim.server().admin("POST", "/c/" + scim.site() + "/sso/sign-in", "{\"userName\":\"" + jsonUserName
                + "\"}", status);
    }

    private static String encoded(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;


/**
 * A server started with {@code --creation-policy allow}: new sites get that policy, and SCIM POST creates users
 * (RFC 7644 §3.3).
 */
class CreationAllowedTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("allow.db").withCreationPolicy(CreationPolicy.ALLOW)
            .withUniqueSite("allow");

    @Test
    void newSitesGetTheServersCreationPolicy() {
        JsonNode settings = scim.server().admin("GET", "/c/" + scim.site() + "/admin/api/settings", "", 200);
        assertThat(settings.path("creationPolicy").asText()).isEqualTo("allow");
        JsonNode config = call("GET", scim.scimBase() + "/ServiceProviderConfig").bearer(scim.token()).send()
                .expect(200);
        assertThat(config.path("urn:ietf:params:scim:schemas:extension:roster:2.0:ServiceProviderConfig")
                .path("userCreation").asText()).isEqualTo("allow");
    }

    @Test
    void postCreatesUserWith201LocationAndEtag() {
        Http.Reply created = call("POST", scim.scimBase() + "/Users").bearer(scim.token())
                .json(user("new.user@example.com")).send();
        JsonNode body = created.expect(201);
        String id = body.path("id").asText();
        String location = scim.scimBase() + "/Users/" + id;
        assertThat(created.header("Location")).hasValue(location);
        assertThat(body.path("meta").path("location").asText()).isEqualTo(location);
        assertThat(created.header("ETag")).hasValue(body.path("meta").path("version").asText());
        assertThat(created.contentType()).startsWith("application/scim+json");
        assertThat(body.path("userName").asText()).isEqualTo("new.user@example.com");
        assertThat(body.path("active").asBoolean()).isTrue();
        assertThat(body.has("urn:ietf:params:scim:schemas:extension:roster:2.0:User")).as("an account, not pending")
                .isFalse();

        JsonNode fetched = call("GET", location).bearer(scim.token()).send().expect(200);
        assertThat(fetched.path("userName").asText()).isEqualTo("new.user@example.com");
    }

    @Test
    void duplicatePostIsUniqueness() {
        call("POST", scim.scimBase() + "/Users").bearer(scim.token()).json(user("twice@example.com")).send()
                .expect(201);
        call("POST", scim.scimBase() + "/Users").bearer(scim.token()).json(user("TWICE@example.com")).send()
                .expectScimError(409, "uniqueness");
    }

    @Test
    void createdUserCanSignInWithSso() {
        String id = call("POST", scim.scimBase() + "/Users").bearer(scim.token()).json(user("later@example.com"))
                .send().expect(201).path("id").asText();
        JsonNode signedIn = scim.server().admin("POST", "/c/" + scim.site() + "/sso/sign-in",
                "{\"userName\":\"later@example.com\"}", 200);
        assertThat(signedIn.path("id").asText()).isEqualTo(id);
    }

    private static String user(String userName) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\","
                + "\"name\":{\"givenName\":\"New\",\"familyName\":\"User\"},"
                + "\"emails\":[{\"value\":\"" + userName + "\",\"type\":\"work\",\"primary\":true}],"
                + "\"active\":true}";
    }
}

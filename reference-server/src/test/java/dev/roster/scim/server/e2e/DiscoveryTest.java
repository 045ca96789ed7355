package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

/** The discovery endpoints (RFC 7644 §4) as an IdP reads them while testing its connection. */
class DiscoveryTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("discovery.db").withUniqueSite("discovery");

    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    @Test
    void serviceProviderConfigDescribesWhatIsSupported() {
        JsonNode config = get("/ServiceProviderConfig").expect(200);
        assertThat(config.path("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(config.path("patch").path("supported").asBoolean()).isTrue();
        assertThat(config.path("bulk").path("supported").isBoolean()).isTrue();
        assertThat(config.path("bulk").path("supported").asBoolean()).isFalse();
        assertThat(config.path("filter").path("supported").asBoolean()).isTrue();
        assertThat(config.path("filter").path("maxResults").isIntegralNumber()).isTrue();
        assertThat(config.path("filter").path("maxResults").asInt()).isEqualTo(200);
        assertThat(config.path("changePassword").path("supported").asBoolean()).isFalse();
        assertThat(config.path("sort").path("supported").asBoolean()).isTrue();
        assertThat(config.path("etag").path("supported").asBoolean()).isTrue();
        JsonNode scheme = config.path("authenticationSchemes").get(0);
        assertThat(scheme.path("type").asText()).isEqualTo("oauthbearertoken");
        assertThat(scheme.path("name").asText()).containsIgnoringCase("bearer");
        assertThat(config.path("meta").path("location").asText())
                .isEqualTo(scim.scimBase() + "/ServiceProviderConfig");
    }

    @Test
    void resourceTypesListTheUserType() {
        JsonNode list = get("/ResourceTypes").expect(200);
        assertThat(list.path("schemas").get(0).asText()).isEqualTo(Http.LIST_RESPONSE);
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        JsonNode user = list.path("Resources").get(0);
        assertThat(user.path("id").asText()).isEqualTo("User");
        assertThat(user.path("endpoint").asText()).isEqualTo("/Users");
        assertThat(user.path("schema").asText()).isEqualTo(CORE_USER);
        assertThat(user.path("meta").path("location").asText())
                .isEqualTo(scim.scimBase() + "/ResourceTypes/User");
    }

    @Test
    void userResourceTypeIsServedOnItsOwn() {
        JsonNode user = get("/ResourceTypes/User").expect(200);
        assertThat(user.path("name").asText()).isEqualTo("User");
        assertThat(user.path("schema").asText()).isEqualTo(CORE_USER);
        get("/ResourceTypes/Group").expectScimError(404, null);
    }

    @Test
    void schemasListTheCoreUserSchema() {
        JsonNode list = get("/Schemas").expect(200);
        List<String> ids = new ArrayList<>();
        list.path("Resources").forEach(schema -> ids.add(schema.path("id").asText()));
        assertThat(ids).contains(CORE_USER);
        assertThat(list.path("totalResults").asInt()).isEqualTo(ids.size());
    }

    @Test
    void coreUserSchemaHasServerUniqueUserName() {
        JsonNode schema = get("/Schemas/" + CORE_USER).expect(200);
        assertThat(schema.path("id").asText()).isEqualTo(CORE_USER);
        JsonNode userName = null;
        for (JsonNode attribute : schema.path("attributes")) {
            if (attribute.path("name").asText().equals("userName")) {
                userName = attribute;
            }
        }
        assertThat(userName).as("userName attribute").isNotNull();
        assertThat(userName.path("uniqueness").asText()).isEqualTo("server");
        assertThat(userName.path("required").asBoolean()).isTrue();
        assertThat(userName.path("type").asText()).isEqualTo("string");
        assertThat(schema.path("meta").path("location").asText()).isEqualTo(scim.scimBase() + "/Schemas/"
                + CORE_USER);
    }

    @Test
    void unknownSchemaIs404() {
        get("/Schemas/urn:example:unknown").expectScimError(404, null);
    }

    @Test
    void discoveryNeedsTheBearerToken() {
        call("GET", scim.scimBase() + "/ServiceProviderConfig").send().expectScimError(401, null);
    }

    private static Http.Reply get(String path) {
        return call("GET", scim.scimBase() + path).bearer(scim.token()).send();
    }
}

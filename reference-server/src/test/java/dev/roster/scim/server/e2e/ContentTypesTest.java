package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

/** Which media types the SCIM API answers with and accepts (RFC 7644 §3.1, §8.1). */
class ContentTypesTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("content-types.db").withUniqueSite("content-types");

    private static final String SEARCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
            + "\"filter\":\"userName sw \\\"ct\\\"\"}";

    private static String userId;

    @BeforeAll
    static void startServer() {
        userId = scim.server().admin("POST", "/c/" + scim.site() + "/sso/sign-in",
                "{\"userName\":\"ct@example.com\"}", 201)
                .path("id").asText();
    }

    @Test
    void responsesAreScimJsonByDefault() {
        Http.Reply list = call("GET", scim.scimBase() + "/Users").bearer(scim.token()).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("application/scim+json");
        Http.Reply user = call("GET", scim.scimBase() + "/Users/" + userId).bearer(scim.token())
                .header("Accept", "*/*").send();
        assertThat(user.contentType()).startsWith("application/scim+json");
        Http.Reply discovery = call("GET", scim.scimBase() + "/ServiceProviderConfig").bearer(scim.token()).send();
        assertThat(discovery.contentType()).startsWith("application/scim+json");
    }

    @Test
    void acceptApplicationJsonGetsApplicationJson() {
        Http.Reply reply = call("GET", scim.scimBase() + "/Users/" + userId).bearer(scim.token())
                .header("Accept", "application/json").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("id").asText()).isEqualTo(userId);
    }

    @Test
    void acceptScimJsonGetsScimJson() {
        Http.Reply reply = call("GET", scim.scimBase() + "/Users").bearer(scim.token())
                .header("Accept", "application/scim+json").send();
        assertThat(reply.contentType()).startsWith("application/scim+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/scim+json", "application/json", "application/scim+json; charset=utf-8",
            "application/json;charset=UTF-8"})
    void requestBodiesAreAcceptedInEitherJsonType(String contentType) {
        Http.Reply reply = call("POST", scim.scimBase() + "/Users/.search").bearer(scim.token())
                .header("Content-Type", contentType).json(SEARCH).send();
        assertThat(reply.expect(200).path("totalResults").asInt()).as("%s", reply).isEqualTo(1);
        assertThat(reply.contentType()).startsWith("application/scim+json");
    }

    @Test
    void requestBodyWithoutContentTypeIsReadAsScimJson() {
        Http.Reply reply = call("POST", scim.scimBase() + "/Users/.search").bearer(scim.token())
                .rawBody(SEARCH.getBytes(StandardCharsets.UTF_8)).send();
        assertThat(reply.expect(200).path("totalResults").asInt()).isEqualTo(1);

        Http.Reply patched = call("PATCH", scim.scimBase() + "/Users/" + userId).bearer(scim.token())
                .rawBody(("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                        + "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"No Type\"}]}")
                        .getBytes(StandardCharsets.UTF_8)).send();
        assertThat(patched.expect(200).path("displayName").asText()).isEqualTo("No Type");
    }
}

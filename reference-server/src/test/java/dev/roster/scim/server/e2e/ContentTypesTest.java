package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Which media types the SCIM API answers with and accepts (RFC 7644 §3.1, §8.1). */
class ContentTypesTest {

    private static final String SEARCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
            + "\"filter\":\"userName sw \\\"ct\\\"\"}";

    @TempDir
    static Path dataDirectory;

    private static TestServer server;
    private static String site;
    private static String token;
    private static String userId;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(dataDirectory.resolve("content-types.db"));
        site = ScimErrorResponsesTest.uniqueSite("content-types");
        token = server.createScimReadySite(site);
        userId = server.admin("POST", "/c/" + site + "/sso/sign-in", "{\"userName\":\"ct@example.com\"}", 201)
                .path("id").asText();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void responsesAreScimJsonByDefault() {
        Http.Reply list = call("GET", server.scimBase(site) + "/Users").bearer(token).send();
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("application/scim+json");
        Http.Reply user = call("GET", server.scimBase(site) + "/Users/" + userId).bearer(token)
                .header("Accept", "*/*").send();
        assertThat(user.contentType()).startsWith("application/scim+json");
        Http.Reply discovery = call("GET", server.scimBase(site) + "/ServiceProviderConfig").bearer(token).send();
        assertThat(discovery.contentType()).startsWith("application/scim+json");
    }

    @Test
    void acceptApplicationJsonGetsApplicationJson() {
        Http.Reply reply = call("GET", server.scimBase(site) + "/Users/" + userId).bearer(token)
                .header("Accept", "application/json").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        assertThat(reply.json().path("id").asText()).isEqualTo(userId);
    }

    @Test
    void acceptScimJsonGetsScimJson() {
        Http.Reply reply = call("GET", server.scimBase(site) + "/Users").bearer(token)
                .header("Accept", "application/scim+json").send();
        assertThat(reply.contentType()).startsWith("application/scim+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/scim+json", "application/json", "application/scim+json; charset=utf-8",
            "application/json;charset=UTF-8"})
    void requestBodiesAreAcceptedInEitherJsonType(String contentType) {
        Http.Reply reply = call("POST", server.scimBase(site) + "/Users/.search").bearer(token)
                .header("Content-Type", contentType).json(SEARCH).send();
        assertThat(reply.expect(200).path("totalResults").asInt()).as("%s", reply).isEqualTo(1);
        assertThat(reply.contentType()).startsWith("application/scim+json");
    }

    @Test
    void requestBodyWithoutContentTypeIsReadAsScimJson() {
        Http.Reply reply = call("POST", server.scimBase(site) + "/Users/.search").bearer(token)
                .rawBody(SEARCH.getBytes(StandardCharsets.UTF_8)).send();
        assertThat(reply.expect(200).path("totalResults").asInt()).isEqualTo(1);

        Http.Reply patched = call("PATCH", server.scimBase(site) + "/Users/" + userId).bearer(token)
                .rawBody(("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                        + "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"No Type\"}]}")
                        .getBytes(StandardCharsets.UTF_8)).send();
        assertThat(patched.expect(200).path("displayName").asText()).isEqualTo("No Type");
    }
}

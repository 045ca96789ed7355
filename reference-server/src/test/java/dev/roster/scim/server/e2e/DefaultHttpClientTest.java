package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Java's default {@link HttpClient} offers {@code Upgrade: h2c} on every cleartext request. The server declines
 * the offer and answers in HTTP/1.1 at once — GETs and requests with bodies alike — where Grizzly used to stop
 * reading the body and the request hung for 30 s into a 500 (jersey#6059).
 */
class DefaultHttpClientTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("h2c.db").withSite("h2c");

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private static String base;
    private static String userId;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() {
        base = scim.server().scimBase("h2c");
        userId = scim.server().admin("POST", "/c/h2c/sso/sign-in", "{\"userName\":\"hana@example.com\","
                + "\"email\":\"hana@example.com\",\"givenName\":\"Hana\",\"familyName\":\"Ito\"}", 201)
                .path("id").asText();
    }

    @Test
    void getAnswersPromptly() throws Exception {
        HttpResponse<String> response = send("GET", "/Users/" + userId, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(response.body()).contains("hana@example.com");
    }

    @Test
    void postWithABodyAnswersPromptly() throws Exception {
        HttpResponse<String> response = send("POST", "/Users/.search", "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"filter\":\"userName eq "
                + "\\\"hana@example.com\\\"\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Http.JSON.readTree(response.body()).path("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void putAndPatchWithBodiesAnswerPromptly() throws Exception {
        HttpResponse<String> patched = send("PATCH", "/Users/" + userId, "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                + "\"path\":\"displayName\",\"value\":\"Hana I.\"}]}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("Hana I.");
        HttpResponse<String> replaced = send("PUT", "/Users/" + userId, "{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"hana@example.com\","
                + "\"displayName\":\"Hana Ito\",\"active\":true}");
        assertThat(replaced.statusCode()).isEqualTo(200);
        JsonNode user = Http.JSON.readTree(replaced.body());
        assertThat(user.path("displayName").asText()).isEqualTo("Hana Ito");
    }

    @Test
    void anUpgradeOfferIsDeclinedOnTheWire() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + scim.token());
        headers.put("Content-Type", "application/scim+json");
        headers.put("Upgrade", "h2c");
        headers.put("HTTP2-Settings", "AAEAAEAAAAIAAAABAAMAAABkAAQBAAAAAAUAAEAA");
        RawHttp.Response response = RawHttp.send(scim.server().host(), scim.server().port(), "POST",
                "/c/h2c/auth/scim/v2/Users/.search", headers,
                "{\"filter\":\"userName pr\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Upgrade")).isEmpty();
        assertThat(response.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/scim+json"));
        assertThat(response.bodyText()).contains("hana@example.com");
    }

    private HttpResponse<String> send(String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(PROMPTLY)
                .header("Authorization", "Bearer " + scim.token())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

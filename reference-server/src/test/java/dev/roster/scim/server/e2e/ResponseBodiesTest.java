package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Every SCIM answer with a body goes out with its exact {@code Content-Length}, never chunked, however large
 * (ADR 049); and {@code meta.location} follows the site of each request, however often another came in between.
 */
class ResponseBodiesTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("bodies.db").withUniqueSite("bodies");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Zoë 東京\"}]}";
    private static final int USERS = 60;

    private static String firstId;

    @BeforeAll
    static void users() {
        for (int i = 0; i < USERS; i++) {
            String id = scim.server().signIn(scim.site(), "body" + i + "@example.com");
            if (i == 0) {
                firstId = id;
            }
        }
    }

    @Test
    void pagesLargerThanJerseysBufferCarryTheirExactLength() {
        for (String query : List.of("", "?count=100", "?count=100&attributes=userName", "?count=0",
                "?count=5&cursor=", "?filter=userName%20eq%20%22nobody%22")) {
            RawHttp.Response page = get("/Users" + query, "127.0.0.1:" + scim.server().port());

            assertThat(page.status()).as(query).isEqualTo(200);
            assertExactLength(page, query);
        }
        assertThat(get("/Users?count=100", "127.0.0.1:" + scim.server().port()).body().length)
                .isGreaterThan(8 * 1024);
    }

    @Test
    void singleUsersWritesAndErrorsCarryTheirExactLength() {
        assertExactLength(get("/Users/" + firstId, "127.0.0.1:" + scim.server().port()), "get");
        assertExactLength(get("/Users/" + firstId + "?attributes=emails", "127.0.0.1:" + scim.server().port()),
                "projected get");
        RawHttp.Response patched = RawHttp.send(scim.server().host(), scim.server().port(), "PATCH",
                path("/Users/" + firstId), Map.of("Authorization", "Bearer " + scim.token(),
                        "Content-Type", "application/scim+json"), PATCH.getBytes(StandardCharsets.UTF_8));
        assertThat(patched.status()).isEqualTo(200);
        assertExactLength(patched, "patch");
        RawHttp.Response missing = get("/Users/no-such-user", "127.0.0.1:" + scim.server().port());
        assertThat(missing.status()).isEqualTo(404);
        assertExactLength(missing, "error");
    }

    @Test
    void locationsFollowTheSiteOfEachRequest() throws IOException {
        String other = scim.site() + "-other";
        String otherToken = scim.server().createScimReadySite(other);
        String otherId = scim.server().signIn(other, "other@example.com");
        String host = "127.0.0.1:" + scim.server().port();
        for (int round = 0; round < 3; round++) {
            assertThat(JSON.readTree(get("/Users/" + firstId, host).body()).path("meta").path("location").asText())
                    .isEqualTo(scim.server().scimBase(scim.site()) + "/Users/" + firstId);
            RawHttp.Response page = RawHttp.send(scim.server().host(), scim.server().port(), "GET",
                    "/c/" + other + "/auth/scim/v2/Users", Map.of("Authorization", "Bearer " + otherToken),
                    new byte[0]);
            assertThat(JSON.readTree(page.body()).path("Resources").get(0).path("meta").path("location").asText())
                    .isEqualTo(scim.server().scimBase(other) + "/Users/" + otherId);
        }
    }

    private static void assertExactLength(RawHttp.Response response, String what) {
        assertThat(response.header("Transfer-Encoding")).as(what).isEmpty();
        assertThat(response.headers().get("content-length")).as(what)
                .containsExactly(Integer.toString(response.body().length));
    }

    private static RawHttp.Response get(String target, String host) {
        String request = "GET " + path(target) + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                + scim.token() + "\r\nConnection: close\r\n\r\n";
        return RawHttp.sendExactly(scim.server().host(), scim.server().port(),
                request.getBytes(StandardCharsets.US_ASCII));
    }

    private static String path(String target) {
        return "/c/" + scim.site() + "/auth/scim/v2" + target;
    }
}

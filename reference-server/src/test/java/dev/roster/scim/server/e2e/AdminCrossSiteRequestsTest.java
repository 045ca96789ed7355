package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a page of another origin can make the admin's browser send — bodiless POSTs and form posts carrying the
 * admin's cookie or cached Basic credentials — changes nothing: every state-changing admin call needs the same
 * origin and {@code Content-Type: application/json}. curl, which sends neither {@code Origin} nor
 * {@code Sec-Fetch-Site}, keeps working. Raw sockets, so the headers are exactly what a browser would send.
 */
class AdminCrossSiteRequestsTest {

    private static final String SITE = "csrf";

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("csrf.db").withSite(SITE);

    private static String userId;

    @BeforeAll
    static void start() {
        userId = scim.server().admin("POST", "/c/" + SITE + "/sso/sign-in",
                "{\"userName\":\"victim@example.com\"}", 201).path("id").asText();
    }

    /** Every state-changing admin call, with a body that would be valid. */
    static Stream<Arguments> stateChangingCalls() {
        return Stream.of(
                Arguments.of("POST", "/c/" + SITE + "/admin/api/scim-token", ""),
                Arguments.of("POST", "/c/" + SITE + "/admin/api/users/{id}/deactivate", ""),
                Arguments.of("POST", "/c/" + SITE + "/admin/api/users/{id}/reactivate", ""),
                Arguments.of("POST", "/c/" + SITE + "/admin/api/users/{id}/restore", ""),
                Arguments.of("PUT", "/c/" + SITE + "/admin/api/users/{id}/role", "{\"role\":\"Admin\"}"),
                Arguments.of("PATCH", "/c/" + SITE + "/admin/api/settings", "{\"scimEnabled\":false}"),
                Arguments.of("POST", "/admin/api/sites", "{\"site\":\"planted\"}"),
                Arguments.of("POST", "/c/" + SITE + "/sso/sign-in", "{\"userName\":\"planted@example.com\"}"),
                Arguments.of("POST", "/admin/api/session", "{\"password\":\"" + TestServer.ADMIN_PASSWORD + "\"}"),
                Arguments.of("DELETE", "/admin/api/session", ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stateChangingCalls")
    void callFromAnotherSiteIsRefusedAndChangesNothing(String method, String path, String body) {
        Map<String, String> crossSite = json(Map.of("Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));
        // A sibling subdomain is same-site but not same-origin: it may not change anything either.
        Map<String, String> sibling = json(Map.of("Sec-Fetch-Site", "same-site",
                "Origin", "http://sibling.127.0.0.1.nip.io:" + scim.server().port()));

        assertRefused(send(method, path, crossSite, body), 403, "its own pages");
        assertRefused(send(method, path, sibling, body), 403, "its own pages");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stateChangingCalls")
    void callFromAnotherOriginWithoutFetchMetadataIsRefused(String method, String path, String body) {
        assertRefused(send(method, path, json(Map.of("Origin", "http://evil.example:" + scim.server().port())), body),
                403,
                "another origin");
        assertRefused(send(method, path, json(Map.of("Origin", "null")), body), 403, "another origin");
        assertNothingChanged();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("stateChangingCalls")
    void callWithoutJsonContentTypeIsRefusedEvenFromThisOrigin(String method, String path, String body) {
        Map<String, String> formPost = new LinkedHashMap<>(Map.of("Sec-Fetch-Site", "same-origin",
                "Content-Type", "application/x-www-form-urlencoded"));
        assertRefused(send(method, path, formPost, body), 415, "application/json");
        assertRefused(send(method, path, Map.of("Content-Type", "text/plain"), body), 415, "application/json");
        assertRefused(send(method, path, Map.of(), body), 415, "also when they have no body");
        assertNothingChanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"same-origin", "none"})
    void callFromThisOriginPasses(String fetchSite) {
        RawHttp.Response reply = send("POST", "/c/" + SITE + "/admin/api/users/" + userId + "/reactivate",
                json(Map.of("Sec-Fetch-Site", fetchSite, "Origin", scim.server().baseUrl())), "");
        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
    }

    @Test
    void originNamingThisServerPassesWithoutFetchMetadata() {
        RawHttp.Response reply = send("POST", "/c/" + SITE + "/admin/api/users/" + userId + "/reactivate",
                json(Map.of("Origin", "http://127.0.0.1:" + scim.server().port())), "");
        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
    }

    @Test
    void curlWithoutOriginPassesWithTheJsonContentType() {
        RawHttp.Response reply = send("POST", "/c/" + SITE + "/admin/api/users/" + userId + "/reactivate",
                json(Map.of()), "");
        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("json"));
    }

    @Test
    void readsNeedNoOriginAndNoContentType() {
        RawHttp.Response reply = send("GET", "/c/" + SITE + "/admin/api/settings", Map.of(
                "Sec-Fetch-Site", "cross-site"), "");
        // A cross-site read carries no cookie (SameSite=Strict) and its answer cannot be read (no CORS); with the
        // Basic header a script cannot set, it is simply a read.
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void adminAnswersAreNeverCachedNorSniffed() {
        RawHttp.Response settings = send("GET", "/c/" + SITE + "/admin/api/settings", Map.of(), "");
        RawHttp.Response unauthorized = RawHttp.send(scim.server().host(), scim.server().port(), "GET",
                "/c/" + SITE + "/admin/api/settings", Map.of(), new byte[0]);
        RawHttp.Response refused = send("POST", "/c/" + SITE + "/admin/api/scim-token",
                json(Map.of("Sec-Fetch-Site", "cross-site")), "");
        RawHttp.Response signIn = send("POST", "/c/" + SITE + "/sso/sign-in", json(Map.of()),
                "{\"userName\":\"cache@example.com\"}");

        for (RawHttp.Response each : new RawHttp.Response[]{settings, unauthorized, refused, signIn}) {
            assertThat(each.header("Cache-Control")).as("Cache-Control of a %d", each.status()).contains("no-store");
            assertThat(each.header("X-Content-Type-Options")).as("nosniff on a %d", each.status())
                    .contains("nosniff");
        }
        assertThat(unauthorized.status()).isEqualTo(401);
    }

    private static void assertRefused(RawHttp.Response reply, int status, String detailPart) {
        assertThat(reply.status()).as(reply.bodyText()).isEqualTo(status);
        JsonNode error;
        try {
            error = Http.JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + reply.bodyText(), e);
        }
        assertThat(error.path("schemas").get(0).asText()).isEqualTo(Http.ERROR_SCHEMA);
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("detail").asText()).contains(detailPart);
        assertThat(reply.header("Set-Cookie")).as("no session handed out").isEmpty();
    }

    /** The token still works, the user is still active and Registered, no site or user was planted. */
    private static void assertNothingChanged() {
        call("GET", scim.server().scimBase(SITE) + "/Users").bearer(scim.token()).send().expect(200);
        JsonNode users = scim.server().admin("GET", "/c/" + SITE + "/admin/api/users", "", 200);
        assertThat(users.toString()).doesNotContain("planted");
        JsonNode victim = scim.server().admin("GET", "/c/" + SITE + "/admin/api/users?filter=userName%20eq%20%22victim"
                + "@example.com%22", "", 200).path("users").get(0);
        assertThat(victim.path("active").asBoolean()).isTrue();
        assertThat(victim.path("role").asText()).isEqualTo("Registered");
        assertThat(scim.server().admin("GET", "/c/" + SITE + "/admin/api/settings", "", 200).path("scimEnabled")
                .asBoolean()).isTrue();
        assertThat(scim.server().admin("GET", "/admin/api/sites", "", 200).path("sites").toString())
                .doesNotContain("planted");
    }

    private static Http call(String method, String url) {
        return Http.call(method, url);
    }

    private static Map<String, String> json(Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Content-Type", "application/json");
        return all;
    }

    /** With the admin's Basic credentials, as a browser that cached them would add. */
    private static RawHttp.Response send(String method, String path, Map<String, String> headers, String body) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put("Authorization", TestServer.basic("admin", TestServer.ADMIN_PASSWORD));
        return RawHttp.send(scim.server().host(), scim.server().port(), method, path.replace("{id}", userId), all,
                body.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Absolute URLs — {@code Location}, {@code meta.location}, the admin API's {@code scimBaseUrl}, the banner — come
 * from {@code --public-url}, else from the listening address; a forged {@code Host} header never gets into them.
 * Only on a wildcard address, where the server cannot know its name, is a (validated) {@code Host} used.
 */
class PublicUrlTest {

    private static final String FORGED_HOST = "evil.example";
    private static final String USER = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
            + "\"userName\":\"%s\"}";

    @TempDir
    Path dataDirectory;

    @Test
    void configuredPublicUrlIsUsedForEveryAbsoluteUrl() throws Exception {
        String publicUrl = "https://scim.example.com/roster";
        try (TestServer server = start("public.db", "127.0.0.1", Optional.of(URI.create(publicUrl)))) {
            String token = server.createScimReadySite("pub");
            String scimBase = publicUrl + "/c/pub/auth/scim/v2";

            RawHttp.Response created = withHost(server, FORGED_HOST, "POST", "/c/pub/auth/scim/v2/Users",
                    "Authorization: Bearer " + token + "\r\n", USER.formatted("pia@example.com"));
            assertThat(created.status()).isEqualTo(201);
            JsonNode user = Http.JSON.readTree(created.bodyText());
            String location = scimBase + "/Users/" + user.path("id").asText();
            assertThat(created.header("Location")).hasValue(location);
            assertThat(user.path("meta").path("location").asText()).isEqualTo(location);

            RawHttp.Response settings = withHost(server, FORGED_HOST, "GET", "/c/pub/admin/api/settings",
                    "Authorization: " + TestServer.basic("admin", TestServer.ADMIN_PASSWORD) + "\r\n", null);
            assertThat(Http.JSON.readTree(settings.bodyText()).path("scimBaseUrl").asText()).isEqualTo(scimBase);
            assertThat(server.console()).contains(publicUrl + "/c/demo/auth/scim/v2")
                    .doesNotContain("http://127.0.0.1");
        }
    }

    @Test
    void withoutPublicUrlTheListeningAddressIsUsedNotTheHostHeader() throws Exception {
        try (TestServer server = start("listening.db", "127.0.0.1", Optional.empty())) {
            String token = server.createScimReadySite("lst");
            RawHttp.Response created = withHost(server, FORGED_HOST, "POST", "/c/lst/auth/scim/v2/Users",
                    "Authorization: Bearer " + token + "\r\n", USER.formatted("lia@example.com"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                    .startsWith("http://127.0.0.1:" + server.port() + "/c/lst/auth/scim/v2/Users/"));
            assertThat(created.bodyText()).doesNotContain(FORGED_HOST);

            RawHttp.Response list = withHost(server, FORGED_HOST, "GET", "/c/lst/auth/scim/v2/ResourceTypes",
                    "Authorization: Bearer " + token + "\r\n", null);
            assertThat(list.bodyText()).doesNotContain(FORGED_HOST).contains("http://127.0.0.1:" + server.port());
        }
    }

    @Test
    void onAWildcardAddressAValidHostHeaderIsUsed() throws Exception {
        try (TestServer server = start("wildcard.db", "0.0.0.0", Optional.empty())) {
            String token = server.createScimReadySite("wild");
            RawHttp.Response created = withHost(server, "tunnel.example.net:8443", "POST",
                    "/c/wild/auth/scim/v2/Users", "Authorization: Bearer " + token + "\r\n",
                    USER.formatted("wia@example.com"));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                    .startsWith("http://tunnel.example.net:8443/c/wild/auth/scim/v2/Users/"));

            RawHttp.Response forged = withHost(server, "evil.example/path?x=", "GET", "/health", "", null);
            assertThat(forged.status()).isEqualTo(400);
        }
    }

    @Test
    void onAWildcardAddressEachRequestsLocationsFollowItsOwnHost() throws Exception {
        try (TestServer server = start("wildcard-hosts.db", "0.0.0.0", Optional.empty())) {
            String token = server.createScimReadySite("hosts");
            String id = server.signIn("hosts", "hia@example.com");
            // the base of a site's locations is remembered (ADR 049): another Host must never get the one before
            for (String host : List.of("one.example.net:8080", "two.example.net:8443", "one.example.net:8080",
                    "ONE.example.net:8080", "one.example.net:8443")) {
                String users = "http://" + host + "/c/hosts/auth/scim/v2/Users/";
                RawHttp.Response page = withHost(server, host, "GET", "/c/hosts/auth/scim/v2/Users",
                        "Authorization: Bearer " + token + "\r\n", null);
                assertThat(page.bodyText()).as(host).contains("\"location\":\"" + users + id + "\"");
                RawHttp.Response user = withHost(server, host, "GET", "/c/hosts/auth/scim/v2/Users/" + id,
                        "Authorization: Bearer " + token + "\r\n", null);
                assertThat(user.header("Location")).as(host).contains(users + id);
                assertThat(user.bodyText()).as(host).contains("\"location\":\"" + users + id + "\"");
            }
        }
    }

    private TestServer start(String database, String host, Optional<URI> publicUrl) {
        return TestServer.start(new ServerOptions(host, 0, dataDirectory.resolve(database),
                Optional.of(TestServer.ADMIN_PASSWORD), 0, CreationPolicy.ALLOW, publicUrl));
    }

    private static RawHttp.Response withHost(TestServer server, String host, String method, String target,
                                             String headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String head = method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n" + headers
                + (body == null ? "" : "Content-Type: application/scim+json\r\nContent-Length: " + content.length
                + "\r\n") + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + content.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(content, 0, request, headBytes.length, content.length);
        return RawHttp.sendExactly("127.0.0.1", server.port(), request);
    }
}

package dev.roster.scim.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.DiscoveryService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.core.service.SiteAdministrationService;
import dev.roster.scim.testkit.Stores;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * What the adapter does for any JAX-RS host at the edge of the SCIM API: absolute URLs from the configured public
 * base URL, SCIM errors for headers Jersey cannot parse and for bodies the container cannot deliver.
 */
class ScimFeatureEdgeTest extends ScimJerseyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USERS = "c/acme/auth/scim/v2/Users";
    private static final String PUBLIC = "https://scim.example.com/app";
    private static final String BROKEN_BODY = "X-Test-Broken-Body";

    private String token;

    @Override
    protected Application configure() {
        Stores stores = Stores.inMemory();
        Ports ports = new Ports(stores.users(), stores.sites(), stores.audit(), stores.transactions(),
                AccountEvents.NONE, Clock.systemUTC());
        SiteAdministration sites = new SiteAdministrationService(ports);
        token = scimReadySite(sites, "acme");
        return new ResourceConfig()
                .register(new ScimFeature(new ScimUsersService(ports, CreationPolicy.ALLOW), new DiscoveryService(),
                        sites, SiteResolver.byName()).withPublicBaseUrl(URI.create(PUBLIC)))
                .register(new BreaksTheBodyWhenAsked());
    }

    @Test
    void locationsUseThePublicBaseUrlNotTheRequestsHost() {
        Response created = create("ann@example.com");
        String id = body(created).path("id").asText();
        assertThat(created.getHeaderString("Location")).isEqualTo(PUBLIC + "/" + USERS + "/" + id);
        JsonNode user = body(authorized(USERS + "/" + id).header("Host", "evil.example").get());
        assertThat(user.path("meta").path("location").asText()).isEqualTo(PUBLIC + "/" + USERS + "/" + id);
        JsonNode config = body(authorized("c/acme/auth/scim/v2/ServiceProviderConfig").get());
        assertThat(config.path("meta").path("location").asText())
                .isEqualTo(PUBLIC + "/c/acme/auth/scim/v2/ServiceProviderConfig");
    }

    @Test
    void publicBaseUrlMustBeAnAbsoluteHttpUrl() {
        for (String bad : new String[]{"/relative", "ftp://example.com", "https://example.com/?q=1",
                "https://user@example.com/"}) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                    .isThrownBy(() -> PublicBaseUrl.of(URI.create(bad)));
        }
    }

    @Test
    void malformedAcceptIsAScim400() {
        // Jersey's own answer would be a bare 400 (Content-Type is covered by the server's raw-socket tests: this
        // client refuses to send a malformed one).
        assertScimError(authorized(USERS).header("Accept", "///").get(), 400, "Accept");
    }

    @Test
    void malformedIfNoneMatchIsAScim400() {
        String id = body(create("bo@example.com")).path("id").asText();
        assertScimError(authorized(USERS + "/" + id).header("If-None-Match", "garbage\"").get(), 400,
                "If-None-Match");
    }

    @Test
    void bodyCutOffByTheClientIs400AndStalledBodyIs408() {
        assertScimError(authorized(USERS).header(BROKEN_BODY, "reset")
                .post(Entity.entity(user("cut@example.com"), "application/scim+json")), 400, "cut off");
        assertScimError(authorized(USERS).header(BROKEN_BODY, "timeout")
                .post(Entity.entity(user("slow@example.com"), "application/scim+json")), 408, "in time");
    }

    private Response create(String userName) {
        Response response = authorized(USERS).post(Entity.entity(user(userName), "application/scim+json"));
        assertThat(response.getStatus()).isEqualTo(201);
        return response;
    }

    private static String user(String userName) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}";
    }

    private jakarta.ws.rs.client.Invocation.Builder authorized(String path) {
        return target(path).request().header("Authorization", "Bearer " + token);
    }

    private static JsonNode body(Response response) {
        try {
            return JSON.readTree(response.readEntity(String.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertScimError(Response response, int status, String detailMentions) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).startsWith("application/scim+json");
        JsonNode error = body(response);
        assertThat(error.path("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
        if (detailMentions != null) {
            assertThat(error.path("detail").asText()).contains(detailMentions);
        }
    }

    /** Stands in for a container whose client reset the connection, or stalled past its read timeout. */
    private static final class BreaksTheBodyWhenAsked implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            String how = request.getHeaderString(BROKEN_BODY);
            if (how == null) {
                return;
            }
            InputStream failing = new InputStream() {
                @Override
                public int read() throws IOException {
                    throw how.equals("timeout") ? new SocketTimeoutException("Read timed out")
                            : new IOException("Connection reset by peer");
                }
            };
            request.setEntityStream(new SequenceInputStream(
                    new ByteArrayInputStream("{\"schemas\":".getBytes(StandardCharsets.UTF_8)), failing));
        }
    }
}

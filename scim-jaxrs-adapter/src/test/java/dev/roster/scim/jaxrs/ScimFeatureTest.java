package dev.roster.scim.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.DiscoveryService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.core.service.SiteAdministrationService;
import dev.roster.scim.testkit.Stores;
import dev.roster.scim.jaxrs.internal.resource.ScimEndpoint;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.Optional;

/**
 * The JAX-RS adapter alone: the real {@link ScimFeature} in Jersey's in-memory container over the core's services
 * and in-memory stores. It checks what the adapter itself decides: the bearer filter's outcomes, SCIM bodies for
 * the runtime's own 404/405/406/415 and for unexpected failures, and the ListResponse shape.
 */
class ScimFeatureTest extends ScimJerseyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String USERS = "c/acme/auth/scim/v2/Users";
    private static final String FAILING_FILTER = "userName eq \"boom\"";

    private SiteAdministration sites;
    private String token;
    private String otherToken;

    private Ports ports;

    @Override
    protected Application configure() {
        ports = ports();
        sites = new SiteAdministrationService(ports);
        token = scimReadySite(sites, "acme");
        otherToken = scimReadySite(sites, "other");
        ScimUsers users = failingOn(new ScimUsersService(ports, CreationPolicy.ALLOW));
        return new ResourceConfig().register(new ScimFeature(users, new DiscoveryService(), sites,
                SiteResolver.byName())).register(HostResource.class).register(MisplacedScimResource.class);
    }

    @Test
    void serviceProviderConfigOfASiteWithoutItsOwnCreationPolicyTellsTheDefaultThatPostFollows() {
        SiteSettings stored = ports.sites().find(SiteId.of("acme")).orElseThrow();
        ports.sites().update(stored.withCreationPolicy(Optional.empty()));

        JsonNode config = json(authorized(target("c/acme/auth/scim/v2/ServiceProviderConfig").request()).get());

        assertThat(config.path("urn:ietf:params:scim:schemas:extension:roster:2.0:ServiceProviderConfig")
                .path("userCreation").asText()).isEqualTo("allow");
        assertThat(authorized(users()).post(Entity.entity("{\"userName\":\"new@example.com\"}",
                "application/scim+json")).getStatus()).isEqualTo(201);
    }

    @Test
    void requestWithoutTokenIs401WithBearerChallenge() {
        Response response = target(USERS).request().get();
        assertScimError(response, 401);
        assertThat(response.getHeaderString("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anotherSitesTokenIs401() {
        assertScimError(users().header("Authorization", "Bearer " + otherToken).get(), 401);
        assertScimError(users().header("Authorization", "bearer" + token).get(), 401);
        assertScimError(users().header("Authorization", "Basic " + token).get(), 401);
    }

    @Test
    void tokenIsCheckedForSitesWithUnusualNames() {
        assertScimError(target("c/NOT_A_SITE/auth/scim/v2/Users").request()
                .header("Authorization", "Bearer " + token).get(), 401);
    }

    @Test
    void siteWithScimOffIs403() {
        sites.updateSettings(SiteId.of("acme"), SettingsChange.none().scimEnabled(false));
        assertScimError(authorized(users()).get(), 403);
    }

    @Test
    void validTokenGetsAListResponse() {
        createUser("ann@example.com");
        Response response = authorized(users()).get();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getMediaType().toString()).startsWith("application/scim+json");
        JsonNode list = json(response);
        assertThat(list.path("schemas").get(0).asText())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        assertThat(list.path("startIndex").asInt()).isEqualTo(1);
        assertThat(list.path("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).path("userName").asText()).isEqualTo("ann@example.com");
        assertThat(list.path("Resources").get(0).path("meta").path("location").asText())
                .startsWith(getBaseUri().toString()).endsWith("/" + USERS + "/"
                        + list.path("Resources").get(0).path("id").asText());
    }

    @Test
    void countZeroListsTotalsWithoutResources() {
        createUser("bo@example.com");
        JsonNode list = json(authorized(target(USERS).queryParam("count", 0).request()).get());
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        assertThat(list.path("itemsPerPage").asInt()).isZero();
        assertThat(list.has("Resources")).isFalse();
    }

    @Test
    void unknownPathIsScim404() {
        assertScimError(authorized(target("c/acme/auth/scim/v2/Nothing").request()).get(), 404);
    }

    /**
     * Without the site's token nothing under the SCIM base is processed, not even what Jersey answers while it
     * matches a resource (its automatic OPTIONS, 404, 405, 406, 415): all of it is the same 401.
     */
    @Test
    void everyRequestUnderTheBaseWithoutAValidTokenIs401BeforeMatching() {
        for (String path : new String[]{USERS, USERS + "/42", "c/acme/auth/scim/v2/Nothing", "c/acme/auth/scim/v2",
                "c/no-such-site/auth/scim/v2/Users", "c/acme/auth/scim/v2/Users/../../../../host/logout"}) {
            assertUnauthorized(target(path).request().options(), "OPTIONS " + path);
            assertUnauthorized(target(path).request().header("Authorization", "Bearer " + otherToken).options(),
                    "OPTIONS with another site's token " + path);
            assertUnauthorized(target(path).request().get(), "GET " + path);
        }
        assertUnauthorized(users().delete(), "DELETE on the collection (405 with a token)");
        assertUnauthorized(users().post(Entity.entity("{}", MediaType.TEXT_PLAIN)), "text/plain body (415)");
        assertUnauthorized(target(USERS).request(MediaType.TEXT_HTML).get(), "Accept: text/html (406)");
    }

    @Test
    void optionsWithTheTokenListsTheAllowedMethods() {
        Response response = authorized(target(USERS + "/42").request()).options();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getHeaderString("Allow")).contains("GET", "PUT", "PATCH", "DELETE");
    }

    @Test
    void wrongMethodIsScim405KeepingAllow() {
        Response response = authorized(users()).delete();
        assertScimError(response, 405);
        assertThat(response.getHeaderString("Allow")).contains("GET").contains("POST");
    }

    @Test
    void unacceptableMediaTypeIsScim406() {
        assertScimError(authorized(target(USERS).request(MediaType.TEXT_HTML)).get(), 406);
    }

    @Test
    void unsupportedBodyTypeIsScim415() {
        assertScimError(authorized(users()).post(Entity.entity("{}", MediaType.TEXT_PLAIN)), 415);
    }

    @Test
    void malformedJsonIsInvalidSyntax() {
        Response response = authorized(users()).post(Entity.entity("{\"userName\":", "application/scim+json"));
        JsonNode error = assertScimError(response, 400);
        assertThat(error.path("scimType").asText()).isEqualTo("invalidSyntax");
    }

    @Test
    void bodiesOfOneMebibyteAreReadAndLongerOnesAre413() {
        String search = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"count\":0}";
        String exactly = search + " ".repeat((1 << 20) - search.length());
        Response read = authorized(target(USERS + "/.search").request())
                .post(Entity.entity(exactly, "application/scim+json"));
        assertThat(read.getStatus()).as("a body of exactly 1 MiB").isEqualTo(200);
        read.close();

        Response tooLarge = authorized(target(USERS + "/.search").request())
                .post(Entity.entity(exactly + " ", "application/scim+json"));
        assertThat(assertScimError(tooLarge, 413).path("detail").asText()).contains("1048576 bytes");
    }

    @Test
    void postWithoutBodyOrContentTypeIsInvalidSyntax() {
        JsonNode error = assertScimError(authorized(users()).post(null), 400);
        assertThat(error.path("scimType").asText()).isEqualTo("invalidSyntax");
    }

    @Test
    void unexpectedFailureIs500WithCorrelationIdOnly() {
        Response response = authorized(target(USERS).queryParam("filter", FAILING_FILTER).request()).get();
        JsonNode error = assertScimError(response, 500);
        String correlationId = response.getHeaderString("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        assertThat(error.path("detail").asText()).contains(correlationId).doesNotContain("secret");
    }

    @Test
    void errorsFollowAcceptApplicationJson() {
        Response response = target(USERS).request(MediaType.APPLICATION_JSON).get();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
    }

    @Test
    void hostApplicationsOwnRequestsAreLeftAsSent() {
        Response response = target("host/logout").request().post(null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.readEntity(String.class)).isEqualTo("no Content-Type");
    }

    @Test
    void aScimResourceMatchedOutsideTheBaseIsStillGuardedAfterMatching() {
        assertUnauthorized(target("elsewhere/acme").request().get(), "GET elsewhere/acme without a token");
        Response authorized = authorized(target("elsewhere/acme").request()).get();
        assertThat(authorized.getStatus()).isEqualTo(200);
        assertThat(authorized.readEntity(String.class)).isEqualTo("acme");
    }

    /** A SCIM resource at a path the check before matching does not take for the SCIM base. */
    @ScimEndpoint
    @Path("elsewhere/{site}")
    public static final class MisplacedScimResource {
        @jakarta.ws.rs.GET
        @Produces(MediaType.TEXT_PLAIN)
        public String site(@jakarta.ws.rs.PathParam("site") String site) {
            return site;
        }
    }

    /** A resource of the host application, beside the SCIM API: a bodyless POST its clients send untyped. */
    @Path("host/logout")
    public static final class HostResource {
        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        @Produces(MediaType.TEXT_PLAIN)
        public String logout(@HeaderParam("Content-Type") String contentType) {
            return contentType == null ? "no Content-Type" : contentType;
        }
    }

    private Invocation.Builder users() {
        return target(USERS).request();
    }

    private Invocation.Builder authorized(Invocation.Builder request) {
        return request.header("Authorization", "Bearer " + token);
    }

    private void createUser(String userName) {
        Response response = authorized(users()).post(Entity.entity("{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName + "\"}",
                "application/scim+json"));
        assertThat(response.getStatus()).isEqualTo(201);
        response.close();
    }

    private static JsonNode assertScimError(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).startsWith("application/scim+json");
        String body = response.readEntity(String.class);
        assertThat(body).doesNotContain("Exception").doesNotContain("at dev.");
        JsonNode error = parse(body);
        assertThat(error.path("schemas").get(0).asText()).isEqualTo(ERROR);
        assertThat(error.path("status").isTextual()).isTrue();
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("detail").asText()).isNotBlank();
        return error;
    }

    private static void assertUnauthorized(Response response, String what) {
        assertThat(response.getStatus()).as(what).isEqualTo(401);
        assertThat(response.getHeaderString("WWW-Authenticate")).as(what).startsWith("Bearer");
        assertThat(response.getHeaderString("Allow")).as(what).isNull();
        assertScimError(response, 401);
    }

    private static JsonNode json(Response response) {
        return parse(response.readEntity(String.class));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Ports ports() {
        Stores stores = Stores.inMemory();
        return new Ports(stores.users(), stores.sites(), stores.audit(), stores.transactions(), AccountEvents.NONE,
                Clock.systemUTC());
    }

    /** The real use case, bound or not, except that a search for {@code boom} fails as a broken database would. */
    private static ScimUsers failingOn(ScimUsers real) {
        return (ScimUsers) Proxy.newProxyInstance(ScimUsers.class.getClassLoader(), new Class<?>[]{ScimUsers.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("search") && arguments[1] instanceof SearchRequest request
                            && request.filter().filter(FAILING_FILTER::equals).isPresent()) {
                        throw new IllegalStateException("secret connection string jdbc:sqlite:/var/secret.db");
                    }
                    try {
                        Object answer = method.invoke(real, arguments);
                        // The resources call the use cases bound to each request's admission.
                        return method.getName().equals("admitted") ? failingOn((ScimUsers) answer) : answer;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

package dev.roster.scim.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.AccountSync;
import dev.roster.scim.core.service.DiscoveryService;
import dev.roster.scim.core.service.JitSignInService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.core.service.SiteAdministrationService;
import dev.roster.scim.testkit.FailingAccounts;
import dev.roster.scim.testkit.InMemoryAccounts;
import dev.roster.scim.testkit.InMemoryAuditLog;
import dev.roster.scim.testkit.InMemorySiteStore;
import dev.roster.scim.testkit.InMemoryTransactions;
import dev.roster.scim.testkit.InMemoryUserStore;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.test.JerseyTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;

/**
 * The side-car way over HTTP: when the host's accounts table fails inside the SCIM change's transaction, the IdP
 * gets a SCIM 500 that names nothing of the host but a correlation id, and the change is not made.
 */
class SideCarFailureTest extends ScimJerseyTest {

    private static final SiteId ACME = SiteId.of("acme");
    private static final ObjectMapper JSON = new ObjectMapper();

    // Set in configure(), which JerseyTest's constructor calls before field initialisers run.
    private InMemoryUserStore users;
    private InMemoryAccounts accounts;
    private FailingAccounts host;
    private String token;
    private User ann;

    @Override
    protected Application configure() {
        users = new InMemoryUserStore();
        accounts = new InMemoryAccounts();
        host = new FailingAccounts(accounts);
        InMemorySiteStore siteStore = new InMemorySiteStore();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        Ports ports = new Ports(users, siteStore, audit, new InMemoryTransactions(users, siteStore, audit, accounts),
                AccountEvents.NONE, Clock.systemUTC()).withAccountSync(AccountSync.sharedTransaction(host));
        SiteAdministration sites = new SiteAdministrationService(ports);
        token = scimReadySite(sites, ACME.value());
        ann = new JitSignInService(ports).signIn(ACME, SsoAssertion.of("ann", null, null, null)).user();
        return new ResourceConfig().register(new ScimFeature(new ScimUsersService(ports), new DiscoveryService(),
                sites, SiteResolver.byName()));
    }

    @Test
    void aHostFailureIsAScim500WithACorrelationIdAndNothingChanges() throws IOException {
        host.failAlways(true);

        Response response = target("c/acme/auth/scim/v2/Users/" + ann.id()).request()
                .header("Authorization", "Bearer " + token)
                .method("PATCH", Entity.entity("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}",
                        "application/scim+json"));

        assertThat(response.getStatus()).isEqualTo(500);
        String correlationId = response.getHeaderString("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        JsonNode error = JSON.readTree(response.readEntity(String.class));
        assertThat(error.path("schemas").path(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.path("status").asText()).isEqualTo("500");
        assertThat(error.path("detail").asText()).contains("nothing was changed").contains(correlationId)
                .doesNotContain(FailingAccounts.FAILURE);
        assertThat(users.findById(ACME, ann.id()).orElseThrow().active()).isTrue();
        assertThat(accounts.findById(ACME, ann.id()).orElseThrow().active()).isTrue();
    }
}

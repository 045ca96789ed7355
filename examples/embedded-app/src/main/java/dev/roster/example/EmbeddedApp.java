package dev.roster.example;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.JitSignIn;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.AccountRelay;
import dev.roster.scim.core.service.AccountSync;
import dev.roster.scim.core.service.DiscoveryService;
import dev.roster.scim.core.service.JitSignInService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.core.service.SiteAdministrationService;
import dev.roster.scim.jaxrs.ScimFeature;
import dev.roster.scim.jaxrs.SiteResolver;
import dev.roster.scim.mybatis.RosterDatabase;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A small application with its own {@code accounts} table that embeds Roster the side-car way (docs/embedding.md):
 * Roster keeps the SCIM records in its own SQLite file, the application keeps its accounts in another, and Roster
 * tells it what changed through {@link AccountsTable} (an {@code Accounts}), from the outbox. It serves the SCIM API
 * under {@code /c/{site}/auth/scim/v2}, its SSO sign-in at {@code /c/{site}/sso/sign-in} and its own view of an
 * account at {@code /c/{site}/accounts/{userName}}.
 */
public final class EmbeddedApp implements AutoCloseable {

    private final HttpServer http;
    private final SiteAdministration sites;
    private final AccountRelay relay;
    private final RosterDatabase roster;
    private final AccountsTable accounts;

    private EmbeddedApp(HttpServer http, SiteAdministration sites, AccountRelay relay, RosterDatabase roster,
                        AccountsTable accounts) {
        this.http = http;
        this.sites = sites;
        this.relay = relay;
        this.roster = roster;
        this.accounts = accounts;
    }

    /** Starts the application on {@code port} (0: any free one), its two SQLite files in {@code dataDirectory}. */
    public static EmbeddedApp start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        // Roster's records and the outbox in Roster's file; the application's accounts in its own.
        RosterDatabase roster = RosterDatabase.open(dataDirectory.resolve("roster.db"));
        AccountsTable accounts = new AccountsTable(dataDirectory.resolve("accounts.db"));

        Ports ports = new Ports(roster.userStore(), roster.siteStore(), roster.auditLog(), roster.transactions(),
                AccountEvents.NONE, Clock.systemUTC())
                .withAccountSync(AccountSync.outbox(roster.accountOutbox()));
        AccountRelay relay = new AccountRelay(roster.accountOutbox(), accounts, Clock.systemUTC())
                .start(Duration.ofMillis(200));

        ScimUsers scim = new ScimUsersService(ports, CreationPolicy.DEFAULT);
        SiteAdministration sites = new SiteAdministrationService(ports, CreationPolicy.DEFAULT);
        JitSignIn signIn = new JitSignInService(ports);
        ResourceConfig application = new ResourceConfig()
                .register(new ScimFeature(scim, new DiscoveryService(), sites, SiteResolver.byName()))
                .register(new SignInResource(signIn, relay, accounts))
                .register(new AccountsResource(accounts));

        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + port + "/"), application, false);
        http.start();
        return new EmbeddedApp(http, sites, relay, roster, accounts);
    }

    /** The port the application listens on. */
    public int port() {
        return http.getListeners().iterator().next().getPort();
    }

    /** What the application's own admin pages would call: SSO, SCIM, role management and the token of a site. */
    public SiteAdministration sites() {
        return sites;
    }

    @Override
    public void close() {
        http.shutdownNow();
        relay.close();
        accounts.close();
        roster.close();
    }

    /**
     * Runs the application: {@code EmbeddedApp [port] [data directory]}. A new site {@code acme} gets SSO and SCIM on,
     * and its token is printed once, for the IdP.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Path data = Path.of(args.length > 1 ? args[1] : "embedded-app-data");
        EmbeddedApp app = start(data, port);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        SiteId acme = SiteId.of("acme");
        if (!app.sites().sites().contains(acme)) {
            app.sites().createSite(acme.value());
            app.sites().updateSettings(acme, SettingsChange.none().ssoConfigured(true).scimEnabled(true));
            System.out.println("SCIM token of site acme (shown once): " + app.sites().generateToken(acme).token());
        }
        System.out.println("Listening on http://127.0.0.1:" + app.port() + "/c/acme/auth/scim/v2");
        Thread.currentThread().join();
    }
}

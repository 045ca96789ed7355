package dev.roster.scim.server;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.RateLimits;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.Discovery;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.JitSignIn;
import dev.roster.scim.core.port.in.LocalUserAdministration;
import dev.roster.scim.core.port.in.RequestInspection;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.core.service.CountingScimUsers;
import dev.roster.scim.core.service.DiscoveryService;
import dev.roster.scim.core.service.JitSignInService;
import dev.roster.scim.core.service.LocalUserAdministrationService;
import dev.roster.scim.core.service.RequestInspectionService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.core.service.SiteAdministrationService;
import dev.roster.scim.jaxrs.PublicBaseUrl;
import dev.roster.scim.jaxrs.ScimFeature;
import dev.roster.scim.jaxrs.SiteResolver;
import dev.roster.scim.mybatis.RosterDatabase;
import dev.roster.scim.server.admin.AdminFeature;
import dev.roster.scim.server.admin.AdminPassword;
import dev.roster.scim.server.admin.InspectorResource;
import dev.roster.scim.server.admin.MetricsResource;
import dev.roster.scim.server.http.HttpLimits;
import dev.roster.scim.server.inspector.ExchangeCapture;
import dev.roster.scim.server.inspector.ExchangeRecorder;
import dev.roster.scim.server.metrics.ServerMetrics;
import dev.roster.scim.server.web.AdminAssetsResource;
import dev.roster.scim.server.web.AdminPageResource;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The composition root: opens the database (a SQLite file or PostgreSQL), wires the core's use cases to its stores, registers the SCIM
 * feature, the admin API and the page with Jersey, and starts Grizzly. On a new database it also creates the demo
 * site and prints what an IdP admin needs, secrets once.
 */
public final class RosterApplication implements AutoCloseable {

    static final SiteId DEMO_SITE = SiteId.of("demo");
    private static final String ADMIN_PASSWORD_KEY = "admin.password";
    private static final Logger LOG = LoggerFactory.getLogger(RosterApplication.class);

    private final RosterDatabase database;
    private final ReferenceServer server;
    private final String baseUrl;

    private RosterApplication(RosterDatabase database, ReferenceServer server, String baseUrl) {
        this.database = database;
        this.server = server;
        this.baseUrl = baseUrl;
    }

    public static RosterApplication start(ServerOptions options, PrintStream console) {
        return start(options, HttpLimits.defaults(), console, Clock.systemUTC());
    }

    /**
     * Starts with other limits at the HTTP edge and the given clock (tests shorten the limits, and move the clock to
     * expire sessions and throttles). Listens before it stores or shows any secret: a start that cannot take its port
     * stores nothing, removes a database file it created, and throws {@link StartupFailure}.
     */
    public static RosterApplication start(ServerOptions options, HttpLimits limits, PrintStream console,
                                          Clock clock) {
        return start(options, limits, console, clock, RosterApplication::deriveInBackground);
    }

    /**
     * Starts as above, deriving the admin password's key on {@code keyDerivation}, which is handed the work once the
     * server answers (tests hold it back to see the server answer SCIM meanwhile). The admin API answers {@code 503}
     * until the password is settled; this method returns once it is.
     */
    static RosterApplication start(ServerOptions options, HttpLimits limits, PrintStream console, Clock clock,
                                   Executor keyDerivation) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        boolean databaseExisted = options.database().exists();
        RosterDatabase database = options.database().open();
        // An upgrade that treats some stored users differently (ADR 014) says so once, where the operator looks.
        database.upgradeNotices().forEach(notice -> LOG.warn("Database upgrade: {}", notice));
        try {
            ServerMetrics metrics = new ServerMetrics();
            Ports ports = new Ports(database.userStore(), database.siteStore(), database.auditLog(),
                    database.transactions(), metrics.accountEvents(new LoggingAccountEvents()), clock)
                    .withOutcomes(metrics.scimOutcomes())
                    .withEventFailures(metrics.accountEventFailures(new LoggingAccountEventFailures()));
            ScimUsers scimUsers = new CountingScimUsers(new ScimUsersService(ports, options.creationPolicy(),
                    database.cursorKeys()), ports.outcomes());
            // The same default for both: new sites get it, and sites that never chose one follow it.
            SiteAdministration sites = new SiteAdministrationService(ports, options.creationPolicy(),
                    database.rateLimiter(), RateLimits.NONE.withSite(options.defaultRateLimit()));
            LocalUserAdministration localUsers = new LocalUserAdministrationService(ports);
            JitSignIn signIn = new JitSignInService(ports);
            Discovery discovery = new DiscoveryService();
            RequestInspection inspection = new RequestInspectionService(database.exchangeLog(),
                    database.siteStore());
            ExchangeRecorder recorder = new ExchangeRecorder(inspection);
            metrics.inspectorLosses(recorder::dropped, recorder::failed);
            metrics.accessLogLosses(LoggingConfiguration::accessLinesDropped);
            metrics.connectionPool(database.connectionPool());
            metrics.writePath(database.writePath());

            // PBKDF2 (slow on purpose) is handed to its thread only once SCIM answers: beside Jersey's build and
            // Grizzly's start it took a core of two from them (ADR 031, ADR 045). The stored hash is read there too:
            // the store's first read waits for MyBatis's configuration (ADR 036).
            CompletableFuture<Void> listening = new CompletableFuture<>();
            CompletableFuture<AdminPasswordChoice> password = listening.thenApplyAsync(
                    ignored -> AdminPasswordChoice.choose(options.adminPassword(),
                            database.serverSettings().get(ADMIN_PASSWORD_KEY)), keyDerivation);
            AtomicBoolean passwordSettled = new AtomicBoolean();
            // Read at every check, so that a password another server stores applies here at once (ADR 015). Asked
            // only once the password is settled: the admin API refuses every call before.
            Supplier<AdminPassword> currentPassword = () -> database.serverSettings().get(ADMIN_PASSWORD_KEY)
                    .map(AdminPassword::fromStored).orElseGet(() -> password.join().password());

            ResourceConfig application = new ResourceConfig()
                    .register(new ScimFeature(scimUsers, discovery, sites, SiteResolver.byName()))
                    .register(new RequestIdFilter())
                    .register(new AccessLogFilter(options.monitoring().accessLog(), clock))
                    .register(metrics.requests())
                    .register(new ExchangeCapture(recorder, clock, RequestIdFilter::of))
                    .register(new PublicUrlPolicy(options.publicUrl(), options.host()))
                    .register(new RequestHeaderSyntax())
                    .register(HealthResource.class)
                    .register(new AdminFeature(sites, localUsers, signIn, new AdminFeature.Settings(
                            currentPassword, passwordSettled::get, database.adminSessions(),
                            database.signInFailures(), clock, options.publicUrl()), new InspectorResource(inspection,
                            new InspectorResource.Losses(recorder::dropped, recorder::failed,
                                    recorder::sampledOut)),
                            new MetricsResource(metrics::scrape, options.monitoring().metricsToken())))
                    .register(AdminPageResource.class)
                    .register(AdminAssetsResource.class)
                    .property(ServerProperties.WADL_FEATURE_DISABLE, true);
            ReferenceServer server = listen(options, application, limits, database, () -> {
                recorder.close();
                metrics.close();
            }, databaseExisted);
            listening.complete(null);
            try {
                // The port is ours: only now store the secrets this start shows. Another server may be starting
                // on the same new database: only the one whose writes win shows secrets.
                // SCIM answers from here on; the admin API once the password is settled, before the banner says
                // where it is (and shows a generated password).
                // Asked only now: no request creates a site before the admin API opens (once the password is
                // settled), and the first read waits for MyBatis's configuration, built beside Jersey (ADR 036).
                boolean newDatabase = sites.sites().isEmpty();
                Optional<String> generatedPassword = settle(database, password, passwordSettled);
                Optional<GeneratedToken> demoToken = newDatabase ? createDemoSite(database, sites)
                        : Optional.empty();
                String baseUrl = options.publicUrl().map(PublicBaseUrl::validated)
                        .map(RosterApplication::withoutSlash)
                        .orElse("http://" + hostLiteral(options.host()) + ":" + server.port());
                if (options.publicUrl().isEmpty() && PublicUrlPolicy.isWildcard(options.host())) {
                    LOG.warn("Listening on all addresses without --public-url: absolute URLs in responses follow "
                            + "each request's Host header. Set --public-url to the URL IdPs use.");
                }
                StartupBanner.print(console, baseUrl, options.database().description(), DEMO_SITE, demoToken,
                        generatedPassword);
                if (options.seedUsers() > 0) {
                    long existing = localUsers.users(DEMO_SITE, SearchRequest.all().withPage(1, 0)).totalResults();
                    DemoUsers.seed(signIn, DEMO_SITE, existing, options.seedUsers(), console);
                }
                LOG.info("Roster reference server listening on {}", baseUrl);
                return new RosterApplication(database, server, baseUrl);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        } catch (StartupFailure e) {
            throw e;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static ReferenceServer listen(ServerOptions options, ResourceConfig application, HttpLimits limits,
                                          RosterDatabase database, Runnable recorders,
                                          boolean databaseExisted) {
        // The inspector's recorder writes what it holds before the database closes.
        Runnable closeStorage = () -> {
            try {
                recorders.run();
            } finally {
                database.close();
            }
        };
        try {
            return ReferenceServer.start(options.host(), options.port(), application, limits, closeStorage);
        } catch (StartupFailure e) {
            recorders.run();
            database.close();
            if (!databaseExisted) {
                options.database().removeCreatedByThisStart();
            }
            throw e;
        }
    }

    /** Waits for the password's choice, stores it if it must, and opens the admin API; returns what to show. */
    private static Optional<String> settle(RosterDatabase database, CompletableFuture<AdminPasswordChoice> password,
                                           AtomicBoolean settled) {
        AdminPasswordChoice choice;
        try {
            choice = password.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        Optional<String> shown = storePassword(database, choice);
        settled.set(true);
        return shown;
    }

    private static void deriveInBackground(Runnable derivation) {
        Thread thread = new Thread(derivation, "roster-admin-password");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stores the password this start chose, if it must; returns the generated one to show. A generated password is
     * stored only if no server stored one meanwhile (two first starts on one new database): the loser shows none and
     * uses the winner's, which its password checks read from the database.
     */
    private static Optional<String> storePassword(RosterDatabase database, AdminPasswordChoice password) {
        if (!password.changed()) {
            return Optional.empty();
        }
        if (password.generated().isPresent()) {
            boolean stored = database.serverSettings().putIfAbsent(ADMIN_PASSWORD_KEY, password.password().stored());
            return stored ? password.generated() : Optional.empty();
        }
        database.serverSettings().put(ADMIN_PASSWORD_KEY, password.password().stored());
        database.adminSessions().deleteAll();
        return Optional.empty();
    }

    private static String withoutSlash(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    private static String hostLiteral(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * The demo site and its first token, in one transaction: of two servers starting on one new database, one
     * creates it and shows the token; the other finds it there ({@code 409}) and shows nothing.
     */
    private static Optional<GeneratedToken> createDemoSite(RosterDatabase database, SiteAdministration sites) {
        try {
            return Optional.of(database.transactions().inTransaction(() -> {
                sites.createSite(DEMO_SITE.value());
                sites.updateSettings(DEMO_SITE, new SettingsChange(Optional.of(true), Optional.of(true),
                        Optional.of(true)));
                return sites.generateToken(DEMO_SITE);
            }));
        } catch (ScimException e) {
            if (e.type() != ScimErrorType.CONFLICT) {
                throw e;
            }
            LOG.info("Site '{}' was created by another server starting on the same database", DEMO_SITE.value());
            return Optional.empty();
        }
    }

    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.port();
    }

    /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
    @Override
    public void close() {
        server.close();
    }

    RosterDatabase database() {
        return database;
    }
}

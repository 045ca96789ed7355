package dev.roster.scim.server.admin;

import dev.roster.scim.core.port.in.JitSignIn;
import dev.roster.scim.core.port.in.LocalUserAdministration;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.mybatis.AdminSessions;
import dev.roster.scim.mybatis.SignInFailures;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The reference server's admin API, its sign-in sessions and the SSO sign-in simulation: same-origin writes only,
 * a session cookie or HTTP Basic, throttled password checks, nothing cached (docs/adr/011).
 */
public final class AdminFeature implements Feature {

    /**
     * What the admin surface needs besides the use cases.
     *
     * @param password  the admin password as stored now: asked at every check, so that it must read the database
     * @param ready     whether the start has settled the admin password; until then every admin call is refused
     *                  with {@code 503} and {@code Retry-After}
     * @param publicUrl where browsers reach the server, when configured: the origin writes must come from, and
     *                  {@code Secure} cookies when it is https
     */
    public record Settings(Supplier<AdminPassword> password, BooleanSupplier ready, AdminSessions sessions,
                           SignInFailures failures, Clock clock, Optional<URI> publicUrl) {

        public Settings {
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(ready, "ready");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(failures, "failures");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(publicUrl, "publicUrl");
        }
    }

    private final SiteAdministration sites;
    private final LocalUserAdministration users;
    private final JitSignIn signIn;
    private final Settings settings;
    private final InspectorResource inspector;
    private final MetricsResource metrics;

    public AdminFeature(SiteAdministration sites, LocalUserAdministration users, JitSignIn signIn,
                        Settings settings, InspectorResource inspector, MetricsResource metrics) {
        this.sites = sites;
        this.users = users;
        this.signIn = signIn;
        this.settings = settings;
        this.inspector = inspector;
        this.metrics = metrics;
    }

    @Override
    public boolean configure(FeatureContext context) {
        PasswordGate passwords = new PasswordGate(settings.password(), settings.failures(), settings.clock());
        SignInSessions sessions = new SignInSessions(settings.sessions(), settings.clock());
        // Before anything else: until the password is settled, nothing can be judged by it.
        context.register(new PasswordPendingFilter(settings.ready()), Priorities.AUTHENTICATION - 200);
        // Same-origin first: a cross-site write is refused before any password is checked.
        context.register(new SameOriginFilter(settings.publicUrl()), Priorities.AUTHENTICATION - 100);
        context.register(new AdminAuthFilter(passwords, sessions, metrics.token()), Priorities.AUTHENTICATION);
        context.register(new AdminResponseHeaders());
        context.register(new SessionResource(passwords, sessions, settings.publicUrl()));
        context.register(new SitesResource(sites));
        context.register(new SiteAdminResource(sites, users, settings.clock()));
        context.register(inspector);
        context.register(metrics);
        context.register(new SignInResource(signIn));
        return true;
    }
}

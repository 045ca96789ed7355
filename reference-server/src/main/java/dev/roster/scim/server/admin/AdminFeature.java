package dev.roster.scim.server.admin;

import dev.roster.scim.core.port.in.JitSignIn;
import dev.roster.scim.core.port.in.LocalUserAdministration;
import dev.roster.scim.core.port.in.SiteAdministration;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/** The reference server's admin API and SSO sign-in simulation, behind the admin's HTTP Basic credentials. */
public final class AdminFeature implements Feature {

    private final SiteAdministration sites;
    private final LocalUserAdministration users;
    private final JitSignIn signIn;
    private final AdminPassword password;

    public AdminFeature(SiteAdministration sites, LocalUserAdministration users, JitSignIn signIn,
                        AdminPassword password) {
        this.sites = sites;
        this.users = users;
        this.signIn = signIn;
        this.password = password;
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new AdminAuthFilter(password), Priorities.AUTHENTICATION);
        context.register(new SitesResource(sites));
        context.register(new SiteAdminResource(sites, users));
        context.register(new SignInResource(signIn));
        return true;
    }
}

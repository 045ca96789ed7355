package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.internal.policy.ProvisioningPolicy;
import dev.roster.scim.core.internal.policy.RateLimitPolicy;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.model.RateLimits;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.port.in.AccessDecision;
import dev.roster.scim.core.port.in.Admission;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.SettingsChange;
import dev.roster.scim.core.port.in.SiteAdministration;
import dev.roster.scim.core.port.in.TokenRequest;
import dev.roster.scim.core.port.out.RateLimiter;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link SiteAdministration}. New sites get the default creation policy given here; a site whose stored settings
 * hold none (created before sites had one, or by a store that keeps none) shows that default too.
 *
 * <pre>{@code
 * CreationPolicy serverDefault = CreationPolicy.PENDING;
 * SiteAdministration sites = new SiteAdministrationService(ports, serverDefault);
 * ScimUsers scim = new ScimUsersService(ports, serverDefault);   // the same default, so what is shown applies
 * }</pre>
 *
 * <p>Rate limits (ADR 024) need a {@link RateLimiter} that keeps the buckets: without one, limits are stored and
 * shown but nothing is refused. {@code defaultRateLimits} are what new sites get (none unless the embedder says).
 */
public final class SiteAdministrationService implements SiteAdministration {

    private static final Filter HELD_ROLES = Filter.compare(AttrPath.of("userType"), CompareOp.NE,
            CompValue.of(Role.REGISTERED.scimValue()));
    private static final String ROLE_DROPPED = "The site no longer lets SCIM manage roles, so the role the identity "
            + "provider sent is not kept: their first SSO sign-in gives Registered.";

    private final Ports ports;
    private final UserWrites writes;
    private final CreationPolicy defaultCreation;
    private final SiteAudit audit;
    private final SiteTokens tokens;
    private final RateLimitPolicy rateLimits;
    private final RateLimits defaultRateLimits;
    private final SiteSnapshots snapshots;

    /** New sites get {@link CreationPolicy#DEFAULT}. */
    public SiteAdministrationService(Ports ports) {
        this(ports, CreationPolicy.DEFAULT);
    }

    public SiteAdministrationService(Ports ports, CreationPolicy defaultCreation) {
        this(ports, new SecureRandom(), defaultCreation);
    }

    public SiteAdministrationService(Ports ports, SecureRandom random) {
        this(ports, random, CreationPolicy.DEFAULT);
    }

    public SiteAdministrationService(Ports ports, SecureRandom random, CreationPolicy defaultCreation) {
        this(ports, random, defaultCreation, RateLimiter.NONE, RateLimits.NONE);
    }

    /** Refuses requests past the sites' rate limits through {@code limiter}; new sites get {@code defaultRateLimits}. */
    public SiteAdministrationService(Ports ports, CreationPolicy defaultCreation, RateLimiter limiter,
                                     RateLimits defaultRateLimits) {
        this(ports, new SecureRandom(), defaultCreation, limiter, defaultRateLimits);
    }

    public SiteAdministrationService(Ports ports, SecureRandom random, CreationPolicy defaultCreation,
                                     RateLimiter limiter, RateLimits defaultRateLimits) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.rateLimits = new RateLimitPolicy(limiter);
        this.defaultRateLimits = Objects.requireNonNull(defaultRateLimits, "defaultRateLimits");
        this.writes = new UserWrites(ports);
        this.defaultCreation = Objects.requireNonNull(defaultCreation, "defaultCreation");
        this.audit = new SiteAudit(ports, defaultCreation);
        this.tokens = new SiteTokens(ports, Objects.requireNonNull(random, "random"), audit);
        this.snapshots = new SiteSnapshots(ports.sites());
    }

    @Override
    public SiteSettings createSite(String name) {
        if (!SiteId.isValid(name)) {
            throw ScimException.invalidValue("A site name is 1 to 63 of a-z, 0-9 and '-'.");
        }
        SiteSettings settings = SiteSettings.newSite(SiteId.of(name))
                .withCreationPolicy(Optional.of(defaultCreation)).withRateLimits(defaultRateLimits);
        return ports.transactions().inTransaction(() -> {
            if (ports.sites().find(settings.site()).isPresent()) {
                throw ScimException.conflict("A site named '" + name + "' exists.");
            }
            ports.sites().insert(settings);
            return settings;
        });
    }

    @Override
    public SiteSettings settings(SiteId site) {
        return shown(stored(site));
    }

    @Override
    public List<SiteId> sites() {
        return ports.sites().list();
    }

    /**
     * Turning SSO off turns SCIM and role management off with it instead of being refused: without SSO nobody can
     * sign in, so users SCIM manages would be unusable, and refusing would only make the admin take two steps.
     * Asking for SCIM or role management on, or for another creation policy, without SSO, in the same change or
     * later, is 409: all three are SCIM settings, which "become available only after you've set up SSO". Turning
     * SSO off keeps the creation policy (it acts only while SCIM is on), and restating the policy that applies is
     * no change, as asking for SCIM off is. Rate limits are no SCIM setting: they are set and cleared with or
     * without SSO.
     */
    @Override
    public SiteSettings updateSettings(SiteId site, SettingsChange change) {
        return ports.transactions().inTransaction(() -> {
            SiteSettings current = stored(site);
            boolean sso = change.ssoConfigured().orElse(current.ssoConfigured());
            boolean scim = change.scimEnabled().orElse(current.scimEnabled() && sso);
            boolean roles = change.manageRoles().orElse(current.manageRoles() && sso);
            boolean otherPolicy = change.creationPolicy()
                    .filter(policy -> policy != current.creationPolicyOr(defaultCreation)).isPresent();
            if (!sso && (scim || roles || otherPolicy)) {
                throw ScimException.conflict("SCIM settings become available once SSO is configured for the site.");
            }
            // A site without a policy of its own keeps following the default until an admin chooses one.
            SiteSettings updated = current.withSsoConfigured(sso).withScimEnabled(scim).withManageRoles(roles)
                    .withCreationPolicy(sso ? change.creationPolicy().or(current::creationPolicy)
                            : current.creationPolicy())
                    .withRateLimits(new RateLimits(
                            change.siteRateLimit().orElse(current.rateLimits().site()),
                            change.perTokenRateLimit().orElse(current.rateLimits().perToken())));
            if (!updated.equals(current)) {
                ports.sites().update(updated);
                audit.settingsChanged(current, updated);
            }
            if (current.manageRoles() && !updated.manageRoles()) {
                dropHeldRoles(site, updated);
            }
            return shown(updated);
        });
    }

    /**
     * When the site stops letting SCIM manage roles, the first sign-in of a pending identity gives Registered, so
     * the role the IdP set on it is dropped now, in the settings change's unit: its SCIM resource then shows the role
     * the person would get, filters and the admin's list agree with it, and turning role management on again does
     * not revive a role the IdP may have changed meanwhile (ADR 012, "Role"). Accounts keep their roles.
     */
    private void dropHeldRoles(SiteId site, SiteSettings updated) {
        writes.updatePendingWithin(site, HELD_ROLES, ChangeSource.ADMIN, pending -> UserWrites.Change
                .to(pending.withRole(ProvisioningPolicy.roleAtFirstSignIn(pending, updated)))
                .because(ROLE_DROPPED));
    }

    @Override
    public GeneratedToken generateToken(SiteId site) {
        return generateToken(site, TokenRequest.named(TokenRequest.DEFAULT_NAME));
    }

    @Override
    public GeneratedToken generateToken(SiteId site, TokenRequest request) {
        Objects.requireNonNull(request, "request");
        return ports.transactions().inTransaction(() -> {
            SiteSettings current = stored(site);
            if (!current.ssoConfigured()) {
                throw ScimException.conflict("A SCIM token can be generated once SSO is configured for the site.");
            }
            return tokens.generate(site, request);
        });
    }

    @Override
    public List<SiteToken> tokens(SiteId site) {
        stored(site);
        return tokens.list(site);
    }

    @Override
    public void revokeToken(SiteId site, String tokenId) {
        ports.transactions().run(() -> {
            stored(site);
            tokens.revoke(site, tokenId);
        });
    }

    @Override
    public AccessDecision authenticate(SiteId site, String presentedToken, String clientAddress) {
        return check(site, presentedToken, clientAddress, false).decision();
    }

    /**
     * The token is checked first, so that a wrong token never reaches a bucket (no bucket per invented token), and
     * a request the limit refuses does not record the token's use: it does nothing but answer 429.
     */
    @Override
    public Admission admit(SiteId site, String presentedToken, String clientAddress) {
        return check(site, presentedToken, clientAddress, true);
    }

    /**
     * One read on the common path: the site's settings version, under which this server keeps the settings and
     * token hashes (ADR 029). The settings that admitted the request are left for its use case.
     */
    private Admission check(SiteId site, String presentedToken, String clientAddress, boolean limited) {
        AdmittedSettings.clear();
        if (presentedToken == null || presentedToken.isEmpty()) {
            return Admission.of(AccessDecision.UNAUTHENTICATED);
        }
        Optional<SiteSnapshots.SiteSnapshot> snapshot = snapshots.of(site);
        Optional<SiteToken> token = snapshot.flatMap(found -> tokens.live(found.tokens(), presentedToken));
        if (token.isEmpty()) {
            return Admission.of(AccessDecision.UNAUTHENTICATED);
        }
        SiteSettings settings = snapshot.get().settings();
        String client = Objects.requireNonNullElse(clientAddress, "unknown");
        if (!settings.scimEnabled() || !settings.ssoConfigured()) {
            tokens.recordUse(snapshot.get(), token.get(), client);
            return Admission.of(AccessDecision.SCIM_DISABLED);
        }
        if (limited) {
            Optional<Admission> refused = rateLimits.admit(settings, token.get()).map(Admission::refused);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        tokens.recordUse(snapshot.get(), token.get(), client);
        if (limited) {
            AdmittedSettings.leave(ports.sites(), settings);
        }
        return Admission.of(AccessDecision.OK);
    }

    private SiteSettings stored(SiteId site) {
        return ports.sites().find(site).orElseThrow(() -> unknown(site));
    }

    /** The settings as they apply: a site without a creation policy of its own has the default. */
    private SiteSettings shown(SiteSettings stored) {
        return stored.withCreationPolicy(Optional.of(stored.creationPolicyOr(defaultCreation)));
    }

    private static ScimException unknown(SiteId site) {
        return ScimException.notFound("No site '" + site + "'.");
    }
}

package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.policy.RateLimitPolicy;
import dev.roster.scim.core.internal.policy.SiteSettingsPolicy;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.model.RateLimits;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.port.in.AccessDecision;
import dev.roster.scim.core.port.in.Admission;
import dev.roster.scim.core.port.in.AdmittedSite;
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

    private final Ports ports;
    private final UserWrites writes;
    private final CreationPolicy defaultCreation;
    private final SiteAudit audit;
    private final SiteTokens tokens;
    private final RateLimitPolicy rateLimits;
    private final RateLimits defaultRateLimits;
    private final SiteSnapshots snapshots;

    /**
     * New sites get {@link CreationPolicy#DEFAULT}; tokens come from a new {@link SecureRandom}; no rate limits.
     *
     * @param ports the stores, audit log, transactions and clock
     */
    public SiteAdministrationService(Ports ports) {
        this(ports, CreationPolicy.DEFAULT);
    }

    /**
     * New sites get {@code defaultCreation}; no rate limits.
     *
     * @param ports           the stores, audit log, transactions and clock
     * @param defaultCreation the creation policy of new sites and of sites whose settings hold none; give the
     *                        {@code ScimUsersService} the same one
     */
    public SiteAdministrationService(Ports ports, CreationPolicy defaultCreation) {
        this(ports, new SecureRandom(), defaultCreation);
    }

    /**
     * Tokens from {@code random}; new sites get {@link CreationPolicy#DEFAULT}; no rate limits.
     *
     * @param ports  the stores, audit log, transactions and clock
     * @param random where the tokens' secrets come from
     */
    public SiteAdministrationService(Ports ports, SecureRandom random) {
        this(ports, random, CreationPolicy.DEFAULT);
    }

    /**
     * Tokens from {@code random}; new sites get {@code defaultCreation}; no rate limits.
     *
     * @param ports           the stores, audit log, transactions and clock
     * @param random          where the tokens' secrets come from
     * @param defaultCreation the creation policy of new sites and of sites whose settings hold none
     */
    public SiteAdministrationService(Ports ports, SecureRandom random, CreationPolicy defaultCreation) {
        this(ports, random, defaultCreation, RateLimiter.NONE, RateLimits.NONE);
    }

    /**
     * Refuses requests past the sites' rate limits through {@code limiter}; new sites get {@code defaultRateLimits}.
     *
     * @param ports             the stores, audit log, transactions and clock
     * @param defaultCreation   the creation policy of new sites and of sites whose settings hold none
     * @param limiter           the buckets that count the requests ({@link RateLimiter#NONE}: refuse none)
     * @param defaultRateLimits the rate limits of new sites
     */
    public SiteAdministrationService(Ports ports, CreationPolicy defaultCreation, RateLimiter limiter,
                                     RateLimits defaultRateLimits) {
        this(ports, new SecureRandom(), defaultCreation, limiter, defaultRateLimits);
    }

    /**
     * Every choice made: the constructor the others delegate to.
     *
     * @param ports             the stores, audit log, transactions and clock
     * @param random            where the tokens' secrets come from
     * @param defaultCreation   the creation policy of new sites and of sites whose settings hold none
     * @param limiter           the buckets that count the requests ({@link RateLimiter#NONE}: refuse none)
     * @param defaultRateLimits the rate limits of new sites
     */
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

    /** The change as {@link SiteSettingsPolicy#updated} says, audited, in one transaction with its consequences. */
    @Override
    public SiteSettings updateSettings(SiteId site, SettingsChange change) {
        return ports.transactions().inTransaction(() -> {
            SiteSettings current = stored(site);
            SiteSettings updated = SiteSettingsPolicy.updated(current, change, defaultCreation);
            if (!updated.equals(current)) {
                ports.sites().update(updated);
                audit.settingsChanged(current, updated);
            }
            if (SiteSettingsPolicy.dropsHeldRoles(current, updated)) {
                dropHeldRoles(site, updated);
            }
            return shown(updated);
        });
    }

    private void dropHeldRoles(SiteId site, SiteSettings updated) {
        writes.updatePendingWithin(site, SiteSettingsPolicy.HELD_ROLES, ChangeSource.ADMIN,
                pending -> UserWrites.Change.to(SiteSettingsPolicy.withoutHeldRole(pending, updated))
                        .because(SiteSettingsPolicy.ROLE_DROPPED));
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
            SiteSettingsPolicy.requireSsoForTokens(current);
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
     * token hashes (ADR 029). An admitted request carries the settings that admitted it, for its use case (ADR 034).
     */
    private Admission check(SiteId site, String presentedToken, String clientAddress, boolean limited) {
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
        if (!SiteSettingsPolicy.servesScim(settings)) {
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
        return Admission.admittedFor(new AdmittedSite(settings));
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

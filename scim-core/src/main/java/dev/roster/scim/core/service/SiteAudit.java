package dev.roster.scim.core.service;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit records of changes to a site rather than to a user: its settings and its tokens. They have no user
 * (empty {@code userId} and {@code userName}), the source {@link ChangeSource#ADMIN}, and name the token by its id and
 * name, never by anything of its secret.
 */
final class SiteAudit {

    static final String SETTINGS = "settings";
    static final String TOKEN_CREATED = "token-created";
    static final String TOKEN_ROTATED = "token-rotated";
    static final String TOKEN_REVOKED = "token-revoked";

    private final Ports ports;
    private final CreationPolicy defaultCreation;

    SiteAudit(Ports ports, CreationPolicy defaultCreation) {
        this.ports = ports;
        this.defaultCreation = defaultCreation;
    }

    void settingsChanged(SiteSettings before, SiteSettings after) {
        List<String> changed = new ArrayList<>();
        describeChange(changed, "SSO configured", before.ssoConfigured(), after.ssoConfigured());
        describeChange(changed, "SCIM enabled", before.scimEnabled(), after.scimEnabled());
        describeChange(changed, "SCIM manages roles", before.manageRoles(), after.manageRoles());
        String policyBefore = before.creationPolicyOr(defaultCreation).label();
        String policyAfter = after.creationPolicyOr(defaultCreation).label();
        if (!policyBefore.equals(policyAfter) || before.creationPolicy().isEmpty() != after.creationPolicy().isEmpty()) {
            changed.add("creation policy " + policyBefore + " -> " + policyAfter);
        }
        describeChange(changed, "site rate limit", before.rateLimits().site(), after.rateLimits().site());
        describeChange(changed, "per-token rate limit", before.rateLimits().perToken(),
                after.rateLimits().perToken());
        append(after.site(), SETTINGS, Optional.of(describe(before)), Optional.of(describe(after)),
                "Settings changed: " + String.join(", ", changed) + ".");
    }

    void tokenIssued(SiteToken issued, List<SiteToken> others, Optional<Duration> overlap) {
        String detail = "Token " + label(issued) + " created" + issued.expiresAt().map(at -> ", expires " + at)
                .orElse(", no expiry") + ".";
        if (overlap.isEmpty() || others.isEmpty()) {
            append(issued.site(), TOKEN_CREATED, Optional.empty(), Optional.of(label(issued)), detail);
            return;
        }
        String replaced = String.join(", ", others.stream().map(SiteAudit::label).toList());
        String when = overlap.get().isZero() ? " stopped working at once."
                : " keep working until " + issued.createdAt().plus(overlap.get()).truncatedTo(ChronoUnit.SECONDS)
                        + " (an overlap of " + overlap.get().toMinutes() + " minutes) at the latest.";
        append(issued.site(), TOKEN_ROTATED, Optional.of(replaced), Optional.of(label(issued)), detail + " Replaced: " + replaced
                + when);
    }

    void tokenRevoked(SiteToken token) {
        append(token.site(), TOKEN_REVOKED, Optional.of(label(token)), Optional.empty(),
                "Token " + label(token) + " revoked: it opens nothing from now on.");
    }

    private void append(SiteId site, String action, Optional<String> before, Optional<String> after, String detail) {
        ports.audit().append(new AuditRecord(site, "", "", ChangeSource.ADMIN, action, before, after, detail,
                ports.clock().instant()));
    }

    private String describe(SiteSettings settings) {
        return "ssoConfigured=" + settings.ssoConfigured() + ", scimEnabled=" + settings.scimEnabled()
                + ", manageRoles=" + settings.manageRoles() + ", creationPolicy="
                + settings.creationPolicyOr(defaultCreation).label()
                + (settings.creationPolicy().isEmpty() ? " (default)" : "")
                + ", siteRateLimit=" + limitText(settings.rateLimits().site())
                + ", perTokenRateLimit=" + limitText(settings.rateLimits().perToken());
    }

    private static void describeChange(List<String> changed, String what, Optional<RateLimit> before,
                                       Optional<RateLimit> after) {
        if (!before.equals(after)) {
            changed.add(what + " " + limitText(before) + " -> " + limitText(after));
        }
    }

    private static String limitText(Optional<RateLimit> limit) {
        return limit.map(RateLimit::text).orElse("none");
    }

    private static void describeChange(List<String> changed, String what, boolean before, boolean after) {
        if (before != after) {
            changed.add(what + " " + (after ? "on" : "off"));
        }
    }

    private static String label(SiteToken token) {
        return "'" + token.name() + "' (" + token.id() + ")";
    }
}

package dev.roster.scim.server.admin;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.SiteToken;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.GeneratedToken;
import dev.roster.scim.core.port.in.TokenRequest;
import dev.roster.scim.jaxrs.RequestValues;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The admin API's JSON shapes: translation only, no decisions. */
final class AdminJson {

    private static final String CREATION_POLICY = "creationPolicy";
    private static final String SITE_RATE_LIMIT = "siteRateLimit";
    private static final String TOKEN_RATE_LIMIT = "tokenRateLimit";

    private AdminJson() {
    }

    /** {@code tokenCreatedAt}: when the newest of the site's tokens was made, for the page's line about it. */
    static ScimObject settings(SiteSettings settings, URI scimBase, List<SiteToken> tokens) {
        return ScimObject.builder()
                .put("site", settings.site().value())
                .put("ssoConfigured", settings.ssoConfigured())
                .put("scimEnabled", settings.scimEnabled())
                .put("manageRoles", settings.manageRoles())
                .put("creationPolicy", settings.creationPolicy().<ScimValue>map(policy -> ScimValue.of(policy.label()))
                        .orElse(ScimValue.nullValue()))
                .put("tokenCreatedAt", tokens.stream().map(SiteToken::createdAt).max(Instant::compareTo)
                        .<ScimValue>map(at -> ScimValue.of(at.toString())).orElse(ScimValue.nullValue()))
                .put("scimBaseUrl", scimBase.toString())
                .put(SITE_RATE_LIMIT, limit(settings.rateLimits().site()))
                .put(TOKEN_RATE_LIMIT, limit(settings.rateLimits().perToken()))
                .build();
    }

    private static ScimValue limit(Optional<RateLimit> limit) {
        return limit.<ScimValue>map(value -> ScimValue.of(value.text())).orElse(ScimValue.nullValue());
    }

    /** The change of the site's limit: absent to keep it, null or "" to clear it, else its written form. */
    static Optional<Optional<RateLimit>> siteRateLimit(ScimObject change) {
        return rateLimit(change, SITE_RATE_LIMIT);
    }

    /** The change of each token's limit, as {@link #siteRateLimit}. */
    static Optional<Optional<RateLimit>> tokenRateLimit(ScimObject change) {
        return rateLimit(change, TOKEN_RATE_LIMIT);
    }

    private static Optional<Optional<RateLimit>> rateLimit(ScimObject change, String name) {
        if (change.get(name).isEmpty()) {
            return Optional.empty();
        }
        if (change.getAssigned(name).isEmpty()) {
            return Optional.of(Optional.empty());
        }
        Optional<String> text = RequestValues.text(change, name);
        if (text.isEmpty()) {
            return Optional.of(Optional.empty());
        }
        try {
            return Optional.of(Optional.of(RateLimit.parse(text.get())));
        } catch (ScimException e) {
            throw ScimException.invalidValue("'" + name + "': " + e.getMessage() + " Send null to remove the limit.");
        }
    }

    /** A token as the admin sees it: never its secret nor its hash. */
    static ScimObject token(SiteToken token, Instant now) {
        return ScimObject.builder()
                .put("id", token.id())
                .put("name", token.name())
                .put("createdAt", token.createdAt().toString())
                .put("expiresAt", instant(token.expiresAt()))
                .put("expired", !token.isLiveAt(now))
                .put("lastUsedAt", instant(token.lastUsedAt()))
                .put("lastUsedFrom", text(token.lastUsedFrom()))
                .build();
    }

    /** A token just generated: its secret, this once, with what is kept of it. */
    static ScimObject generated(GeneratedToken generated, Instant now) {
        ScimObject.Builder shown = ScimObject.builder().put("token", generated.token());
        token(generated.stored(), now).members().forEach(shown::put);
        return shown.build();
    }

    static ScimObject user(User user) {
        return ScimObject.builder()
                .put("id", user.id())
                .put("userName", user.userName())
                .put("email", user.preferredEmail().<ScimValue>map(email -> ScimValue.of(email.value()))
                        .orElse(ScimValue.nullValue()))
                .put("active", user.active())
                .put("role", user.role().scimValue())
                .put("idpActive", user.idpActive().<ScimValue>map(ScimValue::of).orElse(ScimValue.nullValue()))
                .put("drift", user.drifted())
                .put("lastChangedBy", user.lastChangedBy().label())
                .put("scimDeleted", user.hidden())
                .put("lastModified", user.lastModified().toString())
                .put("version", ScimValue.of(user.version()))
                .build();
    }

    /** A pending identity: what the IdP asserted for someone who has not signed in yet. */
    static ScimObject pendingIdentity(User user) {
        return ScimObject.builder()
                .put("id", user.id())
                .put("userName", user.userName())
                .put("externalId", text(user.externalId()))
                .put("email", user.preferredEmail().<ScimValue>map(email -> ScimValue.of(email.value()))
                        .orElse(ScimValue.nullValue()))
                .put("active", user.active())
                .put("role", user.role().scimValue())
                .put("assignedAt", user.created().toString())
                .put("lastModified", user.lastModified().toString())
                .put("version", ScimValue.of(user.version()))
                .build();
    }

    /**
     * The {@code creationPolicy} member of a settings change: its label, exactly; {@code 400 invalidValue} naming
     * the allowed labels for anything else, an empty string included.
     */
    static Optional<CreationPolicy> creationPolicy(ScimObject change) {
        if (change.getAssigned(CREATION_POLICY).isEmpty()) {
            return Optional.empty();
        }
        String label = RequestValues.text(change, CREATION_POLICY).orElse("");
        return Optional.of(CreationPolicy.fromLabel(label).orElseThrow(() -> ScimException.invalidValue(
                "'" + CREATION_POLICY + "' must be " + CreationPolicy.labels() + ", not '" + label + "'.")));
    }

    /**
     * A token request: {@code name} (default "token"), {@code expiresAt} (RFC 3339; absent or null: never),
     * {@code overlapMinutes} (how long the others keep working; default 0) or {@code keepOthers: true}. Both at
     * once is {@code 400}: a token added beside the others does not end them.
     */
    static TokenRequest tokenRequest(ScimObject body) {
        TokenRequest request = TokenRequest.named(RequestValues.text(body, "name").orElse(TokenRequest.DEFAULT_NAME));
        Optional<String> expiresAt = RequestValues.text(body, "expiresAt");
        if (expiresAt.isPresent()) {
            try {
                request = request.expiringAt(OffsetDateTime.parse(expiresAt.get()).toInstant());
            } catch (DateTimeParseException e) {
                throw ScimException.invalidValue("'expiresAt' must be an RFC 3339 date-time such as "
                        + "2027-01-31T00:00:00Z.");
            }
        }
        OptionalInt overlap = RequestValues.integer(body, "overlapMinutes");
        boolean keepOthers = RequestValues.bool(body, "keepOthers").orElse(false);
        if (keepOthers && overlap.isPresent()) {
            throw ScimException.invalidValue("Give 'overlapMinutes' to replace the other tokens, or 'keepOthers', "
                    + "not both.");
        }
        return keepOthers ? request.keepingOthers()
                : request.replacingAfter(Duration.ofMinutes(overlap.orElse(0)));
    }

    static ScimObject signedIn(User user) {
        return ScimObject.builder()
                .put("id", user.id())
                .put("userName", user.userName())
                .put("active", user.active())
                .put("role", user.role().scimValue())
                .build();
    }

    static ScimObject audit(AuditRecord record) {
        return ScimObject.builder()
                .put("at", record.at().toString())
                .put("userId", record.userId())
                .put("userName", record.userName())
                .put("source", record.source().label())
                .put("action", record.action())
                .put("before", text(record.before()))
                .put("after", text(record.after()))
                .put("detail", record.detail())
                .build();
    }

    /**
     * The request body; {@code 400 invalidSyntax} when there is none. Jersey passes {@code null} for a request
     * without body and without {@code Content-Type} (such as a bare {@code curl -X POST}).
     */
    static ScimObject body(ScimObject body) {
        if (body == null) {
            throw ScimException.invalidSyntax("The request body is empty; a JSON object was expected.");
        }
        return body;
    }

    private static ScimValue instant(Optional<Instant> value) {
        return text(value.map(Instant::toString));
    }

    private static ScimValue text(Optional<String> value) {
        return value.<ScimValue>map(ScimValue::of).orElse(ScimValue.nullValue());
    }
}

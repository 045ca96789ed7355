package dev.roster.scim.server.admin;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.jaxrs.RequestValues;

import java.net.URI;
import java.util.Optional;

/** The admin API's JSON shapes: translation only, no decisions. */
final class AdminJson {

    private static final String CREATION_POLICY = "creationPolicy";

    private AdminJson() {
    }

    static ScimObject settings(SiteSettings settings, URI scimBase) {
        return ScimObject.builder()
                .put("site", settings.site().value())
                .put("ssoConfigured", settings.ssoConfigured())
                .put("scimEnabled", settings.scimEnabled())
                .put("manageRoles", settings.manageRoles())
                .put("creationPolicy", settings.creationPolicy().<ScimValue>map(policy -> ScimValue.of(policy.label()))
                        .orElse(ScimValue.nullValue()))
                .put("tokenCreatedAt", settings.tokenCreatedAt().<ScimValue>map(at -> ScimValue.of(at.toString()))
                        .orElse(ScimValue.nullValue()))
                .put("scimBaseUrl", scimBase.toString())
                .build();
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

    private static ScimValue text(Optional<String> value) {
        return value.<ScimValue>map(ScimValue::of).orElse(ScimValue.nullValue());
    }
}

package dev.roster.scim.core.internal.policy;

import dev.roster.scim.core.model.User;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ProvisioningPolicy} made of a request: the user with its new status, role and IdP-asserted status,
 * and, when the site does not let SCIM manage roles, a sentence saying which role value was ignored (for the audit
 * log; the request still succeeds).
 *
 * <pre>{@code
 * ProvisioningDecision decision = ProvisioningPolicy.decide(user, asserted, settings);
 * decision.ignoredRole().ifPresent(note -> audit(note));
 * }</pre>
 */
public record ProvisioningDecision(User user, Optional<String> ignoredRole) {

    public ProvisioningDecision {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(ignoredRole, "ignoredRole");
    }
}

package dev.roster.scim.core.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Whether a SCIM request may go on ({@link SiteAdministration#admit}): the token's {@link AccessDecision}, and, for a
 * request whose token opens the site, whether one of the site's rate limits refused it. An adapter answers
 * {@code 429} for a refusal, else as {@link AccessDecision} says.
 *
 * <pre>{@code
 * Admission admission = sites.admit(site, token, clientAddress);
 * if (admission.rateLimited().isPresent()) answer429(admission.rateLimited().get());
 * }</pre>
 */
public record Admission(AccessDecision decision, Optional<RateLimitRefusal> rateLimited) {

    public Admission {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rateLimited, "rateLimited");
        if (rateLimited.isPresent() && decision != AccessDecision.OK) {
            throw new IllegalArgumentException("only a request whose token opens the site is rate limited");
        }
    }

    /** The decision, not rate limited. */
    public static Admission of(AccessDecision decision) {
        return new Admission(decision, Optional.empty());
    }

    /** A request with a live token that a rate limit refused. */
    public static Admission refused(RateLimitRefusal refusal) {
        return new Admission(AccessDecision.OK, Optional.of(refusal));
    }

    /** Whether the request goes on to the resource. */
    public boolean admitted() {
        return decision == AccessDecision.OK && rateLimited.isEmpty();
    }
}

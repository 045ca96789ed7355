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
 *
 * @param decision    what the token opens: {@code OK} also for a request a rate limit refused (its token is live)
 * @param rateLimited the limit that refused the request, present only with {@code OK}; empty when no limit did
 */
public record Admission(AccessDecision decision, Optional<RateLimitRefusal> rateLimited) {

    /**
     * An admission, checked.
     *
     * @param decision    what the token opens
     * @param rateLimited the limit that refused the request, or empty
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a refusal comes with a decision other than {@code OK}
     */
    public Admission {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rateLimited, "rateLimited");
        if (rateLimited.isPresent() && decision != AccessDecision.OK) {
            throw new IllegalArgumentException("only a request whose token opens the site is rate limited");
        }
    }

    /**
     * The decision, not rate limited.
     *
     * @param decision what the token opens
     * @return the admission: admitted exactly when {@code decision} is {@code OK}
     */
    public static Admission of(AccessDecision decision) {
        return new Admission(decision, Optional.empty());
    }

    /**
     * A request with a live token that a rate limit refused.
     *
     * @param refusal which limit refused it and when to retry
     * @return the admission, not admitted
     */
    public static Admission refused(RateLimitRefusal refusal) {
        return new Admission(AccessDecision.OK, Optional.of(refusal));
    }

    /**
     * Whether the request goes on to the resource.
     *
     * @return true when the token opens the site and no rate limit refused the request
     */
    public boolean admitted() {
        return decision == AccessDecision.OK && rateLimited.isEmpty();
    }
}

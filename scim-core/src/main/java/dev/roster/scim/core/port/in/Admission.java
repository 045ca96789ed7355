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
 * ScimUsers users = admission.site().map(scimUsers::admitted).orElse(scimUsers);
 * }</pre>
 *
 * @param decision    what the token opens: {@code OK} also for a request a rate limit refused (its token is live)
 * @param rateLimited the limit that refused the request, present only with {@code OK}; empty when no limit did
 * @param site        for an admitted request, the site and the settings that admitted it, for the use case that
 *                    serves the request ({@link ScimUsers#admitted}); empty otherwise, and from an implementation
 *                    that does not hand its settings on
 */
public record Admission(AccessDecision decision, Optional<RateLimitRefusal> rateLimited,
                        Optional<AdmittedSite> site) {

    /**
     * An admission, checked.
     *
     * @param decision    what the token opens
     * @param rateLimited the limit that refused the request, or empty
     * @param site        the admitted site with its settings, or empty
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a refusal comes with a decision other than {@code OK}, or a site with a
     *                                  request that is not admitted
     */
    public Admission {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(rateLimited, "rateLimited");
        Objects.requireNonNull(site, "site");
        if (rateLimited.isPresent() && decision != AccessDecision.OK) {
            throw new IllegalArgumentException("only a request whose token opens the site is rate limited");
        }
        if (site.isPresent() && (decision != AccessDecision.OK || rateLimited.isPresent())) {
            throw new IllegalArgumentException("only an admitted request carries its site's settings");
        }
    }

    /**
     * An admission that hands no settings on.
     *
     * @param decision    what the token opens
     * @param rateLimited the limit that refused the request, or empty
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a refusal comes with a decision other than {@code OK}
     */
    public Admission(AccessDecision decision, Optional<RateLimitRefusal> rateLimited) {
        this(decision, rateLimited, Optional.empty());
    }

    /**
     * An admitted request, with the settings that admitted it.
     *
     * @param site the site and its settings as admission read them
     * @return the admission: {@code OK}, not rate limited, carrying {@code site}
     */
    public static Admission admittedFor(AdmittedSite site) {
        return new Admission(AccessDecision.OK, Optional.empty(), Optional.of(site));
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

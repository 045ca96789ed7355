package dev.roster.scim.core.port.in;

import dev.roster.scim.core.model.RateLimit;

import java.time.Duration;
import java.util.Objects;

/**
 * Why a SCIM request was refused for its rate: which of the site's limits is used up, and how long until a request
 * passes again. An adapter answers {@code 429 Too Many Requests} with {@code Retry-After:}
 * {@link #retryAfterSeconds()} and {@link #detail()} in the SCIM error (RFC 6585 §4; RFC 7644 §3.12 has no
 * {@code scimType} for it).
 *
 * <pre>{@code
 * refusal.detail();   // "This site's rate limit of 600/min is used up: retry in 1 second."
 * }</pre>
 *
 * @param scope      which of the site's limits refused the request
 * @param limit      that limit, as the site's settings hold it
 * @param retryAfter how long until the limit admits a request again, as the {@code RateLimiter} said; more than
 *                   zero
 */
public record RateLimitRefusal(Scope scope, RateLimit limit, Duration retryAfter) {

    /** Which limit refused the request. */
    public enum Scope {
        /** The limit over all the site's SCIM traffic. */
        SITE,
        /** The limit over each of the site's tokens: this token's share is used up. */
        TOKEN
    }

    /**
     * A refusal, checked.
     *
     * @param scope      which limit refused the request
     * @param limit      that limit
     * @param retryAfter how long until a request passes again
     * @throws NullPointerException if a component is null
     */
    public RateLimitRefusal {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /**
     * {@link #retryAfter()} in whole seconds, rounded up, at least 1: what {@code Retry-After} says.
     *
     * @return the seconds to wait, 1 or more
     */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /**
     * What the error body says: which limit, and when to retry.
     *
     * @return the SCIM error's {@code detail}, in English, naming the limit as written (e.g. {@code 600/min})
     */
    public String detail() {
        long seconds = retryAfterSeconds();
        String which = scope == Scope.SITE ? "This site's rate limit of " + limit.text()
                : "This token's rate limit of " + limit.text() + " (each of the site's tokens has its own)";
        return which + " is used up: retry in " + seconds + (seconds == 1 ? " second." : " seconds.");
    }
}

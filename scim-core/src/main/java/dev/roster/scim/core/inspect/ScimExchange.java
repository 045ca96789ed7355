package dev.roster.scim.core.inspect;

import dev.roster.scim.core.model.SiteId;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One SCIM request and its answer as the request inspector keeps it: when, method, path with query, status, how
 * long it took, the IdP its {@code User-Agent} suggests, and both bodies already redacted ({@link Redaction}) and
 * capped. No header is kept, so never the bearer token.
 *
 * @param site           the site whose SCIM endpoint answered
 * @param at             when the request arrived
 * @param method         the HTTP method, such as {@code PATCH}
 * @param path           the request path with its query, at most {@link #MAX_PATH_LENGTH} characters
 * @param status         the response's HTTP status
 * @param durationMillis how long the answer took, in milliseconds
 * @param idp            the identity provider the {@code User-Agent} suggests
 * @param requestBody    the request body, redacted and capped; empty when there was none
 * @param responseBody   the response body, redacted and capped; empty when there was none
 * @param requestId      the request's id ({@code X-Request-Id}, also in the access log); empty when unknown, as for
 *                       exchanges kept before ids were
 */
public record ScimExchange(SiteId site, Instant at, String method, String path, int status, long durationMillis,
                           IdentityProvider idp, Optional<String> requestBody, Optional<String> responseBody,
                           Optional<String> requestId) {

    /** The longest path kept; longer ones are cut and end in an ellipsis. */
    public static final int MAX_PATH_LENGTH = 2048;

    /**
     * An exchange; a path longer than {@link #MAX_PATH_LENGTH} is cut to that length, ending in {@code …}.
     *
     * @param site           the site whose SCIM endpoint answered
     * @param at             when the request arrived
     * @param method         the HTTP method
     * @param path           the request path with its query
     * @param status         the response's HTTP status
     * @param durationMillis how long the answer took, in milliseconds
     * @param idp            the identity provider the {@code User-Agent} suggests
     * @param requestBody    the request body, already redacted and capped
     * @param responseBody   the response body, already redacted and capped
     * @param requestId      the request's id, empty when unknown
     * @throws NullPointerException if any argument but the numbers is null
     */
    public ScimExchange {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(idp, "idp");
        Objects.requireNonNull(requestBody, "requestBody");
        Objects.requireNonNull(responseBody, "responseBody");
        Objects.requireNonNull(requestId, "requestId");
        if (path.length() > MAX_PATH_LENGTH) {
            path = path.substring(0, MAX_PATH_LENGTH - 1) + "…";
        }
    }

    /**
     * Whether the request was refused for a missing or wrong bearer token ({@code 401}): anyone who reaches the
     * server can send those, so the inspector keeps them apart from the exchanges a token opened.
     *
     * @return {@code true} for status {@value #UNAUTHENTICATED_STATUS}
     */
    public boolean unauthenticated() {
        return status == UNAUTHENTICATED_STATUS;
    }

    /** The status of a SCIM request without a valid token. */
    public static final int UNAUTHENTICATED_STATUS = 401;

    /**
     * Whether a rate limit refused the request ({@code 429}): a client past its limit can send those as fast as it
     * likes, so the inspector keeps them apart too.
     *
     * @return whether the status is {@value #RATE_LIMITED_STATUS}
     */
    public boolean rateLimited() {
        return status == RATE_LIMITED_STATUS;
    }

    /** The status of a SCIM request refused by the site's or the token's rate limit. */
    public static final int RATE_LIMITED_STATUS = 429;
}

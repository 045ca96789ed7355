package dev.roster.scim.core.error;

import java.util.Optional;

/**
 * The kinds of failure a SCIM service provider reports, with the HTTP status and {@code scimType} of RFC 7644
 * §3.12 (and of RFC 9865 §2.1 for cursor paging). Types without a {@code scimType} are plain HTTP statuses.
 */
public enum ScimErrorType {
    /**
     * The filter's syntax is invalid (RFC 7644 §3.4.2.2), or it combines an attribute and an operator the service
     * provider does not support: in a {@code filter} parameter, a search body or a PATCH path's value filter.
     */
    INVALID_FILTER(400, "invalidFilter"),
    /** The filter yields many more results than the service provider is willing to calculate or process. */
    TOO_MANY(400, "tooMany"),
    /** A value of an attribute with {@code uniqueness} {@code server} or {@code global} is already in use. */
    UNIQUENESS(409, "uniqueness"),
    /**
     * The change does not agree with the attribute's {@code mutability} (RFC 7643 §2.2) or the resource's state,
     * such as a new value for an {@code immutable} attribute that has one.
     */
    MUTABILITY(400, "mutability"),
    /** The request body is not well-formed JSON, or its structure is not the request's schema. */
    INVALID_SYNTAX(400, "invalidSyntax"),
    /** A PATCH operation's {@code path} is malformed (RFC 7644 §3.5.2, Figure 7) or names no attribute. */
    INVALID_PATH(400, "invalidPath"),
    /**
     * A PATCH {@code path} yields no attribute or value to operate on, as when its value filter matches nothing
     * (RFC 7644 §3.5.2).
     */
    NO_TARGET(400, "noTarget"),
    /**
     * A required value is missing, or a value does not fit the operation, the attribute's type (RFC 7643 §2.3) or
     * the resource's schema (RFC 7643 §4).
     */
    INVALID_VALUE(400, "invalidValue"),
    /** The request asks for a SCIM protocol version the service provider does not support (RFC 7644 §3.13). */
    INVALID_VERSION(400, "invalidVers"),
    /**
     * The request carries sensitive (personal) information in its URI, which RFC 7644 §7.5.2 forbids; the client
     * should search with POST {@code /.search} instead.
     */
    SENSITIVE(400, "sensitive"),
    /** RFC 9865 §2.1: a cursor that is malformed, forged, or minted for another site or query. */
    INVALID_CURSOR(400, "invalidCursor"),
    /** RFC 9865 §2.1: a cursor older than {@code cursorTimeout}. */
    EXPIRED_CURSOR(400, "expiredCursor"),
    /** RFC 9865 §2.1: a {@code count} above {@code maxPageSize}, or not the count of the query's first page. */
    INVALID_COUNT(400, "invalidCount"),
    /** A malformed request that no {@code scimType} describes, such as an unparseable {@code If-Match} header. */
    BAD_REQUEST(400, null),
    /** The {@code Authorization} header is missing or its credentials are not valid (RFC 7644 §2). */
    UNAUTHORIZED(401, null),
    /** The credentials are valid, but they do not permit the operation. */
    FORBIDDEN(403, null),
    /** The resource (a User, say) or the endpoint does not exist. */
    NOT_FOUND(404, null),
    /** The endpoint exists but does not take the request's HTTP method (RFC 9110 §15.5.6). */
    METHOD_NOT_ALLOWED(405, null),
    /** The {@code Accept} header admits no media type the endpoint answers with (RFC 9110 §15.5.7). */
    NOT_ACCEPTABLE(406, null),
    /**
     * The request conflicts with the current state (RFC 7644 §3.12): a duplicate the service provider refused to
     * create where no SCIM attribute's uniqueness is at stake (a site name), or a write that lost to concurrent
     * ones and may be retried.
     */
    CONFLICT(409, null),
    /** An {@code If-Match} precondition failed: the resource has changed since that version (RFC 7644 §3.14). */
    PRECONDITION_FAILED(412, null),
    /** The request body is larger than the service provider accepts. */
    PAYLOAD_TOO_LARGE(413, null),
    /** The request body's {@code Content-Type} is not JSON (RFC 9110 §15.5.16). */
    UNSUPPORTED_MEDIA_TYPE(415, null),
    /** RFC 6585 §4: a rate limit is used up; RFC 7644 defines no {@code scimType} for it. */
    TOO_MANY_REQUESTS(429, null),
    /** A failure of the service provider itself; the detail says no more than that, and never why. */
    INTERNAL(500, null),
    /**
     * The service provider does not support the requested operation (RFC 7644 §3.12): a write to {@code /Groups},
     * {@code /Bulk}, or cursor paging on a store that cannot page by cursor.
     */
    NOT_IMPLEMENTED(501, null),
    /**
     * The service provider cannot serve the request now and expects to shortly (RFC 9110 §15.6.4): its database
     * aborted the write to break a deadlock with concurrent writes and ran out of retries, or had no connection free
     * in time. An adapter answers it with {@code Retry-After}; the request may be sent again as it was.
     */
    UNAVAILABLE(503, null);

    private final int status;
    private final String scimType;

    ScimErrorType(int status, String scimType) {
        this.status = status;
        this.scimType = scimType;
    }

    /**
     * The HTTP status of a response with this error, which RFC 7644 §3.12 also puts in the body's {@code status}.
     *
     * @return the status code, from 400 to 503
     */
    public int status() {
        return status;
    }

    /**
     * The {@code scimType} keyword, where RFC 7644 §3.12 (or RFC 9865 §2.1) defines one for this failure.
     *
     * @return the keyword, such as {@code invalidFilter}; empty for a plain HTTP status
     */
    public Optional<String> scimType() {
        return Optional.ofNullable(scimType);
    }
}

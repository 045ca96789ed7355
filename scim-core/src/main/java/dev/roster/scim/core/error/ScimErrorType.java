package dev.roster.scim.core.error;

import java.util.Optional;

/**
 * The kinds of failure a SCIM service provider reports, with the HTTP status and {@code scimType} of RFC 7644
 * §3.12 (and of RFC 9865 §2.1 for cursor paging). Types without a {@code scimType} are plain HTTP statuses.
 */
public enum ScimErrorType {
    INVALID_FILTER(400, "invalidFilter"),
    TOO_MANY(400, "tooMany"),
    UNIQUENESS(409, "uniqueness"),
    MUTABILITY(400, "mutability"),
    INVALID_SYNTAX(400, "invalidSyntax"),
    INVALID_PATH(400, "invalidPath"),
    NO_TARGET(400, "noTarget"),
    INVALID_VALUE(400, "invalidValue"),
    INVALID_VERSION(400, "invalidVers"),
    SENSITIVE(400, "sensitive"),
    /** RFC 9865 §2.1: a cursor that is malformed, forged, or minted for another site or query. */
    INVALID_CURSOR(400, "invalidCursor"),
    /** RFC 9865 §2.1: a cursor older than {@code cursorTimeout}. */
    EXPIRED_CURSOR(400, "expiredCursor"),
    /** RFC 9865 §2.1: a {@code count} above {@code maxPageSize}, or not the count of the query's first page. */
    INVALID_COUNT(400, "invalidCount"),
    BAD_REQUEST(400, null),
    UNAUTHORIZED(401, null),
    FORBIDDEN(403, null),
    NOT_FOUND(404, null),
    METHOD_NOT_ALLOWED(405, null),
    NOT_ACCEPTABLE(406, null),
    CONFLICT(409, null),
    PRECONDITION_FAILED(412, null),
    PAYLOAD_TOO_LARGE(413, null),
    UNSUPPORTED_MEDIA_TYPE(415, null),
    /** RFC 6585 §4: a rate limit is used up; RFC 7644 defines no {@code scimType} for it. */
    TOO_MANY_REQUESTS(429, null),
    INTERNAL(500, null),
    NOT_IMPLEMENTED(501, null);

    private final int status;
    private final String scimType;

    ScimErrorType(int status, String scimType) {
        this.status = status;
        this.scimType = scimType;
    }

    public int status() {
        return status;
    }

    /** The {@code scimType} keyword, where RFC 7644 §3.12 defines one for this failure. */
    public Optional<String> scimType() {
        return Optional.ofNullable(scimType);
    }
}

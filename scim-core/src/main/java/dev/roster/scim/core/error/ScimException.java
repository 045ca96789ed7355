package dev.roster.scim.core.error;

import java.util.Objects;

/**
 * The one exception the core throws for a request it refuses. It carries what an adapter needs to render a SCIM
 * Error response (RFC 7644 §3.12): the {@link ScimErrorType} (status and {@code scimType}) and a {@code detail} for
 * humans. The detail must never hold secrets or internals.
 *
 * <pre>{@code
 * throw ScimException.invalidFilter("expected an operator at position 9");
 * }</pre>
 */
public class ScimException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ScimErrorType type;

    public ScimException(ScimErrorType type, String detail) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * A refusal caused by a failure of something the core called (the host's {@code Accounts}, say), kept as the
     * cause for the host's logs; the detail still says only what the client may know.
     */
    public ScimException(ScimErrorType type, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), Objects.requireNonNull(cause, "cause"), false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    public ScimErrorType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public int status() {
        return type.status();
    }

    public static ScimException invalidFilter(String detail) {
        return new ScimException(ScimErrorType.INVALID_FILTER, detail);
    }

    public static ScimException invalidSyntax(String detail) {
        return new ScimException(ScimErrorType.INVALID_SYNTAX, detail);
    }

    public static ScimException invalidPath(String detail) {
        return new ScimException(ScimErrorType.INVALID_PATH, detail);
    }

    public static ScimException noTarget(String detail) {
        return new ScimException(ScimErrorType.NO_TARGET, detail);
    }

    public static ScimException invalidValue(String detail) {
        return new ScimException(ScimErrorType.INVALID_VALUE, detail);
    }

    public static ScimException mutability(String detail) {
        return new ScimException(ScimErrorType.MUTABILITY, detail);
    }

    public static ScimException uniqueness(String detail) {
        return new ScimException(ScimErrorType.UNIQUENESS, detail);
    }

    public static ScimException tooMany(String detail) {
        return new ScimException(ScimErrorType.TOO_MANY, detail);
    }

    public static ScimException notFound(String detail) {
        return new ScimException(ScimErrorType.NOT_FOUND, detail);
    }

    public static ScimException conflict(String detail) {
        return new ScimException(ScimErrorType.CONFLICT, detail);
    }

    public static ScimException preconditionFailed(String detail) {
        return new ScimException(ScimErrorType.PRECONDITION_FAILED, detail);
    }

    public static ScimException forbidden(String detail) {
        return new ScimException(ScimErrorType.FORBIDDEN, detail);
    }

    public static ScimException unauthorized(String detail) {
        return new ScimException(ScimErrorType.UNAUTHORIZED, detail);
    }

    public static ScimException badRequest(String detail) {
        return new ScimException(ScimErrorType.BAD_REQUEST, detail);
    }
}

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

    /** What went wrong: the status and {@code scimType} of the response. */
    private final ScimErrorType type;

    /**
     * A refusal of the given type.
     *
     * @param type   what went wrong, which fixes the response's status and {@code scimType}
     * @param detail what the client should fix, in words fit to show it: no secrets, no stack traces
     * @throws NullPointerException if either is null
     */
    public ScimException(ScimErrorType type, String detail) {
        super(Objects.requireNonNull(detail, "detail"), null, false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * A refusal caused by a failure of something the core called (the host's {@code Accounts}, say), kept as the
     * cause for the host's logs; the detail still says only what the client may know.
     *
     * @param type   what went wrong, which fixes the response's status and {@code scimType}
     * @param detail what the client may know of it, in words fit to show it
     * @param cause  the failure behind it, for the logs only: no adapter shows it to the client
     * @throws NullPointerException if any is null
     */
    public ScimException(ScimErrorType type, String detail, Throwable cause) {
        super(Objects.requireNonNull(detail, "detail"), Objects.requireNonNull(cause, "cause"), false, false);
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * What went wrong.
     *
     * @return the error type, never null
     */
    public ScimErrorType type() {
        return type;
    }

    /**
     * The human-readable explanation for the response's {@code detail} (RFC 7644 §3.12).
     *
     * @return the detail this exception was made with, never null
     */
    public String detail() {
        return getMessage();
    }

    /**
     * The HTTP status of the response, the same as {@code type().status()}.
     *
     * @return the status code, from 400 to 503
     */
    public int status() {
        return type.status();
    }

    /**
     * {@code 400 invalidFilter}: a filter that does not parse, or an attribute and operator the service provider
     * does not compare.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#INVALID_FILTER
     */
    public static ScimException invalidFilter(String detail) {
        return new ScimException(ScimErrorType.INVALID_FILTER, detail);
    }

    /**
     * {@code 400 invalidSyntax}: a body that is not well-formed JSON or not the request's structure.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#INVALID_SYNTAX
     */
    public static ScimException invalidSyntax(String detail) {
        return new ScimException(ScimErrorType.INVALID_SYNTAX, detail);
    }

    /**
     * {@code 400 invalidPath}: a PATCH {@code path} that is malformed or names no attribute.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#INVALID_PATH
     */
    public static ScimException invalidPath(String detail) {
        return new ScimException(ScimErrorType.INVALID_PATH, detail);
    }

    /**
     * {@code 400 noTarget}: a PATCH {@code path} whose value filter matches no value.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#NO_TARGET
     */
    public static ScimException noTarget(String detail) {
        return new ScimException(ScimErrorType.NO_TARGET, detail);
    }

    /**
     * {@code 400 invalidValue}: a missing required value, or one of the wrong type.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#INVALID_VALUE
     */
    public static ScimException invalidValue(String detail) {
        return new ScimException(ScimErrorType.INVALID_VALUE, detail);
    }

    /**
     * {@code 400 mutability}: a change the attribute's {@code mutability} does not allow.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#MUTABILITY
     */
    public static ScimException mutability(String detail) {
        return new ScimException(ScimErrorType.MUTABILITY, detail);
    }

    /**
     * {@code 409 uniqueness}: a value of a unique attribute that another resource has.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#UNIQUENESS
     */
    public static ScimException uniqueness(String detail) {
        return new ScimException(ScimErrorType.UNIQUENESS, detail);
    }

    /**
     * {@code 400 tooMany}: a filter that yields more results than the service provider processes.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#TOO_MANY
     */
    public static ScimException tooMany(String detail) {
        return new ScimException(ScimErrorType.TOO_MANY, detail);
    }

    /**
     * {@code 404}: a resource or endpoint that does not exist.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#NOT_FOUND
     */
    public static ScimException notFound(String detail) {
        return new ScimException(ScimErrorType.NOT_FOUND, detail);
    }

    /**
     * {@code 409}: a request that conflicts with the current state, without a {@code scimType}.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#CONFLICT
     */
    public static ScimException conflict(String detail) {
        return new ScimException(ScimErrorType.CONFLICT, detail);
    }

    /**
     * {@code 412}: an {@code If-Match} version that is no longer current.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#PRECONDITION_FAILED
     */
    public static ScimException preconditionFailed(String detail) {
        return new ScimException(ScimErrorType.PRECONDITION_FAILED, detail);
    }

    /**
     * {@code 403}: valid credentials that do not permit the operation.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#FORBIDDEN
     */
    public static ScimException forbidden(String detail) {
        return new ScimException(ScimErrorType.FORBIDDEN, detail);
    }

    /**
     * {@code 401}: missing or invalid credentials.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#UNAUTHORIZED
     */
    public static ScimException unauthorized(String detail) {
        return new ScimException(ScimErrorType.UNAUTHORIZED, detail);
    }

    /**
     * {@code 400}: a malformed request that no {@code scimType} describes, such as a bad {@code If-Match}.
     *
     * @param detail what the client should fix
     * @return the exception, for the caller to throw
     * @see ScimErrorType#BAD_REQUEST
     */
    public static ScimException badRequest(String detail) {
        return new ScimException(ScimErrorType.BAD_REQUEST, detail);
    }

    /**
     * {@code 503}: a transient failure of something the core called (the database), which the client may retry as
     * it was; the adapter adds {@code Retry-After}.
     *
     * @param detail what the client may know of it, in words fit to show it
     * @param cause  the failure behind it, for the logs only
     * @return the exception, for the caller to throw
     * @see ScimErrorType#UNAVAILABLE
     */
    public static ScimException unavailable(String detail, Throwable cause) {
        return new ScimException(ScimErrorType.UNAVAILABLE, detail, cause);
    }
}

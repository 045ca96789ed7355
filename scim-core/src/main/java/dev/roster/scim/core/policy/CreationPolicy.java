package dev.roster.scim.core.policy;

/**
 * Whether a SCIM {@code POST /Users} (RFC 7644 §3.3) may create a user that does not exist yet.
 *
 * <p>Roster is built for applications that create users just in time, at their first SSO sign-in. By default a
 * POST can only <em>link</em> a user who already signed in (or was deleted over SCIM and is being provisioned
 * again); an embedder whose application can live with users it has never seen sign in may allow creation.
 *
 * <pre>{@code
 * new ScimUsersService(ports, CreationPolicy.ALLOW);
 * }</pre>
 */
public enum CreationPolicy {
    /** A POST of an unknown userName is refused with 403: users are created at their first SSO sign-in. */
    JIT_ONLY,
    /** A POST of an unknown userName creates the user. */
    ALLOW
}

package dev.roster.scim.core.model;

import java.util.Optional;

/**
 * What a SCIM {@code POST /Users} (RFC 7644 §3.3) of a userName the site does not know does. Roster is built for
 * applications that create their users just in time, at their first SSO sign-in; a POST of a user who signed in
 * before links that user under every policy. A site chooses its policy (admin setting {@code creationPolicy});
 * a site that never chose follows the default the embedder configured, {@link #DEFAULT} unless told otherwise.
 *
 * <pre>{@code
 * new ScimUsersService(ports, CreationPolicy.PENDING);       // the default for sites without their own policy
 * CreationPolicy.fromLabel("jit-only")                         // Optional[JIT_ONLY]
 * }</pre>
 */
public enum CreationPolicy {
    /**
     * A POST of an unknown userName holds the identity the IdP asserted as a <em>pending identity</em> and answers
     * 201: no account exists, nobody can use it, but the IdP's lookups find it, so its later updates and its
     * deactivation are not lost. The person's first SSO sign-in turns it into their account, with the same id.
     */
    PENDING("pending"),
    /** A POST of an unknown userName is refused with 403: only an SSO sign-in brings a user into existence. */
    JIT_ONLY("jit-only"),
    /** A POST of an unknown userName creates the account, as an IdP's conformance test expects. */
    ALLOW("allow");

    /** The policy of sites that never chose one, where the embedder does not configure another. */
    public static final CreationPolicy DEFAULT = PENDING;

    private final String label;

    CreationPolicy(String label) {
        this.label = label;
    }

    /**
     * The stable lower-case name used in storage, the admin API and the command line.
     *
     * @return {@code pending}, {@code jit-only} or {@code allow}
     */
    public String label() {
        return label;
    }

    /**
     * The policy of that label, exactly as {@link #label()} spells it.
     *
     * @param label a label, such as {@code jit-only}
     * @return the policy; empty for any other text, in any other case too
     */
    public static Optional<CreationPolicy> fromLabel(String label) {
        for (CreationPolicy policy : values()) {
            if (policy.label.equals(label)) {
                return Optional.of(policy);
            }
        }
        return Optional.empty();
    }

    /**
     * The labels, for messages that say what to write.
     *
     * @return {@code pending, jit-only or allow}
     */
    public static String labels() {
        return PENDING.label + ", " + JIT_ONLY.label + " or " + ALLOW.label;
    }
}

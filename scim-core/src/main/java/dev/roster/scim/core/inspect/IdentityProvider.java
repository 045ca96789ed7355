package dev.roster.scim.core.inspect;

import java.util.Locale;

/**
 * Which identity provider most likely sent a SCIM request, inferred from its {@code User-Agent}: Okta sends
 * {@code Okta SCIM Client …} (or {@code OKTA SCIM Integration}), Microsoft Entra ID's provisioning service names
 * Azure AD, Entra or Microsoft, OneLogin names itself. A hint for the admin reading the inspector, never a check:
 * any client can send any {@code User-Agent}.
 *
 * <pre>{@code
 * IdentityProvider.fromUserAgent("Okta SCIM Client 1.0.0")   // OKTA
 * }</pre>
 */
public enum IdentityProvider {
    /** Okta: a {@code User-Agent} that mentions {@code okta}. */
    OKTA("okta", "Okta"),
    /**
     * Microsoft Entra ID (formerly Azure AD): one that mentions {@code azure}, {@code entra}, {@code microsoft} or
     * {@code aad}.
     */
    ENTRA_ID("entra-id", "Entra ID"),
    /** OneLogin: one that mentions {@code onelogin}. */
    ONELOGIN("onelogin", "OneLogin"),
    /** Any other client, or no {@code User-Agent} at all. */
    UNKNOWN("unknown", "unknown");

    private final String label;
    private final String displayName;

    IdentityProvider(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    /**
     * A stable lower-case label for storage and APIs, which {@link #fromLabel} reads back.
     *
     * @return such as {@code entra-id}
     */
    public String label() {
        return label;
    }

    /**
     * The provider's name for people to read.
     *
     * @return such as {@code Entra ID}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * The provider a {@code User-Agent} most likely comes from, matched in any case.
     *
     * @param userAgent the header's value; null when the request had none
     * @return the provider; {@link #UNKNOWN} when none matches
     */
    public static IdentityProvider fromUserAgent(String userAgent) {
        if (userAgent == null) {
            return UNKNOWN;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        if (agent.contains("okta")) {
            return OKTA;
        }
        if (agent.contains("onelogin")) {
            return ONELOGIN;
        }
        if (agent.contains("azure") || agent.contains("entra") || agent.contains("microsoft")
                || agent.contains("aad")) {
            return ENTRA_ID;
        }
        return UNKNOWN;
    }

    /**
     * The provider of a stored label.
     *
     * @param label a label as {@link #label()} writes it, matched exactly
     * @return the provider; {@link #UNKNOWN} for any other label
     */
    public static IdentityProvider fromLabel(String label) {
        for (IdentityProvider provider : values()) {
            if (provider.label.equals(label)) {
                return provider;
            }
        }
        return UNKNOWN;
    }
}

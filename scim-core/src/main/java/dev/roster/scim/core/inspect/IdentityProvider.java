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
    OKTA("okta", "Okta"),
    ENTRA_ID("entra-id", "Entra ID"),
    ONELOGIN("onelogin", "OneLogin"),
    UNKNOWN("unknown", "unknown");

    private final String label;
    private final String displayName;

    IdentityProvider(String label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    /** A stable lower-case label for storage and APIs. */
    public String label() {
        return label;
    }

    public String displayName() {
        return displayName;
    }

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

    /** The provider of that label; {@link #UNKNOWN} for any other. */
    public static IdentityProvider fromLabel(String label) {
        for (IdentityProvider provider : values()) {
            if (provider.label.equals(label)) {
                return provider;
            }
        }
        return UNKNOWN;
    }
}

package dev.roster.scim.core.model;

import java.util.Objects;

/**
 * The name of a site (a tenant), as it appears in {@code /c/{site}/…}: 1 to 63 of {@code a-z}, {@code 0-9} and
 * {@code -}. Every store call carries one, so no query can cross sites. Immutable; its {@link #toString()} is the
 * name.
 *
 * <pre>{@code
 * SiteId acme = SiteId.of("acme");
 * SiteId.isValid("Acme");   // false: upper case
 * }</pre>
 *
 * @param value the name, as it appears in the URL
 */
public record SiteId(String value) {

    private static final int MAX_LENGTH = 63;

    /**
     * Checks the name.
     *
     * @param value the name, as it appears in the URL
     * @throws NullPointerException     without a name
     * @throws IllegalArgumentException for a name that is not 1 to 63 of {@code a-z}, {@code 0-9} and {@code -}
     */
    public SiteId {
        Objects.requireNonNull(value, "value");
        if (!isValidName(value)) {
            throw new IllegalArgumentException("a site name is 1 to 63 of a-z, 0-9 and '-'");
        }
    }

    /**
     * The site of that name.
     *
     * @param value the name
     * @return the site id
     * @throws IllegalArgumentException for a name that is not 1 to 63 of {@code a-z}, {@code 0-9} and {@code -}
     */
    public static SiteId of(String value) {
        return new SiteId(value);
    }

    /**
     * Whether the text is a site name, so that {@link #of} takes it: for input an adapter must refuse politely.
     *
     * @param value the text, or null
     * @return {@code true} for 1 to 63 of {@code a-z}, {@code 0-9} and {@code -}
     */
    public static boolean isValid(String value) {
        return value != null && isValidName(value);
    }

    /**
     * {@code [a-z0-9-]{1,63}}, read by hand: a SCIM request checks its site's name about six times (the resolver, the
     * inspector, the resource, each {@code SiteId}), a matcher each time (ADR 051). SiteIdTest pins it to the regex.
     */
    private static boolean isValidName(String value) {
        int length = value.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

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

    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,63}");

    /**
     * Checks the name.
     *
     * @param value the name, as it appears in the URL
     * @throws NullPointerException     without a name
     * @throws IllegalArgumentException for a name that is not 1 to 63 of {@code a-z}, {@code 0-9} and {@code -}
     */
    public SiteId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
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
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

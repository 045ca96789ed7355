package dev.roster.scim.core.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a site (a tenant), as it appears in {@code /c/{site}/…}: 1 to 63 of {@code a-z}, {@code 0-9} and
 * {@code -}. Every store call carries one, so no query can cross sites.
 */
public record SiteId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9-]{1,63}");

    public SiteId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a site name is 1 to 63 of a-z, 0-9 and '-'");
        }
    }

    public static SiteId of(String value) {
        return new SiteId(value);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.roster.scim.core.inspect;

import dev.roster.scim.core.error.ScimException;

import java.util.Optional;

/**
 * Which answers the inspector lists: one status ({@code 404}), a class ({@code 4xx}), or {@code errors} (400 and
 * above).
 *
 * <pre>{@code
 * StatusRange.parse("4xx")   // 400..499
 * }</pre>
 */
public record StatusRange(int lowest, int highest) {

    public static final StatusRange ALL = new StatusRange(100, 599);

    public StatusRange {
        if (lowest < 100 || highest > 599 || lowest > highest) {
            throw new IllegalArgumentException("a status range lies within 100..599");
        }
    }

    /** The range a query parameter names; {@code 400 invalidValue} for anything else. */
    public static StatusRange parse(Optional<String> text) {
        if (text.isEmpty()) {
            return ALL;
        }
        String value = text.get().strip().toLowerCase(java.util.Locale.ROOT);
        if (value.equals("errors")) {
            return new StatusRange(400, 599);
        }
        if (value.matches("[1-5]xx")) {
            int hundreds = (value.charAt(0) - '0') * 100;
            return new StatusRange(hundreds, hundreds + 99);
        }
        if (value.matches("[1-5][0-9][0-9]")) {
            int status = Integer.parseInt(value);
            return new StatusRange(status, status);
        }
        throw ScimException.invalidValue("'status' is a status such as 404, a class such as 4xx, or 'errors'.");
    }

    public boolean contains(int status) {
        return status >= lowest && status <= highest;
    }
}

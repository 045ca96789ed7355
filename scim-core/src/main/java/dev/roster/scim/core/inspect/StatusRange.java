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
 *
 * @param lowest  the lowest status listed, 100 or more
 * @param highest the highest status listed, 599 or less, and no lower than {@code lowest}
 */
public record StatusRange(int lowest, int highest) {

    /** Every status, 100 to 599: what the inspector lists when no {@code status} is asked for. */
    public static final StatusRange ALL = new StatusRange(100, 599);

    /**
     * The statuses from {@code lowest} to {@code highest}, both included.
     *
     * @param lowest  the lowest status listed
     * @param highest the highest status listed
     * @throws IllegalArgumentException unless {@code 100 <= lowest <= highest <= 599}
     */
    public StatusRange {
        if (lowest < 100 || highest > 599 || lowest > highest) {
            throw new IllegalArgumentException("a status range lies within 100..599");
        }
    }

    /**
     * The range a {@code status} query parameter names.
     *
     * @param text the parameter: a status such as {@code 404}, a class such as {@code 4xx}, or {@code errors}, in
     *             any case and around whitespace; empty when the request has none
     * @return the range; {@link #ALL} when there is no parameter
     * @throws ScimException {@code 400 invalidValue} for any other text
     */
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

    /**
     * Whether the range lists answers of this status.
     *
     * @param status an HTTP status
     * @return true if it lies within the range, ends included
     */
    public boolean contains(int status) {
        return status >= lowest && status <= highest;
    }
}

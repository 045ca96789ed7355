package dev.roster.scim.core.model;

import dev.roster.scim.core.error.ScimException;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rate limit: on average {@code requests} per {@code period}, with up to {@code burst} at once after a quiet
 * spell — a token bucket of {@code burst} permits refilled continuously at {@code requests / period}. Written
 * {@code 600/min} (the burst is the rate: 600 at once, then one every 100 ms) or {@code 600/min,burst=50}; the
 * periods are {@code s}, {@code min} and {@code h}, also spelled {@code sec}, {@code second}, {@code minute},
 * {@code hour}.
 *
 * <pre>{@code
 * RateLimit limit = RateLimit.parse("600/min,burst=50");
 * limit.text();   // "600/min,burst=50"
 * }</pre>
 *
 * @param requests how many requests a period allows on average, 1 to {@link #MAX}
 * @param period   a second, a minute or an hour
 * @param burst    how many requests may come at once after a quiet spell, 1 to {@link #MAX}
 */
public record RateLimit(int requests, Duration period, int burst) {

    /** The most requests or burst a limit may name: a larger one is no limit worth keeping state for. */
    public static final int MAX = 1_000_000;

    private static final Pattern SYNTAX = Pattern.compile(
            "\\s*(\\d{1,9})\\s*/\\s*([a-z]+)\\s*(?:,\\s*burst\\s*=\\s*(\\d{1,9})\\s*)?");
    private static final String FORM = "Write a rate limit as <requests>/<s|min|h>, optionally with a burst: "
            + "'600/min' or '600/min,burst=50'.";

    /**
     * Checks the bounds.
     *
     * @param requests how many requests a period allows on average, 1 to {@link #MAX}
     * @param period   a second, a minute or an hour
     * @param burst    how many requests may come at once after a quiet spell, 1 to {@link #MAX}
     * @throws NullPointerException     without a period
     * @throws IllegalArgumentException for a period other than a second, a minute or an hour, or a rate or burst
     *                                  outside 1 to {@link #MAX}
     */
    public RateLimit {
        Objects.requireNonNull(period, "period");
        if (!period.equals(Duration.ofSeconds(1)) && !period.equals(Duration.ofMinutes(1))
                && !period.equals(Duration.ofHours(1))) {
            throw new IllegalArgumentException("period is a second, a minute or an hour: " + period);
        }
        if (requests < 1 || requests > MAX || burst < 1 || burst > MAX) {
            throw new IllegalArgumentException("requests and burst are 1 to " + MAX);
        }
    }

    /**
     * {@code requests} per {@code period}, as many at once.
     *
     * @param requests the requests of a period, which are also the burst
     * @param period   a second, a minute or an hour
     * @return the limit
     */
    public static RateLimit of(int requests, Duration period) {
        return new RateLimit(requests, period, requests);
    }

    /**
     * Reads the written form, in any case, blanks around its parts ignored.
     *
     * @param text the limit as an admin wrote it, such as {@code 600/min,burst=50}; null reads as empty
     * @return the limit
     * @throws ScimException {@code 400 invalidValue}, saying what to write, for any other text, a zero, or a number
     *                       above {@link #MAX}
     */
    public static RateLimit parse(String text) {
        Matcher matcher = SYNTAX.matcher(Objects.requireNonNullElse(text, "").toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw ScimException.invalidValue("'" + printable(text) + "' is not a rate limit. " + FORM);
        }
        Duration period = switch (matcher.group(2)) {
            case "s", "sec", "second" -> Duration.ofSeconds(1);
            case "min", "minute" -> Duration.ofMinutes(1);
            case "h", "hour" -> Duration.ofHours(1);
            default -> throw ScimException.invalidValue("'" + matcher.group(2)
                    + "' is not a period of a rate limit: use s, min or h. " + FORM);
        };
        long requests = Long.parseLong(matcher.group(1));
        long burst = matcher.group(3) == null ? requests : Long.parseLong(matcher.group(3));
        if (requests < 1 || requests > MAX || burst < 1 || burst > MAX) {
            throw ScimException.invalidValue("A rate limit's requests and burst are 1 to " + MAX + ". " + FORM);
        }
        return new RateLimit((int) requests, period, (int) burst);
    }

    /**
     * The written form {@link #parse} reads.
     *
     * @return {@code 600/min}, or {@code 600/min,burst=50} where the burst is not the rate
     */
    public String text() {
        String rate = requests + "/" + periodName();
        return burst == requests ? rate : rate + ",burst=" + burst;
    }

    /**
     * The time one permit takes to come back.
     *
     * @return the period divided by the requests: 100 ms for {@code 600/min}
     */
    public Duration interval() {
        return period.dividedBy(requests);
    }

    private String periodName() {
        if (period.equals(Duration.ofSeconds(1))) {
            return "s";
        }
        return period.equals(Duration.ofMinutes(1)) ? "min" : "h";
    }

    private static String printable(String text) {
        String shown = Objects.requireNonNullElse(text, "").codePoints()
                .filter(c -> c >= 0x20 && c < 0x7f)
                .limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown;
    }
}

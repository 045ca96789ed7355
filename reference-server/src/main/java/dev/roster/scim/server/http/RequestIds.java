package dev.roster.scim.server.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The correlation id of a request, {@code X-Request-Id}: the client's (a proxy's, an IdP's) when it is a plain token
 * of at most {@link #MAX_LENGTH} characters from {@code [A-Za-z0-9._~:+/=-]}, which covers UUIDs, W3C trace ids,
 * base64 and the ids of common proxies; else a fresh random UUID. A value outside that set (CR/LF, quotes, spaces,
 * anything else) is never echoed nor logged, so it can neither split a header nor forge a log line.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final int MAX_LENGTH = 128;
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._~:+/=-]{1," + MAX_LENGTH + "}");

    private RequestIds() {
    }

    /** The client's id if it is acceptable, else a fresh one. */
    public static String of(Optional<String> presented) {
        return presented.filter(id -> ACCEPTED.matcher(id).matches()).orElseGet(RequestIds::fresh);
    }

    /** A new random id. */
    public static String fresh() {
        return UUID.randomUUID().toString();
    }
}

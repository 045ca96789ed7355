package dev.roster.scim.server.http;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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

    /**
     * A new random id, a version 4 UUID. Not {@link UUID#randomUUID()}: it draws from one {@code SecureRandom}
     * behind a lock, for which every request thread queued (ADR 033). An id correlates log lines and grants
     * nothing, so it must be unique, not unpredictable: 122 random bits from the thread's own generator.
     */
    public static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long versionFour = random.nextLong() & ~0xF000L | 0x4000L;
        long variantTwo = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(versionFour, variantTwo).toString();
    }
}

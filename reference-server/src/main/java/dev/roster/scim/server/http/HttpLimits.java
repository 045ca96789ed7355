package dev.roster.scim.server.http;

import dev.roster.scim.jackson.JsonLimits;

import java.time.Duration;
import java.util.Objects;

/**
 * Every limit and timeout the reference server enforces at its HTTP edge, before a request reaches Jersey.
 * {@link #defaults()} are the production values; tests shorten the timeouts to see them fire.
 *
 * @param headTimeout          how long a request line and headers may take to arrive, from their first byte: 408
 * @param bodyTimeout          how long a request body may take to arrive, once the head is in: 408
 * @param keepAliveIdleTimeout how long a connection may sit idle between requests before it is closed
 * @param maxKeepAliveRequests how many requests one connection may carry before the server closes it
 * @param workerThreads        threads that run requests once fully received (see {@link #defaults()} for why 16)
 * @param maxHeaderBytes       request line plus headers: a longer request line is 414, longer headers 431
 * @param maxHeaderCount       header fields per request: more is 431
 * @param maxBodyBytes         request body: more is 413, declared or not
 * @param refusalLogsPerMinute WARN lines about refused requests per minute; the rest are counted, not logged
 */
public record HttpLimits(Duration headTimeout, Duration bodyTimeout, Duration keepAliveIdleTimeout,
                         int maxKeepAliveRequests, int workerThreads, int maxHeaderBytes, int maxHeaderCount,
                         int maxBodyBytes, int refusalLogsPerMinute) {

    public HttpLimits {
        Objects.requireNonNull(headTimeout, "headTimeout");
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        Objects.requireNonNull(keepAliveIdleTimeout, "keepAliveIdleTimeout");
        if (headTimeout.isNegative() || headTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()
                || keepAliveIdleTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("timeouts must be positive (keep-alive at least a second)");
        }
        if (maxKeepAliveRequests < 1 || workerThreads < 1 || maxHeaderBytes < 1024 || maxHeaderCount < 1
                || maxBodyBytes < 1 || refusalLogsPerMinute < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /**
     * The production limits.
     * <ul>
     * <li>Head 10 s and body 20 s: an IdP's request is a few KiB sent at once; 20 s still carries the 1 MiB maximum
     * at 52 KB/s. A client that trickles bytes holds no thread (see ADR 013), only its connection, and only this long.
     * <li>Keep-alive 30 s, 1000 requests: long enough for an IdP's burst of provisioning calls to reuse one
     * connection, short enough that idle connections do not pile up. It exceeds the body timeout, so a stalled body
     * always gets its 408 before the idle timer could close the connection silently.
     * <li>16 worker threads: a request holds a worker only once its body has arrived, for JSON work on 2 cores and
     * SQLite (one writer, ADR 008). More threads than cores cover the waits that remain on a worker — the SQLite
     * writer lock and fsync, PBKDF2 on an admin sign-in, a response written to a slow reader — so 16 of those at
     * once still leave {@code /health} a thread. Each worker can hold a 1 MiB body, so 16 bounds that memory too.
     * <li>64 KiB of head: a 4096-character filter, percent-encoded at up to 9 bytes a character, fits in the URL.
     * <li>1 MiB of body: {@link JsonLimits#MAX_DOCUMENT_BYTES}, the most the SCIM adapter reads, far above any real
     * User or PATCH.
     * </ul>
     */
    public static HttpLimits defaults() {
        return new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30), 1000, 16,
                64 * 1024, 100, JsonLimits.MAX_DOCUMENT_BYTES, 30);
    }

    /** The same limits with other timeouts (tests). */
    public HttpLimits withTimeouts(Duration head, Duration body, Duration keepAliveIdle) {
        return new HttpLimits(head, body, keepAliveIdle, maxKeepAliveRequests, workerThreads, maxHeaderBytes,
                maxHeaderCount, maxBodyBytes, refusalLogsPerMinute);
    }
}

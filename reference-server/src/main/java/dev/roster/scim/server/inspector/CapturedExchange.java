package dev.roster.scim.server.inspector;

import dev.roster.scim.core.model.SiteId;

import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * What the capture collects of one SCIM exchange while it runs: the start, the request line, the {@code User-Agent},
 * the request id,
 * the first {@link #CAPTURED_BYTES} of each body and how long each was. Used by one request thread at a time, then
 * handed to the recorder's writer, which redacts it.
 */
final class CapturedExchange {

    /** How much of a body is kept in memory for the inspector; a longer one is shown by its size only. */
    static final int CAPTURED_BYTES = 32 * 1024;

    final SiteId site;
    final Instant at;
    final long startedNanos;
    final String method;
    final String path;
    final String userAgent;
    final String requestId;
    final Body request = new Body();
    final Body response = new Body();
    int status;
    long durationMillis;

    CapturedExchange(SiteId site, Instant at, long startedNanos, String method, String path, String userAgent,
                     String requestId) {
        this.site = site;
        this.at = at;
        this.startedNanos = startedNanos;
        this.method = method;
        this.path = path;
        this.userAgent = userAgent;
        this.requestId = requestId;
    }

    /** The first bytes of a body, and its full length. */
    static final class Body {
        private final ByteArrayOutputStream head = new ByteArrayOutputStream();
        private long length;

        void add(byte[] bytes, int offset, int count) {
            length += count;
            int room = CAPTURED_BYTES - head.size();
            if (room > 0) {
                head.write(bytes, offset, Math.min(room, count));
            }
        }

        long length() {
            return length;
        }

        boolean complete() {
            return length == head.size();
        }

        byte[] bytes() {
            return head.toByteArray();
        }
    }
}

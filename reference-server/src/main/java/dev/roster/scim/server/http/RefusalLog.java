package dev.roster.scim.server.http;

import org.glassfish.grizzly.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * One WARN line, without a stack trace, per request the edge refuses, and at most {@code perMinute} of them a
 * minute: a client that sends garbage in a loop must not be able to flood the log. Lines over the limit are
 * counted and reported as one line when the next minute starts.
 */
final class RefusalLog {

    static final String LOGGER = "dev.roster.http";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private static final int MAX_REASON_LENGTH = 160;

    private final int perMinute;
    private long windowStart = System.nanoTime();
    private int logged;
    private long suppressed;

    RefusalLog(int perMinute) {
        this.perMinute = perMinute;
    }

    void refused(Connection<?> connection, int status, String reason) {
        long unlogged;
        boolean log;
        synchronized (this) {
            long now = System.nanoTime();
            unlogged = 0;
            if (now - windowStart >= MINUTE) {
                unlogged = suppressed;
                windowStart = now;
                logged = 0;
                suppressed = 0;
            }
            log = logged < perMinute;
            if (log) {
                logged++;
            } else {
                suppressed++;
            }
        }
        if (unlogged > 0) {
            LOG.warn("{} more refused requests were not logged in the last minute", unlogged);
        }
        if (log) {
            LOG.warn("Refused a request from {} with {}: {}", peer(connection), status, printable(reason));
        }
    }

    private static String peer(Connection<?> connection) {
        Object address = connection == null ? null : connection.getPeerAddress();
        return address instanceof InetSocketAddress socket && socket.getAddress() != null
                ? socket.getAddress().getHostAddress() : "an unknown peer";
    }

    /** Reasons can quote what a client sent: no line breaks or control characters reach the log, and not much. */
    static String printable(String reason) {
        StringBuilder clean = new StringBuilder(Math.min(reason.length(), MAX_REASON_LENGTH));
        for (int i = 0; i < reason.length() && clean.length() < MAX_REASON_LENGTH; i++) {
            char c = reason.charAt(i);
            clean.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return reason.length() > MAX_REASON_LENGTH ? clean + "…" : clean.toString();
    }
}

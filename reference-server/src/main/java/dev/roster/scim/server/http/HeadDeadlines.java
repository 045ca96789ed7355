package dev.roster.scim.server.http;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.MemoryManager;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deadline of each request head: from its first byte, the request line and headers must be complete within
 * {@link HttpLimits#headTimeout()}, else the client gets a 408 SCIM error and the connection is closed. Grizzly's
 * own idle timer restarts at every byte, so without this a client sending a byte a second would hold its
 * connection for as long as it likes.
 */
final class HeadDeadlines implements AutoCloseable {

    private static final Attribute<ConnectionHeads> HEADS = Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
            HeadDeadlines.class.getName(), ConnectionHeads::new);

    private final ScheduledThreadPoolExecutor timer;
    private final Duration timeout;
    private final RefusalLog log;

    HeadDeadlines(Duration timeout, RefusalLog log) {
        this.timeout = timeout;
        this.log = log;
        this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "roster-http-head-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Bytes arrived on the connection: if no request was under way, a new head starts, and with it its clock. */
    void bytesArrived(Connection<?> connection) {
        ConnectionHeads heads = HEADS.get(connection);
        if (heads.current == null) {
            start(connection, heads, false);
        }
    }

    private void start(Connection<?> connection, ConnectionHeads heads, boolean restOfARefusedBody) {
        Head head = new Head(restOfARefusedBody);
        heads.current = head;
        head.timer = timer.schedule(() -> expire(connection, head), timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The head is complete; false if its deadline passed first (the client has its 408 already). */
    boolean headArrived(Connection<?> connection) {
        Head head = HEADS.get(connection).current;
        if (head == null) {
            return true;
        }
        boolean inTime = head.state.compareAndSet(Head.READING, Head.ARRIVED);
        ScheduledFuture<?> pending = head.timer;
        if (pending != null) {
            pending.cancel(false);
        }
        return inTime || head.state.get() == Head.ARRIVED;
    }

    /** No head has completed for the request now arriving (or none is arriving yet). */
    boolean headPending(Connection<?> connection) {
        Head head = HEADS.get(connection).current;
        return head == null || head.state.get() == Head.READING;
    }

    boolean timedOut(Connection<?> connection) {
        Head head = HEADS.get(connection).current;
        return head != null && head.state.get() == Head.TIMED_OUT;
    }

    /**
     * The response went out: the next byte on this connection starts the next request's head — or, after a
     * refusal ({@code refused}), is the rest of the refused body, which gets the same time to stop before the
     * connection is closed, without a second answer.
     */
    void responseComplete(Connection<?> connection, boolean restOfARefusedBodyIsComing) {
        ConnectionHeads heads = HEADS.get(connection);
        heads.current = null;
        if (restOfARefusedBodyIsComing) {
            start(connection, heads, true);
        }
    }

    void connectionClosed(Connection<?> connection) {
        Head head = HEADS.get(connection).current;
        if (head != null && head.timer != null) {
            head.timer.cancel(false);
        }
    }

    private void expire(Connection<?> connection, Head head) {
        if (!head.state.compareAndSet(Head.READING, Head.TIMED_OUT) || !connection.isOpen()) {
            return;
        }
        if (head.restOfARefusedBody) {
            connection.closeSilently();
        } else {
            log.refused(connection, 408, "request head not complete within " + timeout.toMillis() + " ms");
            connection.write(Buffers.wrap(MemoryManager.DEFAULT_MEMORY_MANAGER, EdgeErrors.rawResponse(408,
                    "The request line and headers did not arrive within " + describe(timeout) + "; send the "
                            + "whole request head at once.")));
            connection.closeSilently();
        }
    }

    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private static final class ConnectionHeads {
        volatile Head current;
    }

    private static final class Head {
        static final int READING = 0;
        static final int ARRIVED = 1;
        static final int TIMED_OUT = 2;

        final AtomicInteger state = new AtomicInteger(READING);
        final boolean restOfARefusedBody;
        volatile ScheduledFuture<?> timer;

        Head(boolean restOfARefusedBody) {
            this.restOfARefusedBody = restOfARefusedBody;
        }
    }
}

package dev.roster.scim.server.inspector;

import dev.roster.scim.core.inspect.IdentityProvider;
import dev.roster.scim.core.inspect.Redaction;
import dev.roster.scim.core.inspect.ScimExchange;
import dev.roster.scim.core.port.in.RequestInspection;
import dev.roster.scim.jackson.ScimJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes captured exchanges off the SCIM path. Under load it keeps a sample of the successes ({@link #wants}); a
 * request thread only offers its capture to a bounded queue (never
 * waits, never writes); one background thread drains it in batches of up to {@link #BATCH} every
 * {@link #FLUSH_MILLIS} ms at most, redacts and caps the bodies, and hands each batch to the
 * {@link RequestInspection} in one write. When the queue is full a capture is dropped and counted; a batch the
 * database refuses is counted as failed and logged once a minute at most. Nothing of it ever fails a request.
 */
public final class ExchangeRecorder implements AutoCloseable {

    static final int QUEUE_CAPACITY = 256;
    static final int BATCH = 100;
    static final long FLUSH_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeRecorder.class);

    private final RequestInspection inspection;
    private final BlockingQueue<CapturedExchange> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong sampledOut = new AtomicLong();
    private final SuccessSampling sampling = new SuccessSampling();
    private final Thread writer;
    private volatile boolean running = true;
    private long lastWarning;

    public ExchangeRecorder(RequestInspection inspection) {
        this.inspection = inspection;
        this.writer = new Thread(this::drain, "roster-inspector-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues the capture if there is room; else counts it as dropped. Never blocks. */
    void offer(CapturedExchange exchange) {
        if (!running || !queue.offer(exchange)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Whether the exchange, now that its status is known, is worth capturing further and offering: every error, and
     * successes up to {@link SuccessSampling#KEPT_PER_SITE_PER_SECOND} per site and second. Those left out are
     * counted. Asked before the response body is written, so that a success left out costs no copy of it.
     */
    boolean wants(CapturedExchange exchange) {
        if (exchange.status < 200 || exchange.status > 299
                || sampling.keeps(exchange.site, exchange.at.getEpochSecond())) {
            return true;
        }
        sampledOut.incrementAndGet();
        return false;
    }

    /** Successful exchanges left out since start because their site had more in that second than are kept. */
    public long sampledOut() {
        return sampledOut.get();
    }

    /** Captures dropped since start because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Captures lost since start because storing their batch failed. */
    public long failed() {
        return failed.get();
    }

    /**
     * Stops taking captures and writes those queued, waiting a few seconds at most. The writer is not interrupted:
     * an interrupt in the middle of a JDBC call can break its connection; it sees the flag within a poll.
     */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<CapturedExchange> batch = new ArrayList<>(BATCH);
        while (running || !queue.isEmpty()) {
            try {
                CapturedExchange first = queue.poll(FLUSH_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                // Nobody interrupts it but the JVM going down: write what is queued and stop.
                running = false;
                queue.drainTo(batch);
                store(batch);
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<CapturedExchange> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            inspection.recordAll(batch.stream().map(ExchangeRecorder::redacted).toList());
        } catch (RuntimeException e) {
            failed.addAndGet(batch.size());
            long now = System.nanoTime();
            if (lastWarning == 0 || now - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
                lastWarning = now;
                LOG.warn("The request inspector could not store {} exchanges ({} lost since start): {}",
                        batch.size(), failed.get(), e.getClass().getSimpleName());
            }
        }
    }

    static ScimExchange redacted(CapturedExchange captured) {
        return new ScimExchange(captured.site, captured.at, captured.method, captured.path, captured.status,
                captured.durationMillis, IdentityProvider.fromUserAgent(captured.userAgent),
                shown(captured.request), shown(captured.response), Optional.ofNullable(captured.requestId));
    }

    /**
     * The body as the inspector shows it: redacted JSON, or a note of its size when it is longer than what is
     * captured or is not JSON (its text could hold anything, so none of it is kept).
     */
    static Optional<String> shown(CapturedExchange.Body body) {
        if (body.length() == 0) {
            return Optional.empty();
        }
        if (!body.complete()) {
            return Optional.of("[" + body.length() + " bytes: longer than the " + CapturedExchange.CAPTURED_BYTES
                    / 1024 + " KiB the inspector keeps]");
        }
        try {
            return Optional.of(ScimJson.write(Redaction.redact(
                    ScimJson.read(new String(body.bytes(), StandardCharsets.UTF_8)))));
        } catch (RuntimeException e) {
            return Optional.of("[" + body.length() + " bytes, not JSON: not kept]");
        }
    }
}

package dev.roster.scim.server;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the access log to standard output in batches: a request thread only queues its event (never waits, never
 * wakes a thread, never writes); one background thread takes what has queued every {@link #PERIOD_MILLIS} ms, encodes
 * it and writes it with one call. A full queue drops the event, counted by {@link #dropped()}; {@link #stop()} writes
 * out what is queued.
 *
 * <p>Why not Logback's {@code AsyncAppender} in front of a {@code ConsoleAppender}, as before (ADR 057): its worker
 * waits on the queue, so every line woke it, and the console wrote and flushed each line alone (standard output's
 * {@code PrintStream} flushes every write). At a lookup's pace that hand-off and system call were 13 % of the CPU of a
 * request. A line now appears at most {@link #PERIOD_MILLIS} ms after its request, which no one tailing a log sees.
 */
final class BatchedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final long PERIOD_MILLIS = 100;

    private final int capacity;
    private final AtomicLong dropped = new AtomicLong();
    private BlockingQueue<ILoggingEvent> queue;
    private Encoder<ILoggingEvent> encoder;
    private Thread writer;

    BatchedConsoleAppender(int capacity) {
        this.capacity = capacity;
    }

    void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("no encoder for the appender named [" + name + "]");
            return;
        }
        queue = new ArrayBlockingQueue<>(capacity);
        writer = new Thread(this::writeEveryPeriod, "roster-" + name);
        writer.setDaemon(true);
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // The message and the thread's name are fixed now, as they are when the event is made: the writer is another
        // thread, later.
        event.prepareForDeferredProcessing();
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Events dropped since start because the queue was full. */
    long dropped() {
        return dropped.get();
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeQueued();
    }

    private void writeEveryPeriod() {
        while (isStarted()) {
            try {
                Thread.sleep(PERIOD_MILLIS);
            } catch (InterruptedException stopping) {
                return;
            }
            writeQueued();
        }
    }

    /** Writes what has queued in one call; only the writer thread calls it, and {@link #stop()} once it ended. */
    private synchronized void writeQueued() {
        List<ILoggingEvent> events = new ArrayList<>(queue.size());
        queue.drainTo(events);
        if (events.isEmpty()) {
            return;
        }
        ByteArrayOutputStream batch = new ByteArrayOutputStream(events.size() * 128);
        for (ILoggingEvent event : events) {
            byte[] line = encoder.encode(event);
            batch.write(line, 0, line.length);
        }
        // Looked up at each write, as Logback's console does, so that System.setOut is followed.
        PrintStream out = System.out;
        try {
            batch.writeTo(out);
        } catch (IOException e) {
            addError("could not write the access log", e);
        }
        out.flush();
    }
}

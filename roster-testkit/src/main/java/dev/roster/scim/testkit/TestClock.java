package dev.roster.scim.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand. It starts with sub-millisecond digits, so that truncation to millis is exercised. */
public final class TestClock extends Clock {

    /** Where a clock made without an instant starts. */
    public static final Instant START = Instant.parse("2026-03-01T09:00:00.123456789Z");

    private Instant now;

    /** A clock at {@link #START}. */
    public TestClock() {
        this(START);
    }

    /**
     * A clock at {@code start}.
     *
     * @param start the instant it shows until moved
     */
    public TestClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock on.
     *
     * @param duration how far; negative moves it back
     */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /**
     * Sets the clock.
     *
     * @param instant what it shows from now on
     */
    public synchronized void set(Instant instant) {
        now = instant;
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}

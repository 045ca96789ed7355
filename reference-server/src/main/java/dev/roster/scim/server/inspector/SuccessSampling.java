package dev.roster.scim.server.inspector;

import dev.roster.scim.core.model.SiteId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which successful (2xx) exchanges the inspector keeps under load: at most {@link #KEPT_PER_SITE_PER_SECOND} per
 * site in each second of their arrival. The inspector shows a site's newest 200 exchanges anyway, so storing the
 * hundreds a second of a big sync only to delete them again is pure cost; every error is kept (docs/adr/031).
 * Only successful exchanges reach it, and those need a site with a valid token, so it holds one small entry per
 * real site.
 */
final class SuccessSampling {

    static final int KEPT_PER_SITE_PER_SECOND = 10;

    private final Map<SiteId, Second> seconds = new ConcurrentHashMap<>();

    /** Whether to keep a successful exchange of the site that arrived in the given second (of the epoch). */
    boolean keeps(SiteId site, long epochSecond) {
        // ConcurrentHashMap answers a present key without a lock (since JDK 9), so no get() needs to come first.
        return seconds.computeIfAbsent(site, ignored -> new Second()).take(epochSecond);
    }

    /**
     * The second a site's budget is counted in and how much of it is taken, in one word: the second in the high bits,
     * the count in the low {@link #COUNT_BITS}. Every request of a busy site asks at once, and once the second's
     * budget is spent the answer is a read, with no lock and no write for the other request threads to wait on.
     */
    private static final class Second {
        private static final int COUNT_BITS = 8;
        private final AtomicLong state = new AtomicLong(Long.MIN_VALUE);

        boolean take(long arrival) {
            while (true) {
                long current = state.get();
                long second = current >> COUNT_BITS;
                int taken = (int) (current & ((1 << COUNT_BITS) - 1));
                // A request that arrived in an earlier second and finishes late counts against the current one.
                if (arrival > second) {
                    second = arrival;
                    taken = 0;
                }
                if (taken >= KEPT_PER_SITE_PER_SECOND) {
                    return false;
                }
                if (state.compareAndSet(current, second << COUNT_BITS | (taken + 1))) {
                    return true;
                }
            }
        }
    }
}

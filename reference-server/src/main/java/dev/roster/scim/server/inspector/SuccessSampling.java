package dev.roster.scim.server.inspector;

import dev.roster.scim.core.model.SiteId;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
        return seconds.computeIfAbsent(site, ignored -> new Second()).take(epochSecond);
    }

    /** The second a site's budget is counted in, and how much of it is taken. */
    private static final class Second {
        private long epochSecond = Long.MIN_VALUE;
        private int taken;

        synchronized boolean take(long arrival) {
            // A request that arrived in an earlier second and finishes late counts against the current one.
            if (arrival > epochSecond) {
                epochSecond = arrival;
                taken = 0;
            }
            if (taken >= KEPT_PER_SITE_PER_SECOND) {
                return false;
            }
            taken++;
            return true;
        }
    }
}

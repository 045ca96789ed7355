package dev.roster.scim.server;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.in.JitSignIn;
import dev.roster.scim.core.port.in.SsoAssertion;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --seed-users N}: signs demo users in to the demo site, as their first SSO sign-in would, until it has N.
 * Batches go through {@link JitSignIn#signInAll}: a million users take about three minutes on 2 cores, not hours.
 */
final class DemoUsers {

    private static final int BATCH = 10_000;

    private DemoUsers() {
    }

    static void seed(JitSignIn signIn, SiteId site, long existing, int wanted, PrintStream console) {
        if (existing >= wanted) {
            return;
        }
        long started = System.nanoTime();
        long next = existing;
        while (next < wanted) {
            int size = (int) Math.min(BATCH, wanted - next);
            List<SsoAssertion> batch = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                batch.add(demoUser(next + i));
            }
            signIn.signInAll(site, batch);
            next += size;
        }
        console.printf("Seeded %d demo users in site '%s' in %d s%n", wanted - existing, site,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** {@code demo.user.000042@example.com}: names that sort in creation order and never collide. */
    static SsoAssertion demoUser(long number) {
        String userName = String.format("demo.user.%07d@example.com", number);
        return SsoAssertion.of(userName, userName, "Demo", String.format("User %07d", number));
    }
}

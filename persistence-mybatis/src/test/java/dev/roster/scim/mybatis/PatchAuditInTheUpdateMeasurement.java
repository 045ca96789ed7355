package dev.roster.scim.mybatis;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.in.AdmittedSite;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.mybatis.testing.RoundTrips;
import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.testkit.UserBuilder;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Not a test (surefire does not pick it up by its name): ADR 054's measurement, run by hand with
 * {@code mvn -B -o -pl persistence-mybatis -am test -Dtest=PatchAuditInTheUpdateMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 * On the test PostgreSQL with {@value #USERS} users, one thread runs W2 (a PATCH replacing {@code active} of a random
 * user, a real flip) through the core's use case and the real store, alternating round by round between the audit
 * {@code INSERT} of its own (the store handed an audit log that only forwards to its database's, so it takes the
 * port's default: main's 4 round trips) and the records in the {@code UPDATE}'s {@code WITH} (the database's own
 * audit log: 3). Per PATCH: the most round trips of every 100th, the calling thread's CPU, the CPU of the PostgreSQL backends (from
 * {@code /proc}), and the median latency. The machine is shared, so the figures to compare are one round's ratios.
 */
class PatchAuditInTheUpdateMeasurement {

    private static final SiteId ACME = SiteId.of("acme");
    private static final int USERS = 100_000;
    private static final int ROUNDS = 6;
    private static final int REQUESTS = 1_500;

    @Test
    void measure() throws Exception {
        try (RosterDatabase database = RosterDatabase.open(TestPostgres.newSchemaThroughRoundTrips())) {
            database.siteStore().insert(SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true));
            List<String> ids = new ArrayList<>();
            boolean[] active = seed(database, ids);
            ScimUsers separate = scimUsers(database, PostgresRecordedUpdateEquivalenceTest.forwarding(database.auditLog()));
            ScimUsers folded = scimUsers(database, database.auditLog());
            Random random = new Random(54);
            run(separate, ids, active, random, REQUESTS / 2);
            run(folded, ids, active, random, REQUESTS / 2);
            for (int round = 1; round <= ROUNDS; round++) {
                OneStatementPagesMeasurement.Figures main = run(separate, ids, active, random, REQUESTS);
                OneStatementPagesMeasurement.Figures branch = run(folded, ids, active, random, REQUESTS);
                System.out.printf("W2 round %d: separate INSERT %s | INSERT in the WITH %s | ratio client %.2f,"
                                + " server %.2f, latency %.2f%n", round, main, branch,
                        branch.clientMicros() / main.clientMicros(), branch.serverMicros() / main.serverMicros(),
                        branch.medianMicros() / main.medianMicros());
            }
        }
    }

    private static ScimUsers scimUsers(RosterDatabase database, AuditLog audit) {
        return new ScimUsersService(new Ports(database.userStore(), database.siteStore(), audit,
                database.transactions(), AccountEvents.NONE, Clock.systemUTC()))
                .admitted(new AdmittedSite(database.siteStore().find(ACME).orElseThrow()));
    }

    /** {@value #USERS} users into {@code ids}; answers whether each is active. */
    private static boolean[] seed(RosterDatabase database, List<String> ids) {
        Random random = new Random(54L);
        boolean[] active = new boolean[USERS];
        List<User> batch = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            // Users as a sign-in or a POST stores them, so that a PATCH of active changes nothing else (no email
            // rows rewritten, one record), as W2 on the benchmark's database.
            User user = UserBuilder.user(String.format("u-%06d", i), "user" + i + "@example.com")
                    .active(random.nextBoolean()).name("Given" + i, "Family" + i).email("user" + i + "@example.com")
                    .build();
            ids.add(user.id());
            active[i] = user.active();
            batch.add(user);
            if (batch.size() == 2_000) {
                database.userStore().insertAll(ACME, batch);
                batch.clear();
            }
        }
        database.userStore().insertAll(ACME, batch);
        try (Connection admin = TestPostgres.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return active;
    }

    private static OneStatementPagesMeasurement.Figures run(ScimUsers users, List<String> ids, boolean[] active, Random random,
                               int requests) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] latencies = new long[requests];
        int[] roundTrips = new int[1];
        long serverBefore = OneStatementPagesMeasurement.backendsCpuTicks();
        long clientBefore = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < requests; i++) {
            int user = random.nextInt(ids.size());
            String id = ids.get(user);
            active[user] = !active[user];
            ScimObject flip = CountSlotsMeasurement.replaceActive(active[user]);
            long started = System.nanoTime();
            if (i % 100 == 0) {
                RoundTrips.Traffic traffic = RoundTrips.of(() -> users.patchRendered(ACME, id, flip,
                        Optional.empty()));
                roundTrips[0] = Math.max(roundTrips[0], traffic.roundTrips());
                if (traffic.roundTrips() > 4) {
                    System.out.println("More round trips than a PATCH sends: " + traffic);
                }
            } else {
                users.patchRendered(ACME, id, flip, Optional.empty());
            }
            latencies[i] = System.nanoTime() - started;
        }
        long clientNanos = threads.getCurrentThreadCpuTime() - clientBefore;
        long serverTicks = OneStatementPagesMeasurement.backendsCpuTicks() - serverBefore;
        Arrays.sort(latencies);
        return new OneStatementPagesMeasurement.Figures(roundTrips[0], clientNanos / 1_000.0 / requests,
                serverTicks * 10_000.0 / requests, latencies[requests / 2] / 1_000.0);
    }
}

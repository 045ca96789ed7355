package dev.roster.scim.mybatis;

import dev.roster.scim.core.json.ScimArray;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SsoAssertion;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.service.JitSignInService;
import dev.roster.scim.core.service.Ports;
import dev.roster.scim.core.service.ScimUsersService;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Not a test (surefire does not pick it up by its name): the measurement of ADR 032's 16 count slots against one
 * fixed lock order without slots, run by hand with
 * {@code mvn -B -q -pl persistence-mybatis -am test -Dtest=CountSlotsMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 * Eight writers flip 64 users of one site (half each way) through {@code ScimUsers.patch}, each on its own pool
 * connection, on the test server with {@code fsync} and {@code synchronous_commit} switched on (so a commit waits for
 * its WAL flush while holding its count rows, as in production). "Fixed order" is V11 with
 * {@code user_counts_slot} returning 0: the trigger still takes the two rows in key order, but every writer of the
 * site takes the same two. Prints writes/s, the JVM's and the database backends' CPU per write, and how many writers
 * were waiting for a row lock on average (sampled from {@code pg_stat_activity} every 5 ms).
 */
class CountSlotsMeasurement {

    private static final SiteId ACME = SiteId.of("acme");
    private static final int WRITERS = 8;
    private static final int USERS_PER_WRITER = 8;
    private static final int WARM_UP = 40;
    private static final int WRITES = 250;

    @Test
    void slotsAgainstAFixedOrder() throws Exception {
        durableCommits(true);
        try {
            for (int round = 1; round <= 2; round++) {
                System.out.println("round " + round + ", 16 slots:   " + run(false));
                System.out.println("round " + round + ", fixed order: " + run(true));
            }
        } finally {
            durableCommits(false);
        }
    }

    private static void durableCommits(boolean on) throws SQLException {
        try (Connection admin = TestPostgres.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("ALTER SYSTEM SET fsync = " + (on ? "on" : "off"));
            statement.execute("ALTER SYSTEM SET synchronous_commit = " + (on ? "on" : "off"));
            statement.execute("SELECT pg_reload_conf()");
        }
    }

    private static String run(boolean fixedOrder) throws Exception {
        PostgreSqlSettings settings = TestPostgres.newSchema().withMaximumPoolSize(WRITERS);
        try (RosterDatabase database = RosterDatabase.open(settings)) {
            if (fixedOrder) {
                database.inTransaction(connection -> connection.createStatement().execute(
                        "CREATE OR REPLACE FUNCTION user_counts_slot(user_id TEXT) RETURNS SMALLINT LANGUAGE sql"
                                + " IMMUTABLE PARALLEL SAFE AS $$ SELECT 0::SMALLINT $$"));
            }
            Ports ports = new Ports(database.userStore(), database.siteStore(), database.auditLog(),
                    database.transactions(), AccountEvents.NONE, Clock.systemUTC());
            database.siteStore().insert(SiteSettings.newSite(ACME).withSsoConfigured(true).withScimEnabled(true));
            JitSignInService signIn = new JitSignInService(ports);
            List<List<String>> owned = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                List<String> ids = new ArrayList<>();
                for (int u = 0; u < USERS_PER_WRITER; u++) {
                    String name = "w" + w + "u" + u;
                    ids.add(signIn.signIn(ACME, SsoAssertion.of(name, name + "@example.com", "A", "B")).user().id());
                }
                owned.add(ids);
            }
            ScimUsers users = new ScimUsersService(ports);
            flipAll(users, owned, WARM_UP);

            List<Integer> backends = backends();
            long serverCpu = ticks(backends);
            long jvmCpu = jvmCpuNanos();
            AtomicBoolean sampling = new AtomicBoolean(true);
            long[] samples = new long[2];
            Thread sampler = new Thread(() -> sampleLockWaits(sampling, samples));
            sampler.start();
            long start = System.nanoTime();
            flipAll(users, owned, WRITES);
            long wall = System.nanoTime() - start;
            sampling.set(false);
            sampler.join();
            long writes = (long) WRITERS * WRITES;
            double serverMillis = (ticks(backends) - serverCpu) * 10.0;
            double jvmMillis = (jvmCpuNanos() - jvmCpu) / 1e6;
            return String.format("%.0f writes/s, JVM CPU %.2f ms/write, database CPU %.2f ms/write,"
                            + " writers waiting for a row lock %.2f on average, retries %d",
                    writes / (wall / 1e9), jvmMillis / writes, serverMillis / writes,
                    samples[0] == 0 ? 0.0 : (double) samples[1] / samples[0], database.writePath().retries());
        }
    }

    /** Each writer flips its own users in turn; even writers start from active, odd ones from inactive. */
    private static void flipAll(ScimUsers users, List<List<String>> owned, int writesEach) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            List<String> ids = owned.get(w);
            done.add(pool.submit(() -> {
                go.await();
                for (int i = 0; i < writesEach; i++) {
                    String id = ids.get(i % ids.size());
                    boolean active = users.get(ACME, id).active();
                    users.patch(ACME, id, replaceActive(!active), Optional.empty());
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> writer : done) {
            writer.get();
        }
        pool.shutdown();
    }

    private static void sampleLockWaits(AtomicBoolean sampling, long[] samples) {
        try (Connection admin = TestPostgres.adminConnection(); Statement statement = admin.createStatement()) {
            while (sampling.get()) {
                try (ResultSet waiting = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE application_name = 'roster' AND wait_event_type = 'Lock'")) {
                    waiting.next();
                    samples[0]++;
                    samples[1] += waiting.getLong(1);
                }
                Thread.sleep(5);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> backends() throws SQLException {
        List<Integer> pids = new ArrayList<>();
        try (Connection admin = TestPostgres.adminConnection(); Statement statement = admin.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT pid FROM pg_stat_activity WHERE application_name = 'roster'")) {
            while (rows.next()) {
                pids.add(rows.getInt(1));
            }
        }
        return pids;
    }

    /** User and system CPU of these processes, in clock ticks (1/100 s on Linux). */
    private static long ticks(List<Integer> pids) throws Exception {
        long sum = 0;
        for (int pid : pids) {
            Path stat = Path.of("/proc/" + pid + "/stat");
            if (Files.exists(stat)) {
                String text = Files.readString(stat);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                sum += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return sum;
    }

    private static long jvmCpuNanos() throws Exception {
        return ticks(List.of((int) ProcessHandle.current().pid())) * 10_000_000L;
    }

    static ScimObject replaceActive(boolean active) {
        return ScimObject.builder()
                .put("schemas", ScimArray.of(ScimValue.of("urn:ietf:params:scim:api:messages:2.0:PatchOp")))
                .put("Operations", ScimArray.of(ScimObject.builder().put("op", ScimValue.of("replace"))
                        .put("path", ScimValue.of("active")).put("value", ScimValue.of(active)).build()))
                .build();
    }
}

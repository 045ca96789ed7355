package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.testing.RoundTrips;
import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.testkit.RandomUsers;
import org.apache.ibatis.session.SqlSession;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Not a test (surefire does not pick it up by its name): ADR 046's measurement, run by hand with
 * {@code mvn -B -pl persistence-mybatis -am test -Dtest=OneStatementPagesMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 * On the test PostgreSQL with {@value #USERS} users, one thread runs W1 ({@code userName eq}, a random hit), W3
 * (the first page of 100 and its total) and {@code count=0} through the store, alternating round by round between
 * main's path (the body of main's {@code searchRendered}: the page and its total in a read transaction) and the
 * one statement in auto-commit. Per request: the round trips, the calling thread's CPU, the CPU of the PostgreSQL
 * backends (from {@code /proc}), and the median latency. The machine is shared, so the figures to compare are the
 * ratios of one round.
 */
class OneStatementPagesMeasurement {

    private static final int USERS = 100_000;
    private static final int ROUNDS = 4;
    private static final Map<String, Integer> REQUESTS = Map.of("W1", 3_000, "W3", 600, "count=0", 3_000);

    @Test
    void measure() throws Exception {
        try (RosterDatabase database = RosterDatabase.open(TestPostgres.newSchemaThroughRoundTrips())) {
            List<String> userNames = seed(database);
            MyBatisUserStore store = (MyBatisUserStore) database.userStore();
            Function<UserQuery, RenderedPage> mainPath = mainPath(store);
            Function<UserQuery, RenderedPage> oneStatement = query -> store.searchRendered(ACME, query).orElseThrow();
            Random random = new Random(46);
            Map<String, Function<Integer, UserQuery>> workloads = Map.of(
                    "W1", i -> UserQuery.filtered(new Filter.Compare(AttrPath.of("userName"), CompareOp.EQ,
                            CompValue.of(userNames.get(random.nextInt(userNames.size())))), 1, 100),
                    "W3", i -> UserQuery.all(1, 100),
                    "count=0", i -> UserQuery.all(1, 0));
            for (String workload : List.of("W1", "W3", "count=0")) {
                Function<Integer, UserQuery> queries = workloads.get(workload);
                run(mainPath, queries, REQUESTS.get(workload) / 2);
                run(oneStatement, queries, REQUESTS.get(workload) / 2);
                for (int round = 1; round <= ROUNDS; round++) {
                    Figures main = run(mainPath, queries, REQUESTS.get(workload));
                    Figures branch = run(oneStatement, queries, REQUESTS.get(workload));
                    System.out.printf("%s round %d: main %s | one statement %s | CPU ratio client %.2f, server"
                                    + " %.2f, latency %.2f%n", workload, round, main, branch,
                            branch.clientMicros / main.clientMicros, branch.serverMicros / main.serverMicros,
                            branch.medianMicros / main.medianMicros);
                }
            }
        }
    }

    /**
     * The same on SQLite, on a copy of the benchmark's file ({@code -Dmeasure.sqlite=…/sqlite-100000.db}, site
     * {@code demo}): the read transaction SQLite keeps against the one statement on an auto-commit reader, which this
     * class calls directly since the store does not take it on SQLite. No round trips here; the thread's CPU is all.
     */
    @Test
    void measureOnSqlite() throws Exception {
        String file = System.getProperty("measure.sqlite");
        if (file == null) {
            return;
        }
        SiteId demo = SiteId.of("demo");
        try (RosterDatabase database = RosterDatabase.open(Path.of(file))) {
            MyBatisUserStore store = (MyBatisUserStore) database.userStore();
            Sessions sessions = field(store, "sessions");
            UserSearch search = field(store, "search");
            Function<UserQuery, RenderedPage> readTransaction = query -> sessions.read(
                    (SqlSession session) -> search.rendered(session, demo, query));
            Function<UserQuery, RenderedPage> oneStatement = query -> sessions.readOneByJdbc(
                    connection -> search.renderedInOneStatement(connection, demo, query)).orElseThrow();
            Random random = new Random(46);
            Map<String, Function<Integer, UserQuery>> workloads = Map.of(
                    "W1", i -> UserQuery.filtered(new Filter.Compare(AttrPath.of("userName"), CompareOp.EQ,
                            CompValue.of(String.format("demo.user.%07d@example.com", random.nextInt(100_000)))),
                            1, 100),
                    "W3", i -> UserQuery.all(1, 100),
                    "count=0", i -> UserQuery.all(1, 0));
            for (String workload : List.of("W1", "W3", "count=0")) {
                Function<Integer, UserQuery> queries = workloads.get(workload);
                int requests = REQUESTS.get(workload) * 2;
                runInProcess(readTransaction, queries, requests);
                runInProcess(oneStatement, queries, requests);
                for (int round = 1; round <= ROUNDS; round++) {
                    double[] main = runInProcess(readTransaction, queries, requests);
                    double[] branch = runInProcess(oneStatement, queries, requests);
                    System.out.printf("SQLite %s round %d: read transaction %.1f µs CPU, p50 %.1f µs | one statement"
                                    + " %.1f µs CPU, p50 %.1f µs | CPU ratio %.2f%n", workload, round, main[0], main[1],
                            branch[0], branch[1], branch[0] / main[0]);
                }
            }
        }
    }

    private static double[] runInProcess(Function<UserQuery, RenderedPage> path, Function<Integer, UserQuery> queries,
                                         int requests) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] latencies = new long[requests];
        long before = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < requests; i++) {
            UserQuery query = queries.apply(i);
            long started = System.nanoTime();
            path.apply(query);
            latencies[i] = System.nanoTime() - started;
        }
        long cpu = threads.getCurrentThreadCpuTime() - before;
        Arrays.sort(latencies);
        return new double[] {cpu / 1_000.0 / requests, latencies[requests / 2] / 1_000.0};
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(MyBatisUserStore store, String name) throws ReflectiveOperationException {
        var field = MyBatisUserStore.class.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(store);
    }

    /** What main's {@code searchRendered} ran: {@code UserSearch.rendered} in {@code Sessions.read}'s transaction. */
    private static Function<UserQuery, RenderedPage> mainPath(MyBatisUserStore store)
            throws ReflectiveOperationException {
        Sessions sessions = field(store, "sessions");
        UserSearch search = field(store, "search");
        return query -> sessions.read((SqlSession session) -> search.rendered(session, ACME, query));
    }

    private static List<String> seed(RosterDatabase database) {
        RandomUsers random = new RandomUsers(46L);
        List<String> userNames = new ArrayList<>();
        List<User> batch = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            User user = random.next(i);
            userNames.add(user.userName());
            batch.add(user);
            if (batch.size() == 2_000) {
                database.userStore().insertAll(ACME, batch);
                batch.clear();
            }
        }
        database.userStore().insertAll(ACME, batch);
        database.userStore().insertAll(SiteId.of("other"), List.of(random.next(USERS)));
        try (Connection admin = TestPostgres.adminConnection(); Statement statement = admin.createStatement()) {
            statement.execute("VACUUM ANALYZE");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return userNames;
    }

    private static Figures run(Function<UserQuery, RenderedPage> path, Function<Integer, UserQuery> queries,
                               int requests) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] latencies = new long[requests];
        int[] roundTrips = new int[1];
        long serverBefore = backendsCpuTicks();
        long clientBefore = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < requests; i++) {
            UserQuery query = queries.apply(i);
            long started = System.nanoTime();
            if (i % 100 == 0) {
                roundTrips[0] = RoundTrips.of(() -> path.apply(query)).roundTrips();
            } else {
                path.apply(query);
            }
            latencies[i] = System.nanoTime() - started;
        }
        long clientNanos = threads.getCurrentThreadCpuTime() - clientBefore;
        long serverTicks = backendsCpuTicks() - serverBefore;
        Arrays.sort(latencies);
        return new Figures(roundTrips[0], clientNanos / 1_000.0 / requests,
                serverTicks * 10_000.0 / requests, latencies[requests / 2] / 1_000.0);
    }

    /** User and system CPU of every client backend of the test server, in clock ticks (1/100 s). */
    static long backendsCpuTicks() throws SQLException {
        long ticks = 0;
        try (Connection admin = TestPostgres.adminConnection(); Statement statement = admin.createStatement();
             ResultSet backends = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type ="
                     + " 'client backend' AND pid <> pg_backend_pid()")) {
            while (backends.next()) {
                try {
                    String stat = Files.readString(Path.of("/proc", backends.getString(1), "stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException gone) {
                    // a backend that ended meanwhile
                }
            }
        }
        return ticks;
    }

    record Figures(int roundTrips, double clientMicros, double serverMicros, double medianMicros) {
        @Override
        public String toString() {
            return String.format("%d round trips, client %.0f µs CPU, server %.0f µs CPU, p50 %.0f µs", roundTrips,
                    clientMicros, serverMicros, medianMicros);
        }
    }
}

package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Writers of one site flip <em>different</em> users in <em>opposite</em> directions at once, through the store's
 * write path, on one database and on two databases (two servers' pools) sharing one schema. A flip moves a user
 * between the {@code user_counts} rows of {@code active} true and false: V9's trigger locked the row it left, then
 * the row it entered, so a flip one way and a flip the other way each held the row the other wanted, and PostgreSQL
 * broke the cycle by aborting one (40P01, after {@code deadlock_timeout}), which the write path ran again (ADR 032).
 * No write may need that; and the active totals, read from the counts, must equal a {@code COUNT(*)} of the rows.
 */
class PostgresOppositeFlipsTest {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 25;

    private final List<RosterDatabase> opened = new ArrayList<>();

    @AfterEach
    void close() {
        opened.forEach(RosterDatabase::close);
    }

    @Test
    void oppositeFlipsOfDifferentUsersNeverDeadlock() throws Exception {
        PostgreSqlSettings settings = TestPostgres.newSchema().withMaximumPoolSize(WRITERS);
        RosterDatabase database = open(settings);

        flipInOppositeDirections(List.of(database));

        assertThat(database.writePath().retries()).as("transactions PostgreSQL aborted and ran again").isZero();
        assertCountsExact(database, settings);
    }

    @Test
    void oppositeFlipsThroughTwoPoolsOnOneDatabaseNeverDeadlock() throws Exception {
        PostgreSqlSettings settings = TestPostgres.newSchema().withMaximumPoolSize(WRITERS / 2);
        RosterDatabase first = open(settings);
        RosterDatabase second = open(settings);

        flipInOppositeDirections(List.of(first, second));

        assertThat(first.writePath().retries() + second.writePath().retries())
                .as("transactions PostgreSQL aborted and ran again").isZero();
        assertCountsExact(first, settings);
        assertCountsExact(second, settings);
    }

    private RosterDatabase open(PostgreSqlSettings settings) {
        RosterDatabase database = RosterDatabase.open(settings);
        opened.add(database);
        return database;
    }

    /**
     * Each writer owns two users, one active and one not, and flips both in each round: at every moment about half of
     * the flips go true → false and half false → true. Writer {@code w} writes through database {@code w % n}.
     */
    private static void flipInOppositeDirections(List<RosterDatabase> databases) throws Exception {
        databases.get(0).userStore().insertAll(ACME, IntStream.range(0, WRITERS * 2)
                .mapToObj(i -> user("u" + i, "user" + i).withActive(i % 2 == 0)).toList());
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                UserStore users = databases.get(w % databases.size()).userStore();
                List<String> own = List.of("u" + (2 * w), "u" + (2 * w + 1));
                done.add(pool.submit(() -> {
                    start.await();
                    for (int round = 0; round < ROUNDS; round++) {
                        for (String id : own) {
                            User current = users.findById(ACME, id).orElseThrow();
                            assertThat(users.update(ACME, current.withActive(!current.active())
                                    .nextVersion(ChangeSource.SCIM, T0), current.version()))
                                    .as("%s has one writer", id).isTrue();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertCountsExact(RosterDatabase database, PostgreSqlSettings settings) throws SQLException {
        UserStore users = database.userStore();
        for (boolean active : new boolean[] {true, false}) {
            Filter filter = Filter.compare(AttrPath.of("active"), CompareOp.EQ, CompValue.of(active));
            long counted = countRows(settings, active);
            // ROUNDS is odd: every user ends in the state its partner started in, so each side keeps WRITERS users.
            assertThat(counted).as("users with active = %s", active).isEqualTo(WRITERS);
            assertThat(users.search(ACME, UserQuery.filtered(filter, 1, 0)).totalResults())
                    .as("totalResults of active eq %s", active).isEqualTo(counted);
        }
        assertThat(users.search(ACME, UserQuery.all(1, 0)).totalResults()).isEqualTo(WRITERS * 2L);
    }

    private static long countRows(PostgreSqlSettings settings, boolean active) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl());
             PreparedStatement count = connection.prepareStatement(
                     "SELECT COUNT(*) FROM users WHERE site = ? AND active = ?")) {
            count.setString(1, ACME.value());
            count.setBoolean(2, active);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}

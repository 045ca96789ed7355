package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.testing.RoundTrips;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The round trips to PostgreSQL of the reads every SCIM request makes, counted on the wire between the real driver
 * and the real server ({@link RoundTrips}): a read of one row is one statement in auto-commit, and a search's
 * transaction costs its {@code START TRANSACTION} and its {@code ROLLBACK}, and no more (ADR 039). Each count is the least of a few runs, so that a liveness check the pool
 * makes on a borrowed connection cannot add to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReadRoundTripsTest {

    private static final int USERS = 150;
    private RosterDatabase database;

    @BeforeAll
    void openThroughTheCounter() {
        PostgreSqlSettings direct = TestPostgres.newSchema();
        database = RosterDatabase.open(new PostgreSqlSettings(RoundTrips.url(direct.jdbcUrl()), direct.user(),
                direct.password(), direct.maximumPoolSize(), direct.statementTimeout()));
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            users.add(user("u" + i, "user" + i + "@example.org"));
        }
        database.userStore().insertAll(ACME, users);
    }

    @AfterAll
    void close() {
        database.close();
    }

    /** One statement, in auto-commit: no transaction around it. */
    @Test
    void aUserByIdTakesOneRoundTrip() {
        assertThat(leastRoundTrips(() -> database.userStore().findRendered(ACME, "u42").orElseThrow()))
                .isEqualTo(1);
        assertThat(leastRoundTrips(() -> database.userStore().findById(ACME, "u42").orElseThrow())).isEqualTo(1);
    }

    @Test
    void aUserByUserNameTakesOneRoundTrip() {
        assertThat(leastRoundTrips(() -> database.userStore().findByUserName(ACME, "user42@example.org")
                .orElseThrow())).isEqualTo(1);
    }

    @Test
    void aUserNameLookupTakesThreeRoundTrips() {
        UserQuery query = UserQuery.filtered(FilterParser.parse("userName eq \"user42@example.org\""), 1, 100);
        assertThat(leastRoundTrips(() -> {
            assertThat(database.userStore().searchRendered(ACME, query).orElseThrow().totalResults()).isEqualTo(1);
            return null;
        })).isEqualTo(3);
    }

    /** The page and the count of all it is a page of, from one snapshot. */
    @Test
    void aPageThatNeedsItsCountTakesFourRoundTrips() {
        UserQuery query = UserQuery.all(1, 100);
        assertThat(leastRoundTrips(() -> {
            assertThat(database.userStore().searchRendered(ACME, query).orElseThrow().totalResults())
                    .isEqualTo(USERS);
            return null;
        })).isEqualTo(4);
    }

    @Test
    void theSettingsVersionTakesOneRoundTrip() {
        assertThat(leastRoundTrips(() -> database.siteStore().settingsVersion(ACME))).isEqualTo(1);
    }

    private int leastRoundTrips(Supplier<?> read) {
        int least = Integer.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            least = Math.min(least, RoundTrips.of(read::get).roundTrips());
        }
        return least;
    }
}

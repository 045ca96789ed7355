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
 * and the real server ({@link RoundTrips}): a read of one row is one statement in auto-commit (ADR 039), and so is
 * a search answered from stored renderings, its page carrying its total (ADR 046). Each count is the least of a few
 * runs, so that a liveness check the pool makes on a borrowed connection cannot add to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresReadRoundTripsTest {

    private static final int USERS = 150;
    private RosterDatabase database;

    @BeforeAll
    void openThroughTheCounter() {
        database = RosterDatabase.open(TestPostgres.newSchemaThroughRoundTrips());
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

    /** The page and the total it carries, in one statement: no read transaction around it (ADR 046). */
    @Test
    void aUserNameLookupTakesOneRoundTrip() {
        UserQuery query = UserQuery.filtered(FilterParser.parse("userName eq \"user42@example.org\""), 1, 100);
        assertThat(roundTripsOfRenderedSearch(query, 1)).isEqualTo(1);
    }

    @Test
    void aUserNameLookupThatFindsNobodyTakesOneRoundTrip() {
        UserQuery query = UserQuery.filtered(FilterParser.parse("userName eq \"nobody@example.org\""), 1, 100);
        assertThat(roundTripsOfRenderedSearch(query, 0)).isEqualTo(1);
    }

    /** The page and the count of all it is a page of, from the one snapshot of one statement. */
    @Test
    void aPageThatNeedsItsCountTakesOneRoundTrip() {
        assertThat(roundTripsOfRenderedSearch(UserQuery.all(1, 100), USERS)).isEqualTo(1);
        assertThat(roundTripsOfRenderedSearch(UserQuery.all(101, 10), USERS)).isEqualTo(1);
        assertThat(roundTripsOfRenderedSearch(UserQuery.filtered(FilterParser.parse("userName sw \"user1\""), 1, 10),
                61)).isEqualTo(1);
        assertThat(roundTripsOfRenderedSearch(UserQuery.filtered(FilterParser.parse("active eq true"), 1, 10),
                USERS)).isEqualTo(1);
    }

    @Test
    void theTotalAloneTakesOneRoundTrip() {
        assertThat(roundTripsOfRenderedSearch(UserQuery.all(1, 0), USERS)).isEqualTo(1);
        assertThat(roundTripsOfRenderedSearch(UserQuery.filtered(FilterParser.parse("userName sw \"user1\""), 1, 0),
                61)).isEqualTo(1);
    }

    /**
     * Past the last user no row carries the total: the statement that found none, then the count alone, which
     * still ends before the page (main: a read transaction of four).
     */
    @Test
    void aPagePastTheEndTakesTwoRoundTrips() {
        assertThat(roundTripsOfRenderedSearch(UserQuery.all(USERS + 1, 100), USERS)).isEqualTo(2);
        assertThat(roundTripsOfRenderedSearch(UserQuery.filtered(FilterParser.parse("userName sw \"user1\""), 62,
                10), 61)).isEqualTo(2);
    }

    private int roundTripsOfRenderedSearch(UserQuery query, long total) {
        return leastRoundTrips(() -> {
            assertThat(database.userStore().searchRendered(ACME, query).orElseThrow().totalResults())
                    .isEqualTo(total);
            return null;
        });
    }

    private int leastRoundTrips(Supplier<?> read) {
        int least = Integer.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            least = Math.min(least, RoundTrips.of(read::get).roundTrips());
        }
        return least;
    }
}

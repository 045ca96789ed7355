package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.mapping.UserResources;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.mybatis.testing.RoundTrips;
import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.testkit.RandomUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A page served in one statement on PostgreSQL (ADR 046) is exactly the page of the read transaction it replaces,
 * over many windows (first, middle, last, past the end, {@code count=0}), filters (SQL's whole, partly Java's,
 * matching nobody), sorts, and hidden and pending users in and out of scope: same users, same renderings, same total,
 * same start. The read transaction's path is what a search inside a transaction takes; both are checked against
 * {@link dev.roster.scim.core.port.out.UserStore#search}'s users rendered in Java. Where SQL answers the whole query
 * the page is pinned to one round trip (two past the end), so the comparison is of the new path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresOneStatementPagesTest {

    private static final int USERS = 130;

    private static final int[][] WINDOWS = {
            {1, 0}, {1, 1}, {1, 10}, {1, 100}, {2, 7}, {50, 0}, {60, 100}, {100, 10}, {110, 25}, {USERS, 3},
            {USERS + 1, 5}, {USERS + 40, 100}};

    private RosterDatabase database;
    private String someUserName;
    private String hiddenUserName;

    @BeforeAll
    void fillThroughTheCounter() {
        database = RosterDatabase.open(TestPostgres.newSchemaThroughRoundTrips());
        RandomUsers random = new RandomUsers(20261202L);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            User user = random.next(i);
            users.add(i % 7 == 3 ? user.withHidden(true) : user);
        }
        database.userStore().insertAll(ACME, users);
        someUserName = users.get(5).userName();
        hiddenUserName = users.get(3).userName();
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void everyWindowOfOneStatementIsThePageOfTheReadTransaction() {
        List<Case> filters = List.of(
                new Case(Optional.empty(), true),
                new Case(Optional.of(new Filter.Compare(AttrPath.of("userName"), CompareOp.EQ,
                        CompValue.of(someUserName))), true),
                new Case(Optional.of(new Filter.Compare(AttrPath.of("userName"), CompareOp.EQ,
                        CompValue.of(hiddenUserName))), true),
                new Case(Optional.of(FilterParser.parse("userName eq \"nobody\"")), true),
                new Case(Optional.of(FilterParser.parse("userName sw \"user1\"")), true),
                new Case(Optional.of(FilterParser.parse("active eq true")), true),
                new Case(Optional.of(FilterParser.parse("active eq false")), true),
                new Case(Optional.of(FilterParser.parse("displayName pr and active eq true")), true),
                new Case(Optional.of(FilterParser.parse("meta.lastModified gt \"2020-09-20T00:00:00Z\"")), true),
                new Case(Optional.of(FilterParser.parse("nickName pr")), false));
        List<Optional<SortSpec>> sorts = List.of(Optional.empty(),
                Optional.of(SortSpec.ascending(AttrPath.of("userName"))),
                Optional.of(SortSpec.descending(AttrPath.of("displayName"))),
                Optional.of(SortSpec.ascending(AttrPath.of("meta", "created"))));
        int oneRoundTrip = 0;
        for (Case filter : filters) {
            for (Optional<SortSpec> sort : sorts) {
                for (int[] window : WINDOWS) {
                    for (boolean includeHidden : new boolean[] {false, true}) {
                        for (UserQuery.Pending pending : UserQuery.Pending.values()) {
                            UserQuery query = new UserQuery(filter.filter(), sort, window[0], window[1],
                                    includeHidden, pending);
                            oneRoundTrip += compare(query, filter.inSql()) ? 1 : 0;
                        }
                    }
                }
            }
        }
        assertThat(oneRoundTrip).as("pages served in one round trip").isGreaterThan(1_000);
    }

    /**
     * Whether the page took one round trip; asserts that one SQL answers whole did, or two past the end (the count
     * alone after the empty page).
     */
    private boolean compare(UserQuery query, boolean inSql) {
        AtomicReference<RenderedPage> alone = new AtomicReference<>();
        int roundTrips = RoundTrips.of(() -> alone.set(database.userStore().searchRendered(ACME, query)
                .orElseThrow())).roundTrips();
        RenderedPage fast = alone.get();
        RenderedPage inTransaction = database.transactions().inTransaction(() -> database.userStore()
                .searchRendered(ACME, query).orElseThrow());
        var searched = database.userStore().search(ACME, query);

        String described = query.toString();
        assertThat(fast.totalResults()).as(described).isEqualTo(inTransaction.totalResults())
                .isEqualTo(searched.totalResults());
        assertThat(fast.startIndex()).as(described).isEqualTo(inTransaction.startIndex())
                .isEqualTo(query.startIndex());
        assertThat(fast.users()).as(described).extracting(RenderedUser::id)
                .containsExactlyElementsOf(inTransaction.users().stream().map(RenderedUser::id).toList())
                .containsExactlyElementsOf(searched.users().stream().map(User::id).toList());
        assertThat(fast.users()).as(described).extracting(RenderedUser::json)
                .containsExactlyElementsOf(inTransaction.users().stream().map(RenderedUser::json).toList())
                .containsExactlyElementsOf(searched.users().stream()
                        .map(user -> ScimJson.write(UserResources.defaultRepresentation(user))).toList());
        boolean rowCarriesTheTotal = query.count() == 0 || query.startIndex() == 1 || !fast.users().isEmpty();
        if (inSql) {
            assertThat(roundTrips).as(described).isEqualTo(rowCarriesTheTotal ? 1 : 2);
        }
        return roundTrips == 1;
    }

    private record Case(Optional<Filter> filter, boolean inSql) {
    }
}

package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withDisplayName;
import static dev.roster.scim.mybatis.TestUsers.withTimes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.SortSpec;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.UserQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

class SortingAndPagingTest extends DatabaseTest {

    @BeforeEach
    void users() {
        // displayName ties ("Bob" twice, in two cases) and absences, ids deliberately out of name order
        database.userStore().insert(ACME, withTimes(withDisplayName(user("u5", "eve"), "bob"), T0.plusSeconds(5),
                T0));
        database.userStore().insert(ACME, withTimes(withDisplayName(user("u2", "Carol"), "Bob"), T0.plusSeconds(1),
                T0));
        database.userStore().insert(ACME, withTimes(withDisplayName(user("u3", "alice"), "Álvaro"),
                T0.plusSeconds(3), T0));
        database.userStore().insert(ACME, withTimes(user("u1", "dave"), T0.plusSeconds(4), T0));
        database.userStore().insert(ACME, withTimes(withDisplayName(user("u4", "BOB"), "adam"), T0.plusSeconds(2),
                T0));
    }

    @Test
    void withoutSortResultsAreOrderedById() {
        assertThat(ids(UserQuery.all(1, 10))).containsExactly("u1", "u2", "u3", "u4", "u5");
    }

    @Test
    void userNameSortsCaseInsensitively() {
        assertThat(ids(UserQuery.all(1, 10).withSort(SortSpec.ascending(AttrPath.of("userName")))))
                .containsExactly("u3", "u4", "u2", "u1", "u5");
        assertThat(ids(UserQuery.all(1, 10).withSort(SortSpec.descending(AttrPath.of("USERNAME")))))
                .containsExactly("u5", "u1", "u2", "u4", "u3");
    }

    @Test
    void ascendingPutsAbsentLastAndTiesByIdAndNonAsciiByCodePoint() {
        assertThat(ids(UserQuery.all(1, 10).withSort(SortSpec.ascending(AttrPath.of("displayName")))))
                .containsExactly("u4", "u2", "u5", "u3", "u1");
    }

    @Test
    void descendingPutsAbsentFirstAndStillTiesByIdAscending() {
        assertThat(ids(UserQuery.all(1, 10).withSort(SortSpec.descending(AttrPath.of("displayName")))))
                .containsExactly("u1", "u3", "u2", "u5", "u4");
    }

    @Test
    void metaCreatedSortsByInstant() {
        assertThat(ids(UserQuery.all(1, 10).withSort(SortSpec.ascending(AttrPath.of("meta", "created")))))
                .containsExactly("u2", "u4", "u3", "u1", "u5");
    }

    @Test
    void pagesFollowTheSortWithTheTotalOfAllMatches() {
        UserQuery sorted = UserQuery.all(2, 2).withSort(SortSpec.ascending(AttrPath.of("displayName")));

        UserPage page = database.userStore().search(ACME, sorted);

        assertThat(page.users()).extracting(User::id).containsExactly("u2", "u5");
        assertThat(page.totalResults()).isEqualTo(5);
        assertThat(page.startIndex()).isEqualTo(2);
    }

    @Test
    void consecutivePagesCoverEveryUserOnce() {
        List<String> all = new java.util.ArrayList<>();
        for (int start = 1; start <= 5; start += 2) {
            all.addAll(ids(UserQuery.all(start, 2).withSort(SortSpec.ascending(AttrPath.of("displayName")))));
        }

        assertThat(all).containsExactly("u4", "u2", "u5", "u3", "u1");
    }

    @Test
    void countZeroGivesTheTotalOnly() {
        UserPage page = database.userStore().search(ACME, UserQuery.filtered(
                Filter.compare(AttrPath.of("displayName"), CompareOp.EQ, CompValue.of("BOB")), 1, 0));

        assertThat(page.users()).isEmpty();
        assertThat(page.totalResults()).isEqualTo(2);
    }

    @Test
    void startBeyondTheEndGivesAnEmptyPageWithTheTotal() {
        UserPage page = database.userStore().search(ACME, UserQuery.all(9, 10));

        assertThat(page.users()).isEmpty();
        assertThat(page.totalResults()).isEqualTo(5);
    }

    private List<String> ids(UserQuery query) {
        return database.userStore().search(ACME, query).users().stream().map(User::id).toList();
    }
}

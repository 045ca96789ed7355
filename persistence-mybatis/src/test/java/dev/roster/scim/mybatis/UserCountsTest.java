package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.GLOBEX;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The totals of searches without a filter come from the per-site counts (V7 on SQLite, V2 on PostgreSQL): they
 * must follow every insert, batch insert, hide, restore, pending mark and erase, site by site.
 */
class UserCountsTest extends DatabaseTest {

    @Test
    void totalsFollowEveryWriteThatChangesWhoIsInScope() {
        UserStore users = database.userStore();
        users.insertAll(ACME, IntStream.range(0, 30).mapToObj(i -> user("a" + i, "ann" + i)).toList());
        users.insert(ACME, user("p1", "pending1").withPending(true));
        users.insert(ACME, user("p2", "pending2").withPending(true));
        users.insert(GLOBEX, user("g1", "gus"));
        assertTotals(ACME, 30, 2, 0);

        User hidden = users.findById(ACME, "a1").orElseThrow();
        assertThat(users.update(ACME, hidden.withHidden(true).nextVersion(ChangeSource.SCIM, T0), hidden.version()))
                .isTrue();
        assertTotals(ACME, 29, 2, 1);

        User restored = users.findById(ACME, "a1").orElseThrow();
        assertThat(users.update(ACME, restored.withHidden(false).nextVersion(ChangeSource.SCIM, T0),
                restored.version())).isTrue();
        User claimed = users.findById(ACME, "p1").orElseThrow();
        assertThat(users.update(ACME, claimed.withPending(false).nextVersion(ChangeSource.SCIM, T0),
                claimed.version())).isTrue();
        assertTotals(ACME, 31, 1, 0);

        User erased = users.findById(ACME, "p2").orElseThrow();
        assertThat(users.delete(ACME, "p2", erased.version())).isTrue();
        assertTotals(ACME, 31, 0, 0);
        assertTotals(GLOBEX, 1, 0, 0);
    }

    @Test
    void aBatchThatFailsLeavesTheCountsAsTheyWere() {
        UserStore users = database.userStore();
        users.insert(ACME, user("a0", "ann"));

        try {
            users.insertAll(ACME, List.of(user("a1", "bob"), user("a2", "ANN")));
        } catch (RuntimeException clash) {
            // the second userName clashes with ann's key: nothing of the batch is stored
        }

        assertTotals(ACME, 1, 0, 0);
    }

    private void assertTotals(SiteId site, long accounts, long pending, long hidden) {
        UserStore users = database.userStore();
        assertThat(users.search(site, UserQuery.all(1, 0)).totalResults()).as("accounts").isEqualTo(accounts);
        assertThat(users.search(site, UserQuery.all(1, 0).withPending(UserQuery.Pending.ONLY)).totalResults())
                .as("pending").isEqualTo(pending);
        assertThat(users.search(site, UserQuery.all(1, 0).withPending(UserQuery.Pending.INCLUDED)).totalResults())
                .as("scim view").isEqualTo(accounts + pending);
        assertThat(users.search(site, UserQuery.all(1, 0).withPending(UserQuery.Pending.INCLUDED)
                .includingHidden()).totalResults()).as("everyone").isEqualTo(accounts + pending + hidden);
        // a page of one is full, so its total is counted rather than told by the page
        assertThat(users.search(site, UserQuery.all(1, 1).withPending(UserQuery.Pending.INCLUDED).includingHidden())
                .totalResults()).isEqualTo(accounts + pending + hidden);
    }
}

package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.GLOBEX;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The totals of searches without a filter, and of {@code active eq true|false}, come from the per-site counts (V7
 * and V14 on SQLite, V2 and V9 on PostgreSQL): they must follow every insert, batch insert, flip, hide, restore,
 * pending mark and erase, site by site.
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

    /**
     * Writers flip, hide, restore and insert users of one site at once; afterwards the totals of {@code active eq
     * true|false}, which come from the counts (V14/V9), equal what the users themselves say.
     */
    @Test
    void activeTotalsStayExactUnderConcurrentWrites() throws Exception {
        UserStore users = database.userStore();
        users.insertAll(ACME, IntStream.range(0, 40).mapToObj(i -> user("u" + i, "user" + i)).toList());
        int writers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    Random random = new Random(writer);
                    for (int n = 0; n < 60; n++) {
                        if (n % 10 == 0) {
                            users.insert(ACME, user("new" + writer + "-" + n, "new" + writer + "-" + n)
                                    .withActive(n % 20 == 0).withPending(n % 30 == 0));
                            continue;
                        }
                        String id = "u" + random.nextInt(40);
                        boolean stored;
                        do {
                            User current = users.findById(ACME, id).orElseThrow();
                            User next = n % 7 == 0 ? current.withHidden(!current.hidden())
                                    : current.withActive(!current.active());
                            stored = users.update(ACME, next.nextVersion(ChangeSource.SCIM, T0), current.version());
                        } while (!stored);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : done) {
                writer.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        List<User> everyone = users.search(ACME, UserQuery.all(1, 1_000).withPending(UserQuery.Pending.INCLUDED)
                .includingHidden()).users();
        assertThat(everyone).hasSize(40 + writers * 6);
        for (boolean active : new boolean[] {true, false}) {
            Filter filter = Filter.compare(AttrPath.of("active"), CompareOp.EQ, CompValue.of(active));
            long visible = everyone.stream().filter(user -> user.active() == active && !user.hidden()).count();
            long accounts = everyone.stream()
                    .filter(user -> user.active() == active && !user.hidden() && !user.pending()).count();
            assertThat(users.search(ACME, UserQuery.filtered(filter, 1, 0).withPending(UserQuery.Pending.INCLUDED))
                    .totalResults()).as("active eq %s, the SCIM view", active).isEqualTo(visible);
            assertThat(users.search(ACME, UserQuery.filtered(filter, 1, 1).withPending(UserQuery.Pending.INCLUDED))
                    .totalResults()).as("active eq %s, a full page", active).isEqualTo(visible);
            assertThat(users.search(ACME, UserQuery.filtered(filter, 1, 0)).totalResults())
                    .as("active eq %s, accounts", active).isEqualTo(accounts);
            assertThat(users.search(ACME, UserQuery.filtered(filter, 1, 0).withPending(UserQuery.Pending.INCLUDED)
                    .includingHidden()).totalResults()).as("active eq %s, everyone", active)
                    .isEqualTo(everyone.stream().filter(user -> user.active() == active).count());
        }
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

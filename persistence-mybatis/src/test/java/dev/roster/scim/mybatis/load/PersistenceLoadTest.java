package dev.roster.scim.mybatis.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import dev.roster.scim.mybatis.RosterDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Seeds a site and times what an IdP does most: a {@code userName eq} lookup, a page of a {@code co} search and an
 * update round trip (read, then write with the expected version). 1,000 users by default, as a smoke test in every
 * build; for the large run see docs/benchmarks-persistence.md:
 * {@code mvn -B -o -pl persistence-mybatis -am verify -Dtest=PersistenceLoadTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Droster.load.users=1000000}
 */
class PersistenceLoadTest {

    private static final SiteId SITE = SiteId.of("load");
    private static final int SEED_CHUNK = 100_000;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @TempDir
    Path directory;

    @Test
    void seededSiteAnswersLookupsSearchesAndUpdates() {
        int users = Integer.getInteger("roster.load.users", 1_000);
        try (RosterDatabase database = RosterDatabase.open(directory.resolve("load.db"))) {
            UserStore store = database.userStore();
            long seedNanos = time(() -> seed(store, users));
            report("seed %,d users (insertAll, %,d per transaction)", users, seedNanos, 1);

            Random random = new Random(42);
            boolean large = users >= 100_000;
            // The same work at every size, so that 1k and 1M compare: only the data differs, not the warm-up.
            int lookups = 2_000;
            time("userName eq lookup (search, count 1)", lookups, i -> {
                String name = "User." + random.nextInt(users) + "@Example.org";
                UserPage page = store.search(SITE, UserQuery.filtered(
                        Filter.compare(AttrPath.of("userName"), CompareOp.EQ, CompValue.of(name)), 1, 1));
                assertThat(page.totalResults()).isEqualTo(1);
            });
            int searches = large ? 10 : 50;
            time("co search page (count 10, with total)", searches, i -> {
                UserPage page = store.search(SITE, UserQuery.filtered(Filter.compare(AttrPath.of("displayName"),
                        CompareOp.CO, CompValue.of(Integer.toString(100 + random.nextInt(800)))), 1, 10));
                assertThat(page.users()).isNotEmpty();
            });
            int updates = 2_000;
            time("update round trip (findById + update)", updates, i -> {
                String id = id(random.nextInt(users));
                User current = store.findById(SITE, id).orElseThrow();
                User next = current.withActive(!current.active()).nextVersion(ChangeSource.SCIM, NOW);
                assertThat(store.update(SITE, next, current.version())).isTrue();
            });
        }
    }

    private static void seed(UserStore store, int users) {
        for (int from = 0; from < users; from += SEED_CHUNK) {
            List<User> chunk = new ArrayList<>(SEED_CHUNK);
            for (int i = from; i < Math.min(users, from + SEED_CHUNK); i++) {
                chunk.add(user(i));
            }
            store.insertAll(SITE, chunk);
        }
    }

    private static User user(int i) {
        String userName = "User." + i + "@Example.org";
        return new User(id(i), userName, Optional.of("ext-" + i), true, Role.REGISTERED,
                Optional.of("Person " + i), Name.of("Given" + i, "Family" + i),
                List.of(new Email("user." + i + "@example.org", Optional.of("work"), true, Optional.empty())),
                ScimObject.builder().put("title", "Title " + (i % 50)).build(), Optional.of(true),
                ChangeSource.SCIM, true, false, false, 1, NOW, NOW);
    }

    private static String id(int i) {
        return new UUID(0x5eed_0000_0000_0000L, i).toString();
    }

    private static void time(String what, int times, IntConsumer operation) {
        for (int i = 0; i < Math.min(times, 1_000); i++) {
            operation.accept(i);
        }
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            operation.accept(i);
        }
        report(what, 0, System.nanoTime() - start, times);
    }

    private static long time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static void report(String what, int users, long nanos, int times) {
        String label = users > 0 ? String.format(what, users, SEED_CHUNK) : what;
        Duration total = Duration.ofNanos(nanos);
        System.out.printf("LOAD %-55s total %8.3f s, %10.1f µs per operation%n", label, total.toMillis() / 1000.0,
                nanos / 1000.0 / times);
    }
}

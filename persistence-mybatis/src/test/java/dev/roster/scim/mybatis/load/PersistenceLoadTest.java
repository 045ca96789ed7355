package dev.roster.scim.mybatis.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Email;
import dev.roster.scim.core.model.Name;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.Keyset;
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
import java.util.function.IntFunction;

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
            pagesAndIdentityProviderFilters(store, users, random);
            int updates = 2_000;
            time("update round trip (findById + update)", updates, i -> {
                String id = id(random.nextInt(users));
                User current = store.findById(SITE, id).orElseThrow();
                User next = current.withActive(!current.active()).nextVersion(ChangeSource.SCIM, NOW);
                assertThat(store.update(SITE, next, current.version())).isTrue();
            });
        }
    }

    /**
     * What issue 12 asks of a large site: the first page, a page deep in by cursor, {@code count=0}, and a page of
     * 100 (with its total) for each filter IdPs and the admin page send. Runs before the updates, so every user is
     * still active; {@code active eq false} matches none and must still answer.
     */
    private static void pagesAndIdentityProviderFilters(UserStore store, int users, Random random) {
        int pages = 50;
        time("first page of 100 (startIndex 1, with total)", pages, i ->
                assertThat(store.search(SITE, UserQuery.all(1, 100)).users()).hasSize(100));
        time("count=0 (totalResults only)", pages, i ->
                assertThat(store.search(SITE, UserQuery.all(1, 0)).totalResults()).isEqualTo(users));
        time("first page of 100 by cursor", pages, i ->
                assertThat(store.searchByKeyset(SITE, UserQuery.all(1, 100), Keyset.first()).users()).hasSize(100));
        // A position 80 % into the id order: the page after the user there, as its nextCursor would start it.
        String deep = store.searchByKeyset(SITE, UserQuery.all(1, 1),
                Keyset.after("|" + id(0).substring(0, 24) + String.format("%012x", users * 8L / 10))).last()
                .orElseThrow();
        time("page of 100 by cursor, 80 % deep", pages, i ->
                assertThat(store.searchByKeyset(SITE, UserQuery.all(1, 100), Keyset.after(deep)).users())
                        .hasSize(100));
        time("page of 100 by startIndex, 80 % deep (OFFSET)", 5, i ->
                assertThat(store.search(SITE, UserQuery.all(users * 8 / 10, 100)).users()).hasSize(100));
        filterPage(store, pages, "userName eq", i -> "userName eq \"User." + random.nextInt(users) + "@Example.org\"");
        filterPage(store, pages, "externalId eq", i -> "externalId eq \"ext-" + random.nextInt(users) + "\"");
        filterPage(store, pages, "emails.value eq", i -> "emails.value eq \"user." + random.nextInt(users)
                + "@example.org\"");
        filterPage(store, pages, "userName sw", i -> "userName sw \"user." + random.nextInt(users / 100) + "\"");
        filterPage(store, pages, "externalId sw", i -> "externalId sw \"ext-" + random.nextInt(users / 100) + "\"");
        filterPage(store, pages, "emails.value sw", i -> "emails.value sw \"user." + random.nextInt(users / 100)
                + "\"");
        filterPage(store, 5, "active eq true", i -> "active eq true");
        filterPage(store, 5, "active eq false", i -> "active eq false");
        filterPage(store, pages, "meta.lastModified gt (nothing newer)", i -> "meta.lastModified gt \""
                + NOW + "\"");
    }

    private static void filterPage(UserStore store, int times, String what, IntFunction<String> filter) {
        time("page of 100 with total, " + what, times, i ->
                store.search(SITE, UserQuery.filtered(FilterParser.parse(filter.apply(i)), 1, 100)
                        .withPending(UserQuery.Pending.INCLUDED)));
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

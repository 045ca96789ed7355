package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code open} returns before MyBatis's configuration is built (ADR 036): a store call made meanwhile waits for the
 * build and is then answered, on a file Flyway just migrated and on one that was already current.
 */
class DeferredConfigurationTest {

    @TempDir
    Path directory;

    @Test
    void aStoreCallBeforeTheMappersAreParsedWaitsForThemAndIsAnswered() throws Exception {
        Path file = directory.resolve("roster.db");
        for (String start : new String[] {"migrating", "current"}) {
            CountDownLatch release = new CountDownLatch(1);
            Executor heldBack = work -> new Thread(() -> {
                awaitQuietly(release);
                work.run();
            }, "held-configuration-" + start).start();
            try (RosterDatabase database = RosterDatabase.open(file, InMemoryFiltering.CORE, heldBack)) {
                AtomicReference<Optional<User>> found = new AtomicReference<>();
                String id = "u-" + start;
                // A write: reads by id run in plain JDBC (ADR 047) and need no mapper, so they would not wait.
                Thread caller = new Thread(() -> {
                    database.userStore().insert(ACME, user(id, "ann-" + start));
                    found.set(database.userStore().findById(ACME, id));
                }, "early-store-call");
                caller.start();
                awaitWaiting(caller);
                assertThat(found.get()).as(start).isNull();

                release.countDown();
                caller.join(Duration.ofMinutes(1).toMillis());

                assertThat(found.get()).as(start).hasValueSatisfying(user -> assertThat(user.userName())
                        .isEqualTo("ann-" + start));
            }
        }
    }

    /** Until the thread parks, which it does only on the build it waits for: nothing else here blocks. */
    private static void awaitWaiting(Thread thread) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (thread.getState() != Thread.State.WAITING && Instant.now().isBefore(deadline)) {
            Thread.sleep(5);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.WAITING);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

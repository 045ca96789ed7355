package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.User;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** SQLite's writers share commits (ADR 027): what a group holds, and what one failing member does to the others. */
class GroupCommitTest extends DatabaseTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aFailingWriterInAGroupRollsBackAloneAndTheOthersCommitTogetherAfterTheLast() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);
        CountDownLatch lastStarted = new CountDownLatch(1);
        CountDownLatch lastMayFinish = new CountDownLatch(1);

        Writer first = Writer.start("first", () -> database.transactions().run(() -> {
            insertWithAudit("u1", "ann");
            firstStarted.countDown();
            await(firstMayFinish);
        }));
        await(firstStarted);
        Writer failing = Writer.start("failing", () -> database.transactions().run(() -> {
            insertWithAudit("u2", "bob");
            throw new IllegalStateException("the use case failed");
        }));
        failing.awaitQueued();
        Writer last = Writer.start("last", () -> database.transactions().run(() -> {
            insertWithAudit("u3", "cid");
            lastStarted.countDown();
            await(lastMayFinish);
        }));
        last.awaitQueued();

        firstMayFinish.countDown();
        assertThat(failing.outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class).hasMessage("the use case failed");
        await(lastStarted);
        // The first writer's unit is done but shares the last one's commit: not yet visible, not yet acknowledged.
        assertThat(database.userStore().findById(ACME, "u1")).isEmpty();
        assertThat(first.outcome).isNotDone();

        lastMayFinish.countDown();
        assertThat(first.outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThat(last.outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThat(database.userStore().findById(ACME, "u1")).isPresent();
        assertThat(database.userStore().findById(ACME, "u2")).isEmpty();
        assertThat(database.userStore().findById(ACME, "u3")).isPresent();
        assertThat(database.auditLog().recent(ACME, 10).stream().map(AuditRecord::userId)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder("u1", "u3");
    }

    /** ADR 047: the writer's kept statements serve the units after one that rolled back to its savepoint. */
    @Test
    void aMemberRolledBackToItsSavepointLeavesTheKeptStatementsRightForTheNextMember() throws Exception {
        User ann = user("u0", "ann");
        database.userStore().insert(ACME, ann);
        User deactivated = ann.withActive(false).nextVersion(ChangeSource.SCIM, T0);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch firstMayFinish = new CountDownLatch(1);

        Writer first = Writer.start("first", () -> database.transactions().run(() -> {
            insertWithAudit("u1", "bob");
            firstStarted.countDown();
            await(firstMayFinish);
        }));
        await(firstStarted);
        Writer failing = Writer.start("failing", () -> database.transactions().run(() -> {
            assertThat(database.userStore().update(ACME, deactivated, ann.version())).isTrue();
            throw new IllegalStateException("the use case failed");
        }));
        failing.awaitQueued();
        Writer last = Writer.start("last", () -> database.transactions().run(() -> {
            if (!database.userStore().update(ACME, deactivated, ann.version())) {
                throw new AssertionError("the failed member's update was not rolled back");
            }
        }));
        last.awaitQueued();
        firstMayFinish.countDown();

        assertThat(failing.outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(IllegalStateException.class);
        assertThat(last.outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThat(first.outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isNull();
        assertThat(database.userStore().findById(ACME, "u0")).contains(deactivated);
        assertThat(database.userStore().findById(ACME, "u1")).isPresent();
        assertThat(database.writePath().commits()).as("first, failing and last in one group, after the insert")
                .isEqualTo(2);
    }

    @Test
    void manyConcurrentWritersAllCommitAndNoneIsLost() {
        List<CompletableFuture<Void>> writers = IntStream.range(0, 200)
                .mapToObj(i -> CompletableFuture.runAsync(() -> database.transactions().run(
                        () -> insertWithAudit("u" + i, "user" + i))))
                .collect(Collectors.toList());
        writers.forEach(CompletableFuture::join);

        assertThat(IntStream.range(0, 200).filter(i -> database.userStore().findById(ACME, "u" + i).isPresent()))
                .hasSize(200);
        assertThat(database.auditLog().recent(ACME, 500)).hasSize(200);
    }

    @Test
    void theWriterSyncsEveryCommit() throws Exception {
        try (Connection writer = SqliteConnections.openWriter(directory.resolve("roster.db"));
             Statement statement = writer.createStatement();
             ResultSet synchronous = statement.executeQuery("PRAGMA synchronous")) {
            assertThat(synchronous.next()).isTrue();
            assertThat(synchronous.getInt(1)).as("2 = FULL").isEqualTo(2);
        }
    }

    private void insertWithAudit(String id, String userName) {
        database.userStore().insert(ACME, user(id, userName));
        database.auditLog().append(new AuditRecord(ACME, id, userName, ChangeSource.SCIM, "create",
                Optional.empty(), Optional.of("active"), "created by the IdP", T0));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A writer on a thread of its own, so the test can see it park on the writer's lock. */
    private static final class Writer {

        final CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        final Thread thread;

        private Writer(String name, Runnable work) {
            thread = new Thread(() -> {
                try {
                    work.run();
                    outcome.complete(null);
                } catch (Throwable e) {
                    outcome.complete(e);
                }
            }, name);
        }

        static Writer start(String name, Runnable work) {
            Writer writer = new Writer(name, work);
            writer.thread.start();
            return writer;
        }

        /** Parked without a timeout: on the writer's lock, the only such wait on its way. */
        void awaitQueued() {
            Instant deadline = Instant.now().plus(PATIENCE);
            while (thread.getState() != Thread.State.WAITING) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(thread.getName() + " never parked");
                }
                Thread.onSpinWait();
            }
        }
    }
}

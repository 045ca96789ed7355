package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A rule over several users that reads before it writes (the last-Admin guard: count the active Admins, then demote
 * one) holds across two processes on one PostgreSQL database, as it does behind SQLite's one writer: the second
 * process's count inside its write transaction waits for the first's commit.
 */
class PostgresRulesAcrossProcessesTest {

    private static final UserQuery ACTIVE_ADMINS =
            UserQuery.filtered(FilterParser.parse("userType eq \"Admin\" and active eq true"), 1, 0);

    private RosterDatabase first;
    private RosterDatabase second;

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void twoProcessesDemotingTheLastTwoAdminsAtOnceLeaveOne() throws Exception {
        PostgreSqlSettings database = TestPostgres.newSchema();
        first = RosterDatabase.open(database);
        second = RosterDatabase.open(database);
        User ann = user("u1", "ann").withRole(Role.ADMIN);
        User bob = user("u2", "bob").withRole(Role.ADMIN);
        first.userStore().insert(ACME, ann);
        first.userStore().insert(ACME, bob);
        CountDownLatch firstCounted = new CountDownLatch(1);
        CountDownLatch secondCounted = new CountDownLatch(1);

        CompletableFuture<Long> firstDemotion = CompletableFuture.supplyAsync(() ->
                first.transactions().inTransaction(() -> {
                    long admins = first.userStore().search(ACME, ACTIVE_ADMINS).totalResults();
                    firstCounted.countDown();
                    // Without the lock, the other count runs now and sees two Admins too. Wait for it, boundedly:
                    // with the lock it cannot come before this transaction commits.
                    await(secondCounted, 2);
                    if (admins > 1) {
                        first.userStore().update(ACME, demoted(ann), ann.version());
                    }
                    return admins;
                }));
        await(firstCounted, 30);
        CompletableFuture<Long> secondDemotion = CompletableFuture.supplyAsync(() ->
                second.transactions().inTransaction(() -> {
                    long admins = second.userStore().search(ACME, ACTIVE_ADMINS).totalResults();
                    secondCounted.countDown();
                    if (admins > 1) {
                        second.userStore().update(ACME, demoted(bob), bob.version());
                    }
                    return admins;
                }));

        assertThat(firstDemotion.get(1, TimeUnit.MINUTES)).isEqualTo(2);
        assertThat(secondDemotion.get(1, TimeUnit.MINUTES)).as("the second count sees the first demotion")
                .isEqualTo(1);
        assertThat(first.userStore().search(ACME, ACTIVE_ADMINS).totalResults()).isEqualTo(1);
    }

    private static User demoted(User admin) {
        return admin.withRole(Role.REGISTERED).nextVersion(ChangeSource.ADMIN, T0);
    }

    private static void await(CountDownLatch latch, int seconds) {
        try {
            latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

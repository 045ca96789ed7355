package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.email;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withEmails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.CompValue;
import dev.roster.scim.core.filter.CompareOp;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.port.out.UserQuery;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

class TransactionsTest extends DatabaseTest {

    @Test
    void failingWorkLeavesNoUserNoEmailAndNoAuditRecord() {
        assertThatThrownBy(() -> database.transactions().run(() -> {
            database.userStore().insert(ACME, withEmails(user("u1", "ann"), email("ann@x.org", "work", true)));
            database.auditLog().append(audit("u1"));
            throw new IllegalStateException("the use case failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the use case failed");

        assertThat(database.userStore().findById(ACME, "u1")).isEmpty();
        assertThat(database.userStore().search(ACME, UserQuery.filtered(
                Filter.compare(AttrPath.of("emails", "value"), CompareOp.EQ, CompValue.of("ann@x.org")), 1, 10))
                .totalResults()).isZero();
        assertThat(database.auditLog().recent(ACME, 10)).isEmpty();
    }

    @Test
    void scimExceptionFromTheWorkPropagatesUnchangedAfterRollback() {
        ScimException refusal = ScimException.mutability("id is readOnly");

        assertThatThrownBy(() -> database.transactions().run(() -> {
            database.userStore().insert(ACME, user("u1", "ann"));
            throw refusal;
        })).isSameAs(refusal);
        assertThat(database.userStore().findById(ACME, "u1")).isEmpty();
    }

    @Test
    void successfulWorkCommitsEverything() {
        database.transactions().run(() -> {
            database.userStore().insert(ACME, user("u1", "ann"));
            database.auditLog().append(audit("u1"));
        });

        assertThat(database.userStore().findById(ACME, "u1")).isPresent();
        assertThat(database.auditLog().recent(ACME, 10)).hasSize(1);
    }

    @Test
    void nestedTransactionJoinsAndRollsBackWithTheOuterOne() {
        assertThatThrownBy(() -> database.transactions().run(() -> {
            database.transactions().run(() -> database.userStore().insert(ACME, user("u1", "ann")));
            throw new IllegalStateException("outer fails after inner finished");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(database.userStore().findById(ACME, "u1")).isEmpty();
    }

    @Test
    void readsInsideATransactionSeeItsUncommittedWrites() {
        Optional<String> seen = database.transactions().inTransaction(() -> {
            database.userStore().insert(ACME, user("u1", "ann"));
            return database.userStore().findByUserName(ACME, "ANN").map(u -> u.id());
        });

        assertThat(seen).contains("u1");
    }

    @Test
    void otherThreadsDoNotSeeUncommittedWrites() {
        Optional<String> seenElsewhere = database.transactions().inTransaction(() -> {
            database.userStore().insert(ACME, user("u1", "ann"));
            return CompletableFuture.supplyAsync(() -> database.userStore().findById(ACME, "u1").map(u -> u.id()))
                    .join();
        });

        assertThat(seenElsewhere).isEmpty();
        assertThat(database.userStore().findById(ACME, "u1")).isPresent();
    }

    @Test
    void uniquenessFailureInsideATransactionCanBeHandledAndTheRestCommits() {
        database.userStore().insert(ACME, user("u1", "ann"));

        database.transactions().run(() -> {
            assertThatThrownBy(() -> database.userStore().insert(ACME, user("u2", "ANN")))
                    .isInstanceOf(ScimException.class);
            database.userStore().insert(ACME, user("u3", "bob"));
        });

        assertThat(database.userStore().findById(ACME, "u3")).isPresent();
        assertThat(database.userStore().findById(ACME, "u2")).isEmpty();
    }

    private static AuditRecord audit(String userId) {
        return new AuditRecord(ACME, userId, "ann", ChangeSource.SCIM, "create", Optional.empty(),
                Optional.of("active"), "created by the IdP", T0);
    }
}

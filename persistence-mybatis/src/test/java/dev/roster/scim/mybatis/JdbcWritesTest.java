package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.User;
import dev.roster.scim.mybatis.internal.mapper.UserRow;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.testkit.RandomUsers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The version-checked update and the audit insert in plain JDBC (ADR 050), against what MyBatis's {@code userRow}
 * result map and the audit log's reads see of the rows they wrote, on a real database: every column of random
 * changes (NULLs, renames to another userName key, hidden and pending users), a stale version that writes nothing,
 * and audit records alone and in a batch, in order, with their NULLs. These held before the statements left MyBatis,
 * and hold after: the rows are the same.
 */
class JdbcWritesTest extends DatabaseTest {

    private static final int USERS = 200;

    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Test
    void everyRandomChangeStoresEveryColumnOfItsRowAsTheResultMapReadsItBack() {
        RandomUsers random = new RandomUsers(61L);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            User user = random.next(i);
            database.userStore().insert(ACME, i % 9 == 4 ? user.withHidden(true) : user);
            users.add(i % 9 == 4 ? user.withHidden(true) : user);
        }
        for (int i = 0; i < USERS; i++) {
            User before = users.get(i);
            User changed = random.changed(before);
            if (i % 5 == 2) {
                changed = changed.withProfile("renamed" + i + "@example.com", changed.externalId(),
                        changed.displayName(), changed.name(), changed.emails(), changed.otherAttributes());
            }
            if (i % 11 == 6) {
                changed = changed.withIdpActive(Optional.empty());
            }
            if (i % 3 == 1) {
                changed = keepingItsKeys(before, changed);
            }

            assertThat(database.userStore().update(ACME, changed, before.version())).as(before.id()).isTrue();

            UserRow expected = UserRows.toRow(ACME, changed);
            assertThat(mappedRow(before.id())).as(before.id()).isEqualTo(expected);
            assertThat(database.userStore().findById(ACME, before.id())).contains(UserRows.toUser(expected));
        }
    }

    @Test
    void anActiveFlipThatKeepsEveryIndexedKeyStoresItsRowAndAStaleOneWritesNothing() {
        RandomUsers random = new RandomUsers(63L);
        User user = random.next(0);
        database.userStore().insert(ACME, user);
        User flipped = keepingItsKeys(user, random.changed(user));
        UserRow stored = mappedRow(user.id());

        assertThat(database.userStore().update(ACME, flipped, user.version() + 1)).isFalse();
        assertThat(mappedRow(user.id())).isEqualTo(stored);
        assertThat(database.userStore().update(ACME, flipped, user.version())).isTrue();
        assertThat(mappedRow(user.id())).isEqualTo(UserRows.toRow(ACME, flipped));
        assertThat(flipped.active()).isNotEqualTo(user.active());
    }

    /** {@code changed} with {@code before}'s userName and externalId: the update that leaves the key indexes alone. */
    private static User keepingItsKeys(User before, User changed) {
        return changed.withProfile(before.userName(), before.externalId(), changed.displayName(), changed.name(),
                changed.emails(), changed.otherAttributes());
    }

    @Test
    void anUpdateAtAStaleVersionWritesNothing() {
        RandomUsers random = new RandomUsers(62L);
        User user = random.next(0);
        database.userStore().insert(ACME, user);
        UserRow stored = mappedRow(user.id());

        boolean written = database.userStore().update(ACME, random.changed(user), user.version() + 1);

        assertThat(written).isFalse();
        assertThat(mappedRow(user.id())).isEqualTo(stored);
    }

    @Test
    void auditRecordsAloneAndInABatchAreAppendedInOrderWithTheirNulls() {
        AuditRecord alone = new AuditRecord(ACME, "u1", "ann", ChangeSource.SCIM, "deactivate", Optional.of("active"),
                Optional.of("inactive"), "Deactivated by the identity provider over SCIM.", T0);
        List<AuditRecord> batch = List.of(
                new AuditRecord(ACME, "u2", "bob", ChangeSource.ADMIN, "role", Optional.empty(), Optional.of("Admin"),
                        "promoted", T0.plusMillis(1)),
                new AuditRecord(ACME, "u2", "bob", ChangeSource.SCIM, "role ignored", Optional.of("Admin"),
                        Optional.empty(), "ünïcode détail", T0.plusMillis(1)),
                new AuditRecord(ACME, "u3", "cy", ChangeSource.SIGN_IN, "sign-in refused", Optional.empty(),
                        Optional.empty(), "", T0.plusMillis(1)));

        database.auditLog().append(alone);
        database.auditLog().appendAll(batch);
        database.auditLog().appendAll(List.of());

        assertThat(database.auditLog().recent(ACME, 10)).containsExactly(batch.get(2), batch.get(1), batch.get(0),
                alone);
    }

    private UserRow mappedRow(String id) {
        return JdbcUserReadsTest.mappedRow(database, dialect(), id);
    }
}

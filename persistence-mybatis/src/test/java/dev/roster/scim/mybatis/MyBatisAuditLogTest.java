package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import org.junit.jupiter.api.Test;

import java.util.Optional;

class MyBatisAuditLogTest extends DatabaseTest {

    @Test
    void recordsRoundTripNewestFirstUpToTheLimit() {
        AuditRecord first = record("u1", "create", 0);
        AuditRecord second = new AuditRecord(ACME, "u2", "bob", ChangeSource.ADMIN, "role", Optional.of("Registered"),
                Optional.of("Admin"), "promoted by an admin", T0.plusMillis(1));
        AuditRecord third = record("u1", "deactivate", 3);
        database.auditLog().append(first);
        database.auditLog().append(second);
        database.auditLog().append(third);

        assertThat(database.auditLog().recent(ACME, 2)).containsExactly(third, second);
        assertThat(database.auditLog().recent(ACME, 10)).containsExactly(third, second, first);
    }

    @Test
    void recentForUserHoldsOnlyThatUsersRecords() {
        AuditRecord ann = record("u1", "create", 1);
        database.auditLog().append(ann);
        database.auditLog().append(record("u2", "create", 2));

        assertThat(database.auditLog().recentForUser(ACME, "u1", 10)).containsExactly(ann);
    }

    private static AuditRecord record(String userId, String action, long offsetSeconds) {
        return new AuditRecord(ACME, userId, "user-" + userId, ChangeSource.SCIM, action, Optional.empty(),
                Optional.empty(), "ünïcode détail", T0.plusSeconds(offsetSeconds));
    }
}

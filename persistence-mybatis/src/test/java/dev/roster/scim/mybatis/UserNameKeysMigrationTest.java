package dev.roster.scim.mybatis;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.GLOBEX;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.email;
import static dev.roster.scim.mybatis.TestUsers.user;
import static dev.roster.scim.mybatis.TestUsers.withEmails;
import static dev.roster.scim.mybatis.TestUsers.withTimes;
import static dev.roster.scim.mybatis.TestUsers.withUserName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.FilterParser;
import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Migration 4 on a database as the folding era left it (schema 3, {@link FoldingEraRows}): users that the identifier
 * profile now maps onto one key, and a user whose name it refuses. The database opens, nobody is lost, and what
 * changed is in the audit log and the start-up notices.
 */
class UserNameKeysMigrationTest {

    @TempDir
    Path directory;

    private Path file;
    private final User ian = withEmails(at(user("u1", "ian@example.com"), 0), email("IAN@EXAMPLE.COM", "work", true));
    /** Fullwidth: CaseFolding kept it apart from ian, the profile's width mapping does not. */
    private final User wideIan = at(user("u2", "\uff49\uff41\uff4e@example.com"), 1);
    private final User upperWideIan = at(user("u3", "\uff29an@EXAMPLE.COM"), 2);
    /** A Cyrillic а in a Latin name: the profile refuses it. */
    private final User cyrillicAnn = at(user("u4", "\u0430nn@example.com"), 3);
    private final User straße = at(user("u5", "straße"), 4);
    /** The same name in another site is no duplicate. */
    private final User ianElsewhere = at(user("g1", "\uff49\uff41\uff4e@example.com"), 5);

    @BeforeEach
    void aDatabaseOfTheFoldingEra() throws SQLException {
        file = directory.resolve("roster.db");
        try (Connection old = OldSchemaRunner.migrateTo(file, 3)) {
            FoldingEraRows.insertSite(old, ACME);
            FoldingEraRows.insertSite(old, GLOBEX);
            for (User user : List.of(ian, wideIan, upperWideIan, cyrillicAnn, straße)) {
                FoldingEraRows.insert(old, ACME, user);
            }
            FoldingEraRows.insert(old, GLOBEX, ianElsewhere);
        }
    }

    @Test
    void everyUserSurvivesAsStored() {
        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            for (User user : List.of(ian, wideIan, upperWideIan, cyrillicAnn, straße)) {
                assertThat(upgraded.userStore().findById(ACME, user.id())).contains(user);
            }
            assertThat(upgraded.userStore().findById(GLOBEX, "g1")).contains(ianElsewhere);
        }
    }

    @Test
    void theOldestUserOfAKeyHoldsItAndFiltersShowEveryUserOfIt() {
        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            UserStore users = upgraded.userStore();
            assertThat(users.findByUserName(ACME, "IAN@example.com")).contains(ian);
            assertThat(users.findByUserName(ACME, "\uff49\uff41\uff4e@example.com")).contains(ian);
            assertThat(ids(users, "userName eq \"ian@example.com\"")).containsExactly("u1", "u2", "u3");
            assertThat(ids(users, "emails.value eq \"ian@example.com\"")).containsExactly("u1");
            assertThat(users.findByUserName(ACME, "\u0430nn@example.com")).contains(cyrillicAnn);
            assertThat(users.findByUserName(ACME, "ann@example.com")).isEmpty();
            assertThat(users.findByUserName(ACME, "STRASSE")).isEmpty();
            assertThat(users.findByUserName(GLOBEX, "ian@example.com")).contains(ianElsewhere);
        }
    }

    @Test
    void whatChangedIsAuditedAndAnnouncedOnce() {
        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            assertThat(upgraded.upgradeNotices()).hasSize(2)
                    .anySatisfy(notice -> assertThat(notice).startsWith("2 user(s) now share the identity"))
                    .anySatisfy(notice -> assertThat(notice).startsWith("1 user(s) have a userName the identifier"
                            + " profile refuses"));
            assertThat(upgraded.auditLog().recentForUser(ACME, "u2", 10)).singleElement().satisfies(record -> {
                assertThat(record.source()).isEqualTo(ChangeSource.UPGRADE);
                assertThat(record.action()).isEqualTo(UserNameKeysMigration.DUPLICATE);
                assertThat(record.detail()).contains("older user u1");
            });
            assertThat(upgraded.auditLog().recentForUser(ACME, "u4", 10)).singleElement()
                    .extracting(AuditRecord::action, AuditRecord::detail)
                    .satisfies(values -> {
                        assertThat(values.get(0)).isEqualTo(UserNameKeysMigration.REFUSED);
                        assertThat((String) values.get(1)).contains("U+0430 CYRILLIC SMALL LETTER A");
                    });
            assertThat(upgraded.auditLog().recentForUser(ACME, "u1", 10)).isEmpty();
            assertThat(upgraded.auditLog().recentForUser(GLOBEX, "g1", 10)).isEmpty();
        }
        try (RosterDatabase reopened = RosterDatabase.open(file)) {
            assertThat(reopened.upgradeNotices()).isEmpty();
        }
    }

    @Test
    void aKeptDuplicateCanBeChangedAndRenamedButNoNewUserTakesTheKey() {
        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            UserStore users = upgraded.userStore();
            assertUniqueness(() -> users.insert(ACME, user("u9", "Ian@Example.com")));

            User deactivated = wideIan.withActive(false).nextVersion(ChangeSource.SCIM, T0.plusSeconds(60));
            assertThat(users.update(ACME, deactivated, 1)).isTrue();
            assertThat(users.findById(ACME, "u2")).contains(deactivated);

            User renamed = withUserName(deactivated, "ian.wide@example.com").nextVersion(ChangeSource.SCIM,
                    T0.plusSeconds(61));
            assertThat(users.update(ACME, renamed, 2)).isTrue();
            assertThat(users.findByUserName(ACME, "ian.wide@example.com")).contains(renamed);
            assertThat(users.findByUserName(ACME, "ian@example.com")).contains(ian);
        }
    }

    @Test
    void whenTheHolderIsRenamedTheOldestDuplicateHoldsTheKey() {
        try (RosterDatabase upgraded = RosterDatabase.open(file)) {
            UserStore users = upgraded.userStore();
            User renamed = withUserName(ian, "ian.old@example.com").nextVersion(ChangeSource.SCIM, T0.plusSeconds(60));
            assertThat(users.update(ACME, renamed, 1)).isTrue();

            assertThat(users.findByUserName(ACME, "ian@example.com")).contains(wideIan);
            assertUniqueness(() -> users.insert(ACME, user("u9", "ian@example.com")));
            assertThat(ids(users, "userName eq \"ian@example.com\"")).containsExactly("u2", "u3");
        }
    }

    private static User at(User user, int minute) {
        Instant created = T0.plusSeconds(60L * minute);
        return withTimes(user, created, created);
    }

    private static List<String> ids(UserStore users, String filter) {
        return users.search(ACME, UserQuery.filtered(FilterParser.parse(filter), 1, 100)).users().stream()
                .map(User::id).toList();
    }

    private static void assertUniqueness(Runnable write) {
        assertThatThrownBy(write::run).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.type()).isEqualTo(ScimErrorType.UNIQUENESS));
    }
}

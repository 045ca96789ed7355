package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.User;
import org.junit.jupiter.api.Test;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static dev.roster.scim.mybatis.TestUsers.T0;
import static dev.roster.scim.mybatis.TestUsers.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * SQLite's writer keeps its prepared statements across transactions (ADR 047), and none carries anything of a unit
 * that rolled back into the next: on a real file, through the store.
 */
class WriterStatementsTest extends DatabaseTest {

    @Test
    void theWriterPreparesTheStoredKeyReadOnceForAllItsTransactions() throws SQLException {
        User ann = user("u1", "ann");
        database.userStore().insert(ACME, ann);
        PreparedStatement before = writersStatement(JdbcReads.USER_NAME_KEY_OF);

        for (int i = 0; i < 5; i++) {
            User current = database.userStore().findById(ACME, "u1").orElseThrow();
            assertThat(database.userStore().update(ACME, current.withActive(!current.active())
                    .nextVersion(ChangeSource.SCIM, T0), current.version())).isTrue();
        }

        assertThat(writersStatement(JdbcReads.USER_NAME_KEY_OF)).isSameAs(before);
        assertThat(database.userStore().findById(ACME, "u1").orElseThrow().version()).isEqualTo(ann.version() + 5);
    }

    @Test
    void aRolledBackTransactionLeavesNothingInTheStatementsTheNextOneUses() throws SQLException {
        User ann = user("u1", "ann");
        database.userStore().insert(ACME, ann);
        PreparedStatement before = writersStatement(JdbcReads.USER_NAME_KEY_OF);
        User deactivated = ann.withActive(false).nextVersion(ChangeSource.SCIM, T0);

        assertThatThrownBy(() -> database.transactions().run(() -> {
            assertThat(database.userStore().update(ACME, deactivated, ann.version())).isTrue();
            throw new IllegalStateException("the use case failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(database.userStore().findById(ACME, "u1")).contains(ann);
        assertThat(database.userStore().update(ACME, deactivated, ann.version())).as("the version the rolled back "
                + "unit moved on is the stored one again").isTrue();
        assertThat(database.userStore().findById(ACME, "u1")).contains(deactivated);
        assertThat(writersStatement(JdbcReads.USER_NAME_KEY_OF)).isSameAs(before);
    }

    @Test
    void aStatementGivenBackOnARowByAFailingUnitComesBackResetAndUnbound() throws SQLException {
        database.userStore().insert(ACME, user("u1", "ann"));

        assertThatThrownBy(() -> database.inTransaction(connection -> {
            PreparedStatement statement = connection.prepareStatement(JdbcReads.USER_BY_ID);
            statement.setString(1, ACME.value());
            statement.setString(2, "u1");
            ResultSet rows = statement.executeQuery();
            assertThat(rows.next()).isTrue();
            statement.close();
            throw new IllegalStateException("the use case failed on a row");
        })).isInstanceOf(IllegalStateException.class);

        boolean unboundFindsNothing = database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(JdbcReads.USER_BY_ID);
                 ResultSet rows = statement.executeQuery()) {
                return !rows.next();
            }
        });
        database.userStore().insert(ACME, user("u2", "bob"));

        assertThat(unboundFindsNothing).as("no parameter kept from the failed unit").isTrue();
        assertThat(database.userStore().findById(ACME, "u2")).as("the writer commits: no statement held a lock "
                + "or a snapshot").isPresent();
    }

    /** The driver's statement the writer lends for {@code sql}, given back at once. */
    private PreparedStatement writersStatement(String sql) {
        return database.inTransaction(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return driversOwn(statement);
            }
        });
    }

    private static PreparedStatement driversOwn(PreparedStatement statement) throws SQLException {
        PreparedStatement below = statement.unwrap(PreparedStatement.class);
        return below == statement ? statement : driversOwn(below);
    }
}

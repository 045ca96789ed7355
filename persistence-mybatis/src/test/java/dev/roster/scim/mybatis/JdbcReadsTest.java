package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.SiteSettings;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.internal.mapper.RenderingRow;
import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.internal.sql.KeysetOrder;
import dev.roster.scim.mybatis.internal.sql.SortToSql;
import dev.roster.scim.mybatis.internal.sql.SqlCondition;
import dev.roster.scim.testkit.RandomUsers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the plain JDBC reads (ADR 041) must do that MyBatis did for them, on a reader connection of a real database:
 * NULL columns read as MyBatis mapped them, a failure in the middle of the rows translated and the statement given
 * back (so the connection holds no read snapshot after it), a settings version for a known and an unknown site.
 */
class JdbcReadsTest extends DatabaseTest {

    private final JdbcReads reads = new JdbcReads();

    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Test
    void aRowWithoutARenderingReadsAsNullBytesWithItsVersionAndFormat() throws SQLException {
        User user = new RandomUsers(41L).next(1);
        database.userStore().insert(ACME, user);
        database.inTransaction(connection -> connection.createStatement()
                .executeUpdate("UPDATE users SET scim_json = NULL"));

        List<RenderingRow> rows = onReader(connection -> reads.renderings(connection, everyone().page(10, 0)));

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(user.id());
            assertThat(row.scimJson()).isNull();
            assertThat(row.version()).isEqualTo(user.version());
            assertThat(row.scimFormat()).isEqualTo(UserRows.RENDERING_FORMAT);
        });
    }

    /** Ids outside ASCII read back as written by the page reads and the keyset reads (SQLite reads them as bytes). */
    @Test
    void idsOutsideAsciiReadBackAsWritten() throws SQLException {
        List<String> ids = List.of("plain-1", "zoë-2", "東京-3", "😀-4");
        for (String id : ids) {
            database.userStore().insert(ACME, TestUsers.user(id, "user-" + ids.indexOf(id)));
        }
        KeysetOrder byId = KeysetOrder.of(Optional.empty()).orElseThrow();

        List<RenderingRow> page = onReader(connection -> reads.renderings(connection, everyone().page(10, 0)));
        List<JdbcReads.SortedRenderingRow> keyset = onReader(connection -> reads.renderingsWithSortValue(connection,
                everyone().page(10, 0), byId));

        assertThat(page).extracting(RenderingRow::id).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(keyset).extracting(row -> row.rendering().id()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void aFailureAfterTheFirstRowIsTranslatedAndLeavesNoSnapshotBehind() throws SQLException {
        RandomUsers random = inserted(42L, 3);
        String second = visible(2, 1).get(0).id();
        // abs() of the smallest integer overflows: an error raised while stepping to the second row
        UserSearchStatement failing = UserSearchStatement.of(dialect(), ACME.value(), false,
                UserQuery.Pending.EXCLUDED, Optional.of(new SqlCondition(
                        "abs(CASE WHEN u.id = #{params[0]} THEN -9223372036854775807 - 1 ELSE 0 END) = 0",
                        List.of(second))), SortToSql.BY_ID).page(10, 0);

        try (Connection connection = database.readers().getConnection()) {
            connection.setAutoCommit(true);
            assertThatThrownBy(() -> reads.renderings(connection, failing))
                    .isInstanceOf(RosterStorageException.class)
                    .hasMessageNotContaining("SELECT");
            database.userStore().insert(ACME, random.next(3));
            long visible = visible(1, 100).size();

            assertThat(reads.renderings(connection, everyone().page(10, 0))).as("a later commit, seen on the same "
                    + "connection").hasSize((int) visible);
            assertThat(reads.count(connection, everyone())).isEqualTo(visible);
        }
    }

    @Test
    void theSettingsVersionOfAKnownSiteMovesAndAnUnknownSiteHasNone() throws SQLException {
        database.siteStore().insert(SiteSettings.newSite(ACME));

        long before = onReader(connection -> JdbcReads.settingsVersion(connection, ACME.value())).orElseThrow();
        database.siteStore().update(SiteSettings.newSite(ACME).withScimEnabled(true));

        OptionalLong after = onReader(connection -> JdbcReads.settingsVersion(connection, ACME.value()));
        OptionalLong unknown = onReader(connection -> JdbcReads.settingsVersion(connection, "nowhere"));

        assertThat(after.orElseThrow()).isGreaterThan(before);
        assertThat(unknown).isEmpty();
        assertThat(database.siteStore().settingsVersion(ACME)).isEqualTo(after);
    }

    @Test
    void theActiveTotalBindsItsBooleanAsTheColumnStoresIt() throws SQLException {
        inserted(43L, 12);
        long active = visible(1, 100).stream().filter(User::active).count();

        UserSearchStatement statement = new UserSearchStatement(dialect(), ACME.value(), false,
                UserQuery.Pending.EXCLUDED, Optional.empty(), List.of(true), SortToSql.BY_ID, -1, 0);

        long counted = onReader(connection -> reads.countActive(connection, statement));

        assertThat(counted).isEqualTo(active);
    }

    /** Inserts {@code count} random users; the generator, to draw more. */
    private RandomUsers inserted(long seed, int count) {
        RandomUsers random = new RandomUsers(seed);
        for (int i = 0; i < count; i++) {
            database.userStore().insert(ACME, random.next(i));
        }
        return random;
    }

    private List<User> visible(int startIndex, int count) {
        return database.userStore().search(ACME, new UserQuery(Optional.empty(), Optional.empty(), startIndex, count,
                false)).users();
    }

    private UserSearchStatement everyone() {
        return UserSearchStatement.of(dialect(), ACME.value(), false, UserQuery.Pending.EXCLUDED, Optional.empty(),
                SortToSql.BY_ID);
    }

    private <T> T onReader(java.util.function.Function<Connection, T> read) throws SQLException {
        try (Connection connection = database.readers().getConnection()) {
            connection.setAutoCommit(true);
            return read.apply(connection);
        }
    }
}

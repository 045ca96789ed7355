package dev.roster.scim.mybatis;

import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.mybatis.internal.mapper.UserMapper;
import dev.roster.scim.mybatis.internal.mapper.UserNameKeyRow;
import dev.roster.scim.mybatis.internal.mapper.UserRow;
import dev.roster.scim.mybatis.internal.mapper.UserSearchStatement;
import dev.roster.scim.mybatis.internal.sql.Dialect;
import dev.roster.scim.mybatis.internal.sql.SortToSql;
import dev.roster.scim.mybatis.internal.sql.SqlCondition;
import dev.roster.scim.testkit.RandomUsers;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static dev.roster.scim.mybatis.TestUsers.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The user reads of the write path in plain JDBC (ADR 047) against what MyBatis's {@code userRow} result map reads of
 * the same rows (the 24-column search, which stays on MyBatis), on a real database: every column of random users with
 * and without emails, NULL columns, hidden users, stale renderings, and a failure that gives the statement back.
 */
class JdbcUserReadsTest extends DatabaseTest {

    private static final int USERS = 300;

    Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Test
    void everyRandomUserReadsByIdAndByUserNameKeyExactlyAsTheResultMapReadsIt() throws SQLException {
        List<User> users = inserted(47L, USERS);
        assertThat(users).anyMatch(user -> user.emails().isEmpty()).anyMatch(user -> user.emails().size() > 1)
                .anyMatch(user -> user.idpActive().isEmpty()).anyMatch(User::hidden);

        for (User user : users) {
            UserRow mapped = mappedRow(user.id());
            Optional<UserRow> byId = onReader(connection -> JdbcReads.userById(connection, ACME.value(), user.id()));
            Optional<UserRow> byKey = onReader(connection -> JdbcReads.userByNameKey(connection, ACME.value(),
                    IdentifierProfile.key(user.userName())));

            assertThat(byId).as(user.id()).contains(mapped);
            assertThat(byKey).as(user.userName()).contains(mapped);
            assertThat(UserRows.toUser(byId.orElseThrow())).isEqualTo(UserRows.toUser(mapped));
        }
    }

    @Test
    void anUnknownIdOrKeyReadsAsNothing() throws SQLException {
        inserted(48L, 3);

        Optional<UserRow> byId = onReader(connection -> JdbcReads.userById(connection, ACME.value(), "no-such-id"));
        Optional<UserRow> byKey = onReader(connection -> JdbcReads.userByNameKey(connection, ACME.value(), "nobody"));
        Optional<StoredRendering> rendered = onReader(connection -> JdbcReads.renderedById(connection, ACME.value(),
                "no-such-id"));
        Optional<UserNameKeyRow> key = onReader(connection -> JdbcReads.userNameKeyOf(connection, ACME.value(),
                "no-such-id", "{}"));

        assertThat(byId).isEmpty();
        assertThat(byKey).isEmpty();
        assertThat(rendered).isEmpty();
        assertThat(key).isEmpty();
    }

    @Test
    void aNullRenderingReadsAsNullAndTheRenderedReadRendersTheRowInstead() throws SQLException {
        List<User> users = inserted(49L, 20);
        String expected = database.userStore().findRendered(ACME, users.get(0).id()).orElseThrow().user().json();
        database.inTransaction(connection -> connection.createStatement()
                .executeUpdate("UPDATE users SET scim_json = NULL"));

        UserRow row = onReader(connection -> JdbcReads.userById(connection, ACME.value(), users.get(0).id()))
                .orElseThrow();
        Optional<StoredRendering> rendered = onReader(connection -> JdbcReads.renderedById(connection, ACME.value(),
                users.get(0).id()));

        assertThat(row.scimJson()).isNull();
        assertThat(row).isEqualTo(mappedRow(users.get(0).id()));
        assertThat(rendered).hasValueSatisfying(found -> {
            assertThat(found.version()).isEqualTo(row.version());
            assertThat(found.user().json()).isEqualTo(expected);
        });
    }

    @Test
    void theRenderedReadOfEveryUserIsTheSlowPathsRenderingAndHiddenUsersHaveNone() throws SQLException {
        List<User> users = inserted(50L, 60);

        for (User user : users) {
            UserRow row = mappedRow(user.id());
            Optional<StoredRendering> rendered = onReader(connection -> JdbcReads.renderedById(connection,
                    ACME.value(), user.id()));
            if (row.hidden()) {
                assertThat(rendered).as(user.id()).isEmpty();
            } else {
                assertThat(rendered).as(user.id()).hasValueSatisfying(found -> {
                    assertThat(found.version()).isEqualTo(row.version());
                    assertThat(found.user()).isEqualTo(UserRows.toRendered(row));
                });
            }
        }
    }

    @Test
    void theStoredKeyOfAUserSaysItsRankAndWhetherTheDocumentIsTheSame() throws SQLException {
        User user = inserted(51L, 1).get(0);
        UserRow row = mappedRow(user.id());

        Optional<UserNameKeyRow> same = onReader(connection -> JdbcReads.userNameKeyOf(connection, ACME.value(),
                user.id(), row.document()));
        Optional<UserNameKeyRow> other = onReader(connection -> JdbcReads.userNameKeyOf(connection, ACME.value(),
                user.id(), row.document() + " "));

        assertThat(same).contains(new UserNameKeyRow(row.userNameKey(), 0, true, row.externalId(), row.pending()));
        assertThat(other).contains(new UserNameKeyRow(row.userNameKey(), 0, false, row.externalId(), row.pending()));
        assertThat(same.orElseThrow().keysKeptBy(row)).isTrue();
    }

    @Test
    void aNewKeyExternalIdOrPendingFlagIsNotKeptByTheRow() throws SQLException {
        User user = inserted(52L, 1).get(0);
        UserRow row = mappedRow(user.id());
        UserNameKeyRow stored = onReader(connection -> JdbcReads.userNameKeyOf(connection, ACME.value(), user.id(),
                row.document())).orElseThrow();

        assertThat(stored.keysKeptBy(UserRows.toRow(ACME, user.withActive(!user.active())))).isTrue();
        assertThat(stored.keysKeptBy(UserRows.toRow(ACME, user.withPending(!user.pending())))).isFalse();
        assertThat(stored.keysKeptBy(UserRows.toRow(ACME, user.withProfile("other." + user.userName(),
                user.externalId(), user.displayName(), user.name(), user.emails(), user.otherAttributes())))).isFalse();
        assertThat(stored.keysKeptBy(UserRows.toRow(ACME, user.withProfile(user.userName(),
                Optional.of("another-external-id"), user.displayName(), user.name(), user.emails(),
                user.otherAttributes())))).isFalse();
    }

    @Test
    void aFailureWhileReadingTheRowIsTranslatedAndGivesTheStatementBackWithoutASnapshot() throws SQLException {
        RandomUsers random = new RandomUsers(52L);
        User user = random.next(0);
        database.userStore().insert(ACME, user);
        try (Connection connection = database.readers().getConnection()) {
            connection.setAutoCommit(true);
            Connection failingDocument = FailingColumn.of(connection, 22);

            assertThatThrownBy(() -> JdbcReads.userById(failingDocument, ACME.value(), user.id()))
                    .isInstanceOf(RosterStorageException.class);
            User later = random.next(1);
            database.userStore().insert(ACME, later);

            assertThat(JdbcReads.userById(connection, ACME.value(), later.id())).as("a later commit, seen on the "
                    + "same connection").isPresent();
            if (dialect() == Dialect.SQLITE) {
                // a SQLite reader keeps its statements (StatementCache): the failed read's is lent again
                assertThat(FailingColumn.lent).as("given back and lent again").isNotNull()
                        .isSameAs(lentAndGivenBack(connection, JdbcReads.USER_BY_ID));
            }
        }
    }

    /** A connection whose result sets fail when one column is read, as a driver's decoding error would. */
    private static final class FailingColumn {
        static PreparedStatement lent;

        static Connection of(Connection connection, int column) {
            return proxy(Connection.class, connection, (method, args, result) -> {
                if (result instanceof PreparedStatement statement) {
                    lent = driversOwn(statement);
                    return proxy(PreparedStatement.class, statement, (inner, innerArgs, innerResult) ->
                            innerResult instanceof java.sql.ResultSet rows
                                    ? proxy(java.sql.ResultSet.class, rows, (get, getArgs, value) -> {
                                        if (get.getName().startsWith("get") && getArgs != null
                                                && Integer.valueOf(column).equals(getArgs[0])) {
                                            throw new SQLException("cannot decode column " + column);
                                        }
                                        return value;
                                    })
                                    : innerResult);
                }
                return result;
            });
        }

        interface After {
            Object apply(java.lang.reflect.Method method, Object[] args, Object result) throws SQLException;
        }

        private static <T> T proxy(Class<T> type, T target, After after) {
            return type.cast(java.lang.reflect.Proxy.newProxyInstance(FailingColumn.class.getClassLoader(),
                    new Class<?>[] {type}, (self, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(target, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                        return after.apply(method, args, result);
                    }));
        }
    }

    /** The driver's statement a connection lends for {@code sql}, given back at once. */
    private static PreparedStatement lentAndGivenBack(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return driversOwn(statement);
        }
    }

    /** Below the pool's and the cache's wrappers: each unwraps to the one below it, the driver's to itself. */
    private static PreparedStatement driversOwn(PreparedStatement statement) throws SQLException {
        PreparedStatement below = statement.unwrap(PreparedStatement.class);
        return below == statement ? statement : driversOwn(below);
    }

    /** Random users, some hidden, some with their idpActive unset and no emails, inserted. */
    private List<User> inserted(long seed, int count) {
        RandomUsers random = new RandomUsers(seed);
        List<User> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            User user = random.next(i);
            if (i % 7 == 3) {
                user = user.withHidden(true);
            }
            database.userStore().insert(ACME, user);
            users.add(user);
        }
        return users;
    }

    /** The row as MyBatis's {@code userRow} result map reads it. */
    private UserRow mappedRow(String id) {
        return mappedRow(database, dialect(), id);
    }

    /** The row of {@code id} in {@link TestUsers#ACME} as MyBatis's {@code userRow} result map reads it. */
    static UserRow mappedRow(RosterDatabase database, Dialect dialect, String id) {
        UserSearchStatement byId = UserSearchStatement.of(dialect, ACME.value(), true, UserQuery.Pending.INCLUDED,
                Optional.of(new SqlCondition("u.id = #{params[0]}", List.of(id))), SortToSql.BY_ID).page(2, 0);
        List<UserRow> rows = database.sessions().read(session -> session.getMapper(UserMapper.class).search(byId));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private <T> T onReader(Function<Connection, T> read) throws SQLException {
        try (Connection connection = database.readers().getConnection()) {
            connection.setAutoCommit(true);
            return read.apply(connection);
        }
    }
}

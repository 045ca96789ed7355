package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** The reader connections' prepared statements, on a real SQLite file, directly and behind the reader pool. */
class StatementCacheTest {

    private static final String BY_ID = "SELECT name FROM people WHERE id = ?";

    @TempDir
    Path directory;

    private Path file;
    private DataSource cached;

    @BeforeEach
    void createTable() throws SQLException {
        file = directory.resolve("cache.db");
        try (Connection writer = SqliteConnections.openWriter(file); Statement ddl = writer.createStatement()) {
            ddl.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            for (int id = 1; id <= 20; id++) {
                ddl.execute("INSERT INTO people VALUES (" + id + ", 'person " + id + "')");
            }
        }
        SQLiteDataSource sqlite = new SQLiteDataSource();
        sqlite.setUrl("jdbc:sqlite:" + file);
        cached = StatementCache.caching(sqlite);
    }

    @Test
    void theSameTextIsPreparedOncePerConnection() throws SQLException {
        try (Connection connection = cached.getConnection()) {
            PreparedStatement first = lookUp(connection, 1);
            PreparedStatement second = lookUp(connection, 2);

            assertThat(second).isSameAs(first);
            assertThat(first.isClosed()).isFalse();
        }
    }

    @Test
    void aGivenBackStatementAnswersWithItsNewParameters() throws SQLException {
        try (Connection connection = cached.getConnection()) {
            assertThat(name(connection, 3)).isEqualTo("person 3");
            assertThat(name(connection, 7)).isEqualTo("person 7");
            try (PreparedStatement unbound = connection.prepareStatement(BY_ID);
                 ResultSet rows = unbound.executeQuery()) {
                assertThat(rows.next()).as("the last holder's 7 was cleared: an unbound parameter is NULL").isFalse();
            }
        }
    }

    @Test
    void aStatementOfAClosedConnectionIsFinalizedAndNeverLentAgain() throws SQLException {
        PreparedStatement idle;
        PreparedStatement lent;
        PreparedStatement lentProxy;
        try (Connection connection = cached.getConnection()) {
            idle = lookUp(connection, 1);
            lentProxy = connection.prepareStatement("SELECT count(*) FROM people");
            lent = lentProxy.unwrap(PreparedStatement.class);
        }
        lentProxy.close();

        assertThat(idle.isClosed()).isTrue();
        assertThat(lent.isClosed()).isTrue();
        try (Connection another = cached.getConnection()) {
            PreparedStatement fresh = lookUp(another, 1);
            assertThat(fresh).isNotSameAs(idle);
            assertThat(name(another, 4)).isEqualTo("person 4");
        }
    }

    @Test
    void aConnectionKeepsABoundedNumberOfIdleStatementsTheLeastRecentlyUsedGoingFirst() throws SQLException {
        try (Connection connection = cached.getConnection()) {
            List<PreparedStatement> statements = new ArrayList<>();
            for (int i = 0; i <= StatementCache.MAX_PER_CONNECTION; i++) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT " + i + " FROM people")) {
                    statement.executeQuery().close();
                    statements.add(statement.unwrap(PreparedStatement.class));
                }
            }

            assertThat(statements.get(0).isClosed()).as("the least recently used, evicted").isTrue();
            assertThat(statements.subList(1, statements.size())).noneMatch(StatementCacheTest::closed);
        }
    }

    @Test
    void aStatementWhoseExecutionFailedIsFinalizedNotKept() throws SQLException {
        String overflowing = "SELECT abs(?) FROM people WHERE id = 1";
        try (Connection connection = cached.getConnection()) {
            PreparedStatement failed;
            try (PreparedStatement statement = connection.prepareStatement(overflowing)) {
                statement.setLong(1, Long.MIN_VALUE);
                failed = statement.unwrap(PreparedStatement.class);
                assertThatThrownBy(() -> statement.executeQuery().next()).isInstanceOf(SQLException.class)
                        .hasMessageContaining("integer overflow");
            }

            assertThat(failed.isClosed()).isTrue();
            try (PreparedStatement again = connection.prepareStatement(overflowing)) {
                assertThat(again.unwrap(PreparedStatement.class)).isNotSameAs(failed);
                again.setLong(1, -5);
                try (ResultSet rows = again.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getLong(1)).isEqualTo(5);
                }
            }
        }
    }

    @Test
    void twoHoldersOfTheSameTextNeverShareAStatement() throws SQLException {
        try (Connection connection = cached.getConnection();
             PreparedStatement outer = connection.prepareStatement(BY_ID);
             PreparedStatement inner = connection.prepareStatement(BY_ID)) {
            assertThat(inner.unwrap(PreparedStatement.class)).isNotSameAs(outer.unwrap(PreparedStatement.class));
            outer.setInt(1, 5);
            inner.setInt(1, 6);
            try (ResultSet fives = outer.executeQuery(); ResultSet sixes = inner.executeQuery()) {
                assertThat(fives.next()).isTrue();
                assertThat(sixes.next()).isTrue();
                assertThat(fives.getString(1)).isEqualTo("person 5");
                assertThat(sixes.getString(1)).isEqualTo("person 6");
            }
        }
    }

    @Test
    void aClosedStatementCannotBeUsedByItsFormerHolder() throws SQLException {
        try (Connection connection = cached.getConnection()) {
            PreparedStatement given = connection.prepareStatement(BY_ID);
            given.close();

            assertThat(given.isClosed()).isTrue();
            assertThatThrownBy(() -> given.setInt(1, 1)).isInstanceOf(SQLException.class);
            assertThat(name(connection, 2)).isEqualTo("person 2");
        }
    }

    @Test
    void aStatementGivenBackWithUnreadRowsHoldsNoSnapshot() throws SQLException {
        try (Connection connection = cached.getConnection()) {
            try (PreparedStatement all = connection.prepareStatement("SELECT id FROM people ORDER BY id")) {
                ResultSet rows = all.executeQuery();
                assertThat(rows.next()).isTrue();
            }
            try (Connection writer = SqliteConnections.openWriter(file); Statement insert = writer.createStatement()) {
                insert.execute("INSERT INTO people VALUES (21, 'person 21')");
            }

            assertThat(name(connection, 21)).as("a reader that kept its snapshot would not see it")
                    .isEqualTo("person 21");
        }
    }

    @Test
    void threadsSharingThePoolEachGetTheirOwnAnswers() throws Exception {
        try (HikariDataSource readers = SqliteConnections.openReaders(file)) {
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> wrong = new ArrayList<>();
                for (int thread = 0; thread < 8; thread++) {
                    wrong.add(threads.submit(wrongAnswers(readers, thread)));
                }
                for (Future<Integer> count : wrong) {
                    assertThat(count.get(60, TimeUnit.SECONDS)).isZero();
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    private static Callable<Integer> wrongAnswers(DataSource readers, int thread) {
        return () -> {
            int wrong = 0;
            for (int i = 0; i < 300; i++) {
                int id = 1 + (thread * 7 + i) % 20;
                try (Connection connection = readers.getConnection()) {
                    wrong += name(connection, id).equals("person " + id) ? 0 : 1;
                }
            }
            return wrong;
        };
    }

    /** Looks a name up and gives the statement back; the driver's statement it ran on. */
    private static PreparedStatement lookUp(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BY_ID)) {
            statement.setInt(1, id);
            statement.executeQuery().close();
            return statement.unwrap(PreparedStatement.class);
        }
    }

    private static String name(Connection connection, int id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(BY_ID)) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : "";
            }
        }
    }

    private static boolean closed(PreparedStatement statement) {
        try {
            return statement.isClosed();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.roster.scim.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.mybatis.testing.TestPostgres;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link StorageFailures} on failures the drivers really throw, provoked on the tests' PostgreSQL (and a SQLite file):
 * a deadlock and a serialization failure are transient ({@code 503}, and retried by the write path), wherever the
 * driver put the SQLSTATE; a pool without a free connection is transient too; any other failure is a
 * {@link RosterStorageException} labelled by what the database is, without SQL.
 */
class StorageFailuresTest {

    @TempDir
    Path directory;

    /**
     * A JDBC batch that deadlocks: pgjdbc throws a {@link BatchUpdateException} and puts the statement's own failure,
     * the one with {@code 40P01}, in {@code getNextException}.
     */
    @Test
    void aDeadlockInABatchIsTransientWhereverTheDriverPutsItsState() throws Exception {
        String url = TestPostgres.newSchema().jdbcUrl();
        try (Connection victim = DriverManager.getConnection(url);
             Connection other = DriverManager.getConnection(url);
             Statement setUp = victim.createStatement()) {
            setUp.execute("CREATE TABLE rows_of_test (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            setUp.execute("INSERT INTO rows_of_test VALUES (1, 0), (2, 0)");
            // The one that looks for a deadlock first is aborted: the victim, after 100 ms.
            setUp.execute("SET deadlock_timeout = '100ms'");
            try (Statement otherSetUp = other.createStatement()) {
                otherSetUp.execute("SET deadlock_timeout = '30s'");
            }
            victim.setAutoCommit(false);
            other.setAutoCommit(false);
            victim.createStatement().executeUpdate("UPDATE rows_of_test SET n = 1 WHERE id = 1");
            other.createStatement().executeUpdate("UPDATE rows_of_test SET n = 1 WHERE id = 2");
            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return other.createStatement().executeUpdate("UPDATE rows_of_test SET n = 2 WHERE id = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            BatchUpdateException deadlock;
            try (PreparedStatement batch = victim.prepareStatement("UPDATE rows_of_test SET n = 3 WHERE id = ?")) {
                batch.setInt(1, 2);
                batch.addBatch();
                deadlock = catchThrowableOfType(BatchUpdateException.class, batch::executeBatch);
            }
            victim.rollback();
            assertThat(waiting.get(30, TimeUnit.SECONDS)).isEqualTo(1);
            other.rollback();

            assertThat((Throwable) deadlock).isNotNull();
            assertThat(deadlock.getNextException().getSQLState()).isEqualTo("40P01");
            assertThat(StorageFailures.isSerializationFailure(new PersistenceException(deadlock))).isTrue();
            assertTransient(StorageFailures.translate(new PersistenceException(deadlock)), "conflict");
            assertTransient(StorageFailures.translate(deadlock), "conflict");
        }
    }

    /** {@code REPEATABLE READ}: a row another transaction changed since the snapshot cannot be updated. */
    @Test
    void aSerializationFailureIsTransient() throws Exception {
        String url = TestPostgres.newSchema().jdbcUrl();
        try (Connection first = DriverManager.getConnection(url);
             Connection second = DriverManager.getConnection(url);
             Statement setUp = first.createStatement()) {
            setUp.execute("CREATE TABLE rows_of_test (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
            setUp.execute("INSERT INTO rows_of_test VALUES (1, 0)");
            first.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            first.setAutoCommit(false);
            first.createStatement().executeQuery("SELECT n FROM rows_of_test").close();
            second.createStatement().executeUpdate("UPDATE rows_of_test SET n = 1 WHERE id = 1");

            SQLException failure = catchThrowableOfType(SQLException.class,
                    () -> first.createStatement().executeUpdate("UPDATE rows_of_test SET n = 2 WHERE id = 1"));
            first.rollback();

            assertThat(failure.getSQLState()).isEqualTo("40001");
            assertThat(StorageFailures.isSerializationFailure(failure)).isTrue();
            assertTransient(StorageFailures.translate(new PersistenceException(failure)), "conflict");
        }
    }

    /** HikariCP's "connection is not available" carries no SQLSTATE: it was "SQLite error 0" and a 500. */
    @Test
    void aPoolWithoutAFreeConnectionIsTransient() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(TestPostgres.newSchema().jdbcUrl());
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config);
             Connection taken = pool.getConnection()) {
            SQLException failure = catchThrowableOfType(SQLException.class, pool::getConnection);

            assertThat(failure.getSQLState()).isNull();
            assertThat(StorageFailures.isSerializationFailure(failure)).isFalse();
            assertTransient(StorageFailures.translate(failure), "no connection free");
            assertThat(taken.isValid(1)).isTrue();
        }
    }

    @Test
    void anotherPostgresFailureIsLabelledByItsStateWithoutSql() throws Exception {
        try (Connection connection = DriverManager.getConnection(TestPostgres.newSchema().jdbcUrl())) {
            SQLException failure = catchThrowableOfType(SQLException.class,
                    () -> connection.createStatement().executeQuery("SELECT 1 / 0 AS secret_column"));

            RuntimeException translated = StorageFailures.translate(new PersistenceException(failure));

            assertThat(translated).isInstanceOf(RosterStorageException.class)
                    .hasMessage("The user database failed (SQLSTATE 22012).").hasCause(failure);
            assertThat(StorageFailures.isSerializationFailure(failure)).isFalse();
        }
    }

    @Test
    void aSqliteFailureIsLabelledAsSqliteWithItsResultCode() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("t.db"))) {
            SQLException failure = catchThrowableOfType(SQLException.class,
                    () -> connection.createStatement().executeQuery("SELECT * FROM no_such_table"));

            assertThat(StorageFailures.translate(new PersistenceException(failure)))
                    .isInstanceOf(RosterStorageException.class)
                    .hasMessage("The user database failed (SQLite error 1, SQLITE_ERROR).");
        }
    }

    private static void assertTransient(RuntimeException translated, String detailPart) {
        assertThat(translated).isInstanceOf(ScimException.class);
        ScimException unavailable = (ScimException) translated;
        assertThat(unavailable.type()).isEqualTo(ScimErrorType.UNAVAILABLE);
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.detail()).contains(detailPart).contains("send the request again")
                .doesNotContain("UPDATE").doesNotContain("rows_of_test");
        assertThat(unavailable.getCause()).isInstanceOf(SQLException.class);
    }
}

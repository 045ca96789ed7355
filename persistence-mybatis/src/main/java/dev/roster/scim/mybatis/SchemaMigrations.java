package dev.roster.scim.mybatis;

import dev.roster.scim.mybatis.internal.sql.Dialect;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Brings a database to the newest schema at start-up with Flyway (docs/adr/016): one migration set per dialect under
 * {@code migration/sqlite} and {@code migration/postgresql} beside this class, plus migration 4 of SQLite in Java
 * ({@link UserNameKeysMigration}). Flyway records them in {@value #HISTORY_TABLE} (not Flyway's default name, so that
 * an embedder's own Flyway history in the same schema stays apart), refuses a migration edited after it was applied
 * and, as configured here, a database newer than this code.
 *
 * <p>A SQLite file that Roster's own runner migrated (ADR 006) is adopted first: its {@code schema_version} is
 * checked, Flyway's history is baselined at the version it records, and the old table is dropped. A PostgreSQL schema
 * that already holds tables of the embedder but no Roster history is baselined at version 0, so that Roster's
 * migration 1 still runs there.
 */
final class SchemaMigrations {

    static final String HISTORY_TABLE = "roster_schema_history";

    private SchemaMigrations() {
    }

    /** Migrates a SQLite file through its data source; returns what the applied migrations ask to tell. */
    static List<String> migrateSqlite(DataSource dataSource) {
        UserNameKeysMigration userNameKeys = new UserNameKeysMigration();
        // Most starts find every migration applied: one query says so, and none of Flyway is loaded (ADR 036).
        if (CurrentSqliteSchema.holdsEveryMigration(dataSource,
                Map.of(UserNameKeysMigration.class.getName(), userNameKeys.getChecksum()))) {
            return List.of();
        }
        FluentConfiguration configuration = configuration(Dialect.SQLITE, dataSource).javaMigrations(userNameKeys);
        try {
            OptionalInt adopted = adoptLegacyVersions(dataSource);
            Flyway flyway = configuration.load();
            if (adopted.isPresent()) {
                flyway = configuration.baselineVersion(MigrationVersion.fromVersion(String.valueOf(adopted.getAsInt())))
                        .baselineDescription(LegacySchemaVersions.BASELINE_DESCRIPTION)
                        .load();
                flyway.baseline();
            }
            migrate(flyway);
            if (adopted.isPresent()) {
                dropLegacyVersions(dataSource);
            }
        } catch (FlywayException e) {
            throw new RosterStorageException("Migrating the database schema failed: " + e.getMessage(), e);
        }
        return userNameKeys.notices();
    }

    /**
     * Migrates a PostgreSQL schema (the connections' current schema) through a pool's data source, holding the
     * schema's migration lock on {@code lock}, a connection of its own: servers that start at once migrate one after
     * the other. Flyway locks its own steps, but not its decision to baseline a schema that holds tables and no
     * history — which is what a second server sees while the first is creating Roster's history table.
     */
    static void migratePostgresql(DataSource dataSource, Connection lock) {
        try (Statement statement = lock.createStatement()) {
            long key = migrationLock(statement);
            statement.execute("SELECT pg_advisory_lock(" + key + ")");
            try {
                // Roster's tables may share a schema with the embedder's: a schema with tables but without Roster's
                // history is not Roster's, and gets migration 1 like an empty one.
                migrate(configuration(Dialect.POSTGRESQL, dataSource).baselineOnMigrate(true)
                        .baselineVersion(MigrationVersion.fromVersion("0")).load());
            } finally {
                statement.execute("SELECT pg_advisory_unlock(" + key + ")");
            }
        } catch (FlywayException e) {
            throw new RosterStorageException("Migrating the database schema failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new RosterStorageException("Taking the schema migration lock failed.", e);
        }
    }

    /** The advisory lock key of the current schema's migrations: 64 bits of a SHA-256 of its name. */
    private static long migrationLock(Statement statement) throws SQLException {
        String schema;
        try (ResultSet current = statement.executeQuery("SELECT current_schema()")) {
            current.next();
            schema = current.getString(1);
        }
        if (schema == null) {
            throw new RosterStorageException("The database has no current schema: create the schema that "
                    + "currentSchema names in the URL (CREATE SCHEMA …), or name an existing one.");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("roster.schema-migrations:" + schema).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static FluentConfiguration configuration(Dialect dialect, DataSource dataSource) {
        String set = dialect == Dialect.SQLITE ? "sqlite" : "postgresql";
        return Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:dev/roster/scim/mybatis/migration/" + set)
                .table(HISTORY_TABLE)
                .failOnMissingLocations(true)
                // Our SQL holds no placeholders; text that looks like one must reach the database as written.
                .placeholderReplacement(false)
                .validateMigrationNaming(true)
                // Flyway ignores applied migrations it does not know ("future") by default; Roster refuses them
                // below with a message that says what to do.
                .ignoreMigrationPatterns(new String[0])
                .cleanDisabled(true);
    }

    /**
     * One pass of Flyway at each start: {@code migrate()} resolves the migrations, reads the history and validates it
     * (checksums of applied migrations, none applied that this code does not know, none failed) before it applies
     * any. Only when it refuses is the history read again, to say so plainly when the database is newer than this
     * code.
     */
    private static void migrate(Flyway flyway) {
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            refuseNewerDatabase(flyway);
            throw e;
        }
    }

    private static void refuseNewerDatabase(Flyway flyway) {
        MigrationInfo[] all = flyway.info().all();
        Optional<MigrationVersion> newestApplied = Arrays.stream(all).filter(SchemaMigrations::future)
                .map(MigrationInfo::getVersion).max(Comparator.naturalOrder());
        if (newestApplied.isEmpty()) {
            return;
        }
        String newestKnown = Arrays.stream(all).filter(info -> !future(info)).map(MigrationInfo::getVersion)
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).map(MigrationVersion::getVersion)
                .orElse("none");
        throw new RosterStorageException("The database has schema version " + newestApplied.get()
                + ", newer than this Roster knows (" + newestKnown + "); upgrade Roster.");
    }

    private static boolean future(MigrationInfo info) {
        return info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED;
    }

    private static OptionalInt adoptLegacyVersions(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return LegacySchemaVersions.recordedVersion(connection, HISTORY_TABLE);
        } catch (SQLException e) {
            throw new RosterStorageException("Reading the database's schema version failed.", e);
        }
    }

    private static void dropLegacyVersions(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            LegacySchemaVersions.drop(connection);
        } catch (SQLException e) {
            throw new RosterStorageException("Dropping the old schema_version table failed.", e);
        }
    }
}

package dev.roster.scim.mybatis;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A migration step in Java, run by {@link SchemaMigrations} inside the transaction that records it. It ports to
 * Flyway as a {@code BaseJavaMigration} whose {@code migrate(Context)} calls {@link #migrate} with
 * {@code context.getConnection()}.
 */
interface JavaMigration {

    /**
     * Changes the schema and data on the connection (auto-commit off; never commits itself), and returns what an
     * operator should be told about it, one line per matter; empty when there is nothing to tell.
     */
    List<String> migrate(Connection connection) throws SQLException;

    /**
     * What {@code schema_version} records for this step. A Java step has no file to hash, so it names its revision:
     * change the revision only together with a new migration, never for an applied one.
     */
    String checksum();
}

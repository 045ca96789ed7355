package dev.roster.scim.mybatis;

import dev.roster.scim.core.error.ScimException;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Translates what MyBatis and the driver throw into what may cross a port: constraint violations become the SCIM
 * errors they mean, anything else a {@link RosterStorageException} without SQL in its message. SQLite names the
 * columns of a violated constraint in a stable form ({@code UNIQUE constraint failed: users.site, users.id}), which
 * is what is matched here.
 */
final class StorageFailures {

    private StorageFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof ScimException || failure instanceof RosterStorageException) {
            return failure;
        }
        Optional<SQLException> sql = sqlCause(failure);
        if (sql.isEmpty()) {
            return failure;
        }
        return translate(sql.get());
    }

    static RuntimeException translate(SQLException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("users.user_name_key")) {
            return ScimException.uniqueness("The userName is already taken in this site (compared by the identifier "
                    + "profile: in any case, width and Unicode normal form).");
        }
        if (message.contains("UNIQUE constraint failed: users.site, users.id")) {
            return ScimException.uniqueness("A user with this id already exists in this site.");
        }
        if (message.contains("UNIQUE constraint failed: sites.site")) {
            return ScimException.conflict("A site of this name already exists.");
        }
        return new RosterStorageException("The user database failed (SQLite error " + failure.getErrorCode() + ").",
                failure);
    }

    private static Optional<SQLException> sqlCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }
}

package dev.roster.scim.mybatis;

import dev.roster.scim.core.error.ScimException;

import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Translates what MyBatis and the driver throw into what may cross a port: constraint violations become the SCIM
 * errors they mean, anything else a {@link RosterStorageException} without SQL in its message. SQLite names the
 * columns of a violated constraint in a stable form ({@code UNIQUE constraint failed: users.site, users.id}), which
 * is what is matched here.
 */
final class StorageFailures {

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String QUERY_CANCELED = "57014";

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
        if (message.contains("users.user_name_key") || message.contains("\"users_user_name\"")) {
            return ScimException.uniqueness("The userName is already taken in this site (compared by the identifier "
                    + "profile: in any case, width and Unicode normal form).");
        }
        if (message.contains("UNIQUE constraint failed: users.site, users.id") || message.contains("\"users_pkey\"")) {
            return ScimException.uniqueness("A user with this id already exists in this site.");
        }
        if (message.contains("UNIQUE constraint failed: sites.site") || message.contains("\"sites_pkey\"")) {
            return ScimException.conflict("A site of this name already exists.");
        }
        String state = sqlState(failure);
        if (QUERY_CANCELED.equals(state)) {
            return new RosterStorageException("A database statement ran longer than the statement timeout and was "
                    + "cancelled.", failure);
        }
        String code = state.isEmpty() ? "SQLite error " + failure.getErrorCode() : "SQLSTATE " + state;
        return new RosterStorageException("The user database failed (" + code + ").", failure);
    }

    /**
     * Whether PostgreSQL aborted the transaction to keep it serializable ({@code 40001}) or to break a deadlock
     * ({@code 40P01}): running it again is safe and will see what the other transaction committed.
     */
    static boolean isSerializationFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException each = sql; each != null; each = each.getNextException()) {
                    String state = sqlState(each);
                    if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A short random pause, growing with each retry, so that transactions that collided do not collide again. */
    static void pauseBeforeRetry(int retry) {
        long bound = Math.min(100, 5L << Math.min(retry, 5));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, bound + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RosterStorageException("Interrupted while retrying a database transaction.", e);
        }
    }

    private static String sqlState(SQLException failure) {
        return failure.getSQLState() == null ? "" : failure.getSQLState();
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

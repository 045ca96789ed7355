package dev.roster.scim.mybatis;

import dev.roster.scim.core.error.ScimException;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * Translates what MyBatis and the driver throw into what may cross a port: constraint violations become the SCIM
 * errors they mean, transient failures a {@code 503} ({@link ScimException#unavailable}), anything else a
 * {@link RosterStorageException} without SQL in its message. SQLite names the columns of a violated constraint in a
 * stable form ({@code UNIQUE constraint failed: users.site, users.id}), PostgreSQL the constraint, which is what is
 * matched here.
 *
 * <p>The failure that says what happened may lie anywhere in the chain: MyBatis and Flyway wrap the driver's
 * exception, a batch's {@code BatchUpdateException} holds the statement's own failure in {@code getNextException}, and
 * HikariCP's "connection is not available" has no SQLSTATE at all. Every {@link SQLException} of the chain, causes and
 * next exceptions, is looked at.
 */
final class StorageFailures {

    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String QUERY_CANCELED = "57014";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String TOO_MANY_CONNECTIONS = "53300";
    /** SQLSTATE classes of a lost or refused connection, and of a server shutting down or starting. */
    private static final List<String> UNAVAILABLE_CLASSES = List.of("08", "57P01", "57P02", "57P03");

    private StorageFailures() {
    }

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof ScimException || failure instanceof RosterStorageException) {
            return failure;
        }
        List<SQLException> chain = sqlChain(failure);
        if (chain.isEmpty()) {
            return failure;
        }
        return translate(chain);
    }

    static RuntimeException translate(SQLException failure) {
        return translate(sqlChain(failure));
    }

    private static RuntimeException translate(List<SQLException> chain) {
        SQLException first = chain.get(0);
        String messages = chain.stream().map(each -> String.valueOf(each.getMessage()))
                .collect(Collectors.joining("\n"));
        if (messages.contains("users.user_name_key") || messages.contains("\"users_user_name\"")) {
            return ScimException.uniqueness("The userName is already taken in this site (compared by the identifier "
                    + "profile: in any case, width and Unicode normal form).");
        }
        if (messages.contains("UNIQUE constraint failed: users.site, users.id") || messages.contains("\"users_pkey\"")) {
            return ScimException.uniqueness("A user with this id already exists in this site.");
        }
        if (messages.contains("UNIQUE constraint failed: sites.site") || messages.contains("\"sites_pkey\"")) {
            return ScimException.conflict("A site of this name already exists.");
        }
        String state = chain.stream().map(StorageFailures::sqlState).filter(each -> !each.isEmpty()).findFirst()
                .orElse("");
        if (isSerializationFailure(first)) {
            return ScimException.unavailable("The database aborted this write to resolve a conflict with concurrent "
                    + "writes, again after several attempts; send the request again.", first);
        }
        if (isUnavailable(state) || chain.stream().anyMatch(SQLTransientException.class::isInstance)) {
            return ScimException.unavailable("The user database is not reachable or has no connection free now; "
                    + "send the request again.", first);
        }
        if (QUERY_CANCELED.equals(state)) {
            return new RosterStorageException("A database statement ran longer than the statement timeout and was "
                    + "cancelled.", first);
        }
        return new RosterStorageException("The user database failed (" + label(first, state) + ").", first);
    }

    /**
     * Whether PostgreSQL aborted the transaction to keep it serializable ({@code 40001}) or to break a deadlock
     * ({@code 40P01}), anywhere in the chain: running it again is safe and will see what the other transaction
     * committed.
     */
    static boolean isSerializationFailure(Throwable failure) {
        return sqlChain(failure).stream().map(StorageFailures::sqlState)
                .anyMatch(state -> SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state));
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

    private static boolean isUnavailable(String state) {
        return LOCK_NOT_AVAILABLE.equals(state) || TOO_MANY_CONNECTIONS.equals(state)
                || UNAVAILABLE_CLASSES.stream().anyMatch(state::startsWith);
    }

    /** What the log says of a failure no SCIM error describes: never "SQLite" for another database. */
    private static String label(SQLException failure, String state) {
        if (failure instanceof SQLiteException sqlite) {
            return "SQLite error " + sqlite.getResultCode().code + ", " + sqlite.getResultCode().name();
        }
        if (!state.isEmpty()) {
            return "SQLSTATE " + state;
        }
        return failure.getClass().getSimpleName() + (failure.getErrorCode() == 0 ? "" : " " + failure.getErrorCode());
    }

    private static String sqlState(SQLException failure) {
        return failure.getSQLState() == null ? "" : failure.getSQLState();
    }

    /** Every SQLException of the chain, in order: each cause, and after each its next exceptions. */
    private static List<SQLException> sqlChain(Throwable failure) {
        List<SQLException> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                chain.add(sql);
                for (SQLException next = sql.getNextException(); next != null && seen.add(next);
                        next = next.getNextException()) {
                    chain.add(next);
                }
            }
        }
        return chain;
    }
}

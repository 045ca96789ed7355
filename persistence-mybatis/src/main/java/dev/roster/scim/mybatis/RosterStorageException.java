package dev.roster.scim.mybatis;

/**
 * The database failed in a way no SCIM error describes (disk full, a corrupt file, a schema newer than this code).
 * Its message never holds SQL; the cause, where there is one, is the driver's exception, for the logs. An adapter
 * answers it with a {@code 500} whose body says nothing of it.
 */
public final class RosterStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RosterStorageException(String message, Throwable cause) {
        super(message, cause);
    }

    RosterStorageException(String message) {
        super(message);
    }
}

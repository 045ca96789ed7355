package dev.roster.scim.server;

/**
 * The server could not start for a reason its operator can fix, such as a port in use. The message is one line
 * that says what failed; the command line prints it instead of a stack trace.
 */
public final class StartupFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }
}

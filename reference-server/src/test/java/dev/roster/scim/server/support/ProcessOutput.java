package dev.roster.scim.server.support;

import java.io.BufferedReader;
import java.io.IOException;

/** The output of a server process the tests started. */
public final class ProcessOutput {

    private ProcessOutput() {
    }

    /** Keeps reading the process's output so a full pipe never blocks its logging. */
    public static void drainInBackground(BufferedReader output) {
        Thread drain = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "server-process-output");
        drain.setDaemon(true);
        drain.start();
    }
}

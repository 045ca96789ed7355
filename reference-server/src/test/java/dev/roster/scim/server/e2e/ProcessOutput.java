package dev.roster.scim.server.e2e;

import java.io.BufferedReader;
import java.io.IOException;

/** The output of a server process a test started, once the test has read what it needed from it. */
final class ProcessOutput {

    private ProcessOutput() {
    }

    /** Keeps reading the process's output so a full pipe never blocks its logging. */
    static void drainInBackground(BufferedReader output) {
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

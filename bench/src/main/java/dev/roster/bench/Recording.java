package dev.roster.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A JDK Flight Recorder recording of the measured run only (not the warm-up), started and stopped with
 * {@code jcmd}: the same JFR as {@code -XX:StartFlightRecording}, timed to the run.
 */
final class Recording {

    static final Recording NONE = new Recording(-1, "", Path.of(""));

    private final long pid;
    private final String name;
    private final Path file;

    Recording(long pid, String name, Path file) {
        this.pid = pid;
        this.name = name;
        this.file = file;
    }

    void start() throws IOException, InterruptedException {
        if (pid > 0) {
            jcmd("JFR.start", "name=" + name, "settings=profile", "filename=" + file);
        }
    }

    void stop() throws IOException, InterruptedException {
        if (pid > 0) {
            jcmd("JFR.stop", "name=" + name);
        }
    }

    private void jcmd(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("jcmd", Long.toString(pid)));
        command.addAll(List.of(arguments));
        String output = Machine.checked(command);
        if (output.contains("Exception") || output.contains("Could not")) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }
}

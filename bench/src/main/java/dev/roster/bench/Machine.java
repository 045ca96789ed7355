package dev.roster.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the machine is, for the report. */
final class Machine {

    private static long clockTicksPerSecond;

    private Machine() {
    }

    /** Clock ticks of {@code /proc/<pid>/stat} (USER_HZ, from {@code getconf CLK_TCK}) in milliseconds. */
    static synchronized double ticksToMillis(long ticks) throws IOException {
        if (clockTicksPerSecond == 0) {
            try {
                clockTicksPerSecond = Long.parseLong(checked(List.of("getconf", "CLK_TCK")).strip());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while asking getconf", interrupted);
            }
        }
        return ticks * 1000.0 / clockTicksPerSecond;
    }

    static String describe(String postgres) throws IOException, InterruptedException {
        String cpuinfo = Files.readString(Path.of("/proc/cpuinfo"));
        Matcher model = Pattern.compile("model name\\s*:\\s*(.+)").matcher(cpuinfo);
        Matcher memory = Pattern.compile("MemTotal:\\s+(\\d+) kB").matcher(Files.readString(Path.of("/proc/meminfo")));
        String java = command(List.of("java", "-version")).lines().findFirst().orElse("?")
                + " / " + command(List.of("java", "-version")).lines().skip(2).findFirst().orElse("?");
        String wrk = command(List.of("wrk", "--version")).lines().findFirst().orElse("?");
        return "- `nproc`: " + command(List.of("nproc")).strip() + "; CPU: " + (model.find() ? model.group(1) : "?")
                + "\n- memory: " + (memory.find() ? Long.parseLong(memory.group(1)) / 1024 / 1024 + " GiB" : "?")
                + "\n- JDK: " + java
                + "\n- OS: " + Files.readAllLines(Path.of("/etc/debian_version")).get(0) + " (Debian), kernel "
                + command(List.of("uname", "-r")).strip()
                + "\n- load generator: " + wrk.replaceAll("\\s+\\[.*", "")
                + (postgres.isBlank() ? "" : "\n- PostgreSQL: " + postgres);
    }

    /** {@code uptime}'s load averages. */
    static String uptime() throws IOException, InterruptedException {
        String line = command(List.of("uptime")).strip();
        int at = line.indexOf("load average");
        return at < 0 ? line : line.substring(at);
    }

    /** Runs {@code command} and returns its output; fails if it exits with another status than 0. */
    static String checked(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    static String command(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}

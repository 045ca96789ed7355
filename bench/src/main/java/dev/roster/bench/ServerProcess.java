package dev.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server under test in its own JVM: started, waited for, measured from /proc, stopped. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

    private final String name;
    private final int port;
    private final Process process;

    private ServerProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code command} (a java command line), logging to {@code log}, and waits until the log shows
     * {@code readyLine} (Roster listens before it seeds, so its port alone does not say it is ready) and the
     * server answers HTTP.
     */
    static ServerProcess start(String name, int port, List<String> command, Map<String, String> environment,
                               Path log, String readyLine, Duration patience) throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        // Ends the server also when the benchmark itself is stopped (Ctrl-C, kill).
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        ServerProcess server = new ServerProcess(name, port, process);
        server.awaitReady(readyLine, patience, log);
        return server;
    }

    private void awaitReady(String readyLine, Duration patience, Path log) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (!Files.readString(log).contains(readyLine)) {
                Thread.sleep(200);
                continue;
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() < 500) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException(name + " did not get ready within " + patience + "; see " + log);
    }

    /**
     * Waits until the server answers {@code /} within half a second: requests wrk gave up on may still sit in the
     * server's queue, and would otherwise be served during the next workload's run. False if it is still busy
     * after {@code patience}.
     */
    boolean awaitIdle(Duration patience) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            long started = System.nanoTime();
            try {
                client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/")).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (System.nanoTime() - started < 500_000_000L) {
                    return true;
                }
            } catch (IOException busy) {
                // still draining
            }
        }
        return false;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    /**
     * CPU time the process has used so far, all its threads and its JIT compiler threads (C1, C2) alone, summed
     * from {@code /proc/<pid>/task/<tid>/stat}: while the JIT's still grows fast the server is not at steady state.
     */
    CpuTime cpuTime() throws IOException {
        long all = 0;
        long jit = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // Fields after the parenthesised name: state is field 3, utime 14, stime 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    all += ticks;
                    if (Files.readString(task.resolve("comm")).contains("Compiler")) {
                        jit += ticks;
                    }
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while we listed
                }
            }
        }
        return new CpuTime(Machine.ticksToMillis(all), Machine.ticksToMillis(jit));
    }

    /** CPU time of a process in milliseconds: all threads, and its JIT compiler threads. */
    record CpuTime(double allMillis, double jitMillis) {
        CpuTime since(CpuTime earlier) {
            return new CpuTime(allMillis - earlier.allMillis, jitMillis - earlier.jitMillis);
        }

        /** The JIT's share of {@code seconds} of wall clock, in percent of one core. */
        int jitPercentOfCore(int seconds) {
            return (int) (jitMillis / (10.0 * seconds));
        }
    }

    /** The resident set size now, from {@code /proc/<pid>/status}. */
    long rssBytes() throws IOException {
        Matcher matcher = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(process.pid()), "status")));
        if (!matcher.find()) {
            throw new IllegalStateException("no VmRSS for " + name);
        }
        return Long.parseLong(matcher.group(1)) * 1024;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}

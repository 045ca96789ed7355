package dev.roster.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Server CPU per request ({@code bench/run-cpu}, which documents the options): reference-server jars one after the
 * other, round by round, each on its own copy of the benchmark's SQLite file, warmed up under wrk and then measured.
 * The figure is the CPU time the server's process used during the measured seconds, less its JIT compiler threads',
 * divided by the requests wrk completed: it moves far less than req/s on a machine other builds share.
 */
public final class CpuBenchmark {

    private static final int USERS = 100_000;

    private final Path root = Path.of("").toAbsolutePath();
    private final Path work = root.resolve("bench/work");
    private final Path cpuWork = work.resolve("cpu");
    private final Wrk wrk = new Wrk(2, 32);
    private HttpBenchmark.Workload workload = HttpBenchmark.Workload.W1;
    private Optional<String> getPath = Optional.empty();
    private int rounds = 3;
    private int warmupSeconds = 30;
    private int seconds = 20;
    private int port = 18181;
    private final List<String> jvmArgs = new ArrayList<>();
    private final Map<String, List<String>> labelJvmArgs = new LinkedHashMap<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        CpuBenchmark benchmark = new CpuBenchmark();
        benchmark.parse(args);
        benchmark.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--workload" -> workload = HttpBenchmark.Workload.valueOf(args[++i]);
                case "--get" -> getPath = Optional.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                case "--jvm-arg-of" -> {
                    String label = args[++i];
                    labelJvmArgs.computeIfAbsent(label, ignored -> new ArrayList<>()).add(args[++i]);
                }
                default -> {
                    int equals = args[i].indexOf('=');
                    if (equals <= 0) {
                        throw new IllegalArgumentException("unknown argument " + args[i]
                                + " (jars are given as label=path/to/reference-server.jar)");
                    }
                    jars.put(args[i].substring(0, equals), Path.of(args[i].substring(equals + 1)));
                }
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalArgumentException("give at least one label=path/to/reference-server.jar");
        }
        for (String label : labelJvmArgs.keySet()) {
            if (!jars.containsKey(label)) {
                throw new IllegalArgumentException("--jvm-arg-of " + label + ": no jar has that label");
            }
        }
    }

    private void run() throws Exception {
        Path sourceDatabase = work.resolve("sqlite-" + USERS + ".db");
        Path sourceState = work.resolve("sqlite-" + USERS);
        if (!Files.exists(sourceDatabase) || !Files.exists(sourceState.resolve("ids.txt"))) {
            throw new IllegalStateException("missing " + sourceDatabase + " or its ids; run bench/run-http once");
        }
        Files.createDirectories(cpuWork);
        Map<String, List<Double>> perRequest = new LinkedHashMap<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                double micros = measure(round, jar.getKey(), jar.getValue(), sourceDatabase, sourceState);
                perRequest.computeIfAbsent(jar.getKey(), label -> new ArrayList<>()).add(micros);
            }
        }
        perRequest.forEach((label, values) -> HttpBenchmark.log(String.format(
                "%s median µs CPU/request: %.1f (rounds: %s)", label, median(values), values.stream()
                        .map(value -> String.format("%.1f", value)).toList())));
    }

    /** One round of one jar: its own copy of the database (kept between rounds), warm-up, measurement. */
    private double measure(int round, String label, Path jar, Path sourceDatabase, Path sourceState)
            throws Exception {
        Path database = cpuWork.resolve(label + ".db");
        Path state = cpuWork.resolve(label + "-state");
        if (!Files.exists(database)) {
            Files.copy(sourceDatabase, database, StandardCopyOption.REPLACE_EXISTING);
            Files.createDirectories(state);
            try (var files = Files.list(sourceState)) {
                for (Path file : files.toList()) {
                    Files.copy(file, state.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<String> serverJvmArgs = new ArrayList<>(jvmArgs);
        serverJvmArgs.addAll(labelJvmArgs.getOrDefault(label, List.of()));
        try (ServerProcess server = HttpBenchmark.startRoster(jar, serverJvmArgs, label, database.toString(), USERS,
                port, cpuWork.resolve(label + ".log"), Duration.ofMinutes(5))) {
            String token = new ScimClient(server.baseUrl()).rotateToken(HttpBenchmark.ADMIN_PASSWORD);
            List<List<String>> target = List.of(getPath.isPresent()
                    ? List.of(server.baseUrl(), Wrk.script(root.resolve("bench"), "get-path.lua").toString(),
                            ScimClient.SITE_BASE, token, getPath.get())
                    : HttpBenchmark.wrkTarget(root, server.baseUrl(), workload, token, USERS,
                            state.resolve("ids.txt"), state, 0));
            wrk.runTogether(target, warmupSeconds);
            ServerProcess.CpuTime before = server.cpuTime();
            Wrk.Result result = Wrk.Result.summed(wrk.runTogether(target, seconds));
            ServerProcess.CpuTime used = server.cpuTime().since(before);
            double micros = (used.allMillis() - used.jitMillis()) * 1000 / result.requests();
            HttpBenchmark.log(String.format("%-12s round %d: %7.1f µs CPU/request (JIT excluded), %6.0f req/s, "
                            + "JIT %d %% of a core, non-2xx %d, RSS %d MiB", label, round, micros,
                    result.requestsPerSecond(), used.jitPercentOfCore(seconds), result.non2xx(),
                    server.rssBytes() >> 20));
            return micros;
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

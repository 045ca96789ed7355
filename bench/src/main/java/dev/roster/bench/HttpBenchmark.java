package dev.roster.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP benchmark of issue 12: the bare endpoint and Roster side by side in one run, W1–W3 under wrk, then Roster
 * on PostgreSQL with one and with two servers; writes docs/benchmarks-http.md (and the PostgreSQL section of
 * docs/deployment.md). Started by {@code bench/run-http}, which documents the options.
 */
public final class HttpBenchmark {

    static final String ADMIN_PASSWORD = "bench";
    private static final double STEADY = 0.10;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Options options;
    private final Path root;
    private final Path work;
    private final Wrk wrk = new Wrk(2, 32);
    private final int barePort;
    private final int rosterPort;
    private final int secondRosterPort;
    private String token = "";

    private HttpBenchmark(Options options, Path root) {
        this.options = options;
        this.root = root;
        this.work = root.resolve("bench/work");
        this.barePort = options.basePort();
        this.rosterPort = options.basePort() + 1;
        this.secondRosterPort = options.basePort() + 2;
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new HttpBenchmark(options, Path.of("").toAbsolutePath()).run();
    }

    private void run() throws Exception {
        Files.createDirectories(work);
        if (options.reportFrom().isPresent()) {
            boolean withPostgres = !options.postgresUrl().isEmpty();
            List<Run> runs = RunLog.read(options.reportFrom().get(), withPostgres ? 4 : 2);
            log("read " + runs.size() + " complete runs from " + options.reportFrom().get());
            writeDocs(runs, withPostgres);
            return;
        }
        Database sqlite = new Database("SQLite", work.resolve("sqlite-" + options.users() + ".db").toString(),
                work.resolve("sqlite-" + options.users()));
        prepare(sqlite);
        if (options.profile()) {
            profile(sqlite);
            return;
        }
        Database postgres = options.postgresUrl().isEmpty() ? null
                : new Database("PostgreSQL", options.postgresUrl(), work.resolve("postgresql-" + options.users()));
        if (postgres != null) {
            prepare(postgres);
        }
        List<Run> runs = new ArrayList<>();
        for (int number = 1; number <= options.runs(); number++) {
            String loadBefore = Machine.uptime();
            Map<Setup, Map<Workload, Measurement>> results = new LinkedHashMap<>();
            log("run " + number + ": " + Setup.BARE.logLine);
            results.put(Setup.BARE, measureBare());
            log("run " + number + ": " + Setup.SQLITE.logLine);
            results.put(Setup.SQLITE, measureRoster(sqlite, 1));
            if (postgres != null) {
                log("run " + number + ": " + Setup.POSTGRES_ONE.logLine);
                results.put(Setup.POSTGRES_ONE, measureRoster(postgres, 1));
                log("run " + number + ": " + Setup.POSTGRES_TWO.logLine);
                results.put(Setup.POSTGRES_TWO, measureRoster(postgres, 2));
            }
            String loadAfter = Machine.uptime();
            log("run " + number + " load: " + loadBefore + " → " + loadAfter);
            runs.add(new Run(number, loadBefore, loadAfter, results));
        }
        writeDocs(runs, postgres != null);
    }

    private void writeDocs(List<Run> runs, boolean withPostgres) throws IOException, InterruptedException {
        Report report = new Report(options, runs, Machine.describe(options.postgresDescription()));
        report.write(root.resolve("docs/benchmarks-http.md"));
        if (withPostgres) {
            report.writeDeployment(root.resolve("docs/deployment.md"));
        }
        log("wrote docs/benchmarks-http.md" + (withPostgres ? " and docs/deployment.md" : ""));
    }

    /** Seeds the database (once: it is kept between runs), lists its ids, captures the bare endpoint's bodies. */
    private void prepare(Database database) throws Exception {
        Files.createDirectories(database.stateDirectory());
        Instant started = Instant.now();
        log("starting Roster on " + database.label() + " (seeds it up to " + options.users() + " users)");
        try (ServerProcess roster = startRoster(database, rosterPort, Duration.ofMinutes(30))) {
            log("ready after " + Duration.between(started, Instant.now()).toSeconds() + " s");
            ScimClient client = new ScimClient(roster.baseUrl());
            token = client.rotateToken(ADMIN_PASSWORD);
            if (!Files.exists(database.idsFile())) {
                List<String> ids = client.allIds(token);
                Files.write(database.idsFile(), ids, StandardCharsets.UTF_8);
                log("listed " + ids.size() + " ids");
            }
            Path bodies = work.resolve("bodies");
            if (!Files.exists(bodies.resolve("w3.json"))) {
                Files.createDirectories(bodies);
                String firstId = Files.readAllLines(database.idsFile()).get(0);
                Files.writeString(bodies.resolve("w1.json"),
                        client.get(token, ScimClient.lookupPath("demo.user.0000000@example.com")));
                Files.writeString(bodies.resolve("w2.json"), client.get(token, ScimClient.SITE_BASE + "/Users/"
                        + firstId));
                Files.writeString(bodies.resolve("w3.json"), client.get(token, ScimClient.SITE_BASE
                        + "/Users?startIndex=1&count=100"));
            }
        }
    }

    /** {@code --profile}: Roster on SQLite only, one JFR recording per measured workload, then a flame graph each. */
    private void profile(Database sqlite) throws Exception {
        Path recordings = work.resolve("jfr");
        Files.createDirectories(recordings);
        FlameGraphs graphs = new FlameGraphs(work.resolve("jars/jfr-converter.jar"),
                root.resolve("docs/img/flame"));
        try (ServerProcess roster = startRoster(sqlite, rosterPort, Duration.ofMinutes(5))) {
            token = new ScimClient(roster.baseUrl()).rotateToken(ADMIN_PASSWORD);
            for (Workload workload : options.workloads()) {
                Path recording = recordings.resolve(workload.name().toLowerCase() + ".jfr");
                measure(List.of(roster), workload, sqlite, options.seconds(), new Recording(roster.pid(),
                        workload.name(), recording));
                graphs.render(recording, workload.name().toLowerCase(), "Roster on SQLite, " + workload.name()
                        + " (" + options.users() + " users, wrk -t2 -c32), CPU samples");
            }
        }
        log("flame graphs in docs/img/flame/, recordings in " + recordings);
    }

    ServerProcess startRoster(Database database, int port, Duration patience) throws Exception {
        return startRoster(work.resolve("jars/reference-server.jar"), options.extraJvmArgs(), database.label(),
                database.location(), options.users(), port,
                work.resolve("logs/roster-" + database.label().toLowerCase() + "-" + port + ".log"), patience);
    }

    /**
     * The heap options of the README's start command (ADR 052), read from the file its argument file is built from:
     * a small initial heap, a young generation of at most 64 MiB, and a GC time goal of half the time, which G1
     * scales down to a few % while the heap is small (ADR 061). Roster's live heap is about 20 MiB; without them G1
     * grows the committed heap with the allocation rate and the pauses' wall time. The class-data archive of that
     * argument file is left out: it fits only the jar it was trained on, not the copies the runs start, and it
     * speeds the start, not the steady state measured here (ADR 055). The run scripts start the benchmarks from the
     * repository's root.
     */
    static final List<String> README_JVM_OPTIONS = heapOptions(Path.of("reference-server/src/main/jvm/heap.jvmopts"));

    private static List<String> heapOptions(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the README's heap options, from the repository's root", e);
        }
    }

    /**
     * Starts {@code jar} as the benchmark does: {@code -Xmx1g} and the README's options, then {@code jvmArgs},
     * seeded up to {@code users}, the bench's password.
     */
    static ServerProcess startRoster(Path jar, List<String> jvmArgs, String label, String database, int users,
                                     int port, Path log, Duration patience) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
        command.addAll(README_JVM_OPTIONS);
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port), "--db", database,
                "--seed-users", Integer.toString(users)));
        return ServerProcess.start("Roster (" + label + ")", port, command,
                Map.of("ROSTER_ADMIN_PASSWORD", ADMIN_PASSWORD), log,
                "RosterApplication - Roster reference server listening on", patience);
    }

    private Map<Workload, Measurement> measureBare() throws Exception {
        List<String> command = List.of("java", "-Xmx1g", "-cp",
                work.resolve("jars/roster-bench.jar").toString(), BareEndpoint.class.getName(),
                Integer.toString(barePort), token, work.resolve("bodies").toString());
        try (ServerProcess bare = ServerProcess.start("bare endpoint", barePort, command, Map.of(),
                work.resolve("logs/bare.log"), "Bare endpoint listening on", Duration.ofMinutes(1))) {
            return measureAll(List.of(bare), null);
        }
    }

    private Map<Workload, Measurement> measureRoster(Database database, int servers) throws Exception {
        List<ServerProcess> started = new ArrayList<>();
        try {
            started.add(startRoster(database, rosterPort, Duration.ofMinutes(5)));
            token = new ScimClient(started.get(0).baseUrl()).rotateToken(ADMIN_PASSWORD);
            if (servers == 2) {
                started.add(startRoster(database, secondRosterPort, Duration.ofMinutes(5)));
            }
            return measureAll(started, database);
        } finally {
            for (ServerProcess server : started) {
                server.close();
            }
        }
    }

    private Map<Workload, Measurement> measureAll(List<ServerProcess> servers, Database database) throws Exception {
        Map<Workload, Measurement> results = new LinkedHashMap<>();
        for (Workload workload : Workload.values()) {
            results.put(workload, measure(servers, workload, database, options.seconds()));
        }
        return results;
    }

    /**
     * Warms up until the servers are at steady state, then measures once: two warm-up rounds in a row agree within
     * 10 %, and in the last one the JIT compiler threads of every server used at most {@code --jit-quiet-percent} of
     * a core (a server still compiling hot code is slower than it will be, and its compiler takes CPU from it).
     */
    Measurement measure(List<ServerProcess> servers, Workload workload, Database database, int seconds)
            throws Exception {
        return measure(servers, workload, database, seconds, Recording.NONE);
    }

    private Measurement measure(List<ServerProcess> servers, Workload workload, Database database, int seconds,
                                Recording recording) throws Exception {
        List<List<String>> targets = targets(servers, workload, database);
        double previous = -1;
        boolean steady = false;
        for (int round = 1; round <= options.maxWarmupRounds() && !steady; round++) {
            List<ServerProcess.CpuTime> before = cpuTimes(servers);
            double rate = Wrk.Result.summed(wrk.runTogether(targets, options.warmupSeconds())).requestsPerSecond();
            int jit = jitPercentOfCore(servers, before, options.warmupSeconds());
            log(String.format("  %s warm-up %d: %.0f req/s, JIT %d %% of a core", workload.name(), round, rate,
                    jit));
            steady = previous > 0 && Math.abs(rate - previous) <= STEADY * Math.max(rate, previous)
                    && jit <= options.jitQuietPercent();
            previous = rate;
        }
        if (!steady) {
            log("  WARNING: " + workload.name() + " not at steady state after " + options.maxWarmupRounds()
                    + " warm-up rounds; measuring anyway");
        }
        List<ServerProcess.CpuTime> before = cpuTimes(servers);
        recording.start();
        List<Wrk.Result> parts = wrk.runTogether(targets, seconds);
        recording.stop();
        log(String.format("  %s: the JIT used %d %% of a core during the measured %d s", workload.name(),
                jitPercentOfCore(servers, before, seconds), seconds));
        Wrk.Result result = Wrk.Result.summed(parts);
        List<Long> rss = new ArrayList<>();
        for (ServerProcess server : servers) {
            rss.add(server.rssBytes());
        }
        for (ServerProcess server : servers) {
            if (!server.awaitIdle(Duration.ofMinutes(3))) {
                log("  WARNING: " + server.name() + " still busy 3 minutes after " + workload.name()
                        + "; the next workload starts with its queue");
            }
        }
        log(String.format("  %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, RSS %s, non-2xx %d, socket errors %d",
                workload.name(), result.requestsPerSecond(), result.p50Millis(), result.p99Millis(),
                Report.megabytes(rss), result.non2xx(), result.socketErrors()));
        return new Measurement(result, parts, rss);
    }

    private static List<ServerProcess.CpuTime> cpuTimes(List<ServerProcess> servers) throws IOException {
        List<ServerProcess.CpuTime> times = new ArrayList<>();
        for (ServerProcess server : servers) {
            times.add(server.cpuTime());
        }
        return times;
    }

    /** The most CPU any one server's JIT used since {@code before}, in percent of one core. */
    private static int jitPercentOfCore(List<ServerProcess> servers, List<ServerProcess.CpuTime> before,
                                        int seconds) throws IOException {
        int most = 0;
        for (int index = 0; index < servers.size(); index++) {
            most = Math.max(most, servers.get(index).cpuTime().since(before.get(index)).jitPercentOfCore(seconds));
        }
        return most;
    }

    private List<List<String>> targets(List<ServerProcess> servers, Workload workload, Database database)
            throws IOException {
        List<List<String>> targets = new ArrayList<>();
        for (int index = 0; index < servers.size(); index++) {
            // The bare endpoint flips nothing; it walks the SQLite ids like any other.
            Database walked = database == null ? sqliteOf() : database;
            targets.add(wrkTarget(root, servers.get(index).baseUrl(), workload, token, options.users(),
                    walked.idsFile(), database == null ? work.resolve("bare-state") : walked.stateDirectory(),
                    2 * index));
        }
        return targets;
    }

    /**
     * What {@link Wrk#runTogether} needs for one server: its URL, the workload's script and the script's arguments;
     * W2 walks {@code ids} from slot {@code firstSlot} on and keeps where it stopped in {@code state}.
     */
    static List<String> wrkTarget(Path root, String baseUrl, Workload workload, String token, int users, Path ids,
                                  Path state, int firstSlot) throws IOException {
        List<String> target = new ArrayList<>(List.of(baseUrl,
                Wrk.script(root.resolve("bench"), workload.script()).toString(), ScimClient.SITE_BASE, token));
        switch (workload) {
            case W1 -> target.add(Integer.toString(users));
            case W2 -> {
                target.addAll(List.of(ids.toString(), state.toString(), Integer.toString(firstSlot)));
                Files.createDirectories(state);
            }
            case W3 -> {
            }
        }
        return target;
    }

    private Database sqliteOf() {
        return new Database("SQLite", "", work.resolve("sqlite-" + options.users()));
    }

    static void log(String line) {
        System.out.println("[bench " + LocalTime.now().format(CLOCK) + "] " + line);
    }

    /** A database Roster runs on: where it is, and the files the benchmark keeps beside it. */
    record Database(String label, String location, Path stateDirectory) {
        Path idsFile() {
            return stateDirectory.resolve("ids.txt");
        }
    }

    /** What was measured of one workload on one setup. */
    record Measurement(Wrk.Result result, List<Wrk.Result> parts, List<Long> rssBytes) {
        long rssTotal() {
            return rssBytes.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** One full pass over every setup. */
    record Run(int number, String loadBefore, String loadAfter, Map<Setup, Map<Workload, Measurement>> results) {
    }

    /** The servers measured, in the order of a run. */
    enum Setup {
        BARE("bare endpoint", "bare endpoint"),
        SQLITE("Roster, SQLite", "Roster on SQLite"),
        POSTGRES_ONE("Roster, PostgreSQL, 1 server", "Roster on PostgreSQL, one server"),
        POSTGRES_TWO("Roster, PostgreSQL, 2 servers", "Roster on PostgreSQL, two servers");

        final String label;
        final String logLine;

        Setup(String label, String logLine) {
            this.label = label;
            this.logLine = logLine;
        }
    }

    /** The issue's three workloads. */
    enum Workload {
        W1("w1-lookup.lua", "W1 `GET /Users?filter=userName eq \"…\"` (random hit)"),
        W2("w2-flip.lua", "W2 `PATCH /Users/{id}` replace `active` (a real flip each time)"),
        W3("w3-page.lua", "W3 `GET /Users?startIndex=1&count=100`");

        private final String script;
        final String label;

        Workload(String script, String label) {
            this.script = script;
            this.label = label;
        }

        String script() {
            return script;
        }
    }
}

package dev.roster.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bench/run-latency}: single-client latency of Roster on SQLite at two sizes (10k and 1M users by default),
 * each request alone on the wire, p50/p99 over {@code --requests} requests after {@code --warmup} of the same kind,
 * and the time from process start to the first 200 of a SCIM request on the existing database. Prints a Markdown
 * section for docs/benchmarks-http.md with the ratios of the largest size to the smallest.
 */
public final class LatencyBenchmark {

    private static final String ADMIN_PASSWORD = "bench-admin-password";
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern LAST_MODIFIED = Pattern.compile("\"lastModified\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SEEDED = Pattern.compile("Seeded (\\d+) demo users in site '\\S+' in (\\d+) s");

    private final Path work;
    private final int port;
    private final int requests;
    private final int warmup;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(12);

    private LatencyBenchmark(Path work, int port, int requests, int warmup) {
        this.work = work;
        this.port = port;
        this.requests = requests;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(10_000, 1_000_000);
        int requests = 300;
        int warmup = 100;
        int port = 18095;
        String command = "bench/run-latency";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Integer::valueOf).toList();
                case "--requests" -> requests = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--command" -> command = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LatencyBenchmark benchmark = new LatencyBenchmark(Path.of("bench/work"), port, requests, warmup);
        Map<Integer, Map<String, double[]>> results = new LinkedHashMap<>();
        Map<Integer, String> notes = new LinkedHashMap<>();
        for (int size : sizes) {
            results.put(size, benchmark.measure(size, notes));
            // Each size's figures as soon as they are known: a 1M run that is stopped keeps the 10k ones.
            results.get(size).forEach((name, p) -> log(String.format("%d users: %s: p50 %.1f ms, p99 %.1f ms", size,
                    name, p[0], p[1])));
        }
        System.out.println(report(command, sizes, results, notes));
    }

    private Map<String, double[]> measure(int size, Map<Integer, String> notes) throws Exception {
        Path database = work.resolve("latency-" + size + ".db").toAbsolutePath();
        Path log = work.resolve("logs/latency-" + size + ".log");
        String token;
        String seeding;
        try (ServerProcess seeder = start(size, database, log, Duration.ofHours(2), "listening on")) {
            awaitSeeded(seeder, log, size);
            Matcher seeded = SEEDED.matcher(Files.readString(log));
            seeding = seeded.find() ? "seeded " + seeded.group(1) + " users in " + seeded.group(2) + " s"
                    : "database already seeded";
            token = new ScimClient(seeder.baseUrl()).rotateToken(ADMIN_PASSWORD);
        }
        Instant launched = Instant.now();
        long startMillis;
        Map<String, double[]> latencies = new LinkedHashMap<>();
        try (ServerProcess server = start(size, database, log, Duration.ofMinutes(5), "")) {
            awaitOk(server.baseUrl() + ScimClient.SITE_BASE + "/Users?count=0", token);
            startMillis = Duration.between(launched, Instant.now()).toMillis();
            String base = server.baseUrl() + ScimClient.SITE_BASE + "/Users";
            log(size + " users: first 200 after " + startMillis + " ms; " + seeding);
            String far = cursorAQuarterIn(base, token, size);
            String since = lastModifiedOf(base, token, userName(size - 50));
            Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
            kinds.put("W1 `userName eq` (random hit)",
                    i -> base + "?filter=" + filter("userName eq \"" + userName(random.nextInt(size)) + "\""));
            kinds.put("W3 `startIndex=1&count=100`", i -> base + "?startIndex=1&count=100");
            kinds.put("`count=0` (totalResults only)", i -> base + "?count=0");
            kinds.put("cursor, first page of 100", i -> base + "?cursor&count=100");
            kinds.put("cursor, a page of 100 a quarter into the list", i -> base + "?cursor=" + far + "&count=100");
            kinds.put("`userName sw` (100 matches)", i -> base + "?filter=" + filter("userName sw \""
                    + String.format("demo.user.%05d", random.nextInt(Math.max(1, size / 100))) + "\""));
            kinds.put("`emails.value eq`", i -> base + "?filter=" + filter("emails.value eq \""
                    + userName(random.nextInt(size)) + "\""));
            kinds.put("`emails.value sw` (100 matches)", i -> base + "?filter=" + filter("emails.value sw \""
                    + String.format("demo.user.%05d", random.nextInt(Math.max(1, size / 100))) + "\""));
            kinds.put("`externalId eq` (no match: JIT users have none)", i -> base + "?filter="
                    + filter("externalId eq \"ext-" + random.nextInt(size) + "\""));
            kinds.put("`externalId sw` (no match)", i -> base + "?filter="
                    + filter("externalId sw \"ext-" + random.nextInt(size) + "\""));
            kinds.put("`active eq false` (none)", i -> base + "?filter=" + filter("active eq false") + "&count=100");
            kinds.put("`active eq true` (all; exact totalResults)", i -> base + "?filter="
                    + filter("active eq true") + "&count=100");
            kinds.put("`meta.lastModified gt` (the last ~50)", i -> base + "?filter="
                    + filter("meta.lastModified gt \"" + since + "\"") + "&count=100");
            latencies.putAll(time(kinds, token));
        }
        latencies.put("start to first 200 (existing database)", new double[] {startMillis, startMillis});
        notes.put(size, seeding);
        return latencies;
    }

    private ServerProcess start(int size, Path database, Path log, Duration patience, String readyLine)
            throws IOException, InterruptedException {
        List<String> command = List.of("java", "-Xmx1g", "-jar", work.resolve("jars/reference-server.jar").toString(),
                "--port", Integer.toString(port), "--db", database.toString(), "--seed-users", Integer.toString(size));
        return ServerProcess.start("Roster (" + size + " users)", port, command,
                Map.of("ROSTER_ADMIN_PASSWORD", ADMIN_PASSWORD), log, readyLine, patience);
    }

    private static void awaitSeeded(ServerProcess server, Path log, int size) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofHours(2));
        while (Instant.now().isBefore(deadline)) {
            String text = Files.readString(log);
            if (SEEDED.matcher(text).find() || text.contains("Roster reference server listening on")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(server.name() + " did not seed " + size + " users in time; see " + log);
    }

    private void awaitOk(String url, String token) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send(url, token).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(url + " never answered 200");
    }

    /**
     * p50 and p99 in ms of {@code requests} requests of each kind, after {@code warmup} of each. The kinds take turns,
     * one request each, so that load that drifts during the run shifts every kind alike: measured in blocks, one
     * after the other, a loaded run put {@code count=0} at 107 ms between lookups of 5 ms (docs/benchmarks-latency.md).
     */
    private Map<String, double[]> time(Map<String, IntFunction<String>> kinds, String token) throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (IntFunction<String> url : kinds.values()) {
                expectOk(url.apply(i), token);
            }
        }
        Map<String, long[]> nanos = new LinkedHashMap<>();
        kinds.keySet().forEach(name -> nanos.put(name, new long[requests]));
        for (int i = 0; i < requests; i++) {
            for (Map.Entry<String, IntFunction<String>> kind : kinds.entrySet()) {
                String next = kind.getValue().apply(i);
                long started = System.nanoTime();
                expectOk(next, token);
                nanos.get(kind.getKey())[i] = System.nanoTime() - started;
            }
        }
        Map<String, double[]> percentiles = new LinkedHashMap<>();
        nanos.forEach((name, times) -> {
            Arrays.sort(times);
            percentiles.put(name, new double[] {times[requests / 2] / 1e6,
                    times[(int) Math.min(requests - 1, requests * 0.99)] / 1e6});
        });
        return percentiles;
    }

    private String cursorAQuarterIn(String base, String token, int size) throws Exception {
        String cursor = "";
        // A cursor is bound to its query's count, so the walk pages by 100 as the measured page does.
        for (int seen = 0; seen < size / 4; seen += 100) {
            Matcher next = NEXT_CURSOR.matcher(expectOk(base + "?count=100&cursor=" + cursor, token));
            if (!next.find()) {
                throw new IllegalStateException("no nextCursor after " + seen + " users");
            }
            cursor = URLEncoder.encode(next.group(1), StandardCharsets.UTF_8);
        }
        return cursor;
    }

    private String lastModifiedOf(String base, String token, String userName) throws Exception {
        Matcher matcher = LAST_MODIFIED.matcher(expectOk(base + "?filter=" + filter("userName eq \"" + userName
                + "\""), token));
        if (!matcher.find()) {
            throw new IllegalStateException("no meta.lastModified for " + userName);
        }
        return matcher.group(1);
    }

    private String expectOk(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = send(url, token);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private HttpResponse<String> send(String url, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/scim+json").timeout(Duration.ofMinutes(2)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String userName(int number) {
        return String.format("demo.user.%07d@example.com", number);
    }

    private static String filter(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String report(String command, List<Integer> sizes, Map<Integer, Map<String, double[]>> results,
                                 Map<Integer, String> notes) throws IOException, InterruptedException {
        int small = sizes.get(0);
        int large = sizes.get(sizes.size() - 1);
        StringBuilder out = new StringBuilder();
        out.append("Single client, one request at a time, p50 / p99 in ms; ratio = p50 at ").append(large)
                .append(" / p50 at ").append(small).append(" users.\n\n| request |");
        for (int size : sizes) {
            out.append(' ').append(size).append(" users |");
        }
        out.append(" ratio |\n| --- |");
        sizes.forEach(size -> out.append(" ---: |"));
        out.append(" ---: |\n");
        for (String name : results.get(small).keySet()) {
            out.append("| ").append(name).append(" |");
            for (int size : sizes) {
                double[] p = results.get(size).get(name);
                out.append(String.format(" %.1f / %.1f |", p[0], p[1]));
            }
            out.append(String.format(" %.2f× |%n", results.get(large).get(name)[0]
                    / Math.max(0.001, results.get(small).get(name)[0])));
        }
        out.append("\nCommand: `").append(command).append("`; ");
        notes.forEach((size, note) -> out.append(size).append(" users: ").append(note).append("; "));
        out.append("at the end: ").append(Machine.uptime()).append(".\n\n").append(Machine.describe(""))
                .append('\n');
        return out.toString();
    }

    private static void log(String message) {
        System.err.println("[latency " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }
}

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SCIM load client: what an identity provider's sync does to Roster, from several workers at once, spread
 * over one or more servers (round robin per request). Each request is, at random, a {@code userName eq} lookup
 * (80 %) or a PATCH that flips {@code displayName} of the user it found (20 %), against the users that
 * {@code --seed-users N} created ({@code demo.user.0000001@example.com} …). Bounded: it stops after the duration.
 * JDK only, run from source (Java 17):
 *
 * <pre>
 * java load/ScimLoad.java --token TOKEN --users 10000 --workers 16 --seconds 30 \
 *      http://127.0.0.1:8081 http://127.0.0.1:8082
 * </pre>
 *
 * It prints requests per second, latency percentiles and the count of each status. Only loopback addresses are
 * accepted as targets.
 */
public final class ScimLoad {

    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"%s\"}]}";
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new ConcurrentHashMap<>();
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                servers.add(args[i].replaceAll("/$", ""));
            }
        }
        String token = required(options, "token");
        int users = Integer.parseInt(options.getOrDefault("users", "10000"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "16"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        String site = options.getOrDefault("site", "demo");
        if (servers.isEmpty()) {
            throw new IllegalArgumentException("name at least one server URL");
        }
        for (String server : servers) {
            String host = URI.create(server).getHost();
            if (!host.equals("localhost") && !host.startsWith("127.") && !host.equals("[::1]")) {
                throw new IllegalArgumentException("only loopback targets: " + server);
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicLong next = new AtomicLong();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<long[]> latencies = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            results.add(pool.submit(() -> {
                long[] micros = new long[1 << 20];
                int n = 0;
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < deadline && n < micros.length) {
                    String base = servers.get((int) (next.getAndIncrement() % servers.size())) + "/c/" + site
                            + "/auth/scim/v2";
                    String userName = String.format("demo.user.%07d@example.com", 1 + random.nextInt(users));
                    long t0 = System.nanoTime();
                    HttpResponse<String> found = send(client, HttpRequest.newBuilder(URI.create(base
                            + "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                            StandardCharsets.UTF_8))).header("Authorization", "Bearer " + token).GET().build());
                    micros[n++] = (System.nanoTime() - t0) / 1000;
                    count(statuses, found);
                    Matcher id = ID.matcher(found == null ? "" : found.body());
                    if (random.nextInt(5) == 0 && id.find() && n < micros.length) {
                        long t1 = System.nanoTime();
                        HttpResponse<String> patched = send(client, HttpRequest.newBuilder(URI.create(base
                                + "/Users/" + id.group(1))).header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/scim+json")
                                .method("PATCH", HttpRequest.BodyPublishers.ofString(String.format(PATCH,
                                        "Load " + random.nextInt(1_000_000)))).build());
                        micros[n++] = (System.nanoTime() - t1) / 1000;
                        count(statuses, patched);
                    }
                }
                return Arrays.copyOf(micros, n);
            }));
        }
        for (Future<long[]> result : results) {
            latencies.add(result.get());
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("servers %d, workers %d, %.1f s: %d requests, %.0f requests/s%n", servers.size(), workers,
                elapsed, all.length, all.length / elapsed);
        System.out.printf("latency ms: p50 %.1f, p90 %.1f, p99 %.1f, max %.1f%n", percentile(all, 50),
                percentile(all, 90), percentile(all, 99), all.length == 0 ? 0.0 : all[all.length - 1] / 1000.0);
        System.out.println("statuses: " + statuses);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            return null;
        }
    }

    private static void count(Map<Integer, AtomicLong> statuses, HttpResponse<String> response) {
        statuses.computeIfAbsent(response == null ? -1 : response.statusCode(), s -> new AtomicLong())
                .incrementAndGet();
    }

    private static double percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}

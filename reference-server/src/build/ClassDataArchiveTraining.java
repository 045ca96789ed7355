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
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trains the packaged server's class-data archive at {@code package} (ADR 055), as a single-file program the
 * build runs with the JDK's source launcher: starts the shaded jar on a throwaway database with
 * {@code -XX:ArchiveClassesAtExit}, sends it the requests an IdP and an admin send first, stops it (the JVM writes
 * the archive as it exits), then writes the argument file the README's start command reads: the heap options and
 * {@code -XX:SharedArchiveFile}. A server that does not start or answer fails the build with its log.
 *
 * <p>Arguments: the shaded jar, the heap options' file, the target directory.
 */
public class ClassDataArchiveTraining {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FIRST_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern FIRST_USER_NAME = Pattern.compile("\"userName\"\\s*:\\s*\"([^\"]+)\"");
    private static final String PASSWORD = "class-data-archive-training";
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String adminBasic = "Basic " + Base64.getEncoder()
            .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        List<String> heapOptions = options(Path.of(args[1]));
        Path target = Path.of(args[2]).toAbsolutePath();
        Path archive = target.resolve("reference-server.jsa");
        Path log = target.resolve("class-data-archive-training.log");
        Files.deleteIfExists(archive);
        Path scratch = Files.createTempDirectory("roster-cds-training");
        boolean trained = false;
        try {
            new ClassDataArchiveTraining().train(jar, heapOptions, archive, scratch.resolve("training.db"), log);
            if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
                throw new IllegalStateException("the JVM wrote no class-data archive at " + archive);
            }
            trained = true;
        } catch (Exception | AssertionError failure) {
            printFailure(failure.getMessage(), log);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        if (!trained) {
            System.exit(1); // after the finally: System.exit inside the try would leave the scratch database behind
        }
        List<String> argumentFile = new ArrayList<>();
        argumentFile.add("# Written by the build (ADR 055): the heap options of src/main/jvm/heap.jvmopts and the");
        argumentFile.add("# class-data archive trained on this very jar, which fits no other build of it.");
        argumentFile.addAll(heapOptions);
        argumentFile.add("\"-XX:SharedArchiveFile=" + archive.toString().replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"");
        Files.write(target.resolve("reference-server.jvmopts"), argumentFile, StandardCharsets.UTF_8);
    }

    /** One option per line; blank lines and whole-line {@code #} comments left out. */
    static List<String> options(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private void train(Path jar, List<String> heapOptions, Path archive, Path database, Path log) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(heapOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString(),
                "--host", "127.0.0.1", "--port", "0", "--db", database.toString(), "--seed-users", "20"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ROSTER_ADMIN_PASSWORD", PASSWORD);
        Process server = builder.start();
        try {
            exercise(awaitBaseUrl(server, log));
            server.destroy();
            if (!server.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the training server did not stop on SIGTERM");
            }
        } finally {
            if (server.isAlive()) {
                server.destroyForcibly().waitFor();
            }
        }
    }

    private static String awaitBaseUrl(Process server, Path log) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            Matcher listening = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
            if (listening.find()) {
                return listening.group(1);
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the training server exited with " + server.exitValue());
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the training server did not listen within " + PATIENCE);
    }

    /** The first requests of an IdP's and an admin's session: the classes they load go in the archive. */
    private void exercise(String baseUrl) throws Exception {
        send("GET", baseUrl + "/health", null, null, 200);
        send("GET", baseUrl + "/admin/api/sites", adminBasic, null, 200);
        String token = match(TOKEN, send("POST", baseUrl + "/c/demo/admin/api/scim-token", adminBasic, "", 200, 201));
        String bearer = "Bearer " + token;
        String scim = baseUrl + "/c/demo/auth/scim/v2";
        send("GET", scim + "/ServiceProviderConfig", bearer, null, 200);
        send("GET", scim + "/Users?count=0", bearer, null, 200);
        String page = send("GET", scim + "/Users?startIndex=1&count=10", bearer, null, 200);
        String id = match(FIRST_ID, page);
        String userName = match(FIRST_USER_NAME, page);
        send("GET", scim + "/Users?filter=" + URLEncoder.encode("userName eq \"" + userName + "\"",
                StandardCharsets.UTF_8), bearer, null, 200);
        send("GET", scim + "/Users/" + id, bearer, null, 200);
        for (boolean active : new boolean[] {false, true}) {
            send("PATCH", scim + "/Users/" + id, bearer, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:"
                    + "PatchOp\"],\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]}", 200);
        }
        send("POST", scim + "/Users", bearer, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"cds.training@example.com\",\"externalId\":\"cds-training\",\"active\":true}", 201);
        send("GET", scim + "/Users?filter=userName%20eq%20%22nobody%22", "Bearer wrong", null, 401);
    }

    private String send(String method, String url, String authorization, String body, int... expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                + response.body());
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + pattern + " in " + text);
        }
        return matcher.group(1);
    }

    private static void printFailure(String why, Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        System.err.println("Class-data archive training failed: " + why);
        System.err.println("Last lines of " + log + ":");
        lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.err::println);
    }
}

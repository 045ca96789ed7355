package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.server.support.ProcessOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two processes of the packaged {@code reference-server.jar} on one PostgreSQL database, configured as an operator
 * would (the database in {@code ROSTER_DB}, its user and password in {@code ROSTER_DB_USER} and
 * {@code ROSTER_DB_PASSWORD}): the first creates the demo site and shows its token, the second shows none; then one
 * is killed with SIGKILL while both take writes, and every write either server acknowledged is there.
 */
class TwoServerProcessesIT {

    private static final Path JAR = Path.of("target", "reference-server.jar");
    private static final Pattern LISTENING =
            Pattern.compile("Roster reference server is listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String TOKEN_HEADING = "SCIM bearer token for site 'demo'";
    private static final String ADMIN_PASSWORD = "two-processes";

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process process : processes) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aServerKilledUnderLoadLosesNoAcknowledgedWrite() throws Exception {
        TestPostgres.PasswordDatabase database = TestPostgres.newSchemaOfPasswordUser();
        Started first = start(database);
        Started second = start(database);
        assertThat(first.output()).anyMatch(line -> line.contains(TOKEN_HEADING));
        assertThat(second.output()).noneMatch(line -> line.contains(TOKEN_HEADING))
                .anyMatch(line -> line.contains("Lost the token?"));
        assertThat(String.join("\n", first.output()) + String.join("\n", second.output()))
                .as("the database password is never printed").doesNotContain(database.password());
        String token = first.token();
        List<String> bases = List.of(first.baseUrl() + "/c/demo/auth/scim/v2",
                second.baseUrl() + "/c/demo/auth/scim/v2");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger sent = new AtomicInteger();
        CountDownLatch enoughAcknowledged = new CountDownLatch(60);
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < 6; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        String userName = "load-" + writer + "-" + i + "@example.com";
                        String base = bases.get((writer + i) % 2);
                        sent.incrementAndGet();
                        if (created(base, token, userName)) {
                            acknowledged.add(userName);
                            enoughAcknowledged.countDown();
                        }
                    }
                }));
            }
            assertThat(enoughAcknowledged.await(2, TimeUnit.MINUTES)).as("writes acknowledged before the kill")
                    .isTrue();
            first.process().destroyForcibly();
            assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdownNow();
        }

        assertThat(first.process().exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(acknowledged.size()).as("some writes were refused with the first server gone")
                .isLessThan(sent.get()).isGreaterThanOrEqualTo(60);
        for (String userName : acknowledged) {
            var found = call("GET", bases.get(1) + "/Users?filter=" + URLEncoder.encode(
                    "userName eq \"" + userName + "\"", StandardCharsets.UTF_8)).bearer(token).send().expect(200);
            assertThat(found.path("totalResults").asInt()).as(userName).isEqualTo(1);
            assertThat(found.path("Resources").get(0).path("emails").get(0).path("value").asText())
                    .as("the user and its email rows were written together").isEqualTo(userName);
        }
    }

    /** A POST either server may or may not get to answer; true only for a 201. */
    private static boolean created(String base, String token, String userName) {
        try {
            return call("POST", base + "/Users").bearer(token)
                    .json("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\""
                            + userName + "\",\"emails\":[{\"value\":\"" + userName + "\",\"primary\":true}]}")
                    .send().status() == 201;
        } catch (UncheckedIOException refusedOrCut) {
            return false;
        }
    }

    private Started start(TestPostgres.PasswordDatabase database) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "--port", "0", "--creation-policy", "allow");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ROSTER_DB", database.url());
        builder.environment().put("ROSTER_DB_USER", database.user());
        builder.environment().put("ROSTER_DB_PASSWORD", database.password());
        builder.environment().put("ROSTER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        Process process = builder.start();
        processes.add(process);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String baseUrl = null;
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                baseUrl = listening.group(1);
            }
            if (baseUrl != null && line.startsWith("  Admin page:")) {
                // The rest of the banner follows; read up to the line after it.
                while ((line = output.readLine()) != null && !line.contains("RosterApplication")) {
                    lines.add(line);
                }
                break;
            }
        }
        assertThat(baseUrl).as("listening line in %s", lines).isNotNull();
        ProcessOutput.drainInBackground(output);
        return new Started(process, baseUrl, lines);
    }

    private record Started(Process process, String baseUrl, List<String> output) {

        String token() {
            for (int i = 0; i < output.size() - 1; i++) {
                if (output.get(i).contains(TOKEN_HEADING)) {
                    return output.get(i + 1).strip();
                }
            }
            throw new AssertionError("no token in " + output);
        }
    }
}

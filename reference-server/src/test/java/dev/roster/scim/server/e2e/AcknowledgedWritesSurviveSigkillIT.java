package dev.roster.scim.server.e2e;

import static dev.roster.scim.server.e2e.Http.call;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every write the server acknowledged is on disk when the process is killed without warning: the packaged jar is
 * started, takes SSO sign-ins, SCIM deactivations and a token rotation, and is sent SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) right after the last 2xx — no shutdown hook, no close. A new process
 * on the same database file must show every one of those writes.
 */
class AcknowledgedWritesSurviveSigkillIT {

    private static final Path JAR = Path.of("target", "reference-server.jar");
    private static final Pattern LISTENING =
            Pattern.compile("Roster reference server is listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final int USERS = 8;

    @TempDir
    Path directory;

    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyAcknowledgedWriteIsThereAfterAKillAndARestart() throws Exception {
        Path database = directory.resolve("killed.db");
        Started first = start(database);
        String base = first.baseUrl() + "/c/demo/auth/scim/v2";
        String oldToken = first.token().orElseThrow(() -> new AssertionError("no token on the first start"));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            ids.add(call("POST", first.baseUrl() + "/c/demo/sso/sign-in").admin().header("Content-Type",
                    "application/json").json("{\"userName\":\"" + userName(i) + "\"}").send().expect(201)
                    .path("id").asText());
        }
        for (String id : ids.subList(0, USERS / 2)) {
            call("PATCH", base + "/Users/" + id).bearer(oldToken).json(deactivation()).send().expect(200);
        }
        String newToken = call("POST", first.baseUrl() + "/c/demo/admin/api/scim-token").admin()
                .header("Content-Type", "application/json").send().expect(201).path("token").asText();
        for (String id : ids.subList(USERS / 2, USERS)) {
            call("PATCH", base + "/Users/" + id).bearer(newToken).json(deactivation()).send().expect(200);
        }
        call("POST", first.baseUrl() + "/c/demo/sso/sign-in").admin().header("Content-Type", "application/json")
                .json("{\"userName\":\"last@example.com\"}").send().expect(201);
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("killed").isTrue();
        assertThat(process.exitValue()).as("exit status of SIGKILL").isEqualTo(128 + 9);

        Started second = start(database);
        assertThat(second.token()).as("a restart prints no new token").isEmpty();
        String after = second.baseUrl() + "/c/demo/auth/scim/v2";
        call("GET", after + "/Users").bearer(oldToken).send().expectScimError(401, null);
        for (int i = 0; i < USERS; i++) {
            JsonNode user = call("GET", after + "/Users/" + ids.get(i)).bearer(newToken).send().expect(200);
            assertThat(user.path("userName").asText()).isEqualTo(userName(i));
            assertThat(user.path("active").asBoolean()).as("%s deactivated", userName(i)).isFalse();
        }
        JsonNode last = call("GET", after + "/Users?filter=" + URLEncoder.encode("userName eq \"last@example.com\"",
                StandardCharsets.UTF_8)).bearer(newToken).send().expect(200);
        assertThat(last.path("totalResults").asInt()).as("the last sign-in").isEqualTo(1);
        JsonNode audit = call("GET", second.baseUrl() + "/c/demo/admin/api/audit?limit=500").admin().send()
                .expect(200).path("records");
        List<String> userRecords = new ArrayList<>();
        List<String> siteRecords = new ArrayList<>();
        audit.forEach(record -> (record.path("userId").asText().isEmpty() ? siteRecords : userRecords)
                .add(record.path("action").asText()));
        assertThat(userRecords).as("one record per sign-in and per deactivation").hasSize(2 * USERS + 1);
        // Newest first: the rotation's record survived too, after the demo site's settings and first token.
        assertThat(siteRecords).containsExactly("token-rotated", "token-created", "settings");
    }

    private static String userName(int i) {
        return "killed" + i + "@example.com";
    }

    private static String deactivation() {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\","
                + "\"value\":false}]}";
    }

    private record Started(String baseUrl, Optional<String> token) {
    }

    /** Starts the jar on the database and reads its banner: the URL, and the demo token if it prints one. */
    private Started start(Path database) throws IOException {
        assertThat(JAR).as("the shaded jar is built by 'package'").exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toAbsolutePath().toString(), "--port", "0", "--db", database.toString())
                .redirectErrorStream(true);
        builder.environment().put("ROSTER_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
        process = builder.start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>();
        String baseUrl = null;
        Optional<String> token = Optional.empty();
        boolean tokenFollows = false;
        String line;
        while ((line = output.readLine()) != null) {
            lines.add(line);
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                baseUrl = listening.group(1);
            } else if (line.contains("SCIM bearer token for site 'demo'")) {
                tokenFollows = true;
            } else if (tokenFollows && !line.isBlank()) {
                token = Optional.of(line.strip());
                tokenFollows = false;
            } else if (line.contains(" INFO ") && line.contains("listening on")) {
                break;
            }
        }
        assertThat(baseUrl).as("listening line in %s", lines).isNotNull();
        ProcessOutput.drainInBackground(output);
        return new Started(baseUrl, token);
    }
}

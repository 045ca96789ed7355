package dev.roster.scim.server.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.roster.scim.server.support.JsonPaths;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Replays the recorded-shape IdP traffic of {@code src/test/resources/idp/} against a real reference server over
 * HTTP: each folder is one scenario on a fresh site, its fixtures run in order (docs/idp/fixture-format.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdpReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}]+)}}");
    private static final Path FIXTURES = Path.of("src/test/resources/idp");

    @TempDir
    static Path dataDirectory;

    private TestServer server;

    @BeforeAll
    void startServer() {
        server = start();
    }

    /** On a SQLite file; PostgresIdpReplayTest runs every case on PostgreSQL. */
    TestServer start() {
        return TestServer.start(dataDirectory.resolve("replay.db"));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @TestFactory
    Stream<DynamicContainer> everyIdpScenarioReplaysGreen() throws IOException {
        try (Stream<Path> folders = Files.list(FIXTURES)) {
            List<Path> scenarios = folders.filter(Files::isDirectory).sorted().toList();
            assertThat(scenarios).isNotEmpty();
            return scenarios.stream().map(this::scenario);
        }
    }

    private DynamicContainer scenario(Path folder) {
        Scenario scenario = new Scenario(folder.getFileName().toString());
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> fixtures = files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
            return DynamicContainer.dynamicContainer(scenario.name, fixtures.stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> scenario.run(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One folder's state: its site, token and captured values. */
    private final class Scenario {
        private final String name;
        private final Map<String, String> values = new HashMap<>();
        private boolean failed;

        Scenario(String name) {
            this.name = name;
        }

        void run(Path file) throws IOException {
            if (failed) {
                fail("an earlier step of scenario '" + name + "' failed, so this one cannot run");
            }
            if (!values.containsKey("site")) {
                String site = "replay-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
                values.put("site", site);
                values.put("token", server.createScimReadySite(site));
            }
            try {
                replay(JSON.readTree(file.toFile()));
            } catch (AssertionError | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        private void replay(JsonNode fixture) throws IOException {
            JsonNode request = fixture.path("request");
            String method = request.path("method").asText();
            String path = substitute(request.path("path").asText());
            String target = path.startsWith("/c/" + values.get("site") + "/") || path.startsWith("/admin/")
                    ? path : "/c/" + values.get("site") + "/auth/scim/v2" + path;
            Map<String, String> headers = new LinkedHashMap<>();
            request.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), substitute(h.getValue().asText())));
            switch (request.path("auth").asText("scim")) {
                case "scim" -> headers.put("Authorization", "Bearer " + values.get("token"));
                case "admin" -> headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + server.adminPassword()).getBytes(StandardCharsets.UTF_8)));
                case "none", "raw" -> { }
                default -> fail("unknown auth " + request.path("auth"));
            }
            byte[] body = new byte[0];
            if (request.has("body")) {
                body = JSON.writeValueAsBytes(substitute(request.get("body")));
            } else if (request.has("rawBody")) {
                body = substitute(request.get("rawBody").asText()).getBytes(StandardCharsets.UTF_8);
            }

            RawHttp.Response response = RawHttp.send(server.host(), server.port(), method, target, headers, body);

            String context = method + " " + target + " -> " + response.status() + " " + response.bodyText();
            JsonNode expect = fixture.path("expect");
            assertStatus(expect.path("status"), response.status(), context);
            expect.path("headers").fields().forEachRemaining(h -> {
                String expected = substitute(h.getValue().asText());
                String actual = response.header(h.getKey()).orElse("");
                if (h.getKey().equalsIgnoreCase("Content-Type")) {
                    assertThat(actual.toLowerCase(Locale.ROOT)).as("%s header of %s", h.getKey(), context)
                            .startsWith(expected.toLowerCase(Locale.ROOT));
                } else {
                    assertThat(actual).as("%s header of %s", h.getKey(), context).startsWith(expected);
                }
            });
            JsonNode responseBody = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            for (JsonNode assertion : expect.path("json")) {
                check(responseBody, assertion, context);
            }
            fixture.path("capture").fields().forEachRemaining(capture -> {
                JsonNode value = JsonPaths.at(responseBody, capture.getValue().asText());
                assertThat(value.isMissingNode()).as("capture %s from %s", capture.getValue(), context).isFalse();
                values.put(capture.getKey(), value.asText());
            });
        }

        private void check(JsonNode body, JsonNode assertion, String context) {
            String path = assertion.path("path").asText();
            JsonNode actual = JsonPaths.at(body, path);
            String what = path + " in " + context;
            if (assertion.has("equals")) {
                JsonNode expected = substitute(assertion.get("equals"));
                if (expected.isNumber() && actual.isNumber()) {
                    assertThat(actual.decimalValue()).as(what).isEqualByComparingTo(expected.decimalValue());
                } else {
                    assertThat(actual).as(what).isEqualTo(expected);
                }
            } else if (assertion.has("contains")) {
                assertThat(actual.asText()).as(what).contains(substitute(assertion.get("contains").asText()));
            } else if (assertion.path("present").asBoolean(false)) {
                assertThat(actual.isMissingNode() || actual.isNull()).as(what + " is present").isFalse();
            } else if (assertion.path("absent").asBoolean(false)) {
                assertThat(actual.isMissingNode()).as(what + " is absent").isTrue();
            } else if (assertion.has("size")) {
                assertThat(actual.isArray()).as(what + " is an array").isTrue();
                assertThat(actual.size()).as(what).isEqualTo(assertion.get("size").asInt());
            } else {
                fail("assertion without a check: " + assertion);
            }
        }

        private static void assertStatus(JsonNode expected, int actual, String context) {
            if (expected.isArray()) {
                List<Integer> allowed = new java.util.ArrayList<>();
                expected.forEach(status -> allowed.add(status.asInt()));
                assertThat(actual).as(context).isIn(allowed);
            } else {
                assertThat(actual).as(context).isEqualTo(expected.asInt());
            }
        }

        private JsonNode substitute(JsonNode node) {
            if (node.isTextual()) {
                return TextNode.valueOf(substitute(node.asText()));
            }
            if (node.isObject()) {
                ObjectNode copy = JSON.createObjectNode();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                fields.forEachRemaining(field -> copy.set(field.getKey(), substitute(field.getValue())));
                return copy;
            }
            if (node.isArray()) {
                ArrayNode copy = JSON.createArrayNode();
                node.forEach(element -> copy.add(substitute(element)));
                return copy;
            }
            return node;
        }

        private String substitute(String text) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String key = matcher.group(1);
                String value = key.equals("randomGuid") ? UUID.randomUUID().toString() : values.get(key);
                if (value == null) {
                    fail("placeholder {{" + key + "}} has no value in scenario '" + name + "'");
                }
                matcher.appendReplacement(result, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(result);
            return result.toString();
        }
    }
}

package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.http.HttpLimits;
import dev.roster.scim.server.support.LogCapture;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * Requests that never reach a SCIM resource — broken below JAX-RS, in the request line, the headers or the body
 * framing — still get a SCIM Error with the right 4xx, nothing of the server's internals in the body, and at most
 * one WARN line without a stack trace in the log. Raw sockets, since a client library would not send them.
 */
class MalformedRequestsTest {

    private static final String USERS = "/c/raw/auth/scim/v2/Users";
    private static final String JSON_TYPE = "Content-Type: application/scim+json\r\n";

    // A short head deadline: the rest of a refused body gets that long before the connection closes.
    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("raw.db").withSite("raw").withLimits(HttpLimits
            .defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(30)));

    private static TestServer server;
    private static String token;
    private static String userId;
    private static LogCapture log;

    @BeforeAll
    static void startServer() {
        server = scim.server();
        token = scim.token();
        userId = server.admin("POST", "/c/raw/sso/sign-in", "{\"userName\":\"ray@example.com\","
                + "\"email\":\"ray@example.com\",\"givenName\":\"Ray\",\"familyName\":\"Oh\"}", 201)
                .path("id").asText();
        log = LogCapture.start();
    }

    @AfterAll
    static void stopServer() {
        log.close();
    }

    @BeforeEach
    void clearLog() {
        log.clear();
    }

    static Stream<Arguments> malformedRequests() {
        String auth = "Authorization: Bearer %TOKEN%\r\n";
        String big = "a".repeat(70_000);
        return Stream.of(
                Arguments.of("placeholder pasted from the README", 400,
                        "GET " + USERS + "/<id> HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                Arguments.of("bad percent escape", 400, "GET " + USERS + "/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                Arguments.of("percent sign at the end", 400, "GET /health% HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                Arguments.of("bad escape in the query", 400,
                        "GET " + USERS + "?filter=%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                Arguments.of("control character in the path", 400, "GET /he\u0001alth HTTP/1.1\r\nHost: x\r\n\r\n"),
                Arguments.of("malformed Accept", 400,
                        "GET " + USERS + " HTTP/1.1\r\nHost: localhost\r\n" + auth + "Accept: ///\r\n\r\n"),
                Arguments.of("malformed Accept on the admin API", 400,
                        "GET /c/raw/admin/api/settings HTTP/1.1\r\nHost: localhost\r\nAccept: a/b;q=x\r\n\r\n"),
                Arguments.of("malformed Content-Type", 400, "POST " + USERS + "/.search HTTP/1.1\r\nHost: localhost\r\n"
                        + auth + "Content-Type: ;;;\r\nContent-Length: 2\r\n\r\n{}"),
                Arguments.of("malformed If-None-Match", 400, "GET " + USERS + "/%USER% HTTP/1.1\r\nHost: localhost\r\n"
                        + auth + "If-None-Match: garbage\"\r\n\r\n"),
                Arguments.of("oversized headers", 431, "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: " + big
                        + "\r\n\r\n"),
                Arguments.of("too many headers", 431, "GET /health HTTP/1.1\r\nHost: localhost\r\n"
                        + "X-A: b\r\n".repeat(120) + "\r\n"),
                Arguments.of("oversized URL", 414, "GET /health?" + big + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                Arguments.of("Content-Length not a number", 400, "POST " + USERS + "/.search HTTP/1.1\r\n"
                        + "Host: localhost\r\n" + JSON_TYPE + "Content-Length: abc\r\n\r\n{}"),
                Arguments.of("negative Content-Length", 400, "POST " + USERS + "/.search HTTP/1.1\r\n"
                        + "Host: localhost\r\n" + JSON_TYPE + "Content-Length: -2\r\n\r\n{}"),
                Arguments.of("conflicting Content-Lengths", 400, "POST " + USERS + "/.search HTTP/1.1\r\n"
                        + "Host: localhost\r\n" + JSON_TYPE + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{} "),
                Arguments.of("Content-Length with Transfer-Encoding", 400, "POST " + USERS + "/.search HTTP/1.1\r\n"
                        + "Host: localhost\r\n" + JSON_TYPE + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "2\r\n{}\r\n0\r\n\r\n"),
                Arguments.of("a body on a GET", 400, "GET /health HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Length: 5\r\n\r\nhello"),
                Arguments.of("unknown transfer coding", 501, "POST " + USERS + "/.search HTTP/1.1\r\n"
                        + "Host: localhost\r\n" + JSON_TYPE + "Transfer-Encoding: gzip\r\n\r\n{}"),
                Arguments.of("malformed chunk size", 400, "POST " + USERS + "/.search HTTP/1.1\r\nHost: localhost\r\n"
                        + auth + JSON_TYPE + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
                Arguments.of("declared body over 1 MiB", 413, "POST " + USERS + "/.search HTTP/1.1\r\n"
                        + "Host: localhost\r\n" + auth + JSON_TYPE + "Content-Length: 2000000\r\n\r\n{"),
                Arguments.of("chunked body over 1 MiB", 413, "POST " + USERS + "/.search HTTP/1.1\r\nHost: localhost\r\n"
                        + auth + JSON_TYPE + "Transfer-Encoding: chunked\r\n\r\n"
                        + ("8000\r\n" + " ".repeat(0x8000) + "\r\n").repeat(33)),
                Arguments.of("body over 1 MiB announced with Expect: 100-continue", 413, "POST " + USERS
                        + "/.search HTTP/1.1\r\nHost: localhost\r\n" + auth + JSON_TYPE
                        + "Expect: 100-continue\r\nContent-Length: 2000000\r\n\r\n"),
                Arguments.of("unknown expectation", 417, "POST " + USERS + "/.search HTTP/1.1\r\nHost: localhost\r\n"
                        + auth + JSON_TYPE + "Expect: a-pony\r\nContent-Length: 2\r\n\r\n"),
                Arguments.of("no Host", 400, "GET /health HTTP/1.1\r\n\r\n"),
                Arguments.of("two Hosts", 400, "GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
                Arguments.of("malformed Host", 400, "GET /health HTTP/1.1\r\nHost: a b/c\r\n\r\n"),
                Arguments.of("HTTP/2 request line", 505, "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"),
                Arguments.of("unknown HTTP version", 505, "GET /health HTTP/9.9\r\nHost: localhost\r\n\r\n"),
                Arguments.of("space before the colon", 400, "GET /health HTTP/1.1\r\nHost : localhost\r\n\r\n"),
                Arguments.of("control character in a header", 400,
                        "GET /health HTTP/1.1\r\nHost: localhost\r\nX-A: b\u0001c\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("malformedRequests")
    void isRefusedWithAScimErrorAndOneWarning(String what, int status, String request) throws Exception {
        byte[] bytes = request.replace("%TOKEN%", token).replace("%USER%", userId)
                .getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Response response = RawHttp.sendExactly(server.host(), server.port(), bytes);

        assertThat(response.status()).as(what).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(what)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/scim+json"));
        String body = response.bodyText();
        assertThat(body).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("at dev.")
                .doesNotContainIgnoringCase("<html");
        JsonNode error = Http.JSON.readTree(body);
        assertThat(error.path("schemas").get(0).asText()).isEqualTo(Http.ERROR_SCHEMA);
        assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
        assertThat(error.path("detail").asText()).isNotBlank();
        assertLoggedAtMostOneWarningWithoutStackTrace(what);
    }

    @Test
    void anUploadCutOffByTheClientLogsOneWarningAndNoStackTrace() throws Exception {
        try (Socket socket = new Socket(server.host(), server.port())) {
            socket.getOutputStream().write(("POST " + USERS + "/.search HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\n" + JSON_TYPE + "Content-Length: 100\r\n\r\n"
                    + "{\"filter\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Thread.sleep(200);
        }
        awaitQuiet();
        assertLoggedAtMostOneWarningWithoutStackTrace("cut-off upload");
        Http.call("GET", server.baseUrl() + "/health").send().expect(200);
    }

    /** A server of its own, whose minute has logged nothing yet: 60 refusals are exactly 30 lines. */
    @Test
    void aFloodOfBadRequestsIsNotAFloodOfLogLines() throws InterruptedException {
        try (TestServer flooded = TestServer.start(scim.directory().resolve("flood.db"))) {
            log.clear();
            for (int i = 0; i < 60; i++) {
                RawHttp.sendExactly(flooded.host(), flooded.port(),
                        "GET /<id> HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            awaitQuiet();
            assertThat(log.warnings()).hasSize(30)
                    .allSatisfy(line -> assertThat(line.getFormattedMessage()).startsWith("Refused a request from"));
        }
    }

    private static void assertLoggedAtMostOneWarningWithoutStackTrace(String what) throws InterruptedException {
        awaitQuiet();
        List<ILoggingEvent> warnings = log.warnings();
        assertThat(log.withStackTraces()).as(what + ": stack traces logged").isEmpty();
        assertThat(warnings).as(what + ": WARN lines " + warnings).hasSizeLessThanOrEqualTo(1);
    }

    /** Gives the server's threads a moment to log what they log about a request already answered. */
    private static void awaitQuiet() throws InterruptedException {
        Thread.sleep(Duration.ofMillis(300).toMillis());
    }
}

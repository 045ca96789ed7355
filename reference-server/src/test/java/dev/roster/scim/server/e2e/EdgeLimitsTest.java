package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.ScimReadyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP edge's size limits, at the production values ({@code HttpLimits.defaults()}), on both sides of each:
 * what is just within is served, one byte or one field more is refused with a SCIM Error. Raw sockets, so the
 * request is exactly as many bytes as the test says.
 */
class EdgeLimitsTest {

    @RegisterExtension
    static final ScimReadyServer scim = ScimReadyServer.onSqlite("edge.db").withSite("edge");

    private static final int HEAD_LIMIT = 64 * 1024;
    private static final int BODY_LIMIT = 1024 * 1024;
    private static final String SEARCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],"
            + "\"count\":0}";

    @Test
    void aRequestHeadOf64KiBIsServedAndOneByteMoreIs431() {
        assertThat(send(headOf(HEAD_LIMIT, "X-Padding: ")).status()).isEqualTo(200);
        assertRefused(send(headOf(HEAD_LIMIT + 1, "X-Padding: ")), 431);
    }

    @Test
    void aRequestLineMayFillTheHeadButOneThatDoesNotEndWithinItIs414() {
        assertThat(send(headOf(HEAD_LIMIT, null)).status()).as("the head's 64 KiB spent on the URL").isEqualTo(200);

        String prefix = "GET /health?";
        String suffix = " HTTP/1.1";
        // With its CR, a line of 65,535 bytes reaches the limit before it ends.
        String line = prefix + "a".repeat(HEAD_LIMIT - 1 - prefix.length() - suffix.length()) + suffix;
        assertRefused(send(line + "\r\nHost: localhost\r\nConnection: close\r\n\r\n"), 414);
    }

    @Test
    void aHundredHeaderFieldsAreServedAndOneMoreIs431() {
        // Host and Connection are two of them.
        assertThat(send(withFields(98)).status()).isEqualTo(200);
        assertRefused(send(withFields(99)), 431);
    }

    @Test
    void aDeclaredBodyOfOneMebibyteIsReadAndOneByteMoreIs413() {
        String body = SEARCH + " ".repeat(BODY_LIMIT - SEARCH.length());
        RawHttp.Response read = send(search("Content-Length: " + BODY_LIMIT + "\r\n", body));
        assertThat(read.status()).as(read.bodyText()).isEqualTo(200);

        RawHttp.Response refused = send(search("Content-Length: " + (BODY_LIMIT + 1) + "\r\n", body + " "));
        assertThat(assertRefused(refused, 413).path("detail").asText()).contains("1048576 bytes");
    }

    @Test
    void aChunkedBodyOfOneMebibyteIsReadAndOneByteMoreIs413() {
        String body = SEARCH + " ".repeat(BODY_LIMIT - SEARCH.length());
        RawHttp.Response read = send(search("Transfer-Encoding: chunked\r\n", chunked(body)));
        assertThat(read.status()).as(read.bodyText()).isEqualTo(200);

        RawHttp.Response refused = send(search("Transfer-Encoding: chunked\r\n", chunked(body + " ")));
        assertThat(assertRefused(refused, 413).path("detail").asText()).contains("1048576 bytes");
    }

    @Test
    @Timeout(60)
    void aConnectionCarriesAThousandRequestsAndIsClosedAfterTheLast() throws IOException {
        try (Socket socket = new Socket(scim.server().host(), scim.server().port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int request = 1; request <= 1000; request++) {
                out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = RawHttp.readHead(in);
                assertThat(head).as("answer %d", request).startsWith("HTTP/1.1 200");
                in.readNBytes(RawHttp.contentLength(head));
                if (request < 1000) {
                    assertThat(head).as("answer %d", request).doesNotContainIgnoringCase("connection: close");
                } else {
                    assertThat(head).as("the thousandth answer").containsIgnoringCase("connection: close");
                }
            }
            assertThat(in.read()).as("the server closed the connection after 1000 requests").isEqualTo(-1);
        }
    }

    /**
     * A GET of {@code /health} whose head — request line, headers and the blank line — is exactly {@code size}
     * bytes, padded in a header field that starts with {@code paddingField}, or in the query string if it is null.
     */
    private static String headOf(int size, String paddingField) {
        String rest = "Host: localhost\r\nConnection: close\r\n";
        String shortest = paddingField == null
                ? "GET /health? HTTP/1.1\r\n" + rest + "\r\n"
                : "GET /health HTTP/1.1\r\n" + rest + paddingField + "\r\n\r\n";
        String padding = "a".repeat(size - shortest.length());
        String head = paddingField == null
                ? "GET /health?" + padding + " HTTP/1.1\r\n" + rest + "\r\n"
                : "GET /health HTTP/1.1\r\n" + rest + paddingField + padding + "\r\n\r\n";
        assertThat(head).hasSize(size);
        return head;
    }

    private static String withFields(int extra) {
        return "GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + "X-A: b\r\n".repeat(extra) + "\r\n";
    }

    private static String search(String framing, String body) {
        return "POST /c/edge/auth/scim/v2/Users/.search HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                + "Authorization: Bearer " + scim.token() + "\r\nContent-Type: application/scim+json\r\n"
                + framing + "\r\n"
                + body;
    }

    private static String chunked(String body) {
        StringBuilder chunks = new StringBuilder();
        for (int start = 0; start < body.length(); start += 0x8000) {
            String chunk = body.substring(start, Math.min(body.length(), start + 0x8000));
            chunks.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        return chunks.append("0\r\n\r\n").toString();
    }

    private static RawHttp.Response send(String request) {
        return RawHttp.sendExactly(scim.server().host(), scim.server().port(),
                request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static JsonNode assertRefused(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.bodyText()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/scim+json"));
        try {
            JsonNode error = Http.JSON.readTree(response.body());
            assertThat(error.path("schemas").get(0).asText()).isEqualTo(Http.ERROR_SCHEMA);
            assertThat(error.path("status").asText()).isEqualTo(Integer.toString(status));
            return error;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.bodyText(), e);
        }
    }
}

package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.support.LogCapture;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * While the server drains in-flight requests on shutdown (up to 10 s), a request that arrives on a connection
 * still open is refused by Grizzly itself, with its error page — the one place outside the edge's own code where
 * Grizzly answers a request from outside. That answer is a SCIM Error, not Grizzly's HTML page.
 */
class ShutdownTest {

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(60)
    void aRequestArrivingWhileTheServerDrainsGetsAScim503() throws Exception {
        TestServer server = TestServer.start(dataDirectory.resolve("shutdown.db"));
        String token = server.createScimReadySite("drain");
        try (LogCapture log = LogCapture.start();
             Socket idle = new Socket(server.host(), server.port());
             Socket inFlight = new Socket(server.host(), server.port())) {
            idle.setSoTimeout(20_000);
            OutputStream idleOut = idle.getOutputStream();
            InputStream idleIn = new BufferedInputStream(idle.getInputStream());
            idleOut.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            idleOut.flush();
            String first = RawHttp.readHead(idleIn);
            assertThat(first).startsWith("HTTP/1.1 200");
            idleIn.readNBytes(RawHttp.contentLength(first));

            // A request whose body is still coming: the server waits for it before it stops.
            String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"]}";
            OutputStream inFlightOut = inFlight.getOutputStream();
            inFlightOut.write(("POST /c/drain/auth/scim/v2/Users/.search HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/scim+json\r\n"
                    + "Content-Length: " + body.length() + "\r\n\r\n" + body.substring(0, 10))
                    .getBytes(StandardCharsets.US_ASCII));
            inFlightOut.flush();
            Thread.sleep(300);

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            Thread.sleep(500);
            assertThat(stopping).as("the server waits for the request in flight").isNotDone();

            idleOut.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            idleOut.flush();
            String head = RawHttp.readHead(idleIn);
            String answer = new String(idleIn.readNBytes(RawHttp.contentLength(head)), StandardCharsets.UTF_8);

            assertThat(head).startsWith("HTTP/1.1 503").containsIgnoringCase("content-type: application/scim+json");
            assertThat(answer).doesNotContainIgnoringCase("<html").doesNotContain("Exception");
            JsonNode error = Http.JSON.readTree(answer);
            assertThat(error.path("schemas").get(0).asText()).isEqualTo(Http.ERROR_SCHEMA);
            assertThat(error.path("status").asText()).isEqualTo("503");
            assertThat(error.path("detail").asText()).contains("shutting down");

            inFlightOut.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            inFlightOut.flush();
            assertThat(RawHttp.readHead(new BufferedInputStream(inFlight.getInputStream())))
                    .as("the request in flight is finished").startsWith("HTTP/1.1 200");
            stopping.get(20, TimeUnit.SECONDS);
            assertThat(log.withStackTraces()).isEmpty();
        } finally {
            server.close();
        }
    }
}

package dev.roster.scim.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.roster.scim.server.http.HttpLimits;
import dev.roster.scim.server.support.RawHttp;
import dev.roster.scim.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Clients that send their requests a byte at a time cannot take the server down: they hold no worker thread while
 * they trickle, their heads and bodies have deadlines (408), and idle connections are closed.
 */
class SlowClientsTest {

    private static final Duration TRICKLE_INTERVAL = Duration.ofMillis(250);

    @TempDir
    Path dataDirectory;

    @Test
    @Timeout(120)
    void tricklingClientsDoNotStarveTheOthers() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory.resolve("slow.db"));
             Tricklers tricklers = new Tricklers()) {
            String token = server.createScimReadySite("slow");
            for (int i = 0; i < 16; i++) {
                tricklers.body(server, "/c/slow/auth/scim/v2/Users/.search", token);
            }
            for (int i = 0; i < 4; i++) {
                tricklers.head(server);
            }
            Thread.sleep(1000); // every trickler is connected and its request under way

            for (int round = 0; round < 5; round++) {
                assertAnswersWithinASecond(Http.call("GET", server.baseUrl() + "/health"));
                assertAnswersWithinASecond(Http.call("GET", server.scimBase("slow") + "/Users?count=1")
                        .bearer(token));
            }
            assertThat(tricklers.stillSending()).as("the tricklers kept their connections").isEqualTo(20);
        }
    }

    @Test
    @Timeout(60)
    void aBodyThatDoesNotArriveInTimeIs408AndTheConnectionCloses() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory.resolve("body.db"), shortTimeouts())) {
            String token = server.createScimReadySite("body");
            Socket socket = connect(server);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /c/body/auth/scim/v2/Users/.search HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + token + "\r\nContent-Type: application/scim+json\r\n"
                    + "Content-Length: 100\r\n\r\n{\"filter\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.nanoTime();
            String response = readUntilClosed(socket, out, "\"");
            // Not before the deadline (the server's clock started after ours), and long before the default's 20 s.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2))
                    .isLessThan(Duration.ofSeconds(15));
            assertRefusedWith408(response);
            socket.close();
        }
    }

    @Test
    @Timeout(60)
    void aHeadThatDoesNotArriveInTimeIs408AndTheConnectionCloses() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory.resolve("head.db"), shortTimeouts());
             Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            long started = System.nanoTime();
            out.write("GET /health HTTP/1.1\r\nHost: local".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = readUntilClosed(socket, out, "h");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1))
                    .isLessThan(Duration.ofSeconds(15));
            assertRefusedWith408(response);
        }
    }

    @Test
    @Timeout(60)
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory.resolve("idle.db"), shortTimeouts());
             Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = RawHttp.readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
            in.readNBytes(RawHttp.contentLength(head));
            long idleSince = System.nanoTime();
            socket.setSoTimeout(20_000);
            assertThat(in.read()).as("the server closed the idle connection").isEqualTo(-1);
            // The server's idle clock started just before ours, when it wrote the answer: half a second of slack.
            assertThat(Duration.ofNanos(System.nanoTime() - idleSince))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(2500)).isLessThan(Duration.ofSeconds(15));
        }
    }

    private static HttpLimits shortTimeouts() {
        return HttpLimits.defaults().withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(3));
    }

    private static void assertAnswersWithinASecond(Http request) {
        long started = System.nanoTime();
        request.send().expect(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
    }

    private static void assertRefusedWith408(String response) throws IOException {
        assertThat(response).startsWith("HTTP/1.1 408");
        assertThat(response).containsIgnoringCase("content-type: application/scim+json");
        JsonNode error = Http.JSON.readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
        assertThat(error.path("schemas").get(0).asText()).isEqualTo(Http.ERROR_SCHEMA);
        assertThat(error.path("status").asText()).isEqualTo("408");
        assertThat(error.path("detail").asText()).contains("did not arrive within");
    }

    private static Socket connect(TestServer server) throws IOException {
        Socket socket = new Socket(server.host(), server.port());
        socket.setSoTimeout(500);
        return socket;
    }

    /** Keeps sending {@code filler} a byte at a time, as a slow client would, until the server answers and closes. */
    private static String readUntilClosed(Socket socket, OutputStream out, String filler) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        byte[] buffer = new byte[4096];
        while (System.nanoTime() < deadline) {
            try {
                int n = in.read(buffer);
                if (n < 0) {
                    return received.toString(StandardCharsets.UTF_8);
                }
                received.write(buffer, 0, n);
            } catch (SocketTimeoutException quiet) {
                try {
                    out.write(filler.getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException closedMeanwhile) {
                    // the server answered and closed while we were still sending; read what it said
                }
            }
        }
        throw new AssertionError("the server never closed the connection; received: " + received);
    }

    /** Raw connections that send their request a byte every {@link #TRICKLE_INTERVAL}, all from one thread. */
    private static final class Tricklers implements AutoCloseable {
        private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        private final List<Socket> sockets = new ArrayList<>();
        private final List<Socket> failed = new ArrayList<>();

        void body(TestServer server, String path, String token) throws IOException {
            start(server, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/scim+json\r\nContent-Length: 1000\r\n\r\n", " ");
        }

        void head(TestServer server) throws IOException {
            start(server, "GET /health HTTP/1.1\r\nHost: local", "h");
        }

        private void start(TestServer server, String opening, String filler) throws IOException {
            Socket socket = new Socket(server.host(), server.port());
            sockets.add(socket);
            OutputStream out = socket.getOutputStream();
            out.write(opening.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] one = filler.getBytes(StandardCharsets.US_ASCII);
            clock.scheduleAtFixedRate(() -> {
                try {
                    out.write(one);
                    out.flush();
                } catch (IOException e) {
                    synchronized (failed) {
                        failed.add(socket);
                    }
                    throw new UncheckedIOException(e);
                }
            }, 0, TRICKLE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }

        int stillSending() {
            synchronized (failed) {
                return sockets.size() - failed.size();
            }
        }

        @Override
        public void close() throws IOException {
            clock.shutdownNow();
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}

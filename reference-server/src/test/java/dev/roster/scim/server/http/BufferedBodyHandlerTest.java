package dev.roster.scim.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The edge's body gathering in front of an application that is not Jersey: whether the application resumes the
 * suspended response itself (as Jersey's container does), only writes it, or fails, the client gets its answer at
 * once and the connection goes on serving.
 */
class BufferedBodyHandlerTest {

    private HttpServer server;
    private HttpEdge edge;
    private URI base;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        server = HttpServer.createSimpleServer(null, "127.0.0.1", port);
        server.getServerConfiguration().addHttpHandler(new Application(), "/");
        edge = HttpEdge.fit(server, HttpLimits.defaults());
        server.start();
        base = URI.create("http://127.0.0.1:" + port);
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
        edge.close();
    }

    @Test
    @Timeout(30)
    void anApplicationThatResumesTheResponseItselfIsAnsweredRequestAfterRequest() throws Exception {
        for (int i = 0; i < 50; i++) {
            HttpResponse<String> response = post("/resumes", "body " + i);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("read 'body " + i + "'");
        }
    }

    @Test
    @Timeout(30)
    void anApplicationThatOnlyWritesIsAnsweredWithoutWaitingForTheBodyTimeout() throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> response = post("/writes-only", "body " + i);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("read 'body " + i + "'");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(HttpLimits.defaults().bodyTimeout());
    }

    @Test
    @Timeout(30)
    void anApplicationThatFailsIsAScim500() throws Exception {
        HttpResponse<String> response = post("/fails", "{}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/scim+json");
        assertThat(response.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(post("/resumes", "after").body()).isEqualTo("read 'after'");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class Application extends HttpHandler {

        @Override
        public void service(Request request, Response response) throws Exception {
            if (request.getRequestURI().equals("/fails")) {
                throw new IllegalStateException("the application failed");
            }
            byte[] body = ("read '" + new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    + "'").getBytes(StandardCharsets.UTF_8);
            response.setContentType("text/plain");
            response.setContentLength(body.length);
            try (OutputStream out = response.getOutputStream()) {
                out.write(body);
            }
            if (request.getRequestURI().equals("/resumes") && response.isSuspended()) {
                response.resume();
            }
        }
    }
}

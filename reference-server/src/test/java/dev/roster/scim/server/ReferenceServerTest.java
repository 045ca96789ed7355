package dev.roster.scim.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.server.http.HttpLimits;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.spi.Container;
import org.glassfish.jersey.server.spi.ContainerLifecycleListener;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Grizzly with Jersey, started as one: nothing is answered before Jersey serves. */
class ReferenceServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePortOpensOnlyOnceJerseyServes() throws Exception {
        int port = freePort();
        AtomicReference<String> whileJerseyStarted = new AtomicReference<>();
        // Jersey's start-up hook runs while Grizzly hands the listener its application: what a client polling the
        // port then gets is what an IdP polling a starting server gets.
        ResourceConfig application = new ResourceConfig().register(Hello.class)
                .register(new ContainerLifecycleListener() {
                    @Override
                    public void onStartup(Container container) {
                        whileJerseyStarted.set(probe(port));
                    }

                    @Override
                    public void onReload(Container container) {
                    }

                    @Override
                    public void onShutdown(Container container) {
                    }
                });

        try (ReferenceServer server = ReferenceServer.start("127.0.0.1", port, application, HttpLimits.defaults(),
                () -> { })) {
            assertThat(whileJerseyStarted.get()).isEqualTo("refused");
            assertThat(probe(server.port())).isEqualTo("200 hello");
        }
    }

    private String probe(int port) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/hello")).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        } catch (ConnectException refused) {
            return "refused";
        } catch (IOException | InterruptedException e) {
            return e.toString();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Path("hello")
    public static final class Hello {
        @GET
        public String hello() {
            return "hello";
        }
    }
}

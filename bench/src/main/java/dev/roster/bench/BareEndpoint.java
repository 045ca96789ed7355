package dev.roster.bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.concurrent.CountDownLatch;

/**
 * The upper bound of any SCIM server on Roster's stack: Jersey on Grizzly, the same versions, with nothing behind
 * the resource. It checks the bearer header (constant-time, as Roster does) and answers W1–W3 with bodies
 * captured from Roster itself, so both servers put the same bytes on the wire.
 *
 * <p>{@code java -cp roster-bench.jar dev.roster.bench.BareEndpoint PORT TOKEN BODIES_DIR}, where the directory holds
 * {@code w1.json} (a one-user ListResponse), {@code w2.json} (a User) and {@code w3.json} (a page of 100).
 */
public final class BareEndpoint {

    private static final String SCIM_JSON = "application/scim+json";

    private BareEndpoint() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: BareEndpoint PORT TOKEN BODIES_DIR");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Bodies bodies = new Bodies(read(args[2], "w1.json"), read(args[2], "w2.json"), read(args[2], "w3.json"));
        ResourceConfig config = new ResourceConfig().register(new Users(("Bearer " + args[1])
                .getBytes(StandardCharsets.UTF_8), bodies));
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + port + "/"), config, true);
        System.out.println("Bare endpoint listening on http://127.0.0.1:" + port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }));
        stopped.await();
    }

    private static byte[] read(String directory, String name) throws IOException {
        return Files.readAllBytes(Paths.get(directory, name));
    }

    /** The canned answers. */
    record Bodies(byte[] lookup, byte[] patched, byte[] page) {
    }

    /** {@code /c/{site}/auth/scim/v2/Users}, the two paths the workloads hit. */
    @Path("c/{site}/auth/scim/v2/Users")
    public static final class Users {

        private final byte[] expectedAuthorization;
        private final Bodies bodies;

        Users(byte[] expectedAuthorization, Bodies bodies) {
            this.expectedAuthorization = expectedAuthorization;
            this.bodies = bodies;
        }

        @GET
        public Response search(@PathParam("site") String site, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
                               @QueryParam("filter") String filter) {
            if (!authorized(auth)) {
                return unauthorized();
            }
            return ok(filter == null ? bodies.page() : bodies.lookup());
        }

        @PATCH
        @Path("{id}")
        public Response patch(@PathParam("site") String site, @PathParam("id") String id,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String auth, byte[] patchRequest) {
            if (!authorized(auth)) {
                return unauthorized();
            }
            return ok(bodies.patched());
        }

        private boolean authorized(String header) {
            return header != null
                    && MessageDigest.isEqual(expectedAuthorization, header.getBytes(StandardCharsets.UTF_8));
        }

        private static Response ok(byte[] body) {
            return Response.ok(body, SCIM_JSON).build();
        }

        private static Response unauthorized() {
            return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
        }
    }
}

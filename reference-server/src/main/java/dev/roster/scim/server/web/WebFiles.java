package dev.roster.scim.server.web;

import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Answers with a file of the classpath folder {@code web/}, with the headers every page file carries. */
final class WebFiles {

    private static final String FOLDER = "/web/";
    // No inline script or style, no third-party origins: the page builds its DOM from data with textContent only.
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private WebFiles() {
    }

    /** {@code name} must be a constant of the caller, never a request path. */
    static Response file(String name, String type) {
        return Response.ok(read(name), type)
                // The page and its script change together on upgrade; revalidating keeps them in step.
                .header("Cache-Control", "no-cache")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }

    static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).type("text/plain; charset=utf-8")
                .entity("Not found").build();
    }

    private static byte[] read(String name) {
        try (InputStream in = WebFiles.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("the server jar is missing " + FOLDER + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

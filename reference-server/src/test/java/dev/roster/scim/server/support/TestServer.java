package dev.roster.scim.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.roster.scim.mybatis.testing.TestPostgres;
import dev.roster.scim.server.DatabaseLocation;
import dev.roster.scim.server.RosterApplication;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.http.HttpLimits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * A real reference server on a free port with a real database (a SQLite file, or PostgreSQL), started in-process, plus the admin calls tests
 * need to set a site up. Every request goes over HTTP.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "test-admin-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RosterApplication application;
    private final ByteArrayOutputStream console;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(RosterApplication application, ByteArrayOutputStream console) {
        this.application = application;
        this.console = console;
    }

    /** A server with the default creation policy, as {@code java -jar reference-server.jar} starts. */
    public static TestServer start(Path database) {
        return start(database, CreationPolicy.DEFAULT);
    }

    public static TestServer start(Path database, CreationPolicy creationPolicy) {
        return start(new ServerOptions("127.0.0.1", 0, database, Optional.of(ADMIN_PASSWORD), 0, creationPolicy));
    }

    public static TestServer start(ServerOptions options) {
        return start(options, HttpLimits.defaults(), Clock.systemUTC());
    }

    /** A server whose sessions, throttles and audit records follow {@code clock}. */
    public static TestServer start(ServerOptions options, Clock clock) {
        return start(options, HttpLimits.defaults(), clock);
    }

    /** A server with other limits at its HTTP edge, such as timeouts short enough to see them fire. */
    public static TestServer start(Path database, HttpLimits limits) {
        return start(options(database), limits, Clock.systemUTC());
    }

    public static TestServer start(ServerOptions options, HttpLimits limits) {
        return start(options, limits, Clock.systemUTC());
    }

    private static TestServer start(ServerOptions options, HttpLimits limits, Clock clock) {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        RosterApplication application = RosterApplication.start(options, limits,
                new PrintStream(console, true, StandardCharsets.UTF_8), clock);
        return new TestServer(application, console);
    }

    /** The usual options: 127.0.0.1, a free port, the test admin password, the default creation policy. */
    public static ServerOptions options(Path database) {
        return options(DatabaseLocation.sqlite(database));
    }

    /** The usual options on any database, PostgreSQL included. */
    public static ServerOptions options(DatabaseLocation database) {
        return new ServerOptions("127.0.0.1", 0, database, Optional.of(ADMIN_PASSWORD), 0, CreationPolicy.DEFAULT,
                Optional.empty());
    }

    /** A new PostgreSQL schema of the tests' server, for one or several servers to share. */
    public static DatabaseLocation newPostgresDatabase() {
        return new DatabaseLocation.PostgreSql(TestPostgres.newSchema());
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return application.port();
    }

    /** Where the server listens; the URLs it builds may differ when a public URL is configured. */
    public String baseUrl() {
        return "http://" + host() + ":" + port();
    }

    public String adminPassword() {
        return ADMIN_PASSWORD;
    }

    /** What the server printed at start. */
    public String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    public String scimBase(String site) {
        return baseUrl() + "/c/" + site + "/auth/scim/v2";
    }

    /** Creates the site, sets SSO up, turns SCIM and role management on, and returns a fresh SCIM token. */
    public String createScimReadySite(String site) {
        admin("POST", "/admin/api/sites", "{\"site\":\"" + site + "\"}", 201);
        admin("PATCH", "/c/" + site + "/admin/api/settings",
                "{\"ssoConfigured\":true,\"scimEnabled\":true,\"manageRoles\":true}", 200);
        return admin("POST", "/c/" + site + "/admin/api/scim-token", "", 201).path("token").asText();
    }

    /** Signs a user in by SSO (creating it just in time) and returns its id. */
    public String signIn(String site, String userName) {
        return admin("POST", "/c/" + site + "/sso/sign-in", "{\"userName\":\"" + userName + "\"}", 201)
                .path("id").asText();
    }

    /** An admin API call that must answer {@code expectedStatus}; its JSON body. */
    public JsonNode admin(String method, String path, String body, int expectedStatus) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (response.statusCode() != expectedStatus) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        application.close();
    }
}

package dev.roster.scim.server.support;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.server.ServerOptions;
import dev.roster.scim.server.http.HttpLimits;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The set-up most end-to-end classes share, as a JUnit 5 extension: one real {@link TestServer} for the class, on a
 * SQLite file in a directory of its own, with one SCIM-ready site (SSO configured, SCIM and role management on) and
 * its token. Started before the class's own {@code @BeforeAll} methods, stopped after its {@code @AfterAll} ones.
 * Registered on an instance field of a class with the default per-method lifecycle, it starts a fresh server before
 * each test's {@code @BeforeEach} methods and stops it after its {@code @AfterEach} ones, for tests that count what
 * the server did since it started. On an instance field of a {@code PER_CLASS} instance it serves the whole class, as
 * on a static one, and a subclass can choose the database (see {@code ProvisioningStoryTest}).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ScimReadyServer scim = ScimReadyServer.onSqlite("paths.db").withUniqueSite("paths");
 * ...
 * call("GET", scim.scimBase() + "/Users").bearer(scim.token());
 * }</pre>
 */
public final class ScimReadyServer implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {

    private final String database;
    private final Optional<String> siteName;
    private final Function<Path, ServerOptions> options;
    private final HttpLimits limits;
    private Path directory;
    private TestServer server;
    private String token;
    private boolean startedForOneTest;

    private ScimReadyServer(String database, Optional<String> siteName, Function<Path, ServerOptions> options,
                            HttpLimits limits) {
        this.database = database;
        this.siteName = siteName;
        this.options = options;
        this.limits = limits;
    }

    /** A server with the usual options ({@link TestServer#options(Path)}) on the SQLite file {@code database}. */
    public static ScimReadyServer onSqlite(String database) {
        return new ScimReadyServer(database, Optional.of("acme"), TestServer::options, HttpLimits.defaults());
    }

    /** A server with the usual options on a new PostgreSQL schema of the tests' server ({@code TestPostgres}). */
    public static ScimReadyServer onPostgres() {
        return onSqlite("unused.db").withOptions(path -> TestServer.options(TestServer.newPostgresDatabase()));
    }

    /** The site named exactly {@code name}. */
    public ScimReadyServer withSite(String name) {
        return new ScimReadyServer(database, Optional.of(name), options, limits);
    }

    /** No SCIM-ready site: the class makes the sites it needs itself ({@link #site()} and {@link #token()} fail). */
    public ScimReadyServer withoutSite() {
        return new ScimReadyServer(database, Optional.empty(), options, limits);
    }

    /** A site named {@code prefix} and a random suffix, so that nothing depends on a site other tests made. */
    public ScimReadyServer withUniqueSite(String prefix) {
        return withSite(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** Other server options, made from the database file's path. */
    public ScimReadyServer withOptions(Function<Path, ServerOptions> other) {
        return new ScimReadyServer(database, siteName, Objects.requireNonNull(other, "other"), limits);
    }

    /** A server whose sites without a creation policy of their own follow {@code policy}. */
    public ScimReadyServer withCreationPolicy(CreationPolicy policy) {
        return withOptions(path -> new ServerOptions("127.0.0.1", 0, path, Optional.of(TestServer.ADMIN_PASSWORD), 0,
                policy));
    }

    /** Other limits at the server's HTTP edge. */
    public ScimReadyServer withLimits(HttpLimits other) {
        return new ScimReadyServer(database, siteName, options, Objects.requireNonNull(other, "other"));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
    }

    /** Starts a server for this test only if none runs for the class: the extension is on an instance field. */
    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (server == null) {
            start();
            startedForOneTest = true;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (startedForOneTest) {
            startedForOneTest = false;
            stop();
        }
    }

    private void start() throws IOException {
        directory = Files.createTempDirectory("roster-e2e-");
        server = TestServer.start(options.apply(directory.resolve(database)), limits);
        token = siteName.map(server::createScimReadySite).orElse(null);
    }

    private void stop() throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            token = null;
            deleteRecursively(directory);
        }
    }

    /** The running server. */
    public TestServer server() {
        return Objects.requireNonNull(server, "the server starts before the class's @BeforeAll methods");
    }

    /** The SCIM-ready site's name. */
    public String site() {
        return siteName.orElseThrow(() -> new IllegalStateException("made withoutSite()"));
    }

    /** The site's SCIM base URL. */
    public String scimBase() {
        return server().scimBase(site());
    }

    /** The site's SCIM bearer token. */
    public String token() {
        return Objects.requireNonNull(token, "the token is made before the class's @BeforeAll methods");
    }

    /** The directory the database file is in, for other files the class needs; deleted after the class. */
    public Path directory() {
        return Objects.requireNonNull(directory, "the directory is made before the class's @BeforeAll methods");
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

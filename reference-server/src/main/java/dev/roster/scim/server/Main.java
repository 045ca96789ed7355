package dev.roster.scim.server;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.jaxrs.PublicBaseUrl;
import dev.roster.scim.mybatis.RosterStorageException;
import dev.roster.scim.server.admin.MetricsToken;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar reference-server.jar [options]}: starts the reference server and runs until stopped. */
@Command(name = "reference-server", mixinStandardHelpOptions = true, version = "Roster reference server 0.1",
        description = "Serves SCIM 2.0 for identity providers at /c/{site}/auth/scim/v2, with an admin API and page.")
public final class Main implements Callable<Integer> {

    static final String DEFAULT_DATABASE = "./roster.db";

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on; 0 picks a free one. "
            + "Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on. Default: "
            + "${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--db", description = "The database: a SQLite file, created when missing, or a "
            + "jdbc:postgresql://host:port/database URL (credentials in its query, or in ROSTER_DB_USER and "
            + "ROSTER_DB_PASSWORD), which several servers may share. Else ROSTER_DB; else ./roster.db.")
    String database;

    @CommandLine.ArgGroup(exclusive = true, multiplicity = "0..1")
    AdminPasswordOptions adminPassword = new AdminPasswordOptions();

    @Option(names = "--seed-users", defaultValue = "0", description = "Creates demo users in site 'demo', as if "
            + "they had signed in, until it has this many.")
    int seedUsers;

    @Option(names = "--creation-policy", defaultValue = "pending", converter = CreationPolicyConverter.class,
            description = "What a SCIM POST of someone who has not signed in yet does on new sites (and on sites "
                    + "that never chose; each site can choose its own on its admin page). pending (default): "
                    + "holds the IdP's identity, without an account, until their first SSO sign-in creates it; "
                    + "jit-only: refuses it with 403, users come from SSO sign-in only; allow: creates the "
                    + "account, as an IdP's conformance test expects.")
    CreationPolicy creationPolicy;

    @Option(names = "--public-url", converter = PublicUrlConverter.class, description = "The URL IdPs reach this "
            + "server at (e.g. https://scim.example.com), used for every absolute URL it sends and prints. Else the "
            + "ROSTER_PUBLIC_URL environment variable; else the listening address (for 0.0.0.0: each request's Host).")
    URI publicUrl;

    @Option(names = "--access-log", defaultValue = "text", converter = AccessLogConverter.class,
            description = "One line per request on standard output: text (default), json (one JSON object a line: "
                    + "time, requestId, site, method, route, status, durationMs, bytes, client, idp) or off.")
    AccessLogFormat accessLog;

    @Option(names = "--metrics-token-file", description = "A file holding the bearer token (at least 32 "
            + "characters) that a Prometheus server scrapes GET /metrics with. Else ROSTER_METRICS_TOKEN; else only "
            + "the admin (session or Basic) reads /metrics.")
    Path metricsTokenFile;

    static final String METRICS_TOKEN_VARIABLE = "ROSTER_METRICS_TOKEN";

    @Option(names = "--default-rate-limit", converter = RateLimitConverter.class, description = "A rate limit "
            + "over all the SCIM traffic of each site created from now on, as <requests>/<s|min|h>[,burst=<n>], "
            + "e.g. 600/min or 600/min,burst=100. Sites have no limit unless one is set (here or on their admin "
            + "page); existing sites keep theirs.")
    RateLimit defaultRateLimit;

    public static void main(String[] args) {
        StartWarmUp.begin(args, System.getenv());
        System.exit(new CommandLine(new Main()).execute(args));
    }

    /** The admin password's sources; at most one of the two options. */
    static final class AdminPasswordOptions {

        @Option(names = "--admin-password", description = "Password of the 'admin' user of the admin API and page "
                + "(visible in the process list: prefer the file or ROSTER_ADMIN_PASSWORD). Else "
                + "--admin-password-file; else ROSTER_ADMIN_PASSWORD; else the stored one; else one is generated and "
                + "printed once. Stored only as a hash.")
        String password;

        @Option(names = "--admin-password-file", description = "Reads the admin password from this file (a line "
                + "break at its end is not part of the password).")
        Path file;
    }

    @Override
    public Integer call() throws InterruptedException {
        Optional<URI> publicBase;
        try {
            publicBase = Optional.ofNullable(publicUrl).or(() -> Optional
                    .ofNullable(System.getenv("ROSTER_PUBLIC_URL")).filter(text -> !text.isBlank())
                    .map(text -> new PublicUrlConverter().convert(text)));
        } catch (CommandLine.TypeConversionException e) {
            System.err.println("ROSTER_PUBLIC_URL: " + e.getMessage());
            return 2;
        }
        DatabaseLocation location;
        try {
            location = DatabaseLocation.parse(Optional.ofNullable(database)
                    .or(() -> Optional.ofNullable(System.getenv(DatabaseLocation.VARIABLE)).filter(t -> !t.isBlank()))
                    .orElse(DEFAULT_DATABASE), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println((database == null ? DatabaseLocation.VARIABLE : "--db") + ": " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        RosterApplication application;
        try {
            AdminPasswordOptions given = adminPassword == null ? new AdminPasswordOptions() : adminPassword;
            Optional<String> password = AdminPasswordSources.resolve(Optional.ofNullable(given.password),
                    Optional.ofNullable(given.file),
                    Optional.ofNullable(System.getenv(AdminPasswordSources.ENVIRONMENT_VARIABLE)), System.err);
            ServerOptions options = new ServerOptions(host, port, location, password, seedUsers, creationPolicy,
                    publicBase, new ServerOptions.Monitoring(accessLog, metricsToken()),
                    Optional.ofNullable(defaultRateLimit));
            application = RosterApplication.start(options, System.out);
        } catch (StartupFailure | RosterStorageException e) {
            System.err.println("Roster reference server did not start: " + e.getMessage());
            return 1;
        } catch (MetricsTokenUnusable e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            application.close();
            // The access log's last lines wait in Logback's queue (LoggingConfiguration): written out when it stops.
            if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
                logging.stop();
            }
            stopped.countDown();
        }, "roster-shutdown"));
        stopped.await();
        return 0;
    }

    private MetricsToken metricsToken() {
        Optional<String> token;
        String source;
        if (metricsTokenFile != null) {
            source = "--metrics-token-file";
            try {
                token = Optional.of(Files.readString(metricsTokenFile).strip());
            } catch (IOException e) {
                throw new MetricsTokenUnusable(source + ": cannot read " + metricsTokenFile + ": " + e.getMessage());
            }
        } else {
            source = METRICS_TOKEN_VARIABLE;
            token = Optional.ofNullable(System.getenv(METRICS_TOKEN_VARIABLE)).filter(text -> !text.isBlank())
                    .map(String::strip);
        }
        try {
            return token.map(MetricsToken::of).orElse(MetricsToken.none());
        } catch (IllegalArgumentException e) {
            throw new MetricsTokenUnusable(source + ": " + e.getMessage());
        }
    }

    /** The metrics token given cannot be used; the message says why (never the token). */
    private static final class MetricsTokenUnusable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MetricsTokenUnusable(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads text, json, off. */
    static final class AccessLogConverter implements CommandLine.ITypeConverter<AccessLogFormat> {
        @Override
        public AccessLogFormat convert(String value) {
            return AccessLogFormat.fromLabel(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "expected text, json or off, not '" + value + "'"));
        }
    }

    /** An absolute http(s) URL without query or fragment. */
    static final class PublicUrlConverter implements CommandLine.ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                return PublicBaseUrl.validated(new URI(value.strip()));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("expected an absolute http(s) URL such as "
                        + "https://scim.example.com, not '" + value + "'");
            }
        }
    }

    /** Reads a rate limit in the form {@link RateLimit#parse} takes, and says what to write instead of another. */
    static final class RateLimitConverter implements CommandLine.ITypeConverter<RateLimit> {
        @Override
        public RateLimit convert(String value) {
            try {
                return RateLimit.parse(value);
            } catch (ScimException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads the policy labels of the command line: pending, jit-only, allow. */
    static final class CreationPolicyConverter implements CommandLine.ITypeConverter<CreationPolicy> {
        @Override
        public CreationPolicy convert(String value) {
            return CreationPolicy.fromLabel(value).orElseThrow(() -> new CommandLine.TypeConversionException(
                    "expected " + CreationPolicy.labels() + ", not '" + value + "'"));
        }
    }
}

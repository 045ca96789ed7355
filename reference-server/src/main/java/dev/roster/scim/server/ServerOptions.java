package dev.roster.scim.server;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;
import dev.roster.scim.server.admin.MetricsToken;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What the command line asked for. */
public record ServerOptions(String host, int port, DatabaseLocation database, Optional<String> adminPassword,
                            int seedUsers, CreationPolicy creationPolicy, Optional<URI> publicUrl,
                            Monitoring monitoring, Optional<RateLimit> defaultRateLimit) {

    /** The access log's format and who may read {@code /metrics} besides the admin. */
    public record Monitoring(AccessLogFormat accessLog, MetricsToken metricsToken) {

        public Monitoring {
            Objects.requireNonNull(accessLog, "accessLog");
            Objects.requireNonNull(metricsToken, "metricsToken");
        }

        /** Text access log; metrics for the admin only. */
        public static Monitoring defaults() {
            return new Monitoring(AccessLogFormat.TEXT, MetricsToken.none());
        }
    }

    /** With the default {@link Monitoring} and no rate limit for new sites. */
    public ServerOptions(String host, int port, DatabaseLocation database, Optional<String> adminPassword,
                         int seedUsers, CreationPolicy creationPolicy, Optional<URI> publicUrl) {
        this(host, port, database, adminPassword, seedUsers, creationPolicy, publicUrl, Monitoring.defaults(),
                Optional.empty());
    }

    /** On a SQLite file. */
    public ServerOptions(String host, int port, Path database, Optional<String> adminPassword, int seedUsers,
                         CreationPolicy creationPolicy, Optional<URI> publicUrl) {
        this(host, port, DatabaseLocation.sqlite(database), adminPassword, seedUsers, creationPolicy, publicUrl);
    }

    /**
     * On a SQLite file, without a public URL: absolute URLs follow the listening address (see
     * {@code PublicUrlPolicy}).
     */
    public ServerOptions(String host, int port, Path database, Optional<String> adminPassword, int seedUsers,
                         CreationPolicy creationPolicy) {
        this(host, port, database, adminPassword, seedUsers, creationPolicy, Optional.empty());
    }

    public ServerOptions {
        Objects.requireNonNull(publicUrl, "publicUrl");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
        Objects.requireNonNull(monitoring, "monitoring");
        Objects.requireNonNull(defaultRateLimit, "defaultRateLimit");
        if (seedUsers < 0) {
            throw new IllegalArgumentException("--seed-users must not be negative");
        }
    }

    /** The same options with another admin password given. */
    public ServerOptions withAdminPassword(String password) {
        return new ServerOptions(host, port, database, Optional.of(password), seedUsers, creationPolicy, publicUrl,
                monitoring, defaultRateLimit);
    }

    /** The same options on another database. */
    public ServerOptions withDatabase(DatabaseLocation other) {
        return new ServerOptions(host, port, other, adminPassword, seedUsers, creationPolicy, publicUrl, monitoring,
                defaultRateLimit);
    }

    /** The same options with another access log or metrics token. */
    public ServerOptions withMonitoring(Monitoring other) {
        return new ServerOptions(host, port, database, adminPassword, seedUsers, creationPolicy, publicUrl, other,
                defaultRateLimit);
    }

    /** The same options, giving sites created from now on this rate limit over all their SCIM traffic. */
    public ServerOptions withDefaultRateLimit(RateLimit limit) {
        return new ServerOptions(host, port, database, adminPassword, seedUsers, creationPolicy, publicUrl,
                monitoring, Optional.of(limit));
    }
}

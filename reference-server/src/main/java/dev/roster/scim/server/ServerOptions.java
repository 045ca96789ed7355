package dev.roster.scim.server;

import dev.roster.scim.core.model.CreationPolicy;
import dev.roster.scim.core.model.RateLimit;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What the command line asked for. */
public record ServerOptions(String host, int port, DatabaseLocation database, Optional<String> adminPassword,
                            int seedUsers, CreationPolicy creationPolicy, Optional<URI> publicUrl,
                            Optional<RateLimit> defaultRateLimit) {

    /** Without a rate limit for new sites. */
    public ServerOptions(String host, int port, DatabaseLocation database, Optional<String> adminPassword,
                         int seedUsers, CreationPolicy creationPolicy, Optional<URI> publicUrl) {
        this(host, port, database, adminPassword, seedUsers, creationPolicy, publicUrl, Optional.empty());
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
        Objects.requireNonNull(defaultRateLimit, "defaultRateLimit");
        if (seedUsers < 0) {
            throw new IllegalArgumentException("--seed-users must not be negative");
        }
    }

    /** The same options with another admin password given. */
    public ServerOptions withAdminPassword(String password) {
        return new ServerOptions(host, port, database, Optional.of(password), seedUsers, creationPolicy, publicUrl,
                defaultRateLimit);
    }

    /** The same options on another database. */
    public ServerOptions withDatabase(DatabaseLocation other) {
        return new ServerOptions(host, port, other, adminPassword, seedUsers, creationPolicy, publicUrl,
                defaultRateLimit);
    }

    /** The same options, giving sites created from now on this rate limit over all their SCIM traffic. */
    public ServerOptions withDefaultRateLimit(RateLimit limit) {
        return new ServerOptions(host, port, database, adminPassword, seedUsers, creationPolicy, publicUrl,
                Optional.of(limit));
    }
}

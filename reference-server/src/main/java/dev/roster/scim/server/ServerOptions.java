package dev.roster.scim.server;

import dev.roster.scim.core.model.CreationPolicy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What the command line asked for. */
public record ServerOptions(String host, int port, Path database, Optional<String> adminPassword, int seedUsers,
                     CreationPolicy creationPolicy, Optional<URI> publicUrl) {

    /** Without a public URL: absolute URLs follow the listening address (see {@code PublicUrlPolicy}). */
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
        if (seedUsers < 0) {
            throw new IllegalArgumentException("--seed-users must not be negative");
        }
    }
}

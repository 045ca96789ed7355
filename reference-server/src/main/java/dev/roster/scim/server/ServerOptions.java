package dev.roster.scim.server;

import dev.roster.scim.core.model.CreationPolicy;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What the command line asked for. */
public record ServerOptions(String host, int port, Path database, Optional<String> adminPassword, int seedUsers,
                     CreationPolicy creationPolicy) {

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(adminPassword, "adminPassword");
        Objects.requireNonNull(creationPolicy, "creationPolicy");
        if (seedUsers < 0) {
            throw new IllegalArgumentException("--seed-users must not be negative");
        }
    }
}

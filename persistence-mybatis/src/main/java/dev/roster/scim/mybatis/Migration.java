package dev.roster.scim.mybatis;

import java.util.Objects;
import java.util.Optional;

/**
 * One numbered schema change: a SQL file beside this class under {@code migration/}, or a {@link JavaMigration}
 * for a change SQL cannot express (recomputing values with a core function). Names follow Flyway's
 * {@code V<n>__<description>} so that both kinds port to it as they are.
 */
record Migration(int version, String resource, Optional<JavaMigration> java) {

    Migration {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(java, "java");
        if (version < 1) {
            throw new IllegalArgumentException("migrations are numbered from 1");
        }
    }

    /** A SQL file. */
    Migration(int version, String resource) {
        this(version, resource, Optional.empty());
    }

    /** A Java step, named like a Flyway Java migration class ({@code V4__user_name_keys}). */
    static Migration java(int version, String name, JavaMigration step) {
        return new Migration(version, name, Optional.of(step));
    }

    String description() {
        int end = resource.lastIndexOf('.');
        return resource.substring(resource.indexOf("__") + 2, end < 0 ? resource.length() : end).replace('_', ' ');
    }
}

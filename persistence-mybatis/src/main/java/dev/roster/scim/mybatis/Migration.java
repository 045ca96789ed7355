package dev.roster.scim.mybatis;

import java.util.Objects;

/** One numbered schema change: a SQL file beside this class under {@code migration/}. */
record Migration(int version, String resource) {

    Migration {
        Objects.requireNonNull(resource, "resource");
        if (version < 1) {
            throw new IllegalArgumentException("migrations are numbered from 1");
        }
    }

    String description() {
        return resource.substring(resource.indexOf("__") + 2, resource.lastIndexOf('.')).replace('_', ' ');
    }
}

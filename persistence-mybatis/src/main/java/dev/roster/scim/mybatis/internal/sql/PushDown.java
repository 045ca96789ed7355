package dev.roster.scim.mybatis.internal.sql;

import java.util.Objects;
import java.util.Optional;

/**
 * What SQL can do for a filter: a condition that narrows the users to candidates (none: every user is a candidate)
 * and whether the condition is the whole filter. When it is not, the caller applies the full filter to each
 * candidate in Java.
 */
public record PushDown(Optional<SqlCondition> condition, boolean complete) {

    public PushDown {
        Objects.requireNonNull(condition, "condition");
    }

    static PushDown complete(SqlCondition condition) {
        return new PushDown(Optional.of(condition), true);
    }

    static PushDown partial(Optional<SqlCondition> condition) {
        return new PushDown(condition, false);
    }
}

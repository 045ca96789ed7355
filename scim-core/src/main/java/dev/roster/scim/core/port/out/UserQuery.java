package dev.roster.scim.core.port.out;

import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.model.User;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link UserStore#search} is asked: an optional filter AST, an optional sort, a 1-based {@code startIndex},
 * a {@code count} (0 asks for the total only), whether SCIM-deleted users count, and whether pending identities
 * ({@code User.pending()}) count: not at all, beside the accounts, or alone. Results are ordered by the sort and
 * then by id, so that paging is stable.
 *
 * <pre>{@code
 * UserQuery.filtered(filter, 1, 0)                   // accounts only: totals of "users" never count pending ones
 * UserQuery.all(1, 50).withPending(Pending.ONLY)     // the pending identities alone
 * }</pre>
 */
public record UserQuery(Optional<Filter> filter, Optional<SortSpec> sort, int startIndex, int count,
                        boolean includeHidden, Pending pending) {

    /** Which users a query sees by their {@code pending} flag. */
    public enum Pending {
        /** Accounts only: what the application and its admins call users. */
        EXCLUDED,
        /** Accounts and pending identities alike: the IdP's view over SCIM. */
        INCLUDED,
        /** Pending identities only. */
        ONLY;

        /** Whether a user with that {@code pending} flag is in scope. */
        public boolean admits(boolean pending) {
            return switch (this) {
                case EXCLUDED -> !pending;
                case INCLUDED -> true;
                case ONLY -> pending;
            };
        }
    }

    public UserQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(pending, "pending");
        if (startIndex < 1) {
            throw new IllegalArgumentException("startIndex is 1-based");
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    /** A query of accounts only, pending identities excluded. */
    public UserQuery(Optional<Filter> filter, Optional<SortSpec> sort, int startIndex, int count,
                     boolean includeHidden) {
        this(filter, sort, startIndex, count, includeHidden, Pending.EXCLUDED);
    }

    /** Every visible account; pending identities excluded. */
    public static UserQuery all(int startIndex, int count) {
        return new UserQuery(Optional.empty(), Optional.empty(), startIndex, count, false, Pending.EXCLUDED);
    }

    /** The visible accounts matching the filter; pending identities excluded. */
    public static UserQuery filtered(Filter filter, int startIndex, int count) {
        return new UserQuery(Optional.of(filter), Optional.empty(), startIndex, count, false, Pending.EXCLUDED);
    }

    public UserQuery withSort(SortSpec value) {
        return new UserQuery(filter, Optional.of(value), startIndex, count, includeHidden, pending);
    }

    /** The same query with another page size. */
    public UserQuery withCountOf(int value) {
        return new UserQuery(filter, sort, startIndex, value, includeHidden, pending);
    }

    public UserQuery includingHidden() {
        return new UserQuery(filter, sort, startIndex, count, true, pending);
    }

    public UserQuery withPending(Pending value) {
        return new UserQuery(filter, sort, startIndex, count, includeHidden, value);
    }

    /** Whether a stored user is in this query's scope, before the filter: hidden and pending as asked. */
    public boolean admits(User user) {
        return (includeHidden || !user.hidden()) && pending.admits(user.pending());
    }
}

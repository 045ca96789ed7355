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
 *
 * <p>The core builds it (from a {@code SearchRequest} it checked, or for its own lookups); a {@link UserStore}
 * answers it. A store reads the filter as an AST, never as text, and may push it down to its query language, as
 * long as it selects the users the core's {@code FilterEvaluator} would.
 *
 * @param filter        the parsed filter (RFC 7644 §3.4.2.2), or empty for every user in scope
 * @param sort          the order asked for ({@code sortBy}, {@code sortOrder}), or empty for the store's order by
 *                      id alone
 * @param startIndex    the 1-based index of the page's first result among all matches, 1 or more; ignored by
 *                      {@link UserStore#searchByKeyset}
 * @param count         how many users the page holds at most, 0 or more; 0 asks for {@code totalResults} only
 * @param includeHidden whether SCIM-deleted ({@link User#hidden()}) users are in scope: false for SCIM, true
 *                      for a site admin's list
 * @param pending       whether pending identities are in scope: not at all, beside the accounts, or alone
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

        /**
         * Whether a user with that {@code pending} flag is in scope.
         *
         * @param pending the user's {@link User#pending()} flag
         * @return true when this scope includes such a user
         */
        public boolean admits(boolean pending) {
            return switch (this) {
                case EXCLUDED -> !pending;
                case INCLUDED -> true;
                case ONLY -> pending;
            };
        }
    }

    /**
     * A query, checked.
     *
     * @param filter        the parsed filter, or empty for every user in scope
     * @param sort          the order asked for, or empty for the order by id
     * @param startIndex    the 1-based index of the page's first result, 1 or more
     * @param count         the most users the page holds, 0 or more (0: the total only)
     * @param includeHidden whether SCIM-deleted users are in scope
     * @param pending       whether pending identities are in scope: not at all, beside the accounts, or alone
     * @throws NullPointerException     if {@code filter}, {@code sort} or {@code pending} is null
     * @throws IllegalArgumentException if {@code startIndex} is below 1 or {@code count} is negative
     */
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

    /**
     * A query of accounts only, pending identities excluded.
     *
     * @param filter        the parsed filter, or empty for every user in scope
     * @param sort          the order asked for, or empty for the order by id
     * @param startIndex    the 1-based index of the page's first result, 1 or more
     * @param count         the most users the page holds, 0 or more (0: the total only)
     * @param includeHidden whether SCIM-deleted users are in scope
     */
    public UserQuery(Optional<Filter> filter, Optional<SortSpec> sort, int startIndex, int count,
                     boolean includeHidden) {
        this(filter, sort, startIndex, count, includeHidden, Pending.EXCLUDED);
    }

    /**
     * Every visible account; pending identities and SCIM-deleted users excluded, no filter, ordered by id.
     *
     * @param startIndex the 1-based index of the page's first result, 1 or more
     * @param count      the most users the page holds, 0 or more (0: the total only)
     * @return the query
     */
    public static UserQuery all(int startIndex, int count) {
        return new UserQuery(Optional.empty(), Optional.empty(), startIndex, count, false, Pending.EXCLUDED);
    }

    /**
     * The visible accounts matching the filter; pending identities and SCIM-deleted users excluded, ordered by id.
     *
     * @param filter     the parsed filter the users must match
     * @param startIndex the 1-based index of the page's first result, 1 or more
     * @param count      the most users the page holds, 0 or more (0: the total only)
     * @return the query
     */
    public static UserQuery filtered(Filter filter, int startIndex, int count) {
        return new UserQuery(Optional.of(filter), Optional.empty(), startIndex, count, false, Pending.EXCLUDED);
    }

    /**
     * The same query in another order.
     *
     * @param value the order, which replaces any order the query had (ties are still broken by id)
     * @return the query, sorted
     */
    public UserQuery withSort(SortSpec value) {
        return new UserQuery(filter, Optional.of(value), startIndex, count, includeHidden, pending);
    }

    /**
     * The same query with another page size.
     *
     * @param value the most users the page holds, 0 or more (0: the total only)
     * @return the query with that {@code count}
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public UserQuery withCountOf(int value) {
        return new UserQuery(filter, sort, startIndex, value, includeHidden, pending);
    }

    /**
     * The same query with SCIM-deleted users in scope, as a site admin sees them.
     *
     * @return the query, hidden users included
     */
    public UserQuery includingHidden() {
        return new UserQuery(filter, sort, startIndex, count, true, pending);
    }

    /**
     * The same query with another scope for pending identities.
     *
     * @param value which users the query sees by their pending flag
     * @return the query with that scope
     */
    public UserQuery withPending(Pending value) {
        return new UserQuery(filter, sort, startIndex, count, includeHidden, value);
    }

    /**
     * Whether a stored user is in this query's scope, before the filter: hidden and pending as asked. A store that
     * filters in memory applies it first; one that filters in SQL writes the same conditions.
     *
     * @param user a stored user of the site searched
     * @return true when the user counts for this query, whether or not it matches the filter
     */
    public boolean admits(User user) {
        return (includeHidden || !user.hidden()) && pending.admits(user.pending());
    }
}

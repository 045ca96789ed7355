package dev.roster.scim.core.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of search results (RFC 7644 §3.4.2.4): the users of the page, the total number of matches, and the
 * page's 1-based start, as a ListResponse shows them in {@code Resources}, {@code totalResults} and
 * {@code startIndex}; or, read by cursor (RFC 9865), with its {@code nextCursor} and {@code previousCursor}.
 *
 * <pre>{@code
 * UserPage page = userStore.search(site, UserQuery.all(1, 50));
 * page.users().size() <= 50 && page.totalResults() >= page.users().size()
 * }</pre>
 *
 * @param users        the users of the page, in the order asked for; copied, so the list is unmodifiable
 * @param totalResults how many users match the search in all
 * @param startIndex   the 1-based index of the page's first user among the matches
 * @param cursors      the page's cursors when it was read by cursor; empty when read by {@code startIndex}
 */
public record UserPage(List<User> users, long totalResults, int startIndex, Optional<Cursors> cursors) {

    /**
     * The cursors of a page read by cursor (RFC 9865 §2): {@code nextCursor} unless it is the last page,
     * {@code previousCursor} unless it is the first.
     *
     * @param next     the cursor of the next page; empty on the last page
     * @param previous the cursor of the previous page; empty on the first page
     */
    public record Cursors(Optional<String> next, Optional<String> previous) {

        /**
         * Checks that no component is null.
         *
         * @param next     the cursor of the next page; empty on the last page
         * @param previous the cursor of the previous page; empty on the first page
         * @throws NullPointerException for a null component
         */
        public Cursors {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(previous, "previous");
        }
    }

    /**
     * Copies {@code users}.
     *
     * @param users        the users of the page, in the order asked for; copied, so the list is unmodifiable
     * @param totalResults how many users match the search in all
     * @param startIndex   the 1-based index of the page's first user among the matches
     * @param cursors      the page's cursors when it was read by cursor; empty when read by {@code startIndex}
     * @throws NullPointerException for null {@code users} or {@code cursors}
     */
    public UserPage {
        users = List.copyOf(users);
        Objects.requireNonNull(cursors, "cursors");
    }

    /**
     * A page read by {@code startIndex}.
     *
     * @param users        the users of the page
     * @param totalResults how many users match in all
     * @param startIndex   the 1-based index of the first of them
     */
    public UserPage(List<User> users, long totalResults, int startIndex) {
        this(users, totalResults, startIndex, Optional.empty());
    }
}

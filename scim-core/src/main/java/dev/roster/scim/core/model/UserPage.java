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
 */
public record UserPage(List<User> users, long totalResults, int startIndex, Optional<Cursors> cursors) {

    /**
     * The cursors of a page read by cursor (RFC 9865 §2): {@code nextCursor} unless it is the last page,
     * {@code previousCursor} unless it is the first.
     */
    public record Cursors(Optional<String> next, Optional<String> previous) {

        public Cursors {
            Objects.requireNonNull(next, "next");
            Objects.requireNonNull(previous, "previous");
        }
    }

    public UserPage {
        users = List.copyOf(users);
        Objects.requireNonNull(cursors, "cursors");
    }

    /** A page read by {@code startIndex}. */
    public UserPage(List<User> users, long totalResults, int startIndex) {
        this(users, totalResults, startIndex, Optional.empty());
    }

    /** Whether the client asked for cursor paging, so that the response speaks of cursors, not of an index. */
    public boolean byCursor() {
        return cursors.isPresent();
    }
}

package dev.roster.scim.core.mapping;

import dev.roster.scim.core.model.UserPage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of search results (RFC 7644 §3.4.2.4) as stored renderings: what {@code UserStore.search} answers, each
 * user as its {@link RenderedUser}, for a ListResponse that asks for no projection; or, read by cursor (RFC 9865),
 * with its {@code nextCursor} and {@code previousCursor}, as {@link UserPage} has them.
 *
 * <pre>{@code
 * userStore.searchRendered(site, query).ifPresent(page -> page.users().forEach(user -> out.add(user.json())));
 * }</pre>
 *
 * @param users        the users of the page, in the order asked for; copied, so the list is unmodifiable
 * @param totalResults how many users match the search in all
 * @param startIndex   the 1-based index of the page's first user among the matches
 * @param cursors      the page's cursors when it was read by cursor; empty when read by {@code startIndex}
 */
public record RenderedPage(List<RenderedUser> users, long totalResults, int startIndex,
                           Optional<UserPage.Cursors> cursors) {

    /**
     * Copies {@code users}.
     *
     * @param users        the users of the page, in the order asked for; copied, so the list is unmodifiable
     * @param totalResults how many users match the search in all
     * @param startIndex   the 1-based index of the page's first user among the matches
     * @param cursors      the page's cursors when it was read by cursor; empty when read by {@code startIndex}
     * @throws NullPointerException for null {@code users} or {@code cursors}
     */
    public RenderedPage {
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
    public RenderedPage(List<RenderedUser> users, long totalResults, int startIndex) {
        this(users, totalResults, startIndex, Optional.empty());
    }
}

package dev.roster.scim.core.model;

import java.util.List;

/**
 * One page of search results (RFC 7644 §3.4.2.4): the users of the page, the total number of matches, and the
 * page's 1-based start, as a ListResponse shows them in {@code Resources}, {@code totalResults} and
 * {@code startIndex}.
 *
 * <pre>{@code
 * UserPage page = userStore.search(site, UserQuery.all(1, 50));
 * page.users().size() <= 50 && page.totalResults() >= page.users().size()
 * }</pre>
 */
public record UserPage(List<User> users, long totalResults, int startIndex) {

    public UserPage {
        users = List.copyOf(users);
    }
}

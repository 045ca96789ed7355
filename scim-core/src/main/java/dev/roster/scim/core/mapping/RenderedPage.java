package dev.roster.scim.core.mapping;

import java.util.List;

/**
 * One page of search results (RFC 7644 §3.4.2.4) as stored renderings: what {@code UserStore.search} answers, each
 * user as its {@link RenderedUser}, for a ListResponse that asks for no projection.
 *
 * <pre>{@code
 * userStore.searchRendered(site, query).ifPresent(page -> page.users().forEach(user -> out.add(user.json())));
 * }</pre>
 *
 * @param users        the users of the page, in the order asked for; copied, so the list is unmodifiable
 * @param totalResults how many users match the search in all
 * @param startIndex   the 1-based index of the page's first user among the matches
 */
public record RenderedPage(List<RenderedUser> users, long totalResults, int startIndex) {

    /**
     * Copies {@code users}.
     *
     * @param users        the users of the page, in the order asked for; copied, so the list is unmodifiable
     * @param totalResults how many users match the search in all
     * @param startIndex   the 1-based index of the page's first user among the matches
     * @throws NullPointerException for null {@code users}
     */
    public RenderedPage {
        users = List.copyOf(users);
    }
}

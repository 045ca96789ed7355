package dev.roster.scim.core.mapping;

import java.util.List;

/**
 * One page of search results (RFC 7644 §3.4.2.4) as stored renderings: what {@code UserStore.search} answers, each
 * user as its {@link RenderedUser}, for a ListResponse that asks for no projection.
 *
 * <pre>{@code
 * userStore.searchRendered(site, query).ifPresent(page -> page.users().forEach(user -> out.writeRaw(user.json())));
 * }</pre>
 */
public record RenderedPage(List<RenderedUser> users, long totalResults, int startIndex) {

    public RenderedPage {
        users = List.copyOf(users);
    }
}

package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.paging.PagingCursors;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.in.ScimUsers;
import dev.roster.scim.core.port.in.SearchRequest;
import dev.roster.scim.core.port.out.Keyset;
import dev.roster.scim.core.port.out.KeysetPage;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;

import java.util.List;
import java.util.Optional;

/**
 * A SCIM search paged by cursor (RFC 9865): the request's query as for index paging, its cursor opened by
 * {@link PagingCursors}, one keyset page from the store, and the page's {@code nextCursor} (unless it is the last)
 * and {@code previousCursor} (unless it is the first).
 */
final class CursorPaging {

    private final UserStore users;
    private final PagingCursors cursors;

    CursorPaging(UserStore users, PagingCursors cursors) {
        this.users = users;
        this.cursors = cursors;
    }

    UserPage page(SiteId site, SearchRequest request) {
        if (request.startIndex().isPresent()) {
            throw ScimException.invalidValue("A search pages by startIndex or by cursor, not both (RFC 9865 §2.4): "
                    + "leave startIndex out to page by cursor.");
        }
        int count = Math.max(0, request.count().orElse(ScimUsers.MAX_RESULTS));
        if (count > ScimUsers.MAX_RESULTS) {
            throw new ScimException(ScimErrorType.INVALID_COUNT, "count must be between 0 and maxPageSize ("
                    + ScimUsers.MAX_RESULTS + ") when paging by cursor.");
        }
        UserQuery query = SearchQueries.toQuery(request, Optional.empty(), false, UserQuery.Pending.INCLUDED);
        String scope = PagingCursors.scopeOf(query);
        String cursor = request.cursor().orElseThrow().strip();
        Keyset keyset = cursor.isEmpty() ? Keyset.first() : cursors.open(cursor, site, scope, count);
        if (count == 0) {
            return new UserPage(List.of(), users.search(site, query).totalResults(), 1,
                    Optional.of(new UserPage.Cursors(Optional.empty(), Optional.empty())));
        }
        KeysetPage page = users.searchByKeyset(site, query, keyset);
        return new UserPage(page.users(), page.totalResults(), 1,
                Optional.of(links(site, scope, count, keyset, page)));
    }

    private UserPage.Cursors links(SiteId site, String scope, int count, Keyset keyset, KeysetPage page) {
        boolean forward = keyset.direction() == Keyset.Direction.FORWARD;
        boolean laterUsers = forward ? page.more() : true;
        boolean earlierUsers = forward ? keyset.position().isPresent() : page.more();
        Optional<String> next = Optional.empty();
        if (laterUsers) {
            // a backward page that came out empty has nothing to continue from: its next page is the first
            next = Optional.of(cursors.mint(site, scope, count,
                    page.last().map(Keyset::after).orElse(Keyset.first())));
        }
        Optional<String> previous = earlierUsers
                ? page.first().map(first -> cursors.mint(site, scope, count, Keyset.before(first)))
                : Optional.empty();
        return new UserPage.Cursors(next, previous);
    }
}

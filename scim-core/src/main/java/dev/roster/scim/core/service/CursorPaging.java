package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.internal.paging.PagingCursors;
import dev.roster.scim.core.mapping.RenderedPage;
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

    private static final UserPage.Cursors NO_CURSORS = new UserPage.Cursors(Optional.empty(), Optional.empty());

    private final UserStore users;
    private final PagingCursors cursors;

    CursorPaging(UserStore users, PagingCursors cursors) {
        this.users = users;
        this.cursors = cursors;
    }

    UserPage page(SiteId site, SearchRequest request) {
        CursorRequest asked = open(site, request);
        if (asked.count() == 0) {
            return new UserPage(List.of(), total(site, asked), 1, Optional.of(NO_CURSORS));
        }
        KeysetPage page = users.searchByKeyset(site, asked.query(), asked.keyset());
        return new UserPage(page.users(), page.totalResults(), 1,
                Optional.of(links(site, asked, page.first(), page.last(), page.more())));
    }

    /** {@link #page} from the store's renderings; empty when the store keeps none. */
    Optional<RenderedPage> rendered(SiteId site, SearchRequest request) {
        CursorRequest asked = open(site, request);
        if (asked.count() == 0) {
            return Optional.of(new RenderedPage(List.of(), total(site, asked), 1, Optional.of(NO_CURSORS)));
        }
        return users.searchRenderedByKeyset(site, asked.query(), asked.keyset())
                .map(page -> new RenderedPage(page.users(), page.totalResults(), 1,
                        Optional.of(links(site, asked, page.first(), page.last(), page.more()))));
    }

    /** The request checked, its query, and its cursor opened: verified for this site, query and count. */
    private CursorRequest open(SiteId site, SearchRequest request) {
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
        return new CursorRequest(query, scope, count, keyset);
    }

    private long total(SiteId site, CursorRequest asked) {
        return users.search(site, asked.query()).totalResults();
    }

    private UserPage.Cursors links(SiteId site, CursorRequest asked, Optional<String> first, Optional<String> last,
                                   boolean more) {
        boolean forward = asked.keyset().direction() == Keyset.Direction.FORWARD;
        boolean laterUsers = forward ? more : true;
        boolean earlierUsers = forward ? asked.keyset().position().isPresent() : more;
        Optional<String> next = Optional.empty();
        if (laterUsers) {
            // a backward page that came out empty has nothing to continue from: its next page is the first
            next = Optional.of(cursors.mint(site, asked.scope(), asked.count(),
                    last.map(Keyset::after).orElse(Keyset.first())));
        }
        Optional<String> previous = earlierUsers
                ? first.map(position -> cursors.mint(site, asked.scope(), asked.count(), Keyset.before(position)))
                : Optional.empty();
        return new UserPage.Cursors(next, previous);
    }

    /** A cursor request as checked: its query, the scope its cursors are bound to, its count and its start. */
    private record CursorRequest(UserQuery query, String scope, int count, Keyset keyset) {
    }
}

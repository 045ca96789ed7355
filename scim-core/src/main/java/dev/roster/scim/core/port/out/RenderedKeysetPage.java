package dev.roster.scim.core.port.out;

import dev.roster.scim.core.mapping.RenderedUser;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link KeysetPage} as the store's renderings ({@link UserStore#searchRenderedByKeyset}): the same page, each
 * user as the rendering the store kept at its last write, for a cursor page that asks for no projection.
 *
 * @param users        the page's users as renderings, in the query's order whichever way the page was read
 * @param totalResults how many users match the query in all, whatever the page
 * @param first        the store's position of the page's first user, for {@link Keyset#before}; empty for an
 *                     empty page
 * @param last         the store's position of the page's last user, for {@link Keyset#after}; empty for an empty
 *                     page
 * @param more         whether users lie beyond the page in the direction it was read
 */
public record RenderedKeysetPage(List<RenderedUser> users, long totalResults, Optional<String> first,
                                 Optional<String> last, boolean more) {

    /**
     * A page, its users copied.
     *
     * @param users        the page's renderings, in the query's order
     * @param totalResults how many users match in all
     * @param first        the position of the page's first user, empty for an empty page
     * @param last         the position of the page's last user, empty for an empty page
     * @param more         whether users lie beyond the page in the direction it was read
     * @throws NullPointerException if {@code users}, {@code first} or {@code last} is null
     */
    public RenderedKeysetPage {
        users = List.copyOf(users);
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }
}

package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.User;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One keyset page ({@link UserStore#searchByKeyset}): its users in the query's order, the total number of matches,
 * the positions of its first and last user (empty when the page is), and whether more users lie beyond the page in
 * the direction it was read (after it going forward, before it going backward).
 */
public record KeysetPage(List<User> users, long totalResults, Optional<String> first, Optional<String> last,
                         boolean more) {

    public KeysetPage {
        users = List.copyOf(users);
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
    }
}

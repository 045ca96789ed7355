package dev.roster.scim.core.port.out;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a site's users live. Every call names the site; nothing crosses sites. Implementations translate their
 * failures: a {@code userName} clash is {@code ScimException.uniqueness}, and nothing of the storage technology
 * crosses this port. Two userNames clash, and a lookup by userName matches, exactly when their
 * {@link IdentifierProfile#key keys} are equal (ADR 014); the store computes no other form of a userName. Whether a
 * userName is acceptable is the use cases' business, not the store's.
 *
 * <p>A store keeps pending identities ({@link User#pending()}) beside the accounts, under the same userName
 * uniqueness, and answers {@link UserQuery#pending()} in searches.
 *
 * <p>The contract test suite {@code UserStoreContract} (core test-jar) pins the behaviour down: filters give the
 * same users as the core's in-memory evaluator.
 */
public interface UserStore {

    /** The user with that id, hidden (SCIM-deleted) or not, pending or not. */
    Optional<User> findById(SiteId site, String id);

    /**
     * The user whose userName has the same {@link IdentifierProfile#key key}, hidden or not, pending or not: the one
     * comparison every store, and every match of a sign-in to a pending identity, uses.
     */
    Optional<User> findByUserName(SiteId site, String userName);

    /**
     * Which of these userNames the site already has, hidden and pending users included, as
     * {@link IdentifierProfile#key keys}: the bulk form of {@link #findByUserName}, for batches.
     */
    default Set<String> existingUserNames(SiteId site, Collection<String> userNames) {
        return userNames.stream()
                .filter(userName -> findByUserName(site, userName).isPresent())
                .map(IdentifierProfile::key)
                .collect(Collectors.toSet());
    }

    /** One page of the users matching the query, with the total number of matches. */
    UserPage search(SiteId site, UserQuery query);

    /**
     * The page {@link #search} answers, each user as the rendering the store kept at its last write (issue 12: a
     * page served without rebuilding users); empty, the default, for a store that keeps no rendering, and the
     * caller then renders {@link #search}'s users itself. The text must be exactly what rendering
     * {@link dev.roster.scim.core.mapping.UserResources#defaultRepresentation} of the user {@link #search} returns
     * gives.
     */
    default Optional<RenderedPage> searchRendered(SiteId site, UserQuery query) {
        return Optional.empty();
    }

    /**
     * One keyset page of the users matching the query (RFC 9865 cursor paging): up to {@code query.count()} users
     * from the keyset's position on, in the query's order (then id), with the total number of matches; the query's
     * {@code startIndex} is not used. Users added or removed while a client pages never make another user appear
     * twice or go missing, as an offset would. A store that cannot page by keyset answers {@code 501}.
     */
    default KeysetPage searchByKeyset(SiteId site, UserQuery query, Keyset keyset) {
        throw new ScimException(ScimErrorType.NOT_IMPLEMENTED, "This user store does not page by cursor; page by "
                + "startIndex.");
    }

    /** Stores a new user; {@code ScimException.uniqueness} if a userName with the same key is taken in the site. */
    void insert(SiteId site, User user);

    /** Stores many new users at once (seeding); same rules as {@link #insert}. */
    default void insertAll(SiteId site, List<User> users) {
        users.forEach(user -> insert(site, user));
    }

    /**
     * Replaces the stored user if its version is still {@code expectedVersion}; the new value carries the next
     * version. Returns false, changing nothing, when another change got there first.
     * {@code ScimException.uniqueness} if a new userName is taken.
     */
    boolean update(SiteId site, User user, long expectedVersion);

    /**
     * Erases the stored user if its version is still {@code expectedVersion}, with everything stored for it but
     * its audit records. Returns false, changing nothing, when another change got there first or there is no such
     * user. Roster erases only pending identities: an account is never erased, only hidden.
     */
    boolean delete(SiteId site, String id, long expectedVersion);
}

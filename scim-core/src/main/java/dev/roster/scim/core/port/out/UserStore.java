package dev.roster.scim.core.port.out;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.StoredRendering;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.model.AuditRecord;
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
 * <p>Who implements it: persistence-mybatis ({@code RosterDatabase.userStore()}, SQLite or PostgreSQL), the
 * testkit's {@code InMemoryUserStore}, or a host that keeps the SCIM records in its own table (the full-store way
 * of docs/embedding.md; the side-car way implements {@link Accounts} instead). Who calls it: the core's use cases
 * only, from many request threads at once, so an implementation is thread-safe. Writes join the running
 * {@link Transactions} unit, so that a user change, its audit records and its {@link AccountOutbox} entry commit
 * or roll back together; reads inside a unit see its writes. Concurrent writers are told apart by the user's
 * {@link User#version() version}: {@link #update} and {@link #delete} write only over the version the caller read.
 *
 * <p>Methods never return null and take no null argument. A site without users is simply empty. A user id is
 * Roster's SCIM {@code id} (a random UUID Roster assigned), compared exactly. Besides the
 * {@code ScimException}s named below, a failure of the storage itself may be any unchecked exception; the
 * {@code ScimException}s are the ones the client is answered with.
 *
 * <p>The contract suite {@code dev.roster.scim.testkit.UserStoreContract} (roster-testkit) pins the behaviour down
 * with one subclass that makes a fresh store: round trips of every field, userName keys, pending identities,
 * hidden users, versions, paging, sorting, and filters that give the same users as the core's in-memory
 * evaluator ({@code FilterEvaluator}) over the filter corpus.
 */
public interface UserStore {

    /**
     * The user with that id, hidden (SCIM-deleted) or not, pending or not.
     *
     * @param site the site to look in; a user of another site is never found
     * @param id   Roster's SCIM {@code id} of the user, compared exactly; any text (a client's path segment), so an
     *             id no user has is simply not found
     * @return the stored user, or empty when the site has no user of that id
     */
    Optional<User> findById(SiteId site, String id);

    /**
     * The rendering the store kept at the last write of the user with that id, when the user is not hidden
     * (SCIM-deleted): a {@code GET /Users/{id}} served without rebuilding the user (ADR 034). Pending identities are
     * found, as by {@link #findById}. Empty, the default, for a store that keeps no rendering, and also when the site
     * has no visible user of that id: the caller then reads the user with {@link #findById}, which tells the two
     * apart. The text must be exactly what rendering
     * {@link dev.roster.scim.core.mapping.UserResources#defaultRepresentation} of the user {@link #findById} returns
     * gives.
     *
     * @param site the site to look in; a user of another site is never found
     * @param id   Roster's SCIM {@code id} of the user, compared exactly; any text
     * @return the user's rendering and version, or empty for the caller to read the user
     */
    default Optional<StoredRendering> findRendered(SiteId site, String id) {
        return Optional.empty();
    }

    /**
     * The user whose userName has the same {@link IdentifierProfile#key key}, hidden or not, pending or not: the one
     * comparison every store, and every match of a sign-in to a pending identity, uses.
     *
     * <p>After an upgrade that found look-alike names (migration 4, ADR 014) several stored users may share a key;
     * this finds the one that holds it, the oldest.
     *
     * @param site     the site to look in
     * @param userName a userName as a client or an SSO assertion wrote it, in any case or normalization form; the
     *                 store compares its {@link IdentifierProfile#key key} and does not check that it is acceptable
     * @return the user holding that key, or empty when the site has none
     */
    Optional<User> findByUserName(SiteId site, String userName);

    /**
     * Which of these userNames the site already has, hidden and pending users included, as
     * {@link IdentifierProfile#key keys}: the bulk form of {@link #findByUserName}, for batches. The default asks
     * {@link #findByUserName} once per name; a store overrides it to ask in bulk.
     *
     * @param site      the site to look in
     * @param userNames userNames as written by the caller, in any case; duplicates allowed
     * @return the keys of those of them the site has; empty when none is taken
     */
    default Set<String> existingUserNames(SiteId site, Collection<String> userNames) {
        return userNames.stream()
                .filter(userName -> findByUserName(site, userName).isPresent())
                .map(IdentifierProfile::key)
                .collect(Collectors.toSet());
    }

    /**
     * One page of the users matching the query, with the total number of matches. The store applies, in this order:
     * the query's scope ({@link UserQuery#admits}: hidden and pending users as asked), the filter (with the case
     * rules of the schemas and, for {@code userName} and {@code emails.value}, the identifier keys), the sort
     * ({@link SortSpec}) then the id, and then cuts the page at {@code startIndex} and {@code count}.
     *
     * @param site  the site whose users are searched; other sites' users never appear
     * @param query the filter, sort, page and scope, already checked by the core
     * @return the page's users in order (none when {@code count} is 0 or the page lies past the end), the total
     *         number of matches in scope whatever the page, and the query's {@code startIndex}
     */
    UserPage search(SiteId site, UserQuery query);

    /**
     * The page {@link #search} answers, each user as the rendering the store kept at its last write (issue 12: a
     * page served without rebuilding users); empty, the default, for a store that keeps no rendering, and the
     * caller then renders {@link #search}'s users itself. The text must be exactly what rendering
     * {@link dev.roster.scim.core.mapping.UserResources#defaultRepresentation} of the user {@link #search} returns
     * gives.
     *
     * @param site  the site whose users are searched, as for {@link #search}
     * @param query the query, as for {@link #search}
     * @return the same page as {@link #search} (users, order, total, start) as stored renderings, or empty when
     *         this store keeps no renderings or cannot answer this query from them
     */
    default Optional<RenderedPage> searchRendered(SiteId site, UserQuery query) {
        return Optional.empty();
    }

    /**
     * One keyset page of the users matching the query (RFC 9865 cursor paging): up to {@code query.count()} users
     * from the keyset's position on, in the query's order (then id), with the total number of matches; the query's
     * {@code startIndex} is not used. Users added or removed while a client pages never make another user appear
     * twice or go missing, as an offset would. A store that cannot page by keyset answers {@code 501}.
     *
     * @param site   the site whose users are searched, as for {@link #search}
     * @param query  the filter, sort, {@code count} and scope; its {@code startIndex} is ignored
     * @param keyset where the page starts: the first page, or strictly after or before a position this store
     *               itself returned in an earlier {@link KeysetPage} (the core verified the cursor's signature, so
     *               the position is one the store wrote, but it may name a user that is gone by now)
     * @return the page, with its first and last positions and whether more users lie beyond it
     * @throws ScimException {@code 501} (the default) when the store does not page by keyset
     */
    default KeysetPage searchByKeyset(SiteId site, UserQuery query, Keyset keyset) {
        throw new ScimException(ScimErrorType.NOT_IMPLEMENTED, "This user store does not page by cursor; page by "
                + "startIndex.");
    }

    /**
     * The page {@link #searchByKeyset} answers, each user as the rendering the store kept at its last write, as
     * {@link #searchRendered} is to {@link #search}: empty, the default, for a store that keeps no rendering, and
     * the caller then renders {@link #searchByKeyset}'s users itself.
     *
     * @param site   the site whose users are searched, as for {@link #search}
     * @param query  the query, as for {@link #searchByKeyset}
     * @param keyset where the page starts, as for {@link #searchByKeyset}
     * @return the same page as {@link #searchByKeyset} (users, order, total, positions) as stored renderings, or
     *         empty when this store keeps no renderings
     * @throws ScimException as {@link #searchByKeyset}
     */
    default Optional<RenderedKeysetPage> searchRenderedByKeyset(SiteId site, UserQuery query, Keyset keyset) {
        return Optional.empty();
    }

    /**
     * Stores a new user, joining the running transaction.
     *
     * @param site the site the user belongs to
     * @param user the new user, with an id no user of the site has and version 1; an account or a pending identity
     * @throws ScimException {@code 409 uniqueness} if a user of the site (hidden and pending ones included) holds a
     *                       userName with the same key, storing nothing
     */
    void insert(SiteId site, User user);

    /**
     * Stores many new users at once (seeding, bulk sign-in); same rules as {@link #insert}. The default inserts one
     * by one; Roster's own stores store all of them or, on a clash, none.
     *
     * @param site  the site the users belong to
     * @param users the new users, their userNames distinct by key from each other and from the site's users
     * @throws ScimException {@code 409 uniqueness} if one of the userNames is taken, by the site or by another
     *                       user of the batch
     */
    default void insertAll(SiteId site, List<User> users) {
        users.forEach(user -> insert(site, user));
    }

    /**
     * Replaces the stored user if its version is still {@code expectedVersion}; the new value carries the next
     * version. Returns false, changing nothing, when another change got there first.
     * {@code ScimException.uniqueness} if a new userName is taken. A user may change the case or spelling of its own
     * userName within the same key.
     *
     * @param site            the site of the user; an update naming another site's user changes nothing
     * @param user            the new value, with the id of the stored user and version {@code expectedVersion + 1}
     * @param expectedVersion the version the caller read and based the new value on
     * @return true when the new value is stored; false, changing nothing, when the stored version is another one or
     *         the site has no user of that id (the caller reads again and retries, or answers {@code 412})
     * @throws ScimException {@code 409 uniqueness} if another user of the site holds the new userName's key
     */
    boolean update(SiteId site, User user, long expectedVersion);

    /**
     * Prepares a new value for {@link #update(SiteId, PreparedUser, long)} or {@link #insert(SiteId, PreparedUser)}
     * outside the write transaction (ADR 034): the caller's thread, not the write unit, pays for what the store
     * computes from the value. Reads and writes nothing. The default prepares nothing.
     *
     * @param site the site the user belongs to
     * @param user the value to be written
     * @return the prepared value, to be written by this store for this site only
     */
    default PreparedUser prepare(SiteId site, User user) {
        return PreparedUser.of(user);
    }

    /**
     * {@link #update(SiteId, User, long)} of a value {@link #prepare prepared} for it. The default writes
     * {@link PreparedUser#user()}; a store that prepared the value writes what it prepared.
     *
     * @param site            the site of the user, the one the value was prepared for
     * @param prepared        the new value, as {@link #prepare} returned it
     * @param expectedVersion the version the caller read and based the new value on
     * @return as {@link #update(SiteId, User, long)}
     * @throws ScimException as {@link #update(SiteId, User, long)}
     */
    default boolean update(SiteId site, PreparedUser prepared, long expectedVersion) {
        return update(site, prepared.user(), expectedVersion);
    }

    /**
     * {@link #update(SiteId, PreparedUser, long)} and, only if it stored the value, {@code audit}'s
     * {@link AuditLog#appendAll appendAll} of {@code records}, in the caller's transaction: a lost race writes
     * neither the user nor a record. The default does exactly that, one after the other. A store that shares its
     * database with {@code audit} may write the records in the update's own statement instead (ADR 054: on
     * PostgreSQL a round trip less), the records exactly as {@code audit} would have appended them; with any other
     * {@code audit} it must take the default's way.
     *
     * @param site            the site of the user, the one the value was prepared for
     * @param prepared        the new value, as {@link #prepare} returned it
     * @param expectedVersion the version the caller read and based the new value on
     * @param records         the change's audit records, in order; may be empty
     * @param audit           the audit log the records belong in
     * @return as {@link #update(SiteId, User, long)}: false when nothing, neither the user nor a record, was written
     * @throws ScimException as {@link #update(SiteId, User, long)}
     */
    default boolean updateRecorded(SiteId site, PreparedUser prepared, long expectedVersion,
                                   List<AuditRecord> records, AuditLog audit) {
        if (!update(site, prepared, expectedVersion)) {
            return false;
        }
        audit.appendAll(records);
        return true;
    }

    /**
     * {@link #insert(SiteId, User)} of a value {@link #prepare prepared} for it. The default inserts
     * {@link PreparedUser#user()}.
     *
     * @param site     the site the user belongs to, the one the value was prepared for
     * @param prepared the new user, as {@link #prepare} returned it
     * @throws ScimException as {@link #insert(SiteId, User)}
     */
    default void insert(SiteId site, PreparedUser prepared) {
        insert(site, prepared.user());
    }

    /**
     * Erases the stored user if its version is still {@code expectedVersion}, with everything stored for it but
     * its audit records. Returns false, changing nothing, when another change got there first or there is no such
     * user. Roster erases only pending identities: an account is never erased, only hidden.
     *
     * @param site            the site of the user; a delete naming another site's user erases nothing
     * @param id              Roster's SCIM {@code id} of the user to erase
     * @param expectedVersion the version the caller read
     * @return true when the user was erased (its userName is free again); false when nothing was
     */
    boolean delete(SiteId site, String id, long expectedVersion);
}

package dev.roster.scim.testkit;

import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.core.port.out.Keyset;
import dev.roster.scim.core.port.out.KeysetPage;
import dev.roster.scim.core.port.out.UserQuery;
import dev.roster.scim.core.port.out.UserStore;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link UserStore} that passes every call to another, for tests that change one behaviour (an update that
 * loses a race, say) and keep the rest real.
 *
 * <pre>{@code
 * UserStore racing = new ForwardingUserStore(store) {
 *     public boolean update(SiteId site, User user, long expected) { ...; return super.update(site, user, expected); }
 * };
 * }</pre>
 *
 * <p>The stored-rendering reads ({@code findRendered}, {@code searchRendered}, {@code searchRenderedByKeyset}) and
 * the prepared writes ({@code prepare} and the {@code PreparedUser} forms of {@code update} and {@code insert}, ADR
 * 034) are not forwarded on purpose: they keep the port's defaults, which answer through the methods below, so an
 * override of {@link #findById}, {@link #search}, {@link #searchByKeyset}, {@link #update} or {@link #insert} sees
 * every call the use cases make.
 */
public abstract class ForwardingUserStore implements UserStore {

    /** The store every call goes to unless a subclass overrides it. */
    protected final UserStore delegate;

    /**
     * A store that passes every call to {@code delegate}.
     *
     * @param delegate the store that does the work
     */
    protected ForwardingUserStore(UserStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<User> findById(SiteId site, String id) {
        return delegate.findById(site, id);
    }

    @Override
    public Optional<User> findByUserName(SiteId site, String userName) {
        return delegate.findByUserName(site, userName);
    }

    @Override
    public Set<String> existingUserNames(SiteId site, Collection<String> userNames) {
        return delegate.existingUserNames(site, userNames);
    }

    @Override
    public UserPage search(SiteId site, UserQuery query) {
        return delegate.search(site, query);
    }

    @Override
    public KeysetPage searchByKeyset(SiteId site, UserQuery query, Keyset keyset) {
        return delegate.searchByKeyset(site, query, keyset);
    }

    @Override
    public void insert(SiteId site, User user) {
        delegate.insert(site, user);
    }

    @Override
    public void insertAll(SiteId site, List<User> users) {
        delegate.insertAll(site, users);
    }

    @Override
    public boolean update(SiteId site, User user, long expectedVersion) {
        return delegate.update(site, user, expectedVersion);
    }

    @Override
    public boolean delete(SiteId site, String id, long expectedVersion) {
        return delegate.delete(site, id, expectedVersion);
    }
}

package dev.roster.scim.testkit;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.Accounts;

import java.util.Optional;

/**
 * A host's {@link Accounts} that passes every call to another, for tests that change one behaviour (a write that
 * fails, a write that is recorded) and keep the rest real.
 *
 * <pre>{@code
 * Accounts counting = new ForwardingAccounts(new InMemoryAccounts()) {
 *     public void create(SiteId site, Account account) { creates++; super.create(site, account); }
 * };
 * }</pre>
 */
public abstract class ForwardingAccounts implements Accounts {

    /** The accounts every call goes to unless a subclass overrides it. */
    protected final Accounts delegate;

    /**
     * Accounts that pass every call to {@code delegate}.
     *
     * @param delegate the accounts that do the work
     */
    protected ForwardingAccounts(Accounts delegate) {
        this.delegate = delegate;
    }

    @Override
    public Optional<Account> findById(SiteId site, String id) {
        return delegate.findById(site, id);
    }

    @Override
    public Optional<Account> findByUserName(SiteId site, String userName) {
        return delegate.findByUserName(site, userName);
    }

    @Override
    public void create(SiteId site, Account account) {
        delegate.create(site, account);
    }

    @Override
    public void setActive(SiteId site, String id, boolean active, long version) {
        delegate.setActive(site, id, active, version);
    }

    @Override
    public void setRole(SiteId site, String id, Role role, long version) {
        delegate.setRole(site, id, role, version);
    }
}

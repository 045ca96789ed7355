package dev.roster.scim.testkit;

import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.Accounts;

/**
 * A host's accounts whose writes fail when told to (a full disk, a lock timeout), counting the writes it was asked
 * for; reads always go through.
 *
 * <pre>{@code
 * FailingAccounts host = new FailingAccounts(new InMemoryAccounts());
 * host.failNext(2);
 * }</pre>
 */
public final class FailingAccounts extends ForwardingAccounts {

    /** The message of every failure; a test checks that it does not reach the IdP. */
    public static final String FAILURE = "disk full at /var/lib/app/accounts.db";

    private int failuresLeft;
    private boolean failingAlways;
    private int writeCalls;

    /**
     * Accounts that pass every call to {@code delegate} until told to fail.
     *
     * @param delegate the accounts that do the work
     */
    public FailingAccounts(Accounts delegate) {
        super(delegate);
    }

    /**
     * The next {@code count} writes fail, with an {@link IllegalStateException} whose message is
     * {@link #FAILURE}.
     *
     * @param count how many writes fail before they succeed again
     */
    public synchronized void failNext(int count) {
        failuresLeft = count;
    }

    /**
     * Every write fails until this is called with {@code false}.
     *
     * @param failing true to fail every write from now on, false to stop
     */
    public synchronized void failAlways(boolean failing) {
        failingAlways = failing;
    }

    /**
     * How many writes were asked for, failed or not.
     *
     * @return the count since construction
     */
    public synchronized int writeCalls() {
        return writeCalls;
    }

    private synchronized void write() {
        writeCalls++;
        if (failingAlways) {
            throw new IllegalStateException(FAILURE);
        }
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException(FAILURE);
        }
    }

    @Override
    public void create(SiteId site, Account account) {
        write();
        super.create(site, account);
    }

    @Override
    public void setActive(SiteId site, String id, boolean active, long version) {
        write();
        super.setActive(site, id, active, version);
    }

    @Override
    public void setRole(SiteId site, String id, Role role, long version) {
        write();
        super.setRole(site, id, role, version);
    }
}

package dev.roster.scim.testkit;

import dev.roster.scim.core.identifier.IdentifierProfile;
import dev.roster.scim.core.model.Role;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.Account;
import dev.roster.scim.core.port.out.Accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host's accounts table in a map, as {@link AccountsContract} asks of every {@link Accounts}; it can take part in
 * {@link InMemoryTransactions}, as a host table in Roster's database would, and counts the calls that changed an
 * account, so that a test sees a redelivery change nothing.
 */
public final class InMemoryAccounts implements Accounts, Restorable {

    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private int writes;

    @Override
    public synchronized Optional<Account> findById(SiteId site, String id) {
        return Optional.ofNullable(accounts.get(key(site, id)));
    }

    @Override
    public synchronized Optional<Account> findByUserName(SiteId site, String userName) {
        String wanted = IdentifierProfile.key(userName);
        return accounts.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(site.value() + "\u0000"))
                .map(Map.Entry::getValue)
                .filter(account -> IdentifierProfile.key(account.userName()).equals(wanted))
                .findFirst();
    }

    @Override
    public synchronized void create(SiteId site, Account account) {
        if (accounts.putIfAbsent(key(site, account.id()), account) == null) {
            writes++;
        }
    }

    @Override
    public synchronized void setActive(SiteId site, String id, boolean active, long version) {
        update(site, id, version, held -> new Account(held.id(), held.userName(), held.email(), active, held.role(),
                version));
    }

    @Override
    public synchronized void setRole(SiteId site, String id, Role role, long version) {
        update(site, id, version, held -> new Account(held.id(), held.userName(), held.email(), held.active(), role,
                version));
    }

    private void update(SiteId site, String id, long version, java.util.function.UnaryOperator<Account> change) {
        Account held = accounts.get(key(site, id));
        if (held == null || held.version() > version) {
            return;
        }
        Account next = change.apply(held);
        if (!next.equals(held)) {
            accounts.put(key(site, id), next);
            writes++;
        }
    }

    /**
     * Every account, in creation order, for assertions.
     *
     * @return a copy of the accounts of every site
     */
    public synchronized List<Account> all() {
        return List.copyOf(accounts.values());
    }

    /**
     * How many calls changed an account; a call that left every account as it was (a repeat, a stale version, an
     * unknown account) does not count.
     *
     * @return the count since construction
     */
    public synchronized int writes() {
        return writes;
    }

    @Override
    public synchronized Runnable snapshot() {
        Map<String, Account> copy = new LinkedHashMap<>(accounts);
        int writesThen = writes;
        return () -> {
            synchronized (this) {
                accounts.clear();
                accounts.putAll(copy);
                writes = writesThen;
            }
        };
    }

    private static String key(SiteId site, String id) {
        return site.value() + "\u0000" + id;
    }
}

package dev.roster.scim.testkit;

import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.core.port.out.Transactions;
import dev.roster.scim.core.port.out.UserStore;

import java.util.Objects;

/**
 * A set of stores sharing one {@link Transactions}, as {@link TransactionsContract} needs them.
 *
 * <pre>{@code
 * Stores stores = Stores.inMemory();
 * }</pre>
 *
 * @param users        the user store
 * @param sites        the site store
 * @param audit        the audit log
 * @param transactions the units of work all three take part in
 */
public record Stores(UserStore users, SiteStore sites, AuditLog audit, Transactions transactions) {

    /**
     * A set of stores.
     *
     * @param users        the user store
     * @param sites        the site store
     * @param audit        the audit log
     * @param transactions the units of work all three take part in
     * @throws NullPointerException if any is null
     */
    public Stores {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * Fresh in-memory stores whose transactions roll all three back together.
     *
     * @return empty stores
     */
    public static Stores inMemory() {
        InMemoryUserStore users = new InMemoryUserStore();
        InMemorySiteStore sites = new InMemorySiteStore();
        InMemoryAuditLog audit = new InMemoryAuditLog();
        return new Stores(users, sites, audit, new InMemoryTransactions(users, sites, audit));
    }
}

package dev.roster.scim.core.service;

import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.SiteStore;
import dev.roster.scim.core.port.out.Transactions;
import dev.roster.scim.core.port.out.UserStore;

import java.time.Clock;
import java.util.Objects;

/**
 * The driven ports the use cases need, handed over once by the composition root.
 *
 * <pre>{@code
 * Ports ports = new Ports(userStore, siteStore, auditLog, transactions, AccountEvents.NONE, Clock.systemUTC());
 * ScimUsers scimUsers = new ScimUsersService(ports);
 * }</pre>
 */
public record Ports(UserStore users, SiteStore sites, AuditLog audit, Transactions transactions,
                    AccountEvents events, Clock clock) {

    public Ports {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
    }
}

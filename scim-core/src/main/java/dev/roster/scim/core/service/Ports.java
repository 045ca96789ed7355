package dev.roster.scim.core.service;

import dev.roster.scim.core.port.out.AccountEventFailures;
import dev.roster.scim.core.port.out.AccountEvents;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.core.port.out.ScimOutcomes;
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
 *
 * <p>A host with its own accounts table adds how the use cases tell it of account changes (ADR 022):
 * {@code ports.withAccountSync(AccountSync.outbox(outbox))}; without it they tell no one. A host that counts what
 * became of SCIM requests (ignored roles, refusals) adds {@code ports.withOutcomes(outcomes)}, and one that wants to
 * hear of a listener that threw after its change committed adds {@code ports.withEventFailures(failures)}.
 *
 * @param users        the users of every site
 * @param sites        the sites' settings and tokens
 * @param audit        where the use cases record who changed what
 * @param transactions the unit of work every change runs in
 * @param events       who hears of account changes after they commit ({@link AccountEvents#NONE}: no one)
 * @param clock        the time of records, versions and token expiry
 * @param accountSync  how the host's own accounts hear of changes ({@link AccountSync#none()}: not at all)
 * @param outcomes     who counts what became of SCIM requests ({@link ScimOutcomes#NONE}: no one)
 * @param eventFailures who hears of a listener of {@code events} that threw ({@link AccountEventFailures#NONE}: no
 *                      one)
 */
public record Ports(UserStore users, SiteStore sites, AuditLog audit, Transactions transactions,
                    AccountEvents events, Clock clock, AccountSync accountSync, ScimOutcomes outcomes,
                    AccountEventFailures eventFailures) {

    /**
     * The ports of a host without accounts of its own ({@link AccountSync#none()}).
     *
     * @param users        the users of every site
     * @param sites        the sites' settings and tokens
     * @param audit        where the use cases record who changed what
     * @param transactions the unit of work every change runs in
     * @param events       who hears of account changes after they commit
     * @param clock        the time of records, versions and token expiry
     */
    public Ports(UserStore users, SiteStore sites, AuditLog audit, Transactions transactions, AccountEvents events,
                 Clock clock) {
        this(users, sites, audit, transactions, events, clock, AccountSync.none());
    }

    /**
     * The ports of a host that counts no {@link ScimOutcomes}.
     *
     * @param users        the users of every site
     * @param sites        the sites' settings and tokens
     * @param audit        where the use cases record who changed what
     * @param transactions the unit of work every change runs in
     * @param events       who hears of account changes after they commit
     * @param clock        the time of records, versions and token expiry
     * @param accountSync  how the host's own accounts hear of changes
     */
    public Ports(UserStore users, SiteStore sites, AuditLog audit, Transactions transactions, AccountEvents events,
                 Clock clock, AccountSync accountSync) {
        this(users, sites, audit, transactions, events, clock, accountSync, ScimOutcomes.NONE);
    }

    /**
     * The ports of a host that hears of no listener's failure ({@link AccountEventFailures#NONE}).
     *
     * @param users        the users of every site
     * @param sites        the sites' settings and tokens
     * @param audit        where the use cases record who changed what
     * @param transactions the unit of work every change runs in
     * @param events       who hears of account changes after they commit
     * @param clock        the time of records, versions and token expiry
     * @param accountSync  how the host's own accounts hear of changes
     * @param outcomes     who counts what became of SCIM requests
     */
    public Ports(UserStore users, SiteStore sites, AuditLog audit, Transactions transactions, AccountEvents events,
                 Clock clock, AccountSync accountSync, ScimOutcomes outcomes) {
        this(users, sites, audit, transactions, events, clock, accountSync, outcomes, AccountEventFailures.NONE);
    }

    /**
     * Every port is required: a host without one passes its {@code NONE}.
     *
     * @param users        the users of every site
     * @param sites        the sites' settings and tokens
     * @param audit        where the use cases record who changed what
     * @param transactions the unit of work every change runs in
     * @param events       who hears of account changes after they commit
     * @param clock        the time of records, versions and token expiry
     * @param accountSync  how the host's own accounts hear of changes
     * @param outcomes     who counts what became of SCIM requests
     * @param eventFailures who hears of a listener that threw
     */
    public Ports {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sites, "sites");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(accountSync, "accountSync");
        Objects.requireNonNull(outcomes, "outcomes");
        Objects.requireNonNull(eventFailures, "eventFailures");
    }

    /**
     * These ports, telling the host's accounts of changes through {@code sync}.
     *
     * @param sync how the host's accounts hear of changes
     * @return a copy with {@code sync}
     */
    public Ports withAccountSync(AccountSync sync) {
        return new Ports(users, sites, audit, transactions, events, clock, sync, outcomes, eventFailures);
    }

    /**
     * These ports, telling {@code counted} what became of SCIM requests.
     *
     * @param counted who counts the outcomes
     * @return a copy with {@code counted}
     */
    public Ports withOutcomes(ScimOutcomes counted) {
        return new Ports(users, sites, audit, transactions, events, clock, accountSync, counted, eventFailures);
    }

    /**
     * These ports, telling {@code failures} of a listener that threw after its change committed.
     *
     * @param failures who hears of the listeners' failures
     * @return a copy with {@code failures}
     */
    public Ports withEventFailures(AccountEventFailures failures) {
        return new Ports(users, sites, audit, transactions, events, clock, accountSync, outcomes, failures);
    }
}

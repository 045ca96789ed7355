/**
 * The driven ports: what Roster's use cases need from the world around them, and what an embedder implements or
 * takes from {@code persistence-mybatis} ({@code RosterDatabase} hands out every store as one of these ports). The
 * use cases get them in one {@code dev.roster.scim.core.service.Ports} record.
 *
 * <ul>
 *   <li>Storage: {@link dev.roster.scim.core.port.out.UserStore}, {@link dev.roster.scim.core.port.out.SiteStore},
 *   {@link dev.roster.scim.core.port.out.AuditLog} and {@link dev.roster.scim.core.port.out.Transactions}, which
 *   every write of the other three joins; {@link dev.roster.scim.core.port.out.ExchangeLog} for the request
 *   inspector, {@link dev.roster.scim.core.port.out.RateLimiter} for the sites' rate limits and
 *   {@link dev.roster.scim.core.port.out.CursorKeys} for signed paging cursors.</li>
 *   <li>The side-car way (ADR 022): {@link dev.roster.scim.core.port.out.Accounts}, the host's own accounts table,
 *   told in the change's transaction or through the {@link dev.roster.scim.core.port.out.AccountOutbox}.</li>
 *   <li>Listeners, called after a change committed: {@link dev.roster.scim.core.port.out.AccountEvents} (an account
 *   deactivated, reactivated, its role changed), {@link dev.roster.scim.core.port.out.AccountEventFailures} (such a
 *   listener threw, ADR 037) and {@link dev.roster.scim.core.port.out.ScimOutcomes} (counters).</li>
 * </ul>
 *
 * <p>Contract suites in {@code roster-testkit} check the implementations ({@code UserStoreContract},
 * {@code SiteStoreContract}, {@code AuditLogContract}, {@code TransactionsContract}, {@code ExchangeLogContract},
 * {@code RateLimiterContract}, {@code AccountsContract}, {@code AccountOutboxContract}, in
 * {@code dev.roster.scim.testkit}): an implementation is checked with one subclass that makes a fresh instance. The
 * testkit's in-memory implementations are the reference the suites were written against. Implementations translate
 * their own failures: nothing of the storage technology crosses a port, and the {@code ScimException}s a port
 * documents are the answers a SCIM client gets. Methods never return null.
 *
 * <pre>{@code
 * RosterDatabase database = RosterDatabase.open(path);
 * Ports ports = new Ports(database.userStore(), database.siteStore(), database.auditLog(),
 *         database.transactions(), AccountEvents.NONE, Clock.systemUTC());
 * }</pre>
 */
package dev.roster.scim.core.port.out;

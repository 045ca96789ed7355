package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.SiteId;

import java.util.List;

/**
 * The append-only record of who changed which user, and how. Appends join the use case's {@link Transactions} unit,
 * so a change and its records commit together. {@code dev.roster.scim.testkit.AuditLogContract} (roster-testkit)
 * pins the order down. Implemented by persistence-mybatis ({@code RosterDatabase.auditLog()}) and the testkit's
 * {@code InMemoryAuditLog}; written by the use cases and read by the site admin's views, from many threads at
 * once. Records are never changed or removed, not even when a pending identity is erased. Sites never mix.
 *
 * <pre>{@code
 * auditLog.recentForUser(site, userId, 20)   // newest first
 * }</pre>
 */
public interface AuditLog {

    /**
     * Appends one record, joining the running transaction.
     *
     * @param record who changed which user of which site, how, when, and the values before and after
     */
    void append(AuditRecord record);

    /**
     * Appends many records in order (batches); the same as appending each.
     *
     * @param records the records, in the order they happened
     */
    default void appendAll(List<AuditRecord> records) {
        records.forEach(this::append);
    }

    /**
     * The site's newest records first, at most {@code limit}. Records of the same instant come latest appended
     * first.
     *
     * @param site  the site whose records are read
     * @param limit the most records to return, 0 or more
     * @return the records, newest first; empty for a site without any
     */
    List<AuditRecord> recent(SiteId site, int limit);

    /**
     * One user's newest records first, at most {@code limit}, in the same order as {@link #recent}.
     *
     * @param site   the site of the user
     * @param userId the user's Roster id; records stay readable after a pending identity was erased
     * @param limit  the most records to return, 0 or more
     * @return the user's records, newest first; empty when it has none
     */
    List<AuditRecord> recentForUser(SiteId site, String userId, int limit);
}

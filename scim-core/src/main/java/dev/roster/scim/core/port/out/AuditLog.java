package dev.roster.scim.core.port.out;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.SiteId;

import java.util.List;

/**
 * The append-only record of who changed which user, and how. Appends join the use case's {@link Transactions} unit,
 * so a change and its records commit together. {@code AuditLogContract} (core test-jar) pins the order down.
 *
 * <pre>{@code
 * auditLog.recentForUser(site, userId, 20)   // newest first
 * }</pre>
 */
public interface AuditLog {

    void append(AuditRecord record);

    /** Appends many records in order (batches); the same as appending each. */
    default void appendAll(List<AuditRecord> records) {
        records.forEach(this::append);
    }

    /** The site's newest records first, at most {@code limit}. */
    List<AuditRecord> recent(SiteId site, int limit);

    /** One user's newest records first, at most {@code limit}. */
    List<AuditRecord> recentForUser(SiteId site, String userId, int limit);
}

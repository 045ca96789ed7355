package dev.roster.scim.testkit;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.AuditLog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@link AuditLog} in a list. Newest first means latest {@code at} first and, for equal times, the later append
 * first, as {@link AuditLogContract} asks of every implementation.
 */
public final class InMemoryAuditLog implements AuditLog, Restorable {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(AuditRecord record) {
        records.add(record);
    }

    @Override
    public synchronized List<AuditRecord> recent(SiteId site, int limit) {
        return newestFirst(record -> record.site().equals(site), limit);
    }

    @Override
    public synchronized List<AuditRecord> recentForUser(SiteId site, String userId, int limit) {
        return newestFirst(record -> record.site().equals(site) && record.userId().equals(userId), limit);
    }

    /**
     * Every record in the order appended, for assertions.
     *
     * @return a copy of the records of every site
     */
    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }

    @Override
    public synchronized Runnable snapshot() {
        int size = records.size();
        return () -> {
            synchronized (this) {
                records.subList(size, records.size()).clear();
            }
        };
    }

    private List<AuditRecord> newestFirst(Predicate<AuditRecord> which, int limit) {
        List<AuditRecord> reversed = new ArrayList<>(records);
        Collections.reverse(reversed);
        return reversed.stream()
                .filter(which)
                .sorted(Comparator.comparing(AuditRecord::at).reversed())
                .limit(limit)
                .toList();
    }
}

package dev.roster.scim.mybatis;

import dev.roster.scim.core.model.AuditRecord;
import dev.roster.scim.core.model.ChangeSource;
import dev.roster.scim.core.model.SiteId;
import dev.roster.scim.core.port.out.AuditLog;
import dev.roster.scim.mybatis.internal.mapper.AuditMapper;
import dev.roster.scim.mybatis.internal.mapper.AuditRow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link AuditLog} on the {@code audit_log} table; its autoincrement id orders records newest first. */
final class MyBatisAuditLog implements AuditLog {

    private final Sessions sessions;

    MyBatisAuditLog(Sessions sessions) {
        this.sessions = sessions;
    }

    /** In plain JDBC (ADR 050): it runs on every write, on SQLite's one writer. */
    @Override
    public void append(AuditRecord record) {
        appendRows(List.of(row(record)));
    }

    /** More than one record in one batch: on PostgreSQL one round trip. */
    @Override
    public void appendAll(List<AuditRecord> records) {
        if (!records.isEmpty()) {
            appendRows(records.stream().map(MyBatisAuditLog::row).toList());
        }
    }

    private void appendRows(List<AuditRow> rows) {
        sessions.write(session -> {
            JdbcWrites.appendAudit(session.getConnection(), rows);
            return null;
        });
    }

    /** Whether this log writes through {@code other}, so that a user store on them can write its records (ADR 054). */
    boolean writesThrough(Sessions other) {
        return sessions == other;
    }

    /** The row {@link #append} writes for {@code record}; also the one the user store's update writes (ADR 054). */
    static AuditRow row(AuditRecord record) {
        return new AuditRow(record.site().value(), record.userId(), record.userName(), record.source().label(),
                record.action(), record.before().orElse(null), record.after().orElse(null), record.detail(),
                record.at().toEpochMilli());
    }

    @Override
    public List<AuditRecord> recent(SiteId site, int limit) {
        return sessions.read(session -> session.getMapper(AuditMapper.class).recent(site.value(), limit)).stream()
                .map(MyBatisAuditLog::toRecord)
                .toList();
    }

    @Override
    public List<AuditRecord> recentForUser(SiteId site, String userId, int limit) {
        return sessions.read(session -> session.getMapper(AuditMapper.class)
                        .recentForUser(site.value(), userId, limit)).stream()
                .map(MyBatisAuditLog::toRecord)
                .toList();
    }

    private static AuditRecord toRecord(AuditRow row) {
        return new AuditRecord(SiteId.of(row.site()), row.userId(), row.userName(),
                ChangeSource.fromLabel(row.source()), row.action(), Optional.ofNullable(row.before()),
                Optional.ofNullable(row.after()), row.detail(), Instant.ofEpochMilli(row.at()));
    }
}

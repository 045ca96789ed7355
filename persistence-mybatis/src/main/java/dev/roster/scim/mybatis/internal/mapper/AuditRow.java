package dev.roster.scim.mybatis.internal.mapper;

/** One row of {@code audit_log}; {@code at} in epoch milliseconds. */
public record AuditRow(String site, String userId, String userName, String source, String action, String before,
                       String after, String detail, long at) {
}

package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** The reads of {@code audit_log}, in AuditMapper.xml; its insert is plain JDBC ({@code JdbcWrites}, ADR 050). */
public interface AuditMapper {

    List<AuditRow> recent(@Param("site") String site, @Param("limit") int limit);

    List<AuditRow> recentForUser(@Param("site") String site, @Param("userId") String userId,
                                 @Param("limit") int limit);
}

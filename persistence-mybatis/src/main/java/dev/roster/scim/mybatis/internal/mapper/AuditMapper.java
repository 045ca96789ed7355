package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Statements on {@code audit_log}, in AuditMapper.xml. */
public interface AuditMapper {

    void append(AuditRow row);

    List<AuditRow> recent(@Param("site") String site, @Param("limit") int limit);

    List<AuditRow> recentForUser(@Param("site") String site, @Param("userId") String userId,
                                 @Param("limit") int limit);
}

package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.Optional;

/** Statements on {@code admin_sessions}, in AdminSessionMapper.xml. */
public interface AdminSessionMapper {

    void insert(AdminSessionRow row);

    Optional<AdminSessionRow> find(String idHash);

    void touch(@Param("idHash") String idHash, @Param("at") long at);

    void delete(String idHash);

    void deleteAll();

    void deleteEnded(@Param("now") long now, @Param("idleSince") long idleSince);
}

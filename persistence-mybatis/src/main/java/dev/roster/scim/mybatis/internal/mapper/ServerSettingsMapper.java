package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.Optional;

/** Statements on {@code server_settings}, in ServerSettingsMapper.xml. */
public interface ServerSettingsMapper {

    Optional<String> find(String name);

    void put(@Param("name") String name, @Param("value") String value);

    /** Rows inserted: 0 when the name has a value already (set by another process, say). */
    int putIfAbsent(@Param("name") String name, @Param("value") String value);
}

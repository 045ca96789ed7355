package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.Optional;

/** Statements on {@code sites} and {@code site_tokens}, in SiteMapper.xml. */
public interface SiteMapper {

    Optional<SiteRow> find(String site);

    void insert(SiteRow row);

    void update(SiteRow row);

    List<String> list();

    List<SiteTokenRow> tokens(String site);

    void insertToken(SiteTokenRow row);

    int expireToken(@Param("site") String site, @Param("id") String id, @Param("at") long at);

    int deleteToken(@Param("site") String site, @Param("id") String id);

    int deleteTokensExpiredBefore(@Param("site") String site, @Param("now") long now);

    int recordTokenUse(@Param("site") String site, @Param("id") String id, @Param("at") long at,
                       @Param("client") String client, @Param("staleBefore") long staleBefore);
}

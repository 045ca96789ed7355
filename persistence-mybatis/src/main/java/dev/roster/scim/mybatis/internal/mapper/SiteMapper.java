package dev.roster.scim.mybatis.internal.mapper;

import java.util.List;
import java.util.Optional;

/** Statements on {@code sites}, in SiteMapper.xml. */
public interface SiteMapper {

    Optional<SiteRow> find(String site);

    void insert(SiteRow row);

    void update(SiteRow row);

    List<String> list();
}

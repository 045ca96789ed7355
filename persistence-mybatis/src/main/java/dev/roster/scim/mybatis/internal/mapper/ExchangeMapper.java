package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.List;
import java.util.Optional;

/** Statements on {@code scim_exchanges}, in ExchangeMapper.xml. */
public interface ExchangeMapper {

    void insert(ExchangeRow row);

    /**
     * Removes the site's exchanges beyond the newest {@code kept} of those refused with {@code refusedStatus} (401
     * or 429), or, when it is 0, of the others.
     */
    int trim(@Param("site") String site, @Param("refusedStatus") int refusedStatus, @Param("kept") int kept);

    List<ExchangeRow> recent(@Param("site") String site, @Param("lowest") int lowest, @Param("highest") int highest,
                             @Param("limit") int limit);

    Optional<ExchangeRow> find(@Param("site") String site, @Param("id") long id);
}

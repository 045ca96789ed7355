package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.Optional;

/** Statements on {@code rate_limit_buckets} (PostgreSQL only), in RateLimitMapper.xml; times in microseconds. */
public interface RateLimitMapper {

    /** Takes one permit if the bucket has one: 1 row if it did, 0 if not. */
    int take(@Param("bucket") String bucket, @Param("interval") long interval, @Param("capacity") long capacity);

    /** How far the bucket's full instant is ahead of the database's clock now. */
    Optional<Long> fullIn(String bucket);

    int deleteFull();
}

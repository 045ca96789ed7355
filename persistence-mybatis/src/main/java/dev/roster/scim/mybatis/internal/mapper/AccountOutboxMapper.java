package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.List;

/** Statements on {@code account_outbox}, in AccountOutboxMapper.xml. */
public interface AccountOutboxMapper {

    void append(AccountOutboxRow row);

    List<AccountOutboxRow> due(@Param("now") long now, @Param("limit") int limit);

    void delete(String changeId);

    void retryLater(@Param("changeId") String changeId, @Param("attempts") int attempts,
                    @Param("dueAt") long dueAt, @Param("failure") String failure);

    long count();
}

package dev.roster.scim.mybatis.internal.mapper;

import org.apache.ibatis.annotations.Param;

import java.util.Optional;

/** Statements on {@code sign_in_failures}, in SignInFailureMapper.xml. */
public interface SignInFailureMapper {

    Optional<Long> nextFreeAt(String client);

    void push(@Param("client") String client, @Param("now") long now, @Param("interval") long interval);

    void deletePassed(long now);
}

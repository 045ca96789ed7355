package dev.roster.scim.mybatis.internal.mapper;

/** One row of {@code admin_sessions}: the session id only as its hash; times in epoch milliseconds. */
public record AdminSessionRow(String idHash, long createdAt, long lastSeenAt, long expiresAt) {
}

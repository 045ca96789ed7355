package dev.roster.scim.mybatis.internal.mapper;

/** One row of {@code site_tokens}: the token only as its hash; times in epoch milliseconds, NULL when absent. */
public record SiteTokenRow(String site, String id, String name, String tokenHash, long createdAt, Long expiresAt,
                           Long lastUsedAt, String lastUsedFrom) {
}

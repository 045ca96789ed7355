package dev.roster.scim.mybatis.internal.mapper;

/** One row of {@code account_outbox}: a change, with its account state flattened, and its delivery attempts. */
public record AccountOutboxRow(String changeId, String site, String userId, String userName, String email,
                               boolean active, String role, long version, long changedAt, int attempts,
                               long dueAt) {
}

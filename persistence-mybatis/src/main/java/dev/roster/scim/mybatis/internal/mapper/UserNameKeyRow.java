package dev.roster.scim.mybatis.internal.mapper;

/**
 * A user's {@code user_name_key} and {@code user_name_duplicate}: 0 for the user that holds the key, a rank above 0
 * for a user whose stored userName the profile of ADR 014 maps onto another user's key (kept by migration 4); and
 * whether the stored document is the one about to be written (so that unchanged email rows stay as they are).
 */
public record UserNameKeyRow(String key, int duplicate, boolean sameDocument) {
}

package dev.roster.scim.mybatis.internal.mapper;

/**
 * One row of {@code user_emails}: an email value of a user, at its position, with the value's identifier-profile
 * key and the type's folded copy for filters.
 */
public record EmailRow(String site, String userId, int position, String value, String valueKey, String type,
                       String typeFolded, boolean primary, String display) {
}

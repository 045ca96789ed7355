package dev.roster.scim.mybatis.mapper;

/** One row of {@code user_emails}: an email value of a user, at its position, with folded copies for filters. */
public record EmailRow(String site, String userId, int position, String value, String valueFolded, String type,
                       String typeFolded, boolean primary, String display) {
}

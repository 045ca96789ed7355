package dev.roster.scim.mybatis.mapper;

/** One row of {@code sites}; the token only as its hash. */
public record SiteRow(String site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles, String tokenHash,
                      Long tokenCreatedAt) {
}

package dev.roster.scim.mybatis.internal.mapper;

/** One row of {@code sites}; the creation policy as its label (NULL: never chosen). */
public record SiteRow(String site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                      String creationPolicy) {
}

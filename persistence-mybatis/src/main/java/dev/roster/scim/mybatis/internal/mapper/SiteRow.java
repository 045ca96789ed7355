package dev.roster.scim.mybatis.internal.mapper;

/**
 * One row of {@code sites}; the creation policy as its label (NULL: never chosen), the rate limits in their written
 * form (NULL: none).
 */
public record SiteRow(String site, boolean ssoConfigured, boolean scimEnabled, boolean manageRoles,
                      String creationPolicy, String siteRateLimit, String tokenRateLimit) {
}

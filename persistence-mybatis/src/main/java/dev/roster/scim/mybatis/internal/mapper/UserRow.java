package dev.roster.scim.mybatis.internal.mapper;

/**
 * One row of {@code users}: the typed columns that filters and sorts reach (text attributes with their folded
 * copies, the userName with its identifier-profile key), the Roster state (a pending identity included), epoch-millisecond timestamps and {@code document}, the JSON of everything else that
 * rebuilds the user exactly; {@code scimJson}, the user's SCIM rendering of its last write ({@code null} for a row
 * not written since migration V11 / V6), and {@code scimFormat}, the rendering format it was written in (ADR 030).
 */
public record UserRow(
        String site,
        String id,
        String userName,
        String userNameKey,
        String externalId,
        String displayName,
        String displayNameFolded,
        String givenName,
        String givenNameFolded,
        String familyName,
        String familyNameFolded,
        boolean active,
        String role,
        Boolean idpActive,
        String lastChangedBy,
        boolean claimedByIdp,
        boolean hidden,
        boolean pending,
        long version,
        long created,
        long lastModified,
        String document,
        String scimJson,
        int scimFormat) {
}

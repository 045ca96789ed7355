package dev.roster.scim.mybatis.internal.mapper;

/**
 * What a page served from stored renderings reads of a {@code users} row (ADR 035): the id for
 * {@code meta.location}, the version and rendering format that tell whether the rendering is current, and the
 * rendering itself as the database's UTF-8 bytes ({@code null} for a row not written since migration V11 / V6).
 * Four columns instead of {@link UserRow}'s twenty-four: no {@code document}, nothing decoded into text.
 *
 * @param id         the user's id
 * @param version    the row's version, which a current rendering ends with
 * @param scimJson   the stored rendering as UTF-8, or {@code null}
 * @param scimFormat the format the rendering was written in ({@code users.scim_format}, ADR 030)
 */
public record RenderingRow(String id, long version, byte[] scimJson, int scimFormat) {
}

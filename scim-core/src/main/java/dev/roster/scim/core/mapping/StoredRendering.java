package dev.roster.scim.core.mapping;

import java.util.Objects;

/**
 * One user's stored rendering with the version it renders: what a single-user answer ({@code GET /Users/{id}}) is
 * served from, its {@code ETag} taken from {@code version} without reading the text. A store gives one only when
 * the text is the rendering of that very version, so the {@code ETag} and {@code meta.version} agree.
 *
 * <pre>{@code
 * StoredRendering ann = new StoredRendering(new RenderedUser("2819c223", json), 3);   // json ends W/\"3\"}}
 * }</pre>
 *
 * @param user    the user's id and rendering, as in a {@link RenderedPage}
 * @param version the user's version, the one {@code meta.version} of the text names
 */
public record StoredRendering(RenderedUser user, long version) {

    /**
     * Checks the components.
     *
     * @param user    the user's id and rendering
     * @param version the user's version
     * @throws NullPointerException     if {@code user} is null
     * @throws IllegalArgumentException if {@code version} is below 1
     */
    public StoredRendering {
        Objects.requireNonNull(user, "user");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
    }
}

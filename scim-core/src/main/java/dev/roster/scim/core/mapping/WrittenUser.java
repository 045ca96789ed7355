package dev.roster.scim.core.mapping;

import dev.roster.scim.core.model.User;

import java.util.Objects;
import java.util.Optional;

/**
 * A user as a write stored it, with the rendering the store kept for it when it keeps one (ADR 034): the answer to
 * a {@code PUT} or {@code PATCH} without a projection is that very text, rendered once for the write.
 *
 * <pre>{@code
 * WrittenUser written = scimUsers.patchRendered(site, id, body, ifMatch);
 * written.rendering().ifPresentOrElse(text -> answerRaw(text), () -> answer(scimUsers.render(written.user(), …)));
 * }</pre>
 *
 * @param user      the user as stored after the write, for the {@code ETag}
 * @param rendering its stored rendering, of exactly that version; empty when the store keeps none, or when the
 *                  request changed nothing and so wrote nothing
 */
public record WrittenUser(User user, Optional<RenderedUser> rendering) {

    /**
     * Checks the components.
     *
     * @param user      the user as stored
     * @param rendering its rendering, or empty
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the rendering is of another user
     */
    public WrittenUser {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(rendering, "rendering");
        if (rendering.isPresent() && !rendering.get().id().equals(user.id())) {
            throw new IllegalArgumentException("a rendering of another user");
        }
    }
}

package dev.roster.scim.core.port.out;

import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.model.User;

import java.util.Objects;
import java.util.Optional;

/**
 * A user's new value as a {@link UserStore} will write it, made by {@link UserStore#prepare} before the write
 * transaction (ADR 034): whatever the store computes from the value alone (its rows, their keys, its rendering) is
 * computed on the caller's thread, so that the write unit, which holds SQLite's one writer, only binds and executes.
 * A store may return its own implementation and take it back in {@code UserStore.update(site, prepared, version)}
 * or {@code UserStore.insert(site, prepared)}; {@link #of} is the plain value, for stores that prepare nothing.
 *
 * <pre>{@code
 * PreparedUser next = users.prepare(site, changed);             // outside the transaction
 * transactions.run(() -> users.update(site, next, before.version()));
 * }</pre>
 */
public interface PreparedUser {

    /**
     * The value to write.
     *
     * @return the user as it will be stored, with its next version
     */
    User user();

    /**
     * The rendering the store will keep with the value: exactly what rendering
     * {@link dev.roster.scim.core.mapping.UserResources#defaultRepresentation} of the stored user gives, so that an
     * answer to the write can be this text.
     *
     * @return the rendering of {@link #user()}, or empty for a store that keeps none
     */
    default Optional<RenderedUser> rendering() {
        return Optional.empty();
    }

    /**
     * The value as it is, nothing prepared.
     *
     * @param user the value to write
     * @return a prepared user without a rendering
     * @throws NullPointerException if {@code user} is null
     */
    static PreparedUser of(User user) {
        Objects.requireNonNull(user, "user");
        return () -> user;
    }
}

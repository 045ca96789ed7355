package dev.roster.scim.core.mapping;

import java.util.Objects;

/**
 * A user's SCIM representation as a store kept it at the user's last write: the compact JSON text of
 * {@link UserResources#defaultRepresentation}, which the core cannot write itself (it knows no JSON text). The
 * text ends with the {@code meta} object, and {@code meta} with {@code version}: the adapter that serves it adds
 * {@code meta.location}, the one request-dependent member, right before the last two closing braces.
 *
 * <pre>{@code
 * RenderedUser ann = new RenderedUser("2819c223", "{\"schemas\":[…],\"id\":\"2819c223\",…,\"meta\":{…}}");
 * }</pre>
 *
 * @param id   the user's id, for {@code meta.location}
 * @param json the representation: a JSON object whose last member is {@code meta}, itself a JSON object
 */
public record RenderedUser(String id, String json) {

    /**
     * Checks the components.
     *
     * @param id   the user's id, for {@code meta.location}
     * @param json the representation: a JSON object whose last member is {@code meta}, itself a JSON object
     * @throws NullPointerException     for a null component
     * @throws IllegalArgumentException for a text that does not end with <code>}}</code>: no {@code meta} object last
     */
    public RenderedUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(json, "json");
        if (!json.endsWith("}}")) {
            throw new IllegalArgumentException("A rendered user ends with its meta object");
        }
    }
}

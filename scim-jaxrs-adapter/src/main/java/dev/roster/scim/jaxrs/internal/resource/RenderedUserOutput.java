package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.mapping.RenderedUser;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One user's answer from its stored rendering (ADR 034): its bytes copied with {@code meta.location} spliced in
 * before its last two closing braces, as {@link RenderedListResponse} writes each user of a page; the bytes the
 * value tree of {@code ScimUsers.render} gives.
 */
final class RenderedUserOutput implements StreamingOutput {

    private final RenderedUser user;
    private final UserLocations locations;

    RenderedUserOutput(RenderedUser user, UserLocations locations) {
        this.user = user;
        this.locations = locations;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        RenderedListResponse.writeUser(output, user, locations);
    }
}

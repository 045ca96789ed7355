package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.jackson.ScimJsonWriter;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One user's answer from its stored rendering (ADR 034): the text copied raw with {@code meta.location} spliced in
 * before its last two closing braces, as {@link ListResponseOutput} does for each user of a page; the bytes the
 * value tree of {@code ScimUsers.render} gives.
 */
final class RenderedUserOutput implements StreamingOutput {

    private static final String LOCATION_MEMBER = ",\"location\":";

    private final RenderedUser user;
    private final String locationJson;

    RenderedUserOutput(RenderedUser user, UserLocations locations) {
        this.user = user;
        this.locationJson = locations.jsonOf(user.id());
    }

    @Override
    public void write(OutputStream output) throws IOException {
        try (ScimJsonWriter json = ScimJsonWriter.on(output)) {
            json.objectWithLastMember(user.json(), LOCATION_MEMBER + locationJson);
        }
    }
}

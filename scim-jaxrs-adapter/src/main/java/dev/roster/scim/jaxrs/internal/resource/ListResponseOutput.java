package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.model.User;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.jackson.ScimJsonWriter;
import dev.roster.scim.jaxrs.internal.json.JsonBody;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A ListResponse (RFC 7644 §3.4.2) written by {@link ScimJsonWriter} into one growing array, with no tree of the
 * whole page: the bytes {@link ScimResponses#listResponse} would give, members in the same order, each user written
 * from the value tree the use case renders for it ({@code ScimUsers.render}); the array is the body, written in one
 * write (ADR 049). Pages of stored renderings are {@link RenderedListResponse}'s.
 */
final class ListResponseOutput {

    private final long totalResults;
    private final int startIndex;
    private final Optional<UserPage.Cursors> cursors;
    private final int itemsPerPage;
    private final boolean totalsOnly;
    private final Resources resources;

    private ListResponseOutput(long totalResults, int startIndex, Optional<UserPage.Cursors> cursors,
                               int itemsPerPage, boolean totalsOnly, Resources resources) {
        this.totalResults = totalResults;
        this.startIndex = startIndex;
        this.cursors = cursors;
        this.itemsPerPage = itemsPerPage;
        this.totalsOnly = totalsOnly;
        this.resources = resources;
    }

    /** A page of users, each written as its resource, which holds its {@code meta.location}. */
    static JsonBody users(UserPage page, Function<User, ScimObject> resource, boolean totalsOnly) {
        List<User> users = page.users();
        return new ListResponseOutput(page.totalResults(), page.startIndex(), page.cursors(), users.size(),
                totalsOnly, json -> {
                    for (User user : users) {
                        json.value(resource.apply(user));
                    }
                }).body();
    }

    private JsonBody body() {
        BodyBuffer body = new BodyBuffer();
        try {
            write(body);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return body.body();
    }

    private void write(OutputStream output) throws IOException {
        try (ScimJsonWriter json = ScimJsonWriter.on(output)) {
            json.startObject();
            json.startArrayField("schemas");
            json.value(ScimValue.of(ScimResponses.LIST_RESPONSE));
            json.endArray();
            json.numberField("totalResults", totalResults);
            if (cursors.isEmpty()) {
                json.numberField("startIndex", startIndex);
            }
            json.numberField("itemsPerPage", itemsPerPage);
            Optional<String> next = cursors.flatMap(UserPage.Cursors::next);
            if (next.isPresent()) {
                json.stringField("nextCursor", next.get());
            }
            Optional<String> previous = cursors.flatMap(UserPage.Cursors::previous);
            if (previous.isPresent()) {
                json.stringField("previousCursor", previous.get());
            }
            if (!totalsOnly) {
                json.startArrayField("Resources");
                resources.writeTo(json);
                json.endArray();
            }
            json.endObject();
        }
    }

    @FunctionalInterface
    private interface Resources {
        void writeTo(ScimJsonWriter json) throws IOException;
    }

    /** A byte array stream that hands its array over as the body instead of copying it. */
    private static final class BodyBuffer extends ByteArrayOutputStream {

        BodyBuffer() {
            super(8 * 1024);
        }

        JsonBody body() {
            return JsonBody.of(buf, count);
        }
    }
}

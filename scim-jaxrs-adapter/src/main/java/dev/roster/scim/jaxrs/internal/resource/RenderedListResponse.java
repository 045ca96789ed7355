package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.jackson.ScimJson;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A ListResponse (RFC 7644 §3.4.2) of stored renderings, written as bytes (ADR 035): the envelope's few members
 * around each rendering's UTF-8 bytes as the store read them, {@code meta.location} spliced in before a rendering's
 * last two closing braces (see {@link RenderedUser}). No JSON generator, no tree, no text of the page: the bytes
 * {@link ListResponseOutput} writes for the same users, which {@code ListResponseOutputTest} holds it to. Index
 * pages only: a page by cursor is written by {@link ListResponseOutput}.
 */
final class RenderedListResponse implements StreamingOutput {

    private static final byte[] START = ascii("{\"schemas\":[" + ScimJson.write(ScimValue.of(ScimResponses.LIST_RESPONSE))
            + "],\"totalResults\":");
    private static final byte[] START_INDEX = ascii(",\"startIndex\":");
    private static final byte[] ITEMS_PER_PAGE = ascii(",\"itemsPerPage\":");
    private static final byte[] RESOURCES = ascii(",\"Resources\":[");
    private static final byte[] LOCATION = ascii(",\"location\":");
    /** The end of a location string, of the {@code meta} object and of the user. */
    private static final byte[] USER_END = ascii("\"}}");
    private static final int CLOSING_BRACES = 2;

    private final RenderedPage page;
    private final UserLocations locations;
    private final boolean totalsOnly;

    private RenderedListResponse(RenderedPage page, UserLocations locations, boolean totalsOnly) {
        this.page = page;
        this.locations = locations;
        this.totalsOnly = totalsOnly;
    }

    /** The page, its users' {@code meta.location} under {@code locations}; without Resources when totals only. */
    static RenderedListResponse of(RenderedPage page, UserLocations locations, boolean totalsOnly) {
        return new RenderedListResponse(page, locations, totalsOnly);
    }

    @Override
    public void write(OutputStream output) throws IOException {
        List<RenderedUser> users = page.users();
        PageBuffer out = new PageBuffer(output);
        out.write(START);
        out.ascii(Long.toString(page.totalResults()));
        out.write(START_INDEX);
        out.ascii(Integer.toString(page.startIndex()));
        out.write(ITEMS_PER_PAGE);
        out.ascii(Integer.toString(users.size()));
        if (!totalsOnly) {
            out.write(RESOURCES);
            byte[] locationBase = locations.jsonBaseUtf8();
            for (int i = 0; i < users.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.user(users.get(i), locationBase);
            }
            out.write(']');
        }
        out.write('}');
        out.drain();
    }

    /**
     * One user's rendering with its {@code meta.location} spliced in, as each user of a page is written: the answer
     * of a single-user request served from its stored rendering (ADR 034).
     */
    static void writeUser(OutputStream output, RenderedUser user, UserLocations locations) throws IOException {
        PageBuffer out = new PageBuffer(output);
        out.user(user, locations.jsonBaseUtf8());
        out.drain();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Collects the page's small pieces into chunks, so the response stream (and the filters wrapping it) sees a few
     * large writes rather than four per user. Never flushes the stream itself: the container does when the
     * response ends.
     */
    private static final class PageBuffer extends OutputStream {

        private static final int SIZE = 16 * 1024;

        private final OutputStream target;
        private final byte[] chunk = new byte[SIZE];
        private int used;

        PageBuffer(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == SIZE) {
                drain();
            }
            chunk[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > SIZE - used) {
                drain();
                if (length > SIZE) {
                    target.write(bytes, offset, length);
                    return;
                }
            }
            System.arraycopy(bytes, offset, chunk, used, length);
            used += length;
        }

        /** A rendering, its last two closing braces replaced by its location under {@code locationBase} and them. */
        void user(RenderedUser user, byte[] locationBase) throws IOException {
            user.writeUtf8(this, user.utf8Length() - CLOSING_BRACES);
            write(LOCATION);
            write(locationBase);
            ascii(UserLocations.segment(user.id()));
            write(USER_END);
        }

        /** Text known to be ASCII (numbers, an encoded path segment), one byte a character. */
        void ascii(String text) throws IOException {
            int length = text.length();
            if (length > SIZE - used) {
                drain();
            }
            if (length > SIZE) {
                write(text.getBytes(StandardCharsets.US_ASCII));
                return;
            }
            for (int i = 0; i < length; i++) {
                chunk[used++] = (byte) text.charAt(i);
            }
        }

        void drain() throws IOException {
            if (used > 0) {
                target.write(chunk, 0, used);
                used = 0;
            }
        }
    }
}

package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.core.mapping.RenderedPage;
import dev.roster.scim.core.mapping.RenderedUser;
import dev.roster.scim.core.model.UserPage;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.jaxrs.internal.json.JsonBody;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A ListResponse (RFC 7644 §3.4.2) of stored renderings, as bytes (ADR 035): the envelope's few members around each
 * rendering's UTF-8 bytes as the store read them, {@code meta.location} spliced in before a rendering's last two
 * closing braces (see {@link RenderedUser}). No JSON generator, no tree, no text of the page: the bytes
 * {@link ListResponseOutput} gives for the same users, which {@code ListResponseOutputTest} holds it to. The length is
 * summed first and the body filled into one array of exactly that length (ADR 049). A page read by cursor has its
 * cursors where a page read by index has its {@code startIndex}.
 */
final class RenderedListResponse {

    private static final byte[] START = ascii("{\"schemas\":[" + ScimJson.write(ScimValue.of(ScimResponses.LIST_RESPONSE))
            + "],\"totalResults\":");
    private static final byte[] NOTHING = new byte[0];
    private static final byte[] ITEMS_PER_PAGE = ascii(",\"itemsPerPage\":");
    private static final byte[] RESOURCES = ascii(",\"Resources\":[");
    private static final byte[] LOCATION = ascii(",\"location\":");
    /** The end of a location string, of the {@code meta} object and of the user. */
    private static final byte[] USER_END = ascii("\"}}");
    private static final int CLOSING_BRACES = 2;

    private RenderedListResponse() {
    }

    /** The page, its users' {@code meta.location} under {@code locations}; without Resources when totals only. */
    static JsonBody of(RenderedPage page, UserLocations locations, boolean totalsOnly) {
        List<RenderedUser> users = page.users();
        String total = Long.toString(page.totalResults());
        byte[] position = position(page);
        String itemsPerPage = Integer.toString(users.size());
        byte[] cursors = page.cursors().map(RenderedListResponse::cursorMembers).orElse(NOTHING);
        long length = START.length + total.length() + position.length + ITEMS_PER_PAGE.length
                + itemsPerPage.length() + cursors.length + 1;
        byte[] locationBase = locations.jsonBaseUtf8();
        String[] segments = new String[totalsOnly ? 0 : users.size()];
        if (!totalsOnly) {
            length += RESOURCES.length + Math.max(0, users.size() - 1) + 1;
            for (int i = 0; i < segments.length; i++) {
                RenderedUser user = users.get(i);
                segments[i] = UserLocations.segment(user.id());
                length += userLength(user, locationBase, segments[i]);
            }
        }
        ExactBytes out = new ExactBytes(Math.toIntExact(length));
        out.write(START);
        out.ascii(total);
        out.write(position);
        out.write(ITEMS_PER_PAGE);
        out.ascii(itemsPerPage);
        out.write(cursors);
        if (!totalsOnly) {
            out.write(RESOURCES);
            for (int i = 0; i < segments.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.user(users.get(i), locationBase, segments[i]);
            }
            out.write(']');
        }
        out.write('}');
        return out.body();
    }

    /** {@code startIndex} and its value for a page read by index; nothing for a page read by cursor. */
    private static byte[] position(RenderedPage page) {
        return page.cursors().isPresent() ? NOTHING : ascii(",\"startIndex\":" + page.startIndex());
    }

    /** {@code nextCursor} and {@code previousCursor} where a cursor page has them, in ListResponseOutput's order. */
    private static byte[] cursorMembers(UserPage.Cursors cursors) {
        StringBuilder members = new StringBuilder();
        cursors.next().ifPresent(next -> member(members, "nextCursor", next));
        cursors.previous().ifPresent(previous -> member(members, "previousCursor", previous));
        return members.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void member(StringBuilder members, String name, String value) {
        members.append(",\"").append(name).append("\":").append(ScimJson.write(ScimValue.of(value)));
    }

    /**
     * One user's rendering with its {@code meta.location} spliced in, as each user of a page is written: the answer
     * of a single-user request served from its stored rendering (ADR 034).
     */
    static JsonBody user(RenderedUser user, UserLocations locations) {
        byte[] locationBase = locations.jsonBaseUtf8();
        String segment = UserLocations.segment(user.id());
        ExactBytes out = new ExactBytes(userLength(user, locationBase, segment));
        out.user(user, locationBase, segment);
        return out.body();
    }

    private static int userLength(RenderedUser user, byte[] locationBase, String segment) {
        return user.utf8Length() - CLOSING_BRACES + LOCATION.length + locationBase.length + segment.length()
                + USER_END.length;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An array of the body's exact length, filled in order. An {@link OutputStream} only because
     * {@link RenderedUser#writeUtf8} writes to one.
     */
    private static final class ExactBytes extends OutputStream {

        private final byte[] bytes;
        private int used;

        ExactBytes(int length) {
            bytes = new byte[length];
        }

        @Override
        public void write(int b) {
            bytes[used++] = (byte) b;
        }

        @Override
        public void write(byte[] source) {
            write(source, 0, source.length);
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            System.arraycopy(source, offset, bytes, used, length);
            used += length;
        }

        /** A rendering, its last two closing braces replaced by its location and them. */
        void user(RenderedUser user, byte[] locationBase, String segment) {
            try {
                user.writeUtf8(this, user.utf8Length() - CLOSING_BRACES);
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
            write(LOCATION);
            write(locationBase);
            ascii(segment);
            write(USER_END);
        }

        /** Text known to be ASCII (numbers, an encoded path segment), one byte a character. */
        void ascii(String text) {
            for (int i = 0; i < text.length(); i++) {
                bytes[used++] = (byte) text.charAt(i);
            }
        }

        JsonBody body() {
            if (used != bytes.length) {
                throw new IllegalStateException("A body of " + bytes.length + " bytes was filled with " + used);
            }
            return JsonBody.of(bytes);
        }
    }
}

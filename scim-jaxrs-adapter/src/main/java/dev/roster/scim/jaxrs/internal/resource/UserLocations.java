package dev.roster.scim.jaxrs.internal.resource;

import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.jaxrs.ScimPaths;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * The {@code meta.location} of a site's users in one request: the base URI of {@code /Users} built once, the id
 * appended per user, so that a page of 200 users parses no URI template. Ids are Roster's own (UUIDs: hex digits
 * and hyphens, nothing to encode); anything else an embedder's store might hold is percent-encoded as a path
 * segment (RFC 3986 §2.1: every octet outside the unreserved set, UTF-8 first).
 */
final class UserLocations {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** The unreserved characters of RFC 3986 §2.3 as bits of the ASCII table: characters 0–63, then 64–127. */
    private static final long UNRESERVED_LOW = bits("-.0123456789", 0);
    private static final long UNRESERVED_HIGH = bits("ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz~", 64);
    private static final RecentLocations RECENT = new RecentLocations(256);
    private static final String SITE_TEMPLATE = "{" + ScimPaths.SITE_PARAMETER + "}";
    private static final String USERS_BEFORE_SITE =
            ScimPaths.BASE.substring(0, ScimPaths.BASE.indexOf(SITE_TEMPLATE));
    private static final String USERS_AFTER_SITE =
            ScimPaths.BASE.substring(ScimPaths.BASE.indexOf(SITE_TEMPLATE) + SITE_TEMPLATE.length()) + "/Users";

    private final String base;
    /** The base as the start of a JSON string in UTF-8, escaped once: the opening quote, no closing one. */
    private final byte[] jsonBaseUtf8;

    private UserLocations(String base) {
        this.base = base;
        String quoted = ScimJson.write(ScimValue.of(base));
        this.jsonBaseUtf8 = quoted.substring(0, quoted.length() - 1).getBytes(StandardCharsets.UTF_8);
    }

    /** The locations of a site's users in a request, from the {@link RecentLocations} of the last few sites. */
    static UserLocations of(UriInfo uri, String site) {
        return RECENT.of(uri.getBaseUri(), site);
    }

    /**
     * The URI of a site's {@code /Users} under the application's base URI. A site name of unreserved characters
     * (every name Roster itself accepts) needs no encoding, so it is put in between the base path's two halves; a
     * {@code UriBuilder} would parse the resource's template for each request (4 % of a lookup's CPU).
     */
    static String usersUri(URI base, String site) {
        if (site.isEmpty() || !isUnreserved(site)) {
            return UriBuilder.fromUri(base).path(UsersResource.class).build(site).toString();
        }
        String baseUri = base.toString();
        return (baseUri.endsWith("/") ? baseUri : baseUri + "/") + USERS_BEFORE_SITE + site + USERS_AFTER_SITE;
    }

    /** The locations under that URI of {@code /Users}. */
    static UserLocations under(String users) {
        return new UserLocations(users.endsWith("/") ? users : users + "/");
    }

    String of(String id) {
        return base + segment(id);
    }

    /**
     * The base as the start of a JSON string in UTF-8, the opening quote and no closing one: after it, an id's
     * {@link #segment} (ASCII), then the closing quote. Shared, not copied: callers only write it.
     */
    byte[] jsonBaseUtf8() {
        return jsonBaseUtf8;
    }

    URI uriOf(String id) {
        return URI.create(of(id));
    }

    static String segment(String id) {
        if (isUnreserved(id)) {
            return id;
        }
        StringBuilder encoded = new StringBuilder(id.length() * 3);
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            if (isUnreserved(b & 0xFF)) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static boolean isUnreserved(String id) {
        for (int i = 0; i < id.length(); i++) {
            if (!isUnreserved(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isUnreserved(int c) {
        // A shift takes its distance modulo 64, so (c & 63) is implied; c >= 128 falls out by the first test.
        return c < 64 ? (UNRESERVED_LOW >>> c & 1) != 0 : c < 128 && (UNRESERVED_HIGH >>> c & 1) != 0;
    }

    private static long bits(String characters, int first) {
        long bits = 0;
        for (int i = 0; i < characters.length(); i++) {
            bits |= 1L << (characters.charAt(i) - first);
        }
        return bits;
    }
}

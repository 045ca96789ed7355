package dev.roster.scim.jaxrs.internal.resource;

import java.net.URI;

/**
 * The {@link UserLocations} of the sites lately asked for (ADR 049), so that a request's {@code meta.location} base
 * is a look-up, not a URI put together and escaped for JSON anew. A base is a function of the request's base URI
 * (the public base URL when one is set, else the {@code Host} the client sent) and the site's name as it appears in
 * the path, and nothing else; both are the key, so no change elsewhere (a token rotation, a site's settings, a new
 * public URL, another {@code Host}) can make an entry stale: a different base or name is a different key.
 *
 * <p>A direct-mapped table of a fixed number of slots: bounded whatever {@code Host} headers clients invent (a miss
 * costs what every request cost before), no lock and no eviction order to keep. Slots are read and written without
 * synchronization: an entry is immutable (final fields), so a thread sees either an older entry or a whole new one,
 * and at worst builds a base that another thread has just built.
 */
final class RecentLocations {

    private final Entry[] slots;

    /** A table of {@code slots} entries, a power of two. */
    RecentLocations(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two, not " + slots);
        }
        this.slots = new Entry[slots];
    }

    UserLocations of(URI base, String site) {
        String baseUri = base.toString();
        int hash = 31 * baseUri.hashCode() + site.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (slots.length - 1);
        Entry entry = slots[slot];
        if (entry != null && entry.site.equals(site) && entry.baseUri.equals(baseUri)) {
            return entry.locations;
        }
        UserLocations locations = UserLocations.under(UserLocations.usersUri(base, site));
        slots[slot] = new Entry(baseUri, site, locations);
        return locations;
    }

    private record Entry(String baseUri, String site, UserLocations locations) {
    }
}

package dev.roster.scim.core.service;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.model.User;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} precondition (RFC 7232 §3.1, RFC 7644 §3.14): {@code *} or a list of entity tags, compared
 * weakly (a {@code W/} prefix does not matter, as versions are weak ETags).
 */
final class IfMatch {

    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(?:W/)?\"([^\"]*)\"\\s*(,|$)");

    private final boolean any;
    private final List<String> tags;

    private IfMatch(boolean any, List<String> tags) {
        this.any = any;
        this.tags = List.copyOf(tags);
    }

    /**
     * The precondition of a header value. A header that is not an entity-tag list is a client error (400): treating
     * it as "no precondition" would let a buggy client overwrite changes it never saw.
     */
    static Optional<IfMatch> parse(Optional<String> header) {
        return header.map(IfMatch::parse);
    }

    static IfMatch parse(String header) {
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        Matcher matcher = ENTITY_TAG.matcher(header);
        int position = 0;
        while (position < header.length() && matcher.find(position) && matcher.start() == position) {
            tags.add(matcher.group(1));
            position = matcher.end();
        }
        if (tags.isEmpty() || position < header.length()) {
            throw ScimException.badRequest("If-Match must be * or entity tags such as W/\"3\"; got '" + header
                    + "'.");
        }
        return new IfMatch(false, tags);
    }

    /** 412 unless the user's current version is one of the tags. */
    void check(User user) {
        if (!any && !tags.contains(Long.toString(user.version()))) {
            throw ScimException.preconditionFailed("The user has changed: its version is now " + user.etag()
                    + "; read it again and retry.");
        }
    }
}

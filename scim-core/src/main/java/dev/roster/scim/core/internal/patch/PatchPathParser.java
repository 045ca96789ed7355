package dev.roster.scim.core.internal.patch;

import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.filter.AttrPath;
import dev.roster.scim.core.filter.AttributePath;
import dev.roster.scim.core.filter.Filter;
import dev.roster.scim.core.filter.FilterParser;

import java.util.Optional;

/**
 * Splits a PATCH path into URN, attribute, value filter and sub-attribute (RFC 7644 §3.5.2 and the ABNF of
 * §3.4.2.2). The text between the brackets goes to the filter parser; a filter that does not parse makes the path
 * malformed, so it is reported as {@code invalidPath} (the scimType RFC 7644 §3.12 gives a bad PATCH path), with
 * the filter parser's explanation.
 */
final class PatchPathParser {

    /** Long enough for any real path; a bound keeps error messages and work small. */
    static final int MAX_LENGTH = 1024;

    private PatchPathParser() {
    }

    static PatchPath parse(String text) {
        String path = text.strip();
        if (path.isEmpty()) {
            throw ScimException.invalidPath("The path is empty.");
        }
        if (path.length() > MAX_LENGTH) {
            throw ScimException.invalidPath("The path is " + path.length() + " characters long; at most "
                    + MAX_LENGTH + " are accepted.");
        }
        int open = path.indexOf('[');
        if (open < 0) {
            if (path.indexOf(']') >= 0) {
                throw invalid(path, "it has a ']' without a '['");
            }
            return attributePath(path, path, Optional.empty(), true);
        }
        int close = closingBracket(path, open);
        String filterText = path.substring(open + 1, close);
        if (filterText.isBlank()) {
            throw invalid(path, "the value filter between '[' and ']' is empty");
        }
        String after = path.substring(close + 1);
        Optional<String> sub = Optional.empty();
        if (!after.isEmpty()) {
            if (after.charAt(0) != '.') {
                throw invalid(path, "only '.' and a sub-attribute may follow ']'");
            }
            sub = Optional.of(name(path, after.substring(1)));
        }
        PatchPath attribute = attributePath(path, path.substring(0, open), Optional.of(valueFilter(path, filterText)),
                false);
        return new PatchPath(attribute.schemaUrn(), attribute.attribute(), attribute.valueFilter(), sub);
    }

    /**
     * {@code [urn:]attribute[.sub]}, by the grammar filters and query parameters share; with a value filter
     * following, no sub-attribute is allowed here.
     */
    private static PatchPath attributePath(String path, String text, Optional<Filter> filter, boolean subAllowed) {
        AttrPath attribute;
        try {
            attribute = AttributePath.parse(text);
        } catch (AttributePath.Malformed e) {
            throw invalid(path, reason(e));
        }
        if (!subAllowed && attribute.subAttribute().isPresent()) {
            throw invalid(path, "a value filter follows an attribute, not a sub-attribute");
        }
        return new PatchPath(attribute.schemaUrn(), attribute.attribute(), filter, attribute.subAttribute());
    }

    private static String name(String path, String name) {
        if (!AttributePath.isAttrName(name)) {
            throw invalid(path, name.isEmpty() ? "an attribute name is missing" : notAName(name));
        }
        return name;
    }

    private static String reason(AttributePath.Malformed e) {
        if (e.expected().startsWith("a schema URI")) {
            return "the schema URN '" + e.found() + "' is malformed";
        }
        return e.found().isEmpty() ? "an attribute name is missing" : notAName(e.found());
    }

    private static String notAName(String name) {
        return "'" + name + "' is not an attribute name (a letter, then letters, digits, '_' or '-', or $ref;"
                + " sub-attributes of sub-attributes do not exist)";
    }

    /** The index of the ']' that closes the '[' at {@code open}, skipping brackets inside JSON strings. */
    private static int closingBracket(String path, int open) {
        boolean inString = false;
        for (int i = open + 1; i < path.length(); i++) {
            char c = path.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[') {
                throw invalid(path, "value filters do not nest");
            } else if (c == ']') {
                return i;
            }
        }
        throw invalid(path, "the '[' at position " + open + " is never closed");
    }

    private static Filter valueFilter(String path, String filterText) {
        try {
            return FilterParser.parse(filterText);
        } catch (ScimException e) {
            throw invalid(path, "its value filter is malformed: " + e.detail());
        }
    }

    private static ScimException invalid(String path, String reason) {
        return ScimException.invalidPath("The path '" + shorten(path) + "' is malformed: " + reason + ".");
    }

    private static String shorten(String path) {
        return path.length() <= 100 ? path : path.substring(0, 100) + "…";
    }
}

package dev.roster.scim.core.filter;

import dev.roster.scim.core.schema.ResolvedAttribute;
import dev.roster.scim.core.schema.UserAttributeResolver;

import java.util.Optional;

/**
 * The one grammar of attribute paths: filters ({@link FilterParser}), PATCH paths and the {@code attributes},
 * {@code excludedAttributes} and {@code sortBy} parameters all read their paths here, so a path text that one of them
 * accepts, they all accept.
 *
 * <p>The rules, from RFC 7644 §3.4.2.2 (and §3.5.2, whose {@code PATH = attrPath / valuePath [subAttr]} starts with
 * the same {@code attrPath}) and RFC 7643 §2.1:
 * <pre>
 * attrPath  = [URI ":"] ATTRNAME *1subAttr
 * subAttr   = "." ATTRNAME
 * ATTRNAME  = ALPHA *(nameChar)
 * nameChar  = "-" / "_" / DIGIT / ALPHA
 * </pre>
 * and three readings the ABNF leaves open:
 * <ul>
 *   <li>{@code $ref} is a name too, in any case: RFC 7643 §2.4 and §4.1.2 name the sub-attribute so although
 *       {@code ATTRNAME} cannot produce it. No other name holds {@code $} ({@code $foo} and {@code na$me} are
 *       malformed).</li>
 *   <li>The URI ends at the last {@code :}. A name holds no colon, so that is the only place it can end; URNs keep
 *       their dots ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value} is the
 *       enterprise URN, {@code manager}, {@code value}).</li>
 *   <li>The URI is a scheme ({@code ALPHA *(ALPHA / DIGIT / "-" / ".")}), a colon, and the characters schema URNs
 *       are written with ({@code nameChar}, {@code :} and {@code .}). RFC 3986 allows more ({@code +} in a scheme,
 *       {@code (}, {@code )}, {@code ,}, {@code %} and the rest after it), but those would end a path inside a
 *       filter or an {@code attributes} list, and no schema of RFC 7643 nor any identity provider's extension uses
 *       them. So a path is made of letters, digits and {@code - _ : . $} alone.</li>
 * </ul>
 * Names and URNs compare case-insensitively (RFC 7643 §2.1); the path keeps them as written. Whitespace around a
 * path is the caller's business (a filter separates tokens with it; a parameter is stripped); inside one it is
 * malformed.
 *
 * <pre>{@code
 * AttributePath.parse("name.givenName");   // AttrPath name, sub-attribute givenName
 * AttributePath.parse("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager");
 * }</pre>
 */
public final class AttributePath {

    private static final String REF = "$ref";

    private AttributePath() {
    }

    /**
     * Reads {@code [URI ":"] ATTRNAME ["." ATTRNAME]}.
     *
     * @param text the path, without whitespace around it
     * @return the path, each part as written
     * @throws Malformed if the text is not an attribute path, with the position and what was expected there
     */
    public static AttrPath parse(String text) {
        Optional<String> schemaUrn = Optional.empty();
        String name = text;
        int nameStart = 0;
        int colon = text.lastIndexOf(':');
        if (colon >= 0) {
            String uri = text.substring(0, colon);
            if (!isSchemaUri(uri)) {
                throw new Malformed(0, "a schema URI before \":\"", uri);
            }
            schemaUrn = Optional.of(uri);
            name = text.substring(colon + 1);
            nameStart = colon + 1;
        }
        int dot = name.indexOf('.');
        String attribute = dot < 0 ? name : name.substring(0, dot);
        if (!isAttrName(attribute)) {
            throw new Malformed(nameStart, "an attribute name", attribute);
        }
        Optional<String> subAttribute = Optional.empty();
        if (dot >= 0) {
            String sub = name.substring(dot + 1);
            if (!isAttrName(sub)) {
                throw new Malformed(nameStart + dot + 1, "a sub-attribute name (a path has at most one)", sub);
            }
            subAttribute = Optional.of(sub);
        }
        return new AttrPath(schemaUrn, attribute, subAttribute);
    }

    /**
     * The User attribute the text names: empty when it is no attribute path or no schema defines it. For names a
     * resource or a PATCH value carries as JSON member names ({@code "name.givenName": "Barbara"}), which name
     * attributes by the same grammar but are never refused for it.
     *
     * @param text a path, or any text
     * @return the attribute, its sub-attribute and its schema, where the User schemas define it
     */
    public static Optional<ResolvedAttribute> resolve(String text) {
        if (!isWellFormed(text)) {
            return Optional.empty();
        }
        AttrPath path = parse(text);
        return UserAttributeResolver.resolve(path.schemaUrn(), path.attribute(), path.subAttribute());
    }

    /**
     * Whether the text is an attribute path.
     *
     * @param text any text
     * @return {@code true} if {@link #parse} reads it
     */
    public static boolean isWellFormed(String text) {
        try {
            parse(text);
            return true;
        } catch (Malformed e) {
            return false;
        }
    }

    /**
     * Whether the text is a name: {@code ATTRNAME = ALPHA *(nameChar)}, or {@code $ref} in any case.
     *
     * @param name any text
     * @return {@code true} for a name
     */
    public static boolean isAttrName(String name) {
        if (name.equalsIgnoreCase(REF)) {
            return true;
        }
        if (name.isEmpty() || !isAlpha(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!isNameChar(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the text is a schema URI as paths write one: {@code scheme ":" rest}, see the class comment.
     *
     * @param uri any text
     * @return {@code true} for such a URI
     */
    public static boolean isSchemaUri(String uri) {
        int colon = uri.indexOf(':');
        if (colon < 1 || colon == uri.length() - 1 || !isAlpha(uri.charAt(0))) {
            return false;
        }
        for (int i = 1; i < colon; i++) {
            char c = uri.charAt(i);
            if (!(isAlpha(c) || isDigit(c) || c == '-' || c == '.')) {
                return false;
            }
        }
        for (int i = colon + 1; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (!(isNameChar(c) || c == ':' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The characters a path is made of: names, the {@code :} of schema URIs, the {@code .} of sub-attributes and URN
     * versions, and the {@code $} of {@code $ref}. A filter's tokenizer reads a run of them as one token.
     */
    static boolean isPathChar(char c) {
        return isNameChar(c) || c == ':' || c == '.' || c == '$';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code nameChar = "-" / "_" / DIGIT / ALPHA}. */
    static boolean isNameChar(char c) {
        return isAlpha(c) || isDigit(c) || c == '-' || c == '_';
    }

    /**
     * A text that is no attribute path. Each entry point turns it into its own SCIM error: {@code invalidFilter} in
     * a filter, {@code invalidPath} in a PATCH path, {@code invalidValue} in a query parameter.
     */
    public static final class Malformed extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        /** Where it went wrong, 0-based. */
        private final int position;
        /** What the grammar expected there, in words. */
        private final String expected;
        /** The text found instead. */
        private final String found;

        Malformed(int position, String expected, String found) {
            super("Expected " + expected + " at position " + position + " but found \"" + found + "\"");
            this.position = position;
            this.expected = expected;
            this.found = found;
        }

        /**
         * Where in the path text it went wrong.
         *
         * @return the 0-based position
         */
        public int position() {
            return position;
        }

        /**
         * What the grammar expected there, in words.
         *
         * @return such as {@code an attribute name}
         */
        public String expected() {
            return expected;
        }

        /**
         * The piece of text found instead.
         *
         * @return the text, possibly empty
         */
        public String found() {
            return found;
        }
    }
}

package dev.roster.scim.core.filter;

import java.util.Optional;

/**
 * The rules of RFC 7644 §3.4.2.2 that the parser enforces and the printer must respect, kept in one place so that
 * whatever the printer writes, the parser reads back: the bounds on hostile input, the lexical classes of names and
 * schema URIs ({@link AttributePath} holds those), and which values each operator takes.
 */
final class FilterGrammar {

    /** Longest filter accepted, in UTF-16 units; real IdP filters are far shorter. */
    static final int MAX_LENGTH = 4096;

    /**
     * Canonical text is never this many times longer than the text it was parsed from: it adds at most a space
     * beside each token, and a number grows the most, {@code 1e-40} (5 characters) printing as {@code 0.000…01}
     * (42). So only a filter longer than {@code MAX_LENGTH / MAX_PRINTED_GROWTH} can print past {@link #MAX_LENGTH}.
     */
    static final int MAX_PRINTED_GROWTH = 10;

    /** Deepest nesting of {@code ( )}, {@code not ( )} and {@code [ ]} accepted; keeps the recursion shallow. */
    static final int MAX_DEPTH = 32;

    private FilterGrammar() {
    }

    /** See {@link AttributePath#isPathChar(char)}. */
    static boolean isPathChar(char c) {
        return AttributePath.isPathChar(c);
    }

    static boolean isDigit(char c) {
        return AttributePath.isDigit(c);
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Why the path can't be written in a filter, if it can't. */
    static Optional<String> pathProblem(AttrPath path) {
        if (path.schemaUrn().isPresent() && !AttributePath.isSchemaUri(path.schemaUrn().get())) {
            return Optional.of("not a schema URI: " + path.schemaUrn().get());
        }
        if (!AttributePath.isAttrName(path.attribute())) {
            return Optional.of("not an attribute name: " + path.attribute());
        }
        if (path.subAttribute().isPresent() && !AttributePath.isAttrName(path.subAttribute().get())) {
            return Optional.of("not a sub-attribute name: " + path.subAttribute().get());
        }
        return Optional.empty();
    }

    /**
     * Why the operator can't take the value, if it can't: ordering needs something orderable (RFC 7644 §3.4.2.2:
     * booleans can't be ordered, and neither can null), the substring operators need a string.
     */
    static Optional<String> operandProblem(CompareOp op, CompValue value) {
        String type = value.value().jsonType();
        boolean string = "string".equals(type);
        return switch (op) {
            case EQ, NE -> Optional.empty();
            case CO, SW, EW -> string ? Optional.empty()
                    : Optional.of("Operator \"" + op.keyword() + "\" needs a string value, not " + type);
            case GT, GE, LT, LE -> string || "number".equals(type) ? Optional.empty()
                    : Optional.of("Operator \"" + op.keyword() + "\" can't order " + type
                            + "; it orders strings, numbers and dateTimes");
        };
    }
}

package dev.roster.scim.server.http;

import java.util.Optional;

/**
 * Checks a request target's path and query before Jersey builds a {@link java.net.URI} from them (which fails on
 * a literal {@code <} or a bad {@code %} escape, and Grizzly then answers with an HTML stack trace). Raw non-ASCII
 * bytes are let through, as Jersey accepts them; the query's other characters were already encoded by
 * {@code LenientQueryStrings}.
 */
final class RequestTargets {

    private static final String PATH_PUNCTUATION = "-._~!$&'()*+,;=:@/";

    private RequestTargets() {
    }

    /** What is wrong with the path, said so that a client can fix it; empty if nothing. */
    static Optional<String> pathProblem(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%') {
                if (!isEscape(path, i)) {
                    return Optional.of(BAD_ESCAPE);
                }
            } else if (c < 0x80 && !Character.isLetterOrDigit(c) && PATH_PUNCTUATION.indexOf(c) < 0) {
                return Optional.of(c < 0x20 || c == 0x7f
                        ? "The request path contains a control character; percent-encode it."
                        : "The request path contains '" + c + "', which must be percent-encoded as "
                                + String.format("%%%02X", (int) c) + " (replace placeholders such as <id>).");
            }
        }
        return Optional.empty();
    }

    static Optional<String> queryProblem(String query) {
        for (int i = 0; i < query.length(); i++) {
            if (query.charAt(i) == '%' && !isEscape(query, i)) {
                return Optional.of("The query string has a '%' that does not start a two-digit hex escape; "
                        + "encode a literal '%' as %25.");
            }
        }
        return Optional.empty();
    }

    private static final String BAD_ESCAPE = "The request path has a '%' that does not start a two-digit hex "
            + "escape such as %20; encode a literal '%' as %25.";

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length() && hex(text.charAt(percent + 1)) && hex(text.charAt(percent + 2));
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}

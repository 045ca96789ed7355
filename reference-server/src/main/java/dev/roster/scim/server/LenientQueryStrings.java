package dev.roster.scim.server;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.HttpServerProbe;
import org.glassfish.grizzly.http.server.Request;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encodes characters that RFC 3986 does not allow in a query string but that real clients send anyway,
 * such as the literal {@code "} of {@code filter=userName eq "ann"} in some IdP validators' requests. Without
 * this, Jersey cannot build the request's URI and Grizzly answers with an HTML error page instead of a SCIM
 * response. Grizzly tells probes about each request before any handler sees it, which is where this runs.
 */
final class LenientQueryStrings extends HttpServerProbe.Adapter {

    private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@/?%";

    @Override
    public void onRequestReceiveEvent(HttpServerFilter filter, Connection connection, Request request) {
        String query = request.getQueryString();
        if (query != null && needsEncoding(query)) {
            request.setQueryString(encodeIllegal(query));
        }
    }

    static boolean needsEncoding(String query) {
        return query.chars().anyMatch(c -> !allowed(c));
    }

    /** Encodes what is not allowed, as UTF-8; existing escapes and allowed characters stay as they are. */
    static String encodeIllegal(String query) {
        StringBuilder encoded = new StringBuilder(query.length() + 16);
        query.codePoints().forEach(codePoint -> {
            if (codePoint < 128 && allowed(codePoint)) {
                encoded.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
                }
            }
        });
        return encoded.toString();
    }

    private static boolean allowed(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0);
    }
}

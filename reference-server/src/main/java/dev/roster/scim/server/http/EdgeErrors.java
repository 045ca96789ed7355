package dev.roster.scim.server.http;

import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.jaxrs.ScimErrors;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.util.Header;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** SCIM Error bodies for refusals below JAX-RS, where Jersey's exception mappers cannot answer. */
final class EdgeErrors {

    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 408, "Request Timeout",
            413, "Content Too Large", 417, "Expectation Failed", 414, "URI Too Long", 431, "Request Header Fields Too Large",
            500, "Internal Server Error", 501, "Not Implemented", 505, "HTTP Version Not Supported");

    private EdgeErrors() {
    }

    static byte[] body(int status, String detail) {
        return ScimJson.writeBytes(ScimErrors.body(status, Optional.empty(), detail));
    }

    static String reasonPhrase(int status) {
        return REASONS.getOrDefault(status, "Error");
    }

    /** A whole HTTP/1.1 response, for a connection whose request never got far enough to have a Response object. */
    static byte[] rawResponse(int status, String detail) {
        byte[] body = body(status, detail);
        String head = "HTTP/1.1 " + status + " " + reasonPhrase(status) + "\r\n"
                + "Content-Type: " + ScimMediaTypes.SCIM_JSON + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + RequestIds.HEADER + ": " + RequestIds.fresh() + "\r\n"
                + "Connection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] response = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, response, 0, headBytes.length);
        System.arraycopy(body, 0, response, headBytes.length, body.length);
        return response;
    }

    private static String requestId(Response response) {
        try {
            return RequestIds.of(Optional.ofNullable(response.getRequest().getHeader(RequestIds.HEADER)));
        } catch (RuntimeException e) {
            return RequestIds.fresh();
        }
    }

    /** Writes the error through Grizzly's response; the status makes Grizzly close the connection afterwards. */
    static void send(Response response, int status, String detail) throws IOException {
        byte[] body = body(status, detail);
        // Read before the reset; a head that did not parse has no usable id, and gets a fresh one.
        String requestId = requestId(response);
        response.reset();
        response.setStatus(status, reasonPhrase(status));
        response.setContentType(ScimMediaTypes.SCIM_JSON);
        response.setContentLength(body.length);
        response.setHeader(Header.Connection, "close");
        response.setHeader(RequestIds.HEADER, requestId);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}

package dev.roster.scim.jaxrs.internal.json;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A response body built whole before anything is written (ADR 049): its bytes in one array, so that it reaches the
 * response stream in one write, and its length known before the first byte, for {@code Content-Length}. Between the
 * entity and the socket sit Jersey's committing stream, the writer interceptors (access log, inspector) and
 * Grizzly's buffer; each write crosses all of them, and a body over Jersey's 8 KiB buffer would otherwise go out
 * chunked.
 */
public final class JsonBody implements StreamingOutput {

    private final byte[] bytes;
    private final int length;

    private JsonBody(byte[] bytes, int length) {
        Objects.checkFromIndexSize(0, length, bytes.length);
        this.bytes = bytes;
        this.length = length;
    }

    /** The body of the whole array, taken over, not copied: the caller no longer changes it. */
    public static JsonBody of(byte[] bytes) {
        return new JsonBody(bytes, bytes.length);
    }

    /** The body of the array's first {@code length} bytes, taken over as {@link #of(byte[])} does. */
    public static JsonBody of(byte[] bytes, int length) {
        return new JsonBody(bytes, length);
    }

    public int length() {
        return length;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        output.write(bytes, 0, length);
    }

    /**
     * Writes the body as a response's entity, with its {@code Content-Length} unless a writer interceptor encodes it
     * (an embedder's gzip, which announces itself by {@code Content-Encoding}): the encoded body has another length.
     */
    void writeTo(OutputStream output, MultivaluedMap<String, Object> headers) throws IOException {
        if (!headers.containsKey(HttpHeaders.CONTENT_ENCODING)) {
            headers.putSingle(HttpHeaders.CONTENT_LENGTH, Integer.toString(length));
        }
        write(output);
    }
}

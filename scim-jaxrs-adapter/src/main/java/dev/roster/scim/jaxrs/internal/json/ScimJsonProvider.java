package dev.roster.scim.jaxrs.internal.json;

import dev.roster.scim.core.error.ScimErrorType;
import dev.roster.scim.core.error.ScimException;
import dev.roster.scim.core.json.ScimObject;
import dev.roster.scim.core.json.ScimValue;
import dev.roster.scim.jackson.JsonLimits;
import dev.roster.scim.jackson.ScimJson;
import dev.roster.scim.jaxrs.ScimMediaTypes;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import dev.roster.scim.jaxrs.ScimErrors;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

/**
 * Reads request bodies into the core's {@link ScimObject} and writes any {@link ScimValue}, as
 * {@code application/scim+json} or {@code application/json}. Bodies over {@link #MAX_BODY_BYTES} are refused with
 * {@code 413} before they are parsed whole; malformed JSON is {@code 400 invalidSyntax}.
 */
@Provider
@Consumes({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
@Produces({ScimMediaTypes.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class ScimJsonProvider implements MessageBodyReader<ScimObject>, MessageBodyWriter<ScimValue> {

    /** The largest JSON document {@link ScimJson} reads from a client (1 MiB). */
    public static final int MAX_BODY_BYTES = JsonLimits.MAX_DOCUMENT_BYTES;

    private static final System.Logger LOG = System.getLogger(ScimJsonProvider.class.getName());

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == ScimObject.class;
    }

    @Override
    public ScimObject readFrom(Class<ScimObject> type, Type genericType, Annotation[] annotations,
                               MediaType mediaType, MultivaluedMap<String, String> httpHeaders,
                               InputStream entityStream) {
        String declaredLength = httpHeaders.getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declaredLength != null && isOverLimit(declaredLength)) {
            throw tooLarge();
        }
        return ScimJson.readObject(new LimitedInputStream(entityStream, MAX_BODY_BYTES));
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return ScimValue.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(ScimValue value, Class<?> type, Type genericType, Annotation[] annotations,
                        MediaType mediaType, MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream)
            throws IOException {
        JsonBody.of(ScimJson.writeBytes(value)).writeTo(entityStream, httpHeaders);
    }

    private static boolean isOverLimit(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.strip()) > MAX_BODY_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static ScimException tooLarge() {
        return new ScimException(ScimErrorType.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES + " bytes.");
    }

    /**
     * The container could not deliver the body: the client stalled past the container's read timeout (408) or cut
     * the upload off (400). That is the client's doing, so it gets a SCIM error and the log one WARN line, not the
     * last-resort 500 with a stack trace.
     */
    static WebApplicationException unreadable(IOException cause) {
        boolean timedOut = cause instanceof InterruptedIOException;
        int status = timedOut ? 408 : 400;
        LOG.log(System.Logger.Level.WARNING, "Request body unreadable (" + status + "): " + cause);
        return new WebApplicationException(cause, ScimErrors.response(status, Optional.empty(), timedOut
                ? "The request body did not arrive in time; send it at once."
                : "The request body could not be read completely: the upload was cut off.", List.of()));
    }

    /** Stops reading, with a 413, once more than the limit has arrived. */
    private static final class LimitedInputStream extends InputStream {
        private final InputStream in;
        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = in.read();
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                throw unreadable(e);
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            count += n;
            if (count > limit) {
                throw tooLarge();
            }
        }
    }
}
